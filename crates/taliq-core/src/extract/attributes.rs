//! Person attributes: the role (title) and nationality the text gives next to a PERSON
//! mention (`الرئيس الروسي فلاديمير بوتين` → role `الرئيس`, nationality `روسيا`).
//!
//! The words before a name are read right to left: nationality adjectives
//! (`data/nationality_countries.txt`), complements of the role (definite nouns
//! `الخارجية`, named organizations and places `الكرملين`, linking words `باسم`, `لدى`)
//! and, leftmost, a title of `data/titles.txt`. These are the words guideline rule 3 keeps
//! outside the PERSON span. Further:
//! - `نظيره الأميركي دونالد ترامب` (his counterpart): the role of the most recent person
//!   with a role in the same or the previous sentence;
//! - `الرئيسان الأميركي دونالد ترامب والروسي فلاديمير بوتين`, `الرئيسين واشنطن
//!   ولينكولن`: a coordinated name takes the role of the name before it, in the
//!   singular;
//! - `رئيس وزراء بريطانيا`: a country named in the role is the nationality when no
//!   adjective gives one.

use super::context::{Layer, boundary_before, display};
use super::doc::{Candidate, Doc};
use super::gazetteer::LEXICON;
use super::normalize::normalize_str;
use super::vocab;
use super::words::nationality::{country_named, nationality_at};
use crate::model::annotation::PersonAttributes;
use crate::model::label::Label;

/// Words that link a role to its complement (`المتحدث باسم الكرملين`, `السفير لدى`).
///
/// Kept in the code: the few words of one rule, written for Taliq from Arabic news
/// usage.
const LINKS: &[&str] = &["باسم", "لشوون", "لشؤون", "لدي", "في"];

/// How far before a name a role may start, in tokens.
const WINDOW: usize = 7;

/// A role found before a name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Role {
    /// A title, as displayed.
    Title(String),
    /// `نظيره`: the role of someone mentioned before.
    Counterpart,
    /// The name is coordinated with the one before it (`والروسي بوتين`, `ولينكولن`).
    SameAsPrevious,
}

/// What the words right before a name say.
#[derive(Debug, Default)]
struct Before {
    role: Option<Role>,
    nationality: Option<&'static str>,
}

/// Whether token `i` may stand between a title and a name: a definite word that is not a
/// function word or a verb, a word of a named organization or place, or a linking word.
fn complement(doc: &Doc, layer: &Layer, i: usize) -> bool {
    if !doc.is_arabic(i) {
        return false;
    }
    if let Some((_, _, label, _)) = layer.at(i) {
        return matches!(label, Label::Organization | Label::Location);
    }
    let w = doc.text(i);
    (w.starts_with("ال")
        && w.chars().count() > 3
        && !doc.is_stopword(i)
        && doc.any_bits(i) & vocab::REPORTING_VERB == 0)
        || LINKS.contains(&w)
}

/// The display form of a role given as token ranges (nationality adjectives left out),
/// skipping `skip` proclitic chars of the first token; a dual title in the singular.
fn role_text(doc: &Doc, pieces: &[(usize, usize)], skip: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    for (n, &(a, b)) in pieces.iter().enumerate() {
        let start = doc.tokens[a].start + if n == 0 { skip } else { 0 };
        out.push(display(doc, start, doc.tokens[b - 1].end));
    }
    let mut text = out.join(" ");
    if !text.contains(' ')
        && let Some(single) = singular_title(&text)
    {
        text = single;
    }
    text
}

/// `الرئيسان` / `الرئيسين` → `الرئيس` when the singular is a title.
fn singular_title(word: &str) -> Option<String> {
    let stem = word
        .strip_suffix("ان")
        .or_else(|| word.strip_suffix("ين"))?;
    LEXICON
        .titles
        .contains_word(&normalize_str(stem))
        .then(|| stem.to_string())
}

/// The words before a name: the nationality adjectives `(first token, end token,
/// country)`, nearest first, and the leftmost title `(token, proclitic length)` whose
/// end leaves only role complements and adjectives before the name.
#[derive(Debug, Default)]
struct Chain {
    nationalities: Vec<(usize, usize, &'static str)>,
    title: Option<(usize, usize)>,
    /// `والروسي` right after another person's name.
    coordinated: bool,
}

/// Walks left from the name at token `name` over nationality adjectives and role
/// complements, noting where titles start.
fn chain_before(doc: &Doc, layer: &Layer, name: usize) -> Chain {
    let mut chain = Chain::default();
    let floor = name.saturating_sub(WINDOW);
    // tokens [left, name) are all chain words
    let mut left = name;
    // tokens [plain, name) are chain words that do not start a title of their own
    let mut plain = name;
    while left > floor && !boundary_before(doc, left) {
        let tok = left - 1;
        // a nationality adjective ending at `left` (one or two words)
        let nat = (tok.saturating_sub(1)..=tok)
            .filter_map(|first| nationality_at(doc, first).map(|n| (first, n)))
            .find(|(_, (_, end, _))| *end == left);
        if let Some((first, (country, _, conj))) = nat {
            chain.nationalities.push((first, left, country));
            if conj {
                // والروسي: the title before belongs to the previous name
                chain.coordinated = chain.title.is_none()
                    && !boundary_before(doc, first)
                    && layer.ending_at(first).is_some_and(|x| x.2 == Label::Person);
                break;
            }
            if plain == left {
                plain = first;
            }
            left = first;
            continue;
        }
        let title = doc.titles_at(tok);
        if let Some(m) = title
            && m.end_token >= plain
            && m.end_token <= name
            && (m.skip == 0 || (m.skip == 1 && doc.text(tok).starts_with(['و', 'ف'])))
        {
            chain.title = Some((tok, m.skip));
        }
        if !complement(doc, layer, tok) || layer.at(tok).is_some_and(|x| x.2 == Label::Person) {
            break;
        }
        if plain == left && title.is_none() {
            plain = tok;
        }
        left = tok;
    }
    chain
}

/// Reads the role and nationality before the name whose first token is `name` (the
/// name starting `skip` chars into it).
fn before(doc: &Doc, layer: &Layer, name: usize, skip: usize) -> Before {
    let mut out = Before::default();
    if skip > 0 {
        // ولينكولن: coordinated with the name before
        if doc.text(name).starts_with('و')
            && doc.same_line(name)
            && layer.ending_at(name).is_some_and(|x| x.2 == Label::Person)
        {
            out.role = Some(Role::SameAsPrevious);
        }
        return out;
    }
    let chain = chain_before(doc, layer, name);
    if chain.coordinated {
        out.role = Some(Role::SameAsPrevious);
    }
    out.nationality = chain.nationalities.first().map(|n| n.2);
    let Some((title, tskip)) = chain.title else {
        return out;
    };
    let counterpart = doc
        .stems(title)
        .any(|st| st.skip == tskip && !st.lal && st.key.starts_with("نظير"));
    if counterpart {
        out.role = Some(Role::Counterpart);
        return out;
    }
    // the role: tokens [title, name) without the nationality adjectives
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut tok = title;
    while tok < name {
        if let Some(&(_, end, _)) = chain.nationalities.iter().find(|n| n.0 == tok) {
            tok = end;
            continue;
        }
        match pieces.last_mut() {
            Some(last) if last.1 == tok => last.1 = tok + 1,
            _ => pieces.push((tok, tok + 1)),
        }
        tok += 1;
    }
    if out.nationality.is_none() {
        // رئيس وزراء بريطانيا: the country in the role
        out.nationality = (title..name)
            .filter_map(|t| layer.at(t))
            .filter(|x| x.2 == Label::Location)
            .find_map(|x| {
                let (a, b) = (doc.tokens[x.0].start, doc.tokens[x.1 - 1].end);
                country_named(&display(doc, a, b))
            });
    }
    let role = role_text(doc, &pieces, tskip);
    // زوجة ترامب: the name is the possessor (Trump's wife), not the wife
    if role != "زوجة" {
        out.role = Some(Role::Title(role));
    }
    out
}

/// Sentences back from token `i` within which a counterpart's antecedent is looked for.
const ANTECEDENT_SENTENCES: usize = 2;

/// The attributes of the PERSON mentions of `cands` (resolved, sorted by start, with
/// their [`Layer`]) that the text gives any for, as `(index in cands, attributes)` in
/// text order.
///
/// `doc` may be a piece of a longer text: `last_role` is the role of the last titled
/// person of the text before it when no sentence boundary follows that person there
/// (`None` at the start of a text), for a counterpart (`نظيره`) in the first sentence of
/// the piece; on return it is the same for the text up to the end of `doc`.
pub fn person_attributes(
    doc: &Doc,
    cands: &[Candidate],
    layer: &Layer,
    last_role: &mut Option<String>,
) -> Vec<(usize, PersonAttributes)> {
    let mut out: Vec<(usize, PersonAttributes)> = Vec::new();
    // (first token, role) of persons with a title, in text order
    let mut titled: Vec<(usize, String)> = Vec::new();
    for (k, c) in cands.iter().enumerate() {
        if c.label != Label::Person {
            continue;
        }
        let p = layer.range(k).0;
        let b = before(doc, layer, p, c.start - doc.tokens[p].start);
        let role = match b.role {
            Some(Role::Title(t)) => Some(t),
            Some(Role::Counterpart) => antecedent_role(doc, &titled, p, last_role.as_deref()),
            Some(Role::SameAsPrevious) => previous_role(&out, &cands[..k]),
            None => None,
        };
        if let Some(r) = &role {
            titled.push((p, r.clone()));
        }
        let attrs = PersonAttributes {
            role,
            nationality: b.nationality.map(str::to_string),
        };
        if !attrs.is_empty() {
            out.push((k, attrs));
        }
    }
    if let Some((q, role)) = titled.last() {
        let open = (q + 1..doc.tokens.len()).all(|i| !boundary_before(doc, i));
        *last_role = open.then(|| role.clone());
    } else if !doc.tokens.is_empty() {
        *last_role = None;
    }
    out
}

/// The role of the PERSON mention right before `cands.len()` (the mentions before the
/// current one), from the attributes found so far.
fn previous_role(done: &[(usize, PersonAttributes)], before: &[Candidate]) -> Option<String> {
    let j = before.iter().rposition(|c| c.label == Label::Person)?;
    let (k, a) = done.last()?;
    (*k == j).then(|| a.role.clone()).flatten()
}

/// The role of the most recent titled person before token `p`, at most
/// [`ANTECEDENT_SENTENCES`] sentence boundaries back; with none in `doc`, `before` (the
/// role of a titled person in the last sentence before `doc`, [`person_attributes`]),
/// the start of `doc` counting as one boundary.
fn antecedent_role(
    doc: &Doc,
    titled: &[(usize, String)],
    p: usize,
    before: Option<&str>,
) -> Option<String> {
    let Some((q, role)) = titled.last() else {
        let boundaries = 1 + (1..=p).filter(|&i| boundary_before(doc, i)).count();
        return before
            .filter(|_| boundaries < ANTECEDENT_SENTENCES)
            .map(str::to_string);
    };
    let boundaries = (q + 1..=p).filter(|&i| boundary_before(doc, i)).count();
    (boundaries < ANTECEDENT_SENTENCES).then(|| role.clone())
}
