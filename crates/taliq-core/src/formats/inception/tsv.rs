//! WebAnno TSV 3.3 (INCEpTION's user guide, "WebAnno TSV3.x"; its reader and writer,
//! `Tsv3XDeserializer` and `Tsv3XSerializer`; the interop reference, section 6):
//!
//! ```text
//! #FORMAT=WebAnno TSV 3.3
//! #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value
//! #T_RL=webanno.custom.Speaker|value|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity
//!
//!
//! #Text=قال الرئيس عبد الفتاح السيسي: «لن نتراجع»
//! 1-1 ⇥ 0-3 ⇥ قال ⇥ _ ⇥ _ ⇥ _ ⇥
//! 1-3 ⇥ 11-14 ⇥ عبد ⇥ PERSON[1] ⇥ speaker ⇥ 1-7[2_1] ⇥
//! 1-4 ⇥ 15-21 ⇥ الفتاح ⇥ PERSON[1] ⇥ _ ⇥ _ ⇥
//! 1-7 ⇥ 30-31 ⇥ « ⇥ QUOTE[2] ⇥ _ ⇥ _ ⇥
//! ```
//!
//! After the header's layer lines, two empty lines; then the sentences, an empty line
//! between two, each its `#Text=` lines (one a line of its text) and one line a token:
//! `sentence-token` ids (1-based), `begin-end` in **UTF-16 code units** of the whole
//! text, the token, then one column a feature, each followed by a tab. `_` is no
//! annotation; a span over several tokens, or over a token another span covers too
//! (stacked, values joined by `|`), carries an id `[N]` on each of its tokens. A speaker
//! is written on the first token of the speaker (the `Dependent`), its last column the
//! first token of the quote (the `Governor`) with the ids of both, `[quote_speaker]`, 0
//! for a side without one. The `speaker` relation layer's lines are written only when a
//! speaker is. Escaped with `\`: in values `\ [ ] | _ -> ; * ⇥ ↵`, in `#Text=` lines
//! `\`, tab, `\r`, form feed, backspace and the other C0 controls (`Escaping`).
//!
//! Tokens are Taliq's, cut at every span edge ([`tokens_cut_at`]): every span is whole
//! tokens. A sentence ends at a line break or after `.`, `!`, `?`, `؟` (as CoNLL's), but
//! never inside a span written. A sentence's text runs from its first token to the next
//! sentence's (the last to the end of the text), so the `#Text=` lines hold the article
//! from its first token on exactly (a CRLF is an escaped `\r` ending one `#Text=` line);
//! only the text before the first token is not in the file.
//!
//! Read as INCEpTION reads it: the text is rebuilt from the `#Text=` lines, each ended by
//! a line break, a sentence placed at its first token's `begin` (the line break before it
//! dropped when there is no room for it, spaces added when there is a gap); so a file
//! from INCEpTION, whose sentences hold no text between them, comes in with a line break
//! and spaces there, its offsets unchanged, and the workspace re-anchors its spans on the
//! article. The last line break added is dropped. Spans: the named entity layer's `value`
//! column (`*` is a span without a value: an empty label), a span `[N]` extended over its
//! tokens and sub-tokens (`1-3.1`); speakers: the speaker layer's `BT_` column, a side
//! without an id taken as the first named entity of its token. Other layers, chains and
//! columns are skipped.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::escape::{escape_text, escape_value, stacked, unescape_text, unescape_value};
use super::{NAMED_ENTITY, SPEAKER_LAYER, SPEAKER_VALUE, select, speaker_pair};
use crate::formats::exchange::{
    Exported, Exporter, ForeignDocument, ForeignSpan, Importer, ReadError, file_text, one_article,
};
use crate::formats::offsets::{OffsetUnit, length, to_unit, tokens_cut_at};
use crate::model::annotation::Annotation;
use crate::model::document::Document;

/// WebAnno TSV 3.3, one article a file (`export_all` of several articles is `None`).
#[derive(Debug, Clone, Copy, Default)]
pub struct WebAnnoTsv {
    /// Write the pending suggestions too, beside the accepted annotations (to
    /// pre-annotate in INCEpTION); otherwise they are left out and counted.
    pub pending: bool,
}

/// The first line of a file Taliq writes; a file is read when it starts with
/// `#FORMAT=WebAnno TSV 3`.
pub const FORMAT_LINE: &str = "#FORMAT=WebAnno TSV 3.3";
/// The first line of any WebAnno TSV 3.x file.
const FORMAT_PREFIX: &str = "#FORMAT=WebAnno TSV 3";
/// The prefix of a sentence's text line.
const TEXT: &str = "#Text=";
/// What a column holds for no annotation, and a value that is null.
const NONE: &str = "_";
const NULL: &str = "*";

impl Exporter for WebAnnoTsv {
    fn export(&self, doc: &Document, annotations: &[Annotation]) -> Exported {
        let sel = select(doc, annotations, self.pending);
        let tokens = tokens_cut_at(doc, &sel.spans);
        let crossed = |at: usize| {
            sel.spans
                .iter()
                .any(|a| a.span.start() < at && a.span.end() > at)
        };
        // the first token of each sentence
        let mut firsts = Vec::new();
        for (i, &(start, _, newline)) in tokens.iter().enumerate() {
            let after_stop = i > 0 && {
                let (s, e, _) = tokens[i - 1];
                matches!(doc.slice(s, e), "." | "!" | "?" | "؟")
            };
            if i == 0 || ((newline || after_stop) && !crossed(start)) {
                firsts.push(i);
            }
        }
        // the spans over each token, in text order
        let covering: Vec<Vec<usize>> = tokens
            .iter()
            .map(|&(s, e, _)| {
                (0..sel.spans.len())
                    .filter(|&j| sel.spans[j].span.start() < e && sel.spans[j].span.end() > s)
                    .collect()
            })
            .collect();
        let mut first_token: Vec<Option<usize>> = vec![None; sel.spans.len()];
        let mut token_count = vec![0usize; sel.spans.len()];
        let mut stacked = vec![false; sel.spans.len()];
        for (t, over) in covering.iter().enumerate() {
            for &j in over {
                first_token[j].get_or_insert(t);
                token_count[j] += 1;
                stacked[j] |= over.len() > 1;
            }
        }
        let mut next_id = 0;
        let ids: Vec<Option<usize>> = (0..sel.spans.len())
            .map(|j| {
                (token_count[j] > 1 || stacked[j]).then(|| {
                    next_id += 1;
                    next_id
                })
            })
            .collect();
        // token index → its `sentence-token` id
        let mut unit_ids = Vec::with_capacity(tokens.len());
        for (n, &f) in firsts.iter().enumerate() {
            let end = firsts.get(n + 1).copied().unwrap_or(tokens.len());
            for t in f..end {
                unit_ids.push(format!("{}-{}", n + 1, t - f + 1));
            }
        }
        // the speakers written on each token: (quote, speaker)
        let mut relations: Vec<Vec<(usize, usize)>> = vec![Vec::new(); tokens.len()];
        for &(q, s) in &sel.links {
            if let (Some(ts), Some(_)) = (first_token[s], first_token[q]) {
                relations[ts].push((q, s));
            }
        }
        let speakers = relations.iter().any(|r| !r.is_empty());

        let mut out = String::new();
        out.push_str(FORMAT_LINE);
        out.push('\n');
        let _ = writeln!(out, "#T_SP={NAMED_ENTITY}|value");
        if speakers {
            let _ = writeln!(out, "#T_RL={SPEAKER_LAYER}|value|BT_{NAMED_ENTITY}");
        }
        out.push('\n');
        let utf16 = |c: usize| to_unit(doc, c, OffsetUnit::Utf16).unwrap_or_default();
        for (n, &f) in firsts.iter().enumerate() {
            let next = firsts.get(n + 1).copied();
            let text_end = next.map_or(doc.char_len(), |k| tokens[k].0);
            out.push('\n');
            for line in doc.slice(tokens[f].0, text_end).split('\n') {
                out.push_str(TEXT);
                out.push_str(&escape_text(line));
                out.push('\n');
            }
            for t in f..next.unwrap_or(tokens.len()) {
                let (s, e, _) = tokens[t];
                let _ = write!(
                    out,
                    "{}\t{}-{}\t{}\t",
                    unit_ids[t],
                    utf16(s),
                    utf16(e),
                    doc.slice(s, e)
                );
                let values: Vec<String> = covering[t]
                    .iter()
                    .map(|&j| {
                        let label = escape_value(sel.spans[j].label.as_str());
                        ids[j].map_or(label.clone(), |id| format!("{label}[{id}]"))
                    })
                    .collect();
                out.push_str(&column(&values));
                out.push('\t');
                if speakers {
                    let here = &relations[t];
                    let names: Vec<String> =
                        here.iter().map(|_| SPEAKER_VALUE.to_owned()).collect();
                    let governors: Vec<String> = here
                        .iter()
                        .filter_map(|&(q, s)| {
                            let gov = &unit_ids[first_token[q]?];
                            Some(match (ids[q], ids[s]) {
                                (None, None) => gov.clone(),
                                (g, d) => format!("{gov}[{}_{}]", g.unwrap_or(0), d.unwrap_or(0)),
                            })
                        })
                        .collect();
                    out.push_str(&column(&names));
                    out.push('\t');
                    out.push_str(&column(&governors));
                    out.push('\t');
                }
                out.push('\n');
            }
        }
        Exported {
            bytes: out.into_bytes(),
            left_out: sel.left_out,
            companions: Vec::new(),
        }
    }

    /// The one article's file; `None` for several (the format holds one document).
    fn export_all(&self, articles: &[(&Document, &[Annotation])]) -> Option<Exported> {
        one_article(self, articles)
    }
}

/// A column's cell: its stacked entries, or `_`.
fn column(entries: &[String]) -> String {
    if entries.is_empty() {
        NONE.to_owned()
    } else {
        entries.join("|")
    }
}

/// What a header column is to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    /// The named entity layer's `value`.
    EntityValue,
    /// Another column of the named entity layer.
    Entity,
    /// The speaker layer's governor column (`BT_…`).
    SpeakerRef,
    /// Anything else.
    Other,
}

/// The columns a header line declares (`#T_SP=type|feature|…`, `#T_RL=…`, `#T_CH=…`),
/// or `None` when the line is not a layer line. A layer without features has one column.
fn header_columns(line: &str) -> Option<Vec<Column>> {
    let rest = ["#T_SP=", "#T_RL=", "#T_CH="]
        .iter()
        .find_map(|p| line.strip_prefix(p))?;
    let mut fields = rest.split('|').filter(|f| !f.is_empty());
    let layer = fields.next().unwrap_or("");
    let features: Vec<&str> = fields.collect();
    if features.is_empty() {
        return Some(vec![if layer == NAMED_ENTITY {
            Column::Entity
        } else {
            Column::Other
        }]);
    }
    Some(
        features
            .iter()
            .map(|f| match (layer, *f) {
                (NAMED_ENTITY, "value") => Column::EntityValue,
                (NAMED_ENTITY, _) => Column::Entity,
                (SPEAKER_LAYER, f) if f.starts_with("BT_") => Column::SpeakerRef,
                _ => Column::Other,
            })
            .collect(),
    )
}

/// `value[N]` split into the value and `N`; `value` alone has no id.
fn with_id(entry: &str, line: usize) -> Result<(&str, Option<&str>), ReadError> {
    if entry.ends_with(']')
        && !entry.ends_with("\\]")
        && let Some(open) = entry.rfind('[')
    {
        let id = &entry[open + 1..entry.len() - 1];
        if id.is_empty() {
            return Err(syntax(line, format!("{entry:?} has an empty id")));
        }
        return Ok((&entry[..open], Some(id)));
    }
    Ok((entry, None))
}

fn syntax(line: usize, reason: impl Into<String>) -> ReadError {
    ReadError::Syntax {
        line,
        reason: reason.into(),
    }
}

/// A speaker relation read, resolved once every span is: the token it is written on,
/// the quote's token, and the ids of the quote and the speaker (0: none).
struct Relation {
    unit: String,
    governor: String,
    ids: (usize, usize),
}

impl Importer for WebAnnoTsv {
    fn import(&self, bytes: &[u8]) -> Result<Vec<ForeignDocument>, ReadError> {
        let file = file_text(bytes)?;
        let mut lines = file.lines().enumerate().map(|(n, l)| (n + 1, l)).peekable();
        match lines.next() {
            Some((_, l)) if l.starts_with(FORMAT_PREFIX) => {}
            Some(_) => return Err(syntax(1, format!("not {FORMAT_PREFIX}.x"))),
            None => return Err(ReadError::Empty),
        }
        let mut columns = Vec::new();
        while let Some(cols) = lines.peek().and_then(|(_, l)| header_columns(l)) {
            columns.extend(cols);
            lines.next();
        }
        let value_col = columns.iter().position(|c| *c == Column::EntityValue);
        let entity_col = value_col.or_else(|| columns.iter().position(|c| *c == Column::Entity));
        let speaker_col = columns.iter().position(|c| *c == Column::SpeakerRef);

        let mut doc = ForeignDocument {
            text: String::new(),
            name: None,
            unit: OffsetUnit::Utf16,
            spans: Vec::new(),
            speakers: Vec::new(),
        };
        let mut sentence: Vec<String> = Vec::new(); // the #Text= lines not placed yet
        let mut in_tokens = false;
        let mut by_id: HashMap<&str, usize> = HashMap::new();
        let mut at_unit: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut relations = Vec::new();
        for (n, line) in lines {
            if line.trim().is_empty() {
                in_tokens = false;
                continue;
            }
            if line.starts_with('#') {
                if in_tokens {
                    in_tokens = false;
                }
                if let Some(t) = line.strip_prefix(TEXT) {
                    sentence.push(unescape_text(t));
                }
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() < columns.len() + 3 {
                return Err(syntax(
                    n,
                    format!(
                        "{} columns where {} are declared",
                        fields.len(),
                        columns.len() + 3
                    ),
                ));
            }
            let unit = fields[0];
            let (begin, end) = fields[1]
                .split_once('-')
                .and_then(|(b, e)| Some((b.parse::<usize>().ok()?, e.parse::<usize>().ok()?)))
                .ok_or_else(|| syntax(n, format!("{:?} is not begin-end", fields[1])))?;
            if !in_tokens {
                if sentence.is_empty() {
                    return Err(syntax(n, "a token before its sentence's #Text= line"));
                }
                // the sentence starts at its first token: the line break before it
                // dropped when there is no room, spaces where there is a gap
                if length(&doc.text, OffsetUnit::Utf16) > begin && doc.text.ends_with('\n') {
                    doc.text.pop();
                }
                // the gap before a sentence is text the file does not hold; a real file
                // holds each token with its offsets, so the whole text is never longer
                // than the file: an offset past that is damage, not spaces to fill in
                if begin > bytes.len() {
                    return Err(syntax(
                        n,
                        format!("token offset {begin} is past the end of the file's text"),
                    ));
                }
                let have = length(&doc.text, OffsetUnit::Utf16);
                doc.text
                    .extend(std::iter::repeat_n(' ', begin.saturating_sub(have)));
                for t in sentence.drain(..) {
                    doc.text.push_str(&t);
                    doc.text.push('\n');
                }
                in_tokens = true;
            }
            if let Some(c) = entity_col
                && fields[3 + c] != NONE
            {
                for entry in stacked(fields[3 + c]) {
                    let (value, id) = with_id(entry, n)?;
                    let known = id.and_then(|id| by_id.get(id).copied());
                    let index = if let Some(i) = known {
                        doc.spans[i].end = end;
                        i
                    } else {
                        let label = if value_col.is_some() && value != NULL {
                            unescape_value(value)
                        } else {
                            String::new()
                        };
                        doc.spans.push(ForeignSpan {
                            id: Some(id.map_or_else(|| unit.to_owned(), str::to_owned)),
                            ..ForeignSpan::new(begin, end, label)
                        });
                        if let Some(id) = id {
                            by_id.insert(id, doc.spans.len() - 1);
                        }
                        doc.spans.len() - 1
                    };
                    at_unit.entry(unit).or_default().push(index);
                }
            }
            if let Some(c) = speaker_col
                && fields[3 + c] != NONE
            {
                for entry in stacked(fields[3 + c]) {
                    let (governor, id) = with_id(entry, n)?;
                    let ids = match id {
                        None => (0, 0),
                        Some(pair) => pair
                            .split_once('_')
                            .and_then(|(g, d)| Some((g.parse().ok()?, d.parse().ok()?)))
                            .ok_or_else(|| syntax(n, format!("{entry:?} is not TOKEN[N_M]")))?,
                    };
                    relations.push(Relation {
                        unit: unit.to_owned(),
                        governor: governor.to_owned(),
                        ids,
                    });
                }
            }
        }
        if !sentence.is_empty() {
            // #Text= lines with no token: the text is still the file's
            for t in sentence.drain(..) {
                doc.text.push_str(&t);
                doc.text.push('\n');
            }
        }
        doc.text.pop(); // the line break after the last #Text= line
        let resolve = |unit: &str, id: usize| -> Option<usize> {
            if id > 0 {
                by_id.get(id.to_string().as_str()).copied()
            } else {
                at_unit.get(unit)?.first().copied()
            }
        };
        for r in &relations {
            if let (Some(g), Some(d)) = (resolve(&r.governor, r.ids.0), resolve(&r.unit, r.ids.1)) {
                doc.speakers.push(speaker_pair(&doc.spans, g, d));
            }
        }
        Ok(vec![doc])
    }
}

#[cfg(test)]
mod tests {
    use super::WebAnnoTsv;
    use crate::formats::exchange::testing::{char_span, kept, link_speaker, marked, placed};
    use crate::formats::exchange::{
        Exporter, ForeignDocument, Importer, LeftOut, ReadError, in_text_order,
    };
    use crate::formats::inception::testing::{HARD, hard, sample};
    use crate::formats::offsets::{OffsetUnit, from_unit};
    use crate::model::annotation::{Annotation, Status};
    use crate::model::document::Document;
    use crate::model::label::Label;

    /// Every token line's `begin-end`, read as UTF-16 units of the article, is its token.
    fn tokens_slice_the_text(doc: &Document, tsv: &str) {
        let mut n = 0;
        for line in tsv
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        {
            let f: Vec<&str> = line.split('\t').collect();
            let (b, e) = f[1].split_once('-').unwrap();
            let at = |u: &str| from_unit(doc, u.parse().unwrap(), OffsetUnit::Utf16).unwrap();
            assert_eq!(doc.slice(at(b), at(e)), f[2], "{line}");
            assert!(line.ends_with('\t'), "{line:?}");
            n += 1;
        }
        assert!(n > 0);
    }

    /// Export, import, place on the rebuilt text, which must be the article's.
    fn round_trip(doc: &Document, anns: &[Annotation]) -> (ForeignDocument, Vec<Annotation>) {
        let out = WebAnnoTsv::default().export(doc, anns);
        tokens_slice_the_text(doc, &out.text());
        let mut docs = WebAnnoTsv::default().import(&out.bytes).unwrap();
        assert_eq!(docs.len(), 1);
        let d = docs.remove(0);
        assert_eq!(d.text, doc.text());
        let placed = placed(doc, &d, crate::model::format::FormatId::WebannoTsv);
        assert!(placed.problems.is_empty(), "{:?}", placed.problems);
        (d, placed.annotations)
    }

    /// The example of the interop reference (section 6), line for line.
    #[test]
    fn writes_the_reference_example() {
        let t = "قال الرئيس عبد الفتاح السيسي: «لن نتراجع»";
        let doc = Document::from_text(t, "t.txt", "UTF-8");
        let mut anns = marked(
            &doc,
            &[
                (11, 28, Label::Person, Status::Accepted),
                (30, 41, Label::Quote, Status::Accepted),
            ],
        );
        link_speaker(&mut anns, 1, 0);
        let out = WebAnnoTsv::default().export(&doc, &anns);
        let want = "#FORMAT=WebAnno TSV 3.3
#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value
#T_RL=webanno.custom.Speaker|value|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity


#Text=قال الرئيس عبد الفتاح السيسي: «لن نتراجع»
1-1\t0-3\tقال\t_\t_\t_\t
1-2\t4-10\tالرئيس\t_\t_\t_\t
1-3\t11-14\tعبد\tPERSON[1]\tspeaker\t1-7[2_1]\t
1-4\t15-21\tالفتاح\tPERSON[1]\t_\t_\t
1-5\t22-28\tالسيسي\tPERSON[1]\t_\t_\t
1-6\t28-29\t:\t_\t_\t_\t
1-7\t30-31\t«\tQUOTE[2]\t_\t_\t
1-8\t31-33\tلن\tQUOTE[2]\t_\t_\t
1-9\t34-40\tنتراجع\tQUOTE[2]\t_\t_\t
1-10\t40-41\t»\tQUOTE[2]\t_\t_\t
";
        assert_eq!(out.text(), want);
        assert!(out.left_out.is_empty());
        let (d, placed) = round_trip(&doc, &anns);
        assert_eq!(d.speakers, [(1, 0)]);
        assert_eq!(kept(&placed), kept(&anns));
    }

    #[test]
    fn the_hard_text_round_trips_with_its_emoji_crlf_and_speaker() {
        let (doc, anns) = hard();
        let out = WebAnnoTsv::default().export(&doc, &anns);
        assert_eq!(out.left_out, [LeftOut::Pending(1), LeftOut::Rejected(1)]);
        let text = out.text();
        // two sentences, the CRLF an escaped \r ending the first one's first #Text= line
        assert!(text.contains("السيسي:\\r\n#Text=\n1-1\t"), "{text}");
        assert!(text.contains("\n\n#Text=«لن نتراجع»"), "{text}");
        // PERSON at 14 code points is at 15 UTF-16 units; the speaker across sentences
        assert!(
            text.contains("\t15-18\tعبد\tPERSON[1]\tspeaker\t2-2[2_1]\t"),
            "{text}"
        );
        let (_, placed) = round_trip(&doc, &anns);
        let want: Vec<_> = [0, 1, 3].iter().map(|&i| anns[i].clone()).collect();
        assert_eq!(kept(&placed), kept(&want));
        let pending = WebAnnoTsv { pending: true }.export(&doc, &anns);
        assert_eq!(pending.left_out, [LeftOut::Rejected(1)]);
        assert!(pending.text().contains("القاهرة\tLOCATION\t"));
    }

    #[test]
    fn the_sample_article_round_trips_with_its_speakers() {
        let (doc, anns) = sample();
        let (_, placed) = round_trip(&doc, &anns);
        let want: Vec<_> = in_text_order(&anns).into_iter().cloned().collect();
        assert_eq!(kept(&placed), kept(&want));
        assert!(placed.iter().any(|a| a.facts.speaker.is_some()));
    }

    /// A file as INCEpTION writes one: no text between sentences, a sub-token, a stacked
    /// span, a span without a value, an escaped value, a speaker with one id.
    #[test]
    fn reads_a_file_as_inception_writes_it() {
        let file = "#FORMAT=WebAnno TSV 3.3
#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value
#T_SP=webanno.custom.Other|x
#T_RL=webanno.custom.Speaker|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity


#Text=قال بوتين.
1-1\t0-3\tقال\t_\t_\t_\t_\t
1-2\t4-9\tبوتين\t*\tPER[1]|ORG[2]\t_\t_\t
1-3\t9-10\t.\t_\t_\t_\t_\t

#Text=«نعم» بالقاهرة
2-1\t12-13\t«\t_\tQUOTE[3]\t_\t_\t
2-2\t13-16\tنعم\t_\tQUOTE[3]\t_\t1-2[1_3]|2-4[0_3]\t
2-3\t16-17\t»\t_\tQUOTE[3]\t_\t_\t
2-4\t18-26\tبالقاهرة\t_\tA\\_B\t_\t_\t
2-4.1\t21-26\tالقاهرة\t_\tLOC\t_\t_\t
";
        let docs = WebAnnoTsv::default().import(file.as_bytes()).unwrap();
        let d = &docs[0];
        assert_eq!(d.text, "قال بوتين.\n «نعم» بالقاهرة");
        let spans: Vec<(usize, usize, &str)> = d
            .spans
            .iter()
            .map(|s| (s.start, s.end, s.label.as_str()))
            .collect();
        assert_eq!(
            spans,
            [
                (4, 9, "PER"),
                (4, 9, "ORG"),
                (12, 17, "QUOTE"),
                (18, 26, "A_B"),
                (21, 26, "LOC")
            ]
        );
        // linked the other way (the quote the dependent); a side without an id is the
        // first span of its token
        assert_eq!(d.speakers, [(2, 0), (2, 3)]);
        let doc = Document::from_text(&d.text, "t", "UTF-8");
        let placed = placed(&doc, d, crate::model::format::FormatId::WebannoTsv);
        assert_eq!(
            doc.slice(
                placed.annotations[2].span.start(),
                placed.annotations[2].span.end()
            ),
            "«نعم»"
        );
    }

    /// The text before the first token is not in the file: it comes back as spaces of
    /// the same UTF-16 length, the offsets unchanged. An empty article is a header.
    #[test]
    fn text_before_the_first_token_comes_back_as_spaces() {
        let t = "\r\n  قال بوتين";
        let doc = Document::from_text(t, "t.txt", "UTF-8");
        let (s, e) = char_span(t, "بوتين");
        let anns = marked(&doc, &[(s, e, Label::Person, Status::Accepted)]);
        let out = WebAnnoTsv::default().export(&doc, &anns);
        let d = &WebAnnoTsv::default().import(&out.bytes).unwrap()[0];
        assert_eq!(d.text, "    قال بوتين");
        assert_eq!((d.spans[0].start, d.spans[0].end), (s, e));
        let empty = Document::from_text("", "e.txt", "UTF-8");
        let out = WebAnnoTsv::default().export(&empty, &[]);
        assert_eq!(
            out.text(),
            format!(
                "{}\n#T_SP={}|value\n\n",
                super::FORMAT_LINE,
                super::NAMED_ENTITY
            )
        );
        assert_eq!(
            WebAnnoTsv::default().import(&out.bytes).unwrap()[0].text,
            ""
        );
    }

    #[test]
    fn garbage_and_truncated_files_are_read_errors() {
        let r = WebAnnoTsv::default();
        assert!(matches!(r.import(b""), Err(ReadError::Empty)));
        assert!(matches!(r.import(b"\xff"), Err(ReadError::NotUtf8)));
        assert!(matches!(
            r.import(b"hello\tworld"),
            Err(ReadError::Syntax { line: 1, .. })
        ));
        let (doc, anns) = hard();
        let out = WebAnnoTsv::default().export(&doc, &anns);
        let text = out.text();
        // cut inside a token line: too few columns
        let at = text.find("\t15-18\t").unwrap() + 3;
        assert!(matches!(
            r.import(&text.as_bytes()[..at]),
            Err(ReadError::Syntax { .. })
        ));
        let bad = text.replace("\t15-18\t", "\t15-x\t");
        assert!(matches!(
            r.import(bad.as_bytes()),
            Err(ReadError::Syntax { .. })
        ));
        let no_text = "#FORMAT=WebAnno TSV 3.3\n\n\n1-1\t0-3\tقال\t\n";
        assert!(matches!(
            r.import(no_text.as_bytes()),
            Err(ReadError::Syntax { line: 4, .. })
        ));
        let bad_ref = text.replace("[2_1]", "[2-1]");
        assert!(matches!(
            r.import(bad_ref.as_bytes()),
            Err(ReadError::Syntax { .. })
        ));
        // fuzz/import_webanno_tsv: a token offset of 2 × 10^18 filled the gap before its
        // sentence with that many spaces (capacity overflow, abort); an offset past what
        // the file can hold is now a syntax error
        let huge = format!(
            "{}\n#T_SP={}|value\n\n\n#Text=قال\n1-1\t2087777777777777777-2087777777777777778\tقال\t_\n",
            super::FORMAT_LINE,
            super::NAMED_ENTITY
        );
        assert!(matches!(
            r.import(huge.as_bytes()),
            Err(ReadError::Syntax { line: 6, .. })
        ));
        let gap = huge.replace("2087777777777777777-2087777777777777778", "20-23");
        assert_eq!(
            r.import(gap.as_bytes()).unwrap()[0].text,
            format!("{}قال", " ".repeat(20))
        );
        assert!(r.export_all(&[(&doc, &anns), (&doc, &anns)]).is_none());
        assert!(r.export_all(&[(&doc, &anns)]).is_some());
        assert!(text.starts_with("#FORMAT=WebAnno TSV 3.3\n") && !text.contains(HARD));
    }
}
