//! PERSON recognizer.
//!
//! Evidence, strongest first:
//! - a title, role or honorific, optionally followed by nationality adjectives
//!   (`الرئيس الروسي فلاديمير بوتين`, `ونظيره الأميركي دونالد ترامب`, `السيد أوزبورن`);
//!   the title and adjectives stay outside the span (guideline rule 3);
//! - a reporting verb followed by its subject (`قال مايكل فالون`, `تقول تارلو:`);
//! - a known given name followed by further name tokens (`جون دي دومينيكو`);
//! - the lexicon of well-known people (`بوتين`).
//!
//! Name tokens are Arabic words that are not function words, closed-class lexicon words
//! (titles, nationalities, trigger nouns), definite (`ال…`) or marked with tanween.
//! Document-level propagation of surnames happens in [`super::propagate`].

use super::doc::{Candidate, Doc};
use super::gazetteer::LEXICON;
use super::tokenize::TokenKind;
use super::vocab;
use crate::label::Label;

/// Regnal and generational suffixes kept in a name (`أندريه برايس الثالث`).
pub(crate) const NAME_SUFFIXES: &[&str] = &["الثاني", "الثالث", "الرابع", "الابن", "الاب", "جونيور"];

/// Nasab and kunya particles inside Arabic names (`محمد بن سلمان`, `أبو مازن`).
pub(crate) const NAME_PARTICLES: &[&str] = &["بن", "ابن", "بنت", "ابو", "ابي", "ال", "عبد"];

/// Whether the word at `i` belongs to a closed class that never starts a name: function
/// words, titles, nationality adjectives, reporting verbs, trigger and descriptor nouns.
#[must_use]
pub fn is_closed_class(doc: &Doc, i: usize) -> bool {
    closed_class(doc, i)
}

fn closed_class(doc: &Doc, i: usize) -> bool {
    doc.is_stopword(i)
        || doc.text(i).starts_with("لل")
        || doc.any_bits(i) & (vocab::CLOSED | vocab::AL_DESCRIPTOR) != 0
}

/// Whether token `i` can be part of a proper name: an Arabic word of at least two
/// letters, on the same line, not definite, without tanween and not closed-class.
#[must_use]
pub fn is_name_like(doc: &Doc, i: usize) -> bool {
    if !doc.is_arabic(i) || !doc.same_line(i) {
        return false;
    }
    let w = doc.text(i);
    w.chars().count() >= 2 && !doc.is_definite(i) && !doc.has_tanween(i) && !is_closed_class(doc, i)
}

/// Whether the word at `i` has the shape of a verb or a common noun rather than a name
/// token that continues a name: a final ta marbuta (ة), an imperfect prefix (`يـ…`,
/// `تـ…ون`), a pronoun suffix (`…ها`, `…هم`), a plural verb ending (`…وا`), Form X (`استـ…`) or a feminine plural (`…ات`).
#[must_use]
pub fn is_common_shape(doc: &Doc, i: usize) -> bool {
    let word = doc.text(i);
    let len = word.chars().count();
    let tok = &doc.tokens[i];
    let (_, orig_end) = doc.to_original(tok.start, tok.end);
    ends_in_ta_marbuta(doc, i)
        || (word.starts_with('ي') && len >= 4)
        || ((word.ends_with("ها") || word.ends_with("هم")) && len >= 5)
        || (doc.norm.orig_chars[orig_end - 1] == 'ه' && len >= 5 && !is_first_name(doc, i))
        || (word.starts_with('ت') && (word.ends_with("ان") || word.ends_with("ون")))
        || word.ends_with("وا")
        || word.starts_with("است")
        || (word.ends_with("ات") && len >= 5)
}

/// Whether the original word at `i` ends in ta marbuta (ة), the shape of a feminine
/// common noun or adjective.
#[must_use]
pub fn ends_in_ta_marbuta(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    let (_, e) = doc.to_original(t.start, t.end);
    doc.norm.orig_chars[..e]
        .iter()
        .rev()
        .find(|c| !super::normalize::is_arabic_mark(**c))
        == Some(&'ة')
}

/// Whether token `i`'s text is a given name ([`LEXICON`]`.is_first_name`).
fn is_first_name(doc: &Doc, i: usize) -> bool {
    doc.bits(i) & (vocab::FIRST_NAME_AR | vocab::FIRST_NAME_FOREIGN) != 0
}

/// Whether token `i` is a single-word well-known person (`بوتين`).
fn is_known_person(doc: &Doc, i: usize) -> bool {
    doc.is_arabic(i)
        && doc
            .names_at(i)
            .is_some_and(|m| m.skip == 0 && m.tag == Label::Person && m.end_token == i + 1)
}

/// Extends a name whose first token is `i`: further name tokens (no proclitic), Arabic
/// name particles, a regnal suffix. Returns the end token. At most `max` tokens.
fn extend_name(doc: &Doc, i: usize, max: usize, allow_definite: bool) -> usize {
    let mut j = i + 1;
    if is_known_person(doc, i) {
        return j;
    }
    while j < doc.tokens.len() && j - i < max && doc.same_line(j) && doc.tokens[j].space_before {
        if is_known_person(doc, j) {
            j += 1;
            break;
        }
        let w = doc.text(j);
        if !doc.is_arabic(j) || is_common_shape(doc, j) {
            break;
        }
        if doc.bits(j) & vocab::NAME_PARTICLE != 0 && is_name_like(doc, j + 1) {
            j += 2;
            continue;
        }
        // not a coordinated word, but a transliterated W (وولمار) is a name letter
        if is_name_like(doc, j) && (!w.starts_with('و') || w.starts_with("وو")) {
            j += 1;
            continue;
        }
        if allow_definite
            && w.starts_with("ال")
            && w.chars().count() > 3
            && !is_closed_class(doc, j)
            && !LEXICON.names.contains_word(w)
            && !doc.has_tanween(j)
        {
            j += 1;
            continue;
        }
        break;
    }
    if j - i >= 2 && doc.bits(j) & vocab::NAME_SUFFIX != 0 && doc.same_line(j) {
        j += 1;
    }
    j
}

/// Skips nationality adjectives after a title (`الروسي`, `الأميركي`), returning the
/// index of the first token after them.
fn skip_nationalities(doc: &Doc, mut j: usize) -> usize {
    while j < doc.tokens.len() && doc.same_line(j) && doc.bits(j) & vocab::NATIONALITY != 0 {
        j += 1;
    }
    j
}

/// A title chain at `i`: titles, nationality adjectives and definite role words until the
/// name (`الرئيس الروسي`, `مدير التحقيق`); returns the index after the chain.
fn title_chain(doc: &Doc, i: usize) -> Option<usize> {
    let m = doc.titles_at(i)?;
    if m.skip > 0 && !doc.text(i).starts_with(['و', 'ف']) || m.skip > 1 {
        return None;
    }
    let mut j = skip_nationalities(doc, m.end_token);
    // a second title: الرئيس الروسي نظيره الأميركي
    while let Some(m2) = doc.titles_at(j) {
        if m2.skip > 0 || !doc.same_line(j) {
            break;
        }
        j = skip_nationalities(doc, m2.end_token);
    }
    Some(j)
}

/// A name starting at `j` given a strong context; returns the end token.
///
/// After a definite title (`الرئيس واشنطن`) a one-word place name is read as a person;
/// after a construct title (`رئيس روسيا`) it is not.
fn name_at(doc: &Doc, j: usize, definite_title: bool) -> Option<usize> {
    if j >= doc.tokens.len() || !doc.same_line(j) {
        return None;
    }
    let known = doc.names_at(j).filter(|m| m.skip == 0);
    if let Some(m) = known
        && m.tag == Label::Person
    {
        return Some(m.end_token);
    }
    let place_as_name =
        definite_title && known.is_some_and(|m| m.tag == Label::Location && m.end_token == j + 1);
    if (known.is_some() && !place_as_name) || !is_name_like(doc, j) {
        return None;
    }
    let arabic_first = doc.bits(j) & vocab::FIRST_NAME_AR != 0;
    if !is_first_name(doc, j) && is_common_shape(doc, j) {
        return None;
    }
    Some(extend_name(doc, j, 3, arabic_first))
}

/// Finds PERSON candidates.
pub fn recognize(doc: &Doc, out: &mut Vec<Candidate>) {
    let lx = &*LEXICON;
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        if doc.tokens[i].kind != TokenKind::Arabic {
            i += 1;
            continue;
        }
        // title + nationality + name
        if let Some(j) = title_chain(doc, i)
            && j > i
            && let Some(end) = name_at(
                doc,
                j,
                doc.text(i).starts_with("ال") || doc.text(i).starts_with("وال"),
            )
        {
            out.push(Candidate::from_tokens(doc, j, 0, end, Label::Person, 3));
            // coordinated second person: ...ترامب والروسي فلاديمير بوتين / واشنطن ولينكولن
            let mut k = end;
            if k < n && doc.same_line(k) && doc.text(k).starts_with('و') {
                let w = &doc.text(k)['و'.len_utf8()..];
                if lx.nationalities.contains(w) {
                    let k2 = skip_nationalities(doc, k + 1);
                    if let Some(e2) = name_at(doc, k2, true) {
                        out.push(Candidate::from_tokens(doc, k2, 0, e2, Label::Person, 3));
                        k = e2;
                    }
                } else if w.chars().count() >= 2 && is_dual_title(doc, i) {
                    let e2 = extend_name(doc, k, 3, false);
                    out.push(Candidate::from_tokens(doc, k, 1, e2, Label::Person, 3));
                    k = e2;
                }
            }
            i = k.max(i + 1);
            continue;
        }
        // reporting verb + subject
        let verb = doc.bits(i) & vocab::REPORTING_VERB != 0
            || doc.any_bits(i) & vocab::REPORTING_VERB != 0
                && doc
                    .stems_with_bits(i)
                    .skip(1)
                    .any(|s| s.skip == 1 && !s.lal && s.bits & vocab::REPORTING_VERB != 0);
        let next_known = doc.names_at(i + 1).is_some_and(|m| m.tag != Label::Person);
        if verb && is_name_like(doc, i + 1) && !next_known && !is_common_shape(doc, i + 1) {
            let end = extend_name(doc, i + 1, 3, doc.bits(i + 1) & vocab::FIRST_NAME_AR != 0);
            out.push(Candidate::from_tokens(doc, i + 1, 0, end, Label::Person, 3));
            i = end;
            continue;
        }
        // given name + surname
        let given = vocab::FIRST_NAME_AR | vocab::FIRST_NAME_FOREIGN;
        for st in doc
            .stems_with_bits(i)
            .filter(|_| doc.any_bits(i) & given != 0)
        {
            if st.lal {
                continue;
            }
            let key = st.key;
            let last_orig = doc.norm.orig_char(doc.tokens[i].end - 1);
            if last_orig == 'ى' {
                continue;
            }
            let arabic = st.bits & vocab::FIRST_NAME_AR != 0 && st.skip == 0;
            if (arabic || st.bits & vocab::FIRST_NAME_FOREIGN != 0) && i + 1 < n {
                let end = if key == "عبد" {
                    i + 2
                } else {
                    extend_name(doc, i, 4, arabic)
                };
                if end > i + 1 {
                    out.push(Candidate::from_tokens(
                        doc,
                        i,
                        st.skip,
                        end,
                        Label::Person,
                        2,
                    ));
                    break;
                }
                // a foreign given name on its own: تسعد كريس
                if !arabic && st.skip == 0 && key.chars().count() >= 3 && !is_closed_class(doc, i) {
                    out.push(Candidate::from_tokens(doc, i, 0, i + 1, Label::Person, 1));
                    break;
                }
            }
        }
        // well-known people
        if let Some(m) = doc.names_at(i)
            && m.tag == Label::Person
        {
            out.push(Candidate::from_tokens(
                doc,
                i,
                m.skip,
                m.end_token,
                Label::Person,
                2,
            ));
        }
        i += 1;
    }
}

/// Whether the title at `i` is dual or plural (`الرئيسان`, `الرئيسين`), so two names
/// may follow.
fn is_dual_title(doc: &Doc, i: usize) -> bool {
    let w = doc.text(i);
    w.ends_with("ان") || w.ends_with("ين")
}

#[cfg(test)]
mod tests {
    use crate::extract::testutil::assert_recognizes;

    #[test]
    fn titles_and_nationalities_stay_outside() {
        assert_recognizes(
            super::recognize,
            "بحث الرئيس الروسي [فلاديمير بوتين]، ونظيره الأميركي [دونالد ترامب]،",
        );
        assert_recognizes(
            super::recognize,
            "الرئيسان الأميركي [دونالد ترامب] والروسي [فلاديمير بوتين] يؤكدان",
        );
        assert_recognizes(super::recognize, "قال السيد [بانفالكار] أنه شعر");
        assert_recognizes(
            super::recognize,
            "خلال إدارتي الرئيسين [واشنطن] و[لينكولن], لكن",
        );
        assert_recognizes(
            super::recognize,
            "كما هنأ الرئيس الروسي نظيره الأميركي على عملية",
        );
    }

    #[test]
    fn reporting_verbs_and_given_names() {
        assert_recognizes(super::recognize, "قال [مايكل فالون] أن تاريخ");
        assert_recognizes(super::recognize, "وتشرح [تارلو]: \"عادةً\"");
        assert_recognizes(super::recognize, "وقال متحدثٌ باسم الشرطة");
        assert_recognizes(super::recognize, "قالت الشركة للبي بي سي");
        assert_recognizes(
            super::recognize,
            "شرح [جون دي دومينيكو] الذي يمثل شخصية [دونالد ترامب] قائلاً",
        );
        assert_recognizes(super::recognize, "قتلت [أندريه برايس الثالث] من خلال");
        assert_recognizes(super::recognize, "التقى [محمد بن سلمان] و[بوتين]");
    }
}
