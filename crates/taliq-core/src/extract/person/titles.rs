//! Titles before a name (guideline 3: outside the span): the chain of titles, roles and
//! nationality adjectives, rulers' titles that take one name with its nasab, military
//! ranks that are also common nouns; and the kunya (`أبو مازن`), part of the name.

#[allow(
    clippy::wildcard_imports,
    reason = "the recognizer's imports, as if in one file"
)]
use super::*;

/// Military ranks that are also common nouns (normalized): `الفريق` (lieutenant
/// general; the team), `اللواء` (major general; the brigade, the banner).
///
/// Kept in the code: the two words of one rule ([`ambiguous_title`]), written for Taliq
/// from Arabic news usage.
pub(super) const AMBIGUOUS_TITLES: &[&str] = &["الفريق", "اللواء"];

/// Whether token `i` is one of [`AMBIGUOUS_TITLES`], possibly after `و`/`ف`.
pub(super) fn ambiguous_title(doc: &Doc, i: usize) -> bool {
    let w = doc.text(i);
    let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
    AMBIGUOUS_TITLES.contains(&w)
}

/// Whether the name `[j, end)` after an [`ambiguous_title`] reads as a name and not
/// as the predicate of the common noun (`الفريق جاهز`, "the team is ready"): a known
/// given name or person, a compound given name, two name words or more, or one long
/// word (six letters or more) that [`is_name_like`] already accepted.
pub(super) fn strong_name(doc: &Doc, j: usize, end: usize) -> bool {
    end >= j + 2
        || is_first_name(doc, j)
        || is_known_person(doc, j)
        || compound_second(doc, j).is_some()
        || doc.text(j).chars().count() >= 6
}

/// Titles of monarchs and popes (normalized), which take one name with its nasab and
/// a regnal ordinal only (`الملك سلمان`, `البابا فرانسيس`, `الملك محمد السادس`,
/// `الأمير محمد بن سلمان`); what follows is no part of the name (`الملك سلمان السياسي
/// المخضرم`, `البابا فرانسيس مارك زوكربيرغ`: the object of the verb).
///
/// `data/ruler_titles.txt`, in file order.
pub(super) static RULER_TITLES: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/ruler_titles.txt")));

/// Whether one of the tokens `[i, j)` of a title chain is a ruler's title
/// ([`RULER_TITLES`], also after `و`/`ف`).
pub(super) fn ruler_title(doc: &Doc, i: usize, j: usize) -> bool {
    (i..j).any(|k| {
        let w = doc.text(k);
        let w = w
            .strip_prefix(['و', 'ف'])
            .filter(|r| r.starts_with("ال"))
            .unwrap_or(w);
        RULER_TITLES.contains(&w)
    })
}

/// The end of a ruler's name starting at `j` within `[j, end)` (the extent [`name_at`]
/// found), or one past it for an ordinal: the name (`عبد` + its
/// second word), `بن`/`ابن` + a name as often as they repeat, then a regnal ordinal
/// (also feminine: `الملكة إليزابيث الثانية`) or generational suffix.
pub(super) fn ruler_name_end(doc: &Doc, j: usize, end: usize) -> usize {
    let mut e = if doc.text(j) == "عبد" {
        j + 2
    } else {
        j + 1
    };
    while e + 1 < end && doc.bits(e) & vocab::NAME_PARTICLE != 0 {
        // `بن عبد العزيز`: a compound name after the particle
        e = match compound_second(doc, e + 1) {
            Some(c) if doc.text(e + 1) == "عبد" => c,
            _ => e + 2,
        };
    }
    e = e.min(end);
    if e < doc.tokens.len()
        && doc.same_line(e)
        && doc.is_arabic(e)
        && (is_regnal_ordinal(doc.text(e))
            || doc.bits(e) & vocab::NAME_SUFFIX != 0
            || matches!(doc.text(e), "الاولي" | "الثانيه" | "الثالثه"))
    {
        e += 1;
    }
    e
}

/// Skips nationality adjectives after a title (`الروسي`, `الأميركي`), returning the
/// index of the first token after them.
pub(super) fn skip_nationalities(doc: &Doc, mut j: usize) -> usize {
    while j < doc.tokens.len() && doc.same_line(j) && doc.bits(j) & vocab::NATIONALITY != 0 {
        j += 1;
    }
    j
}

/// A title chain at `i`: titles, nationality adjectives and definite role words until the
/// name (`الرئيس الروسي`, `مدير التحقيق`); returns the index after the chain.
pub(super) fn title_chain(doc: &Doc, i: usize) -> Option<usize> {
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

/// A kunya at token `i`: `أبو`, `أبي` or `أبا` (also after `و` or `ف`) and an Arabic given
/// name on the same line (`أبو مازن`, `وأبو بكر البغدادي`, `عن أبي محمد`): `(skip, end)`,
/// the given name extended as a name whose first word is a given name ([`extend_name`]).
/// The given name may also be one of [`KUNYA_WORDS`]. The kunya is part of the name (as
/// `أبو` is among [`NAME_PARTICLES`](crate::extract::words::NAME_PARTICLES)); an entry of the names lexicon there (`أبو ظبي`) is
/// left to it, but for a one-word person (`آبي`, Abe, is written as `أبي` normalized).
#[inline]
pub(super) fn kunya(doc: &Doc, i: usize) -> Option<(usize, usize)> {
    // every form is `اب` + one letter, after one conjunction letter or not: a test of the
    // length and the first two letters before anything else (asked about every token)
    let w = doc.text(i).as_bytes();
    let rest = match w.len() {
        6 => w,
        8 => &w[2..],
        _ => return None,
    };
    if !rest.starts_with("اب".as_bytes()) {
        return None;
    }
    kunya_at(doc, i)
}

/// [`kunya`] after its quick "no".
#[inline(never)]
pub(super) fn kunya_at(doc: &Doc, i: usize) -> Option<(usize, usize)> {
    let w = doc.text(i);
    let (skip, rest) = match w.strip_prefix(['و', 'ف']) {
        Some(r) => (1, r),
        None => (0, w),
    };
    let j = i + 1;
    if !(matches!(rest, "ابو" | "ابي" | "ابا")
        && doc.is_arabic(j)
        && doc.same_line(j)
        && doc.tokens[j].space_before
        && (doc.bits(j) & vocab::FIRST_NAME_AR != 0 || KUNYA_WORDS.contains(&doc.text(j)))
        && doc
            .names_at(i)
            .is_none_or(|m| m.tag == Label::Person && m.end_token == i + 1))
    {
        return None;
    }
    Some((skip, extend_name(doc, j, 3, true)))
}

/// Second words of common kunyas that are not given names of the given-name list on
/// their own (normalized): `أبو بكر`, `أبو عبيدة`, `أبو هريرة`, `أبو قتادة`, `أبو حفص`,
/// `أبو ذر`. Written for Taliq from the kunyas of early Islamic figures that Arabic
/// news reuses as noms de guerre.
///
/// `data/kunya_words.txt`, in file order.
pub(super) static KUNYA_WORDS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/kunya_words.txt")));
