//! Names with no cue but their words: bare names of the personal-name word list or of
//! a foreign shape (`كامبل`, `جيفري ساكس`), their unknown given names and surnames, and
//! the extension of a surname leftwards to its given name.

#[allow(
    clippy::wildcard_imports,
    reason = "the recognizer's imports, as if in one file"
)]
use super::*;

/// Whether token `l` can be an unknown given name before the name that starts at `l + 1`
/// ([`extend_leftwards`]): a plain name-like word (in no list in any reading, not a known
/// name, not definite, without tanween or proclitic `و`, not of a verb, common-noun,
/// broken-plural or [`noun_template`] shape, also after a proclitic when four letters or
/// more remain (`بتشجيع`; not `لاسي`), not
/// ending in `ى` (`تسعى`; Arabic names that do are in the given-name list), not a
/// month), separated by a space.
pub(crate) fn unknown_given_name(doc: &Doc, l: usize) -> bool {
    doc.tokens[l + 1].space_before && unknown_given_name_word(doc, l, true)
}

/// The word tests of [`unknown_given_name`], shared with [`unknown_surname`]; with
/// `readings`, also no reading after a proclitic may have a noun template (before a
/// name: `بتشجيع`; after one a word rarely carries a proclitic: `كورادو باسيرا`).
pub(crate) fn unknown_given_name_word(doc: &Doc, l: usize, readings: bool) -> bool {
    let w = doc.text(l);
    let t = &doc.tokens[l];
    doc.norm.orig_char(t.end - 1) != 'ى'
        && !(readings
            && doc
                .stems_with_bits(l)
                .any(|r| (r.skip == 0 || r.key.chars().nth(3).is_some()) && noun_template(r.key)))
        && is_name_like(doc, l)
        && w.chars().count() >= 3
        && doc.any_bits(l) == 0
        && doc.names_at(l).is_none()
        && (!w.starts_with('و') || transliterated_w(w))
        && !is_common_shape(doc, l)
        && !is_broken_plural_shape(doc, l)
        && !definite_after_proclitic(doc, l)
        && !noun_template(w)
        && crate::extract::words::date::month_name_at(doc, l).is_none()
}

/// Extends the persons in `out[from..]` that start with a surname (a word of
/// [`NAME_WORDS`](crate::extract::words::NAME_WORDS), a [`foreign_shape`] or a well-known person; not a given name, which
/// starts a name itself) leftwards over an [`unknown_given_name`] right before it
/// (`مع هيو [ميرفي]` → `[هيو ميرفي]`), and over a hyphenated half written without
/// spaces (`توكوغاوا إيه-ياسو`): a given name the lists do not have. A person found
/// after a title or a reporting verb starts where the rule put it.
pub(crate) fn extend_leftwards(doc: &Doc, out: &mut [Candidate], from: usize) {
    let given = vocab::FIRST_NAME_AR | vocab::FIRST_NAME_FOREIGN;
    let mut cursor = 0;
    for c in &mut out[from..] {
        if c.label != Label::Person || c.rank > 2 {
            continue;
        }
        let a = crate::extract::context::token_at_from(doc, c.start, &mut cursor);
        if doc.tokens[a].start != c.start || a == 0 || doc.bits(a) & given != 0 {
            continue;
        }
        let mut first = a;
        // a hyphenated name: إيه-ياسو
        if first >= 2
            && doc.is_punct(first - 1, '-')
            && !doc.tokens[first].space_before
            && !doc.tokens[first - 1].space_before
            && doc.same_line(first - 2)
            && is_name_like(doc, first - 2)
            && !doc.text(first - 2).starts_with('و')
        {
            first -= 2;
        }
        // the word before: an unknown given name, or a name word that the bare-name
        // chain left apart because of the hyphen (توكوغاوا إيه-ياسو)
        if first >= 1
            && doc.same_line(first)
            && (unknown_given_name(doc, first - 1)
                || (first < a && name_word_reading(doc, first - 1) == Some(0)))
        {
            first -= 1;
        }
        c.start = doc.tokens[first].start;
    }
}

/// The proclitic length of the first reading of token `i` that is a word of
/// [`NAME_WORDS`](crate::extract::words::NAME_WORDS) and of no other list, or a foreign given name of four letters or more
/// after a proclitic (`بفرانكو`; alone, [`recognize`] takes it). Readings after `ك` or in
/// a `لل` contraction are not taken (`كاريل` is not `ك` + `اريل`); a word with tanween is
/// no name.
#[inline]
pub(crate) fn name_word_reading(doc: &Doc, i: usize) -> Option<usize> {
    // a reading can only qualify if some reading is a name word or a foreign given name
    if !doc.is_arabic(i)
        || !doc.any_name_word(i) && doc.any_bits(i) & vocab::FIRST_NAME_FOREIGN == 0
        || doc.has_tanween(i)
    {
        return None;
    }
    let word = doc.text(i);
    doc.stems_with_bits(i)
        .find(|r| {
            !r.lal
                && !word.chars().take(r.skip).any(|c| c == 'ك')
                && ((r.bits == 0 && r.name_word)
                    || (r.skip > 0
                        && r.bits == vocab::FIRST_NAME_FOREIGN
                        && r.key.chars().nth(3).is_some()))
        })
        .map(|r| r.skip)
}

/// Whether token `i` is a plain word of [`foreign_shape`] in no list (so not a known
/// place such as `هونغ كونغ`), not definite (also not after a proclitic: `بالضيوف`),
/// without tanween and not starting with the conjunction `و` (`ومألوف`).
#[inline]
pub(crate) fn foreign_word(doc: &Doc, i: usize) -> bool {
    // the cheap tests first, then the rare shape, then the lexicon and reading lookups
    doc.is_arabic(i)
        && doc.same_line(i)
        && doc.any_bits(i) == 0
        && !doc.is_definite(i)
        && !doc.has_tanween(i)
        && !doc.text(i).starts_with('و')
        && foreign_shape(doc.text(i))
        && doc.names_at(i).is_none()
        && !definite_after_proclitic(doc, i)
}

/// Whether token `k` continues a bare name: a word of [`NAME_WORDS`](crate::extract::words::NAME_WORDS) or a foreign given
/// name or a [`foreign_word`], without proclitic, not a known name.
pub(crate) fn continues_bare_name(doc: &Doc, k: usize) -> bool {
    doc.same_line(k)
        && doc.tokens[k].space_before
        && !after_tatweel_dash(doc, k)
        && doc.names_at(k).is_none()
        && (name_word_reading(doc, k) == Some(0)
            || foreign_word(doc, k)
            || (doc.bits(k) == vocab::FIRST_NAME_FOREIGN && !doc.text(k).starts_with('و')))
}

/// Whether token `k` is written right after a tatweel used as a dash (`لوفينغ ـريتشارد`
/// opens an aside), so it does not continue the name before it.
pub(crate) fn after_tatweel_dash(doc: &Doc, k: usize) -> bool {
    let t = &doc.tokens[k];
    let (s, _) = doc.to_original(t.start, t.end);
    doc.norm.orig_chars.get(s) == Some(&'ـ') || (s > 0 && doc.norm.orig_chars[s - 1] == 'ـ')
}

/// A bare name at `i` made of [`NAME_WORDS`](crate::extract::words::NAME_WORDS) (`كامبل`, `وبونو`, `جيفري ساكس`): the
/// proclitic length of its first token and its end token (at most four words). Tokens
/// where the names lexicon has an entry are left to it.
pub(crate) fn bare_name(doc: &Doc, i: usize) -> Option<(usize, usize)> {
    if doc.names_at(i).is_some() {
        return None;
    }
    let skip = name_word_reading(doc, i).or_else(|| foreign_word(doc, i).then_some(0))?;
    let mut end = i + 1;
    while end - i < 4 {
        if continues_bare_name(doc, end) {
            end += 1;
        } else if end - i < 3
            && is_name_like(doc, end)
            && doc.any_bits(end) == 0
            && doc.tokens[end].space_before
            && !doc.text(end).starts_with('و')
            && !is_common_shape(doc, end)
            && !(doc.text(end).chars().nth(4).is_some() && noun_template(doc.text(end)))
            && continues_bare_name(doc, end + 1)
        {
            // an unknown middle name between two name words: كريستين سكوت توماس; a
            // masdar or verbal noun of five letters or more is no name (`داتي ترشيح
            // نيكولا ساركوزي`: "Dati's nomination of ...")
            end += 2;
        } else {
            break;
        }
    }
    // an unknown surname after a one- or two-word bare name: كريستينا سيفوينتيس
    if end - i < 3 && end < doc.tokens.len() && unknown_surname(doc, end) {
        end += 1;
    }
    Some((skip, end))
}

/// Whether token `k` can be an unknown surname right after a bare name
/// ([`bare_name`]: `كريستينا سيفوينتيس`, `كورادو باسيرا`): the tests of
/// [`unknown_given_name`] (a plain word in no list, of no Arabic noun, verb, plural or
/// common-noun shape; or an indefinite nationality form, `فالنتينو روسي`), written with a space after the name on the same line and not
/// after a tatweel dash, not a future verb (`سـ` + an imperfect of at most six
/// letters: `كامبل سيعود`; `سيفوينتيس` is longer) and not `لـ`/`كـ` + a verbal noun.
pub(crate) fn unknown_surname(doc: &Doc, k: usize) -> bool {
    // the cheap tests first: a word in any list (most function words) is out, but an
    // indefinite nationality form is a surname (`فالنتينو روسي`: the adjective of a name
    // would carry the article, `الروسي`)
    let national = vocab::NATIONALITY | vocab::NATIONALITY_FORM;
    if !doc.same_line(k) || !doc.tokens[k].space_before {
        return false;
    }
    let bits = doc.any_bits(k);
    if bits != 0 {
        return bits & !national == 0
            && doc.bits(k) & national != 0
            && !doc.text(k).starts_with(['و', 'ا'])
            && !doc.has_tanween(k);
    }
    let w = doc.text(k);
    let future_verb = w
        .strip_prefix('س')
        .is_some_and(|r| r.starts_with(['ي', 'ت', 'ن', 'ا']) && r.chars().count() <= 6);
    !future_verb
        && !prepositional_masdar(doc, k)
        && !after_tatweel_dash(doc, k)
        && unknown_given_name_word(doc, k, false)
}

/// Whether a word starting with `وو` reads as a transliterated W (`وولمار`,
/// `وودوارد`) rather than the conjunction `و` + a word starting with `و`: five letters or
/// more, since `و` + a three-letter verb (`ووصل`, `ووعد`, `ووضع`) is far more common.
pub(crate) fn transliterated_w(w: &str) -> bool {
    w.starts_with("وو") && w.chars().count() >= 5
}
