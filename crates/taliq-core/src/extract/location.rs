//! LOCATION recognizer.
//!
//! Evidence: the lexicons of countries, cities and regions (`روسيا`, `الولايات المتحدة`,
//! `كوريا الجنوبية`); descriptor nouns that stay outside (`مدينة نيويورك` → `نيويورك`,
//! guideline rule 11); geographic head nouns that are part of the name (`نهر النيل`,
//! `نهر بوتوماك`); a name before `، <state or country>` (`بلانو، تكساس`); and
//! `الأرض` after planetary nouns (`كوكب الأرض`); a polity head with a nisba or a name
//! (`الإمبراطورية العثمانية`, `إمبراطورية هابسبورغ`: [`polity`]). A lexicon place that is the second term
//! of an event, award or agreement name is not taken (`معاهدة لندن`, `اتفاق باريس`:
//! [`super::shape::after_event_head`]).

use std::sync::LazyLock;

use super::doc::{Candidate, Doc};
use super::gazetteer::LEXICON;
use super::shape::{after_event_head, is_common_shape, is_name_like};
use super::tokenize::TokenKind;
use super::vocab;
use super::words::{WordList, entries};
use crate::model::label::Label;

/// A bare name after a descriptor at `j`: quoted, a lexicon location, or up to two name
/// tokens. Returns `(first, end)`.
fn name_at(doc: &Doc, j: usize) -> Option<(usize, usize)> {
    if !doc.same_line(j) {
        return None;
    }
    if doc.is_quote_mark(j) {
        return super::context::quoted_at(doc, j, 3);
    }
    if let Some(m) = doc.names_at(j)
        && m.skip == 0
        && m.tag != Label::Person
    {
        return (m.tag == Label::Location).then_some((j, m.end_token));
    }
    if is_name_like(doc, j) && doc.tokens[j].space_before && !is_common_shape(doc, j) {
        let mut k = j + 1;
        if is_name_like(doc, k) && !doc.text(k).starts_with(['و', 'ل']) && !is_common_shape(doc, k)
        {
            k += 1;
        }
        return Some((j, k));
    }
    None
}

/// Head nouns of historical and present polities (normalized), definite and indefinite.
///
/// `data/polity_heads.txt`, in file order.
pub(crate) static POLITY_HEADS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../data/polity_heads.txt")));

/// A polity at `i` with no separable proper noun (data/eval README: whole LOCATION): a
/// definite [`POLITY_HEADS`] noun and one or two definite nisba adjectives
/// (`الإمبراطورية العثمانية`, `الإمبراطورية الرومانية المقدسة`, `الإمارة المورافية`), or
/// an indefinite one and a foreign name (`إمبراطورية هابسبورغ`). Returns the end token.
/// `الدولة` and `الجمهورية` are left out: with a nisba they are often a concept
/// (`الدولة الفلسطينية`) or a lexicon name (`الجمهورية التشيكية`).
fn polity(doc: &Doc, i: usize) -> Option<usize> {
    let w = doc.text(i);
    // every head ends in ه (ta marbuta): one byte test before the list
    if !w.ends_with('ه') || !POLITY_HEADS.contains(&w) || !doc.same_line(i + 1) {
        return None;
    }
    let nisba = |k: usize| {
        doc.is_arabic(k)
            && doc.same_line(k)
            && doc.text(k).starts_with("ال")
            && doc.text(k).ends_with("يه")
            && doc.text(k).chars().count() >= 6
    };
    if w.starts_with("ال") {
        if !nisba(i + 1) {
            return None;
        }
        return Some(if nisba(i + 2) { i + 3 } else { i + 2 });
    }
    (is_name_like(doc, i + 1) && !is_common_shape(doc, i + 1) && doc.any_bits(i + 1) == 0)
        .then_some(i + 2)
}

/// Whether Arabic token `i` can start none of the rules of [`recognize`]: no reading is
/// a first word of the names lexicon or of the geographic heads, a descriptor or a
/// planet context word, none is `لل`, and it does not end in `ه` as every
/// [`POLITY_HEADS`] word does (the quick "no" of each rule at once).
#[inline]
fn starts_no_location_rule(doc: &Doc, i: usize) -> bool {
    doc.any_bits(i)
        & (vocab::NAMES_FIRST
            | vocab::LOC_HEADS_FIRST
            | vocab::LOC_DESCRIPTOR
            | vocab::PLANET_CONTEXT)
        == 0
        && !doc.has_lal(i)
        && !doc.text(i).ends_with('ه')
}

/// Finds LOCATION candidates.
pub fn recognize(doc: &Doc, out: &mut Vec<Candidate>) {
    let lx = &*LEXICON;
    let n = doc.tokens.len();
    for i in 0..n {
        if doc.tokens[i].kind != TokenKind::Arabic || starts_no_location_rule(doc, i) {
            continue;
        }
        // a place named in an event, award or agreement is part of that name
        // (`معاهدة لندن`, `بطولة أستراليا المفتوحة`: MISC, guideline rule 6)
        let names = doc.names_at(i);
        let lexical = names
            .filter(|m| m.tag == Label::Location && !(m.skip == 0 && after_event_head(doc, i)));
        // a shorter place inside a longer name of another kind (`روسيا` in the channel
        // `روسيا اليوم`), a weaker candidate for when the longer one loses to an
        // overlapping mention (`إلى روسيا اليوم الاثنين`: a place and a date)
        if let Some(m) = names
            && m.tag != Label::Location
            && m.end_token > i + 1
            && let Some(short) = LEXICON.names.match_before(doc, i, m.end_token)
            && short.tag == Label::Location
            && short.skip == m.skip
        {
            let mut c =
                Candidate::from_tokens(doc, i, short.skip, short.end_token, Label::Location, 1);
            c.lal = short.lal;
            out.push(c);
        }
        if let Some(m) = lexical {
            let end = with_level(doc, m.end_token);
            let mut c = Candidate::from_tokens(doc, i, m.skip, end, Label::Location, 2);
            c.lal = m.lal;
            out.push(c);
            // بلانو، تكساس: a name before a comma and a known place
            if m.skip == 0
                && i >= 2
                && doc.same_line(i)
                && doc.same_line(i - 1)
                && (doc.is_punct(i - 1, ',') || doc.is_punct(i - 1, '،'))
            {
                let k = i - 2;
                let before_ok = k > 0 && doc.is_stopword(k - 1);
                if before_ok && is_name_like(doc, k) && doc.names_at(k).is_none() {
                    out.push(Candidate::from_tokens(doc, k, 0, k + 1, Label::Location, 2));
                }
            }
        }
        let readings = doc.stems(i);
        // geographic head + name: نهر بوتوماك, البحر الكلتي
        if let Some(m) = lx.loc_heads.match_at_bits(doc, i, vocab::LOC_HEADS_FIRST) {
            let j = m.end_token;
            let head_definite = readings
                .clone()
                .any(|s| s.skip == m.skip && s.key.starts_with("ال"));
            let next = doc.text_or_empty(j);
            let ok = doc.same_line(j)
                && doc.is_arabic(j)
                && if head_definite {
                    next.starts_with("ال") && !doc.is_stopword(j)
                } else {
                    is_name_like(doc, j)
                        || (next.starts_with("ال") && !doc.is_stopword(j))
                        || doc.names_at(j).is_some()
                };
            if ok {
                let end = doc
                    .names_at(j)
                    .filter(|m| m.skip == 0)
                    .map_or(j + 1, |m| m.end_token);
                out.push(Candidate::from_tokens(
                    doc,
                    i,
                    m.skip,
                    end,
                    Label::Location,
                    3,
                ));
            }
        }
        // descriptor + name: مدينة نيويورك, بمنطقة آبوستفورد, شارع "إتش"
        if doc.any_bits(i) & vocab::LOC_DESCRIPTOR != 0
            && doc
                .stems_with_bits(i)
                .any(|s| !s.lal && s.bits & vocab::LOC_DESCRIPTOR != 0)
            && let Some((s, e)) = name_at(doc, i + 1)
        {
            let e = with_level(doc, e);
            out.push(Candidate::from_tokens(doc, s, 0, e, Label::Location, 3));
        }
        // a polity named by its head and a nisba: الإمبراطورية العثمانية, الإمارة المورافية,
        // إمبراطورية هابسبورغ
        if let Some(end) = polity(doc, i) {
            out.push(Candidate::from_tokens(doc, i, 0, end, Label::Location, 2));
        }
        // كوكب الأرض
        if doc.any_bits(i) & vocab::PLANET_CONTEXT != 0 && doc.text_or_empty(i + 1) == "الارض"
        {
            out.push(Candidate::from_tokens(
                doc,
                i + 1,
                0,
                i + 2,
                Label::Location,
                2,
            ));
        }
    }
}

/// Adjectives of upper and lower (normalized, feminine as a place name takes them) that
/// are part of a region's name: `النمسا السفلى`, `غارون العليا`, `مصر العليا` (Lower
/// Austria, Haute-Garonne, Upper Egypt). "Middle, central" (`الوسطى`) is left out: it
/// mostly describes a part of a place (`جبال الأنديز الوسطى`, the central Andes), and
/// the regions named so (`آسيا الوسطى`) are in the lexicon.
///
/// Kept in the code: the few words of one rule, written for Taliq from Arabic news
/// usage.
const LEVELS: &[&str] = &["العليا", "السفلي"];

/// `end + 1` when token `end` is a [`LEVELS`] adjective right after a place name ending
/// there (same line, after a space); `end` otherwise.
fn with_level(doc: &Doc, end: usize) -> usize {
    let level = doc.same_line(end)
        && doc.tokens.get(end).is_some_and(|t| t.space_before)
        && LEVELS.contains(&doc.text_or_empty(end));
    if level { end + 1 } else { end }
}

#[cfg(test)]
mod tests {
    use crate::extract::testutil::assert_recognizes;

    /// Found by fuzzing (a text cut into pieces): a quotation mark opening the next line
    /// does not close a quoted name.
    #[test]
    fn a_quoted_place_closes_on_its_line() {
        assert_recognizes(super::recognize, "في شارع \"النصر\n\"ثم");
    }

    #[test]
    fn upper_and_lower_regions_keep_their_adjective() {
        assert_recognizes(
            super::recognize,
            "في جنوب [النمسا السفلى] وفي إقليم [غارون العليا] وفي [مصر] الوسطى.",
        );
    }

    #[test]
    fn lexicon_with_proclitics() {
        assert_recognizes(
            super::recognize,
            "أرسلت [روسيا] طائرة إلى [الولايات المتحدة الأميركية] فيها",
        );
        assert_recognizes(
            super::recognize,
            "لرؤساء [روسيا] و[أستراليا] و[الهند] و[كوريا الجنوبية].",
        );
        assert_recognizes(
            super::recognize,
            "الرئيس الخامس والأربعين ل[لولايات المتحدة] بصرف",
        );
    }

    #[test]
    fn descriptors_heads_and_context() {
        assert_recognizes(super::recognize, "على تخوم مدينة [تشابل هيل], ألقى");
        assert_recognizes(super::recognize, "لعبور [نهر بوتوماك] على متن");
        assert_recognizes(super::recognize, "الحامل من [بلانو], [تكساس] أن");
        assert_recognizes(super::recognize, "التي ضربت كوكب [الأرض] وجعلت");
        assert_recognizes(super::recognize, "في شارع \"[إتش]\" الذي");
    }

    #[test]
    fn polities_with_a_nisba_or_a_name() {
        assert_recognizes(super::recognize, "سقطت [الإمبراطورية البيزنطية] عام 1453");
        assert_recognizes(super::recognize, "ضمت [إمبراطورية ماوريا] أراضي واسعة");
        assert_recognizes(super::recognize, "امتدت حدود الإمبراطورية شرقاً");
    }

    #[test]
    fn places_inside_agreement_and_event_names() {
        assert_recognizes(
            super::recognize,
            "وقعت الدولتان معاهدة برلين وبروتوكول [روما]",
        );
        assert_recognizes(super::recognize, "خسر في نهائي بطولة فرنسا المفتوحة");
        // a summit is where it met
        assert_recognizes(super::recognize, "اجتمع القادة في قمة [برلين]");
    }
}
