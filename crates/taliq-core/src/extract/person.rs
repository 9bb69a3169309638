//! PERSON recognizer.
//!
//! Evidence, strongest first:
//! - a title, role or honorific, optionally followed by nationality adjectives
//!   (`الرئيس الروسي فلاديمير بوتين`, `ونظيره الأميركي دونالد ترامب`, `السيد أوزبورن`);
//!   the title and adjectives stay outside the span (guideline rule 3);
//! - a reporting verb followed by its subject (`قال مايكل فالون`, `تقول تارلو:`);
//! - a known given name followed by further name tokens (`جون دي دومينيكو`);
//! - the lexicon of well-known people (`بوتين`);
//! - a word of the personal-name word list ([`NAME_WORDS`], `data/name_words.txt`:
//!   transliterated surnames and given names that are not Arabic words) standing alone
//!   (`وقال المخرج إن كامبل سيعود`, weakest rank);
//!   A bare word (or chain) of that list, of a foreign given name or of a
//!   [`foreign_shape`] (`مكغريغور`, `أباكوموف`) is one name; one unknown word between two
//!   such words is a middle name; after `في`/`إلى` or before a directional adjective
//!   (`الجنوبية`) it is read as a place (LOCATION);
//!   an unknown word right before such a surname (or a well-known person) is its given
//!   name when it has no Arabic noun or verb shape (`مع هيو ميرفي`), and a hyphenated
//!   half joins it (`توكوغاوا إيه-ياسو`) ([`extend_leftwards`]);
//! - a plain unknown word with a regnal ordinal (`موجمير الأول`, [`REGNAL_ORDINALS`]);
//! - after `وفقاً لـ`/`بحسب` ("according to"), one unknown word of a name's shape
//!   (`وفقاً لهوبكنز`, [`according_to_name`]);
//! - after a reporting verb, a one-word subject before a quotation colon (`قال بارات:`)
//!   even when it looks like a plural;
//! - coordination with a person found by the rules above (`بين سولا وترامب`,
//!   `شرح زاي وزايون`): the other conjunct is a name when it is a plain unknown word and
//!   not the head of a construct phrase.
//!
//! - after a bare name word of one or two words, one unknown word of no Arabic noun or
//!   verb shape is its surname (`كريستينا سيفوينتيس`; not a future verb `سيعود` or a
//!   purpose phrase `لتشكيل`: [`unknown_surname`]).
//!
//! Limits (guideline rules 3, 5, 6):
//! - after a ruler's title ([`RULER_TITLES`]: `الملك`, `البابا`, `الأمير`) the name is one
//!   word with its nasab and regnal ordinal (`الملك سلمان`, `الأمير تركي بن طلال`,
//!   `الملكة إليزابيث الثانية`): the words after it are the rest of the clause;
//! - a name does not run on into a definite noun after a preposition (`بالفعل`), a
//!   `لـ`/`كـ` + masdar purpose phrase (`لتشكيل`) or a lexicon place or organization after
//!   a name without a known given name (`قال كوفاتش روسيا ستخسر`) ([`ends_name`]); a
//!   masdar of five letters or more is no unknown middle name (`كامبل تعيين ويليامز`);
//! - the second term of an event, award or agreement name is no person
//!   (`جائزة كامبل للشعر`, [`EVENT_HEADS`]; the location recognizer does the same for
//!   places: `معاهدة برلين`).
//!
//! Name tokens are Arabic words that are not function words, closed-class lexicon words
//! (titles, nationalities, trigger nouns), definite (`ال…`) or marked with tanween.
//! Document-level propagation of surnames happens in [`super::extract_adjusted`].

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::doc::{Candidate, Doc};
use super::gazetteer::LEXICON;
use super::normalize::normalize_str;
use super::tokenize::TokenKind;
use super::vocab;
use crate::model::label::Label;

/// Regnal and generational suffixes kept in a name (`أندريه برايس الثالث`).
pub(crate) const NAME_SUFFIXES: &[&str] = &["الثاني", "الثالث", "الرابع", "الابن", "الاب", "جونيور"];

/// Nasab and kunya particles inside Arabic names (`محمد بن سلمان`, `أبو مازن`).
pub(crate) const NAME_PARTICLES: &[&str] = &["بن", "ابن", "بنت", "ابو", "ابي", "ال", "عبد"];

/// Personal-name words (`data/name_words.txt`), normalized: one-word transliterated
/// surnames and given names, none of them an Arabic word or an entry of another list.
///
/// Source: the English–Arabic name pairs of arabnamer 0.1.3 (E. Yousef, data licence
/// CC BY 4.0), filtered as the file header says (`data/tools/build_name_words.py`).
pub static NAME_WORDS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    include_str!("../../../../data/name_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(normalize_str)
        .collect()
});

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

/// Whether the word at `i` has the shape of an Arabic broken plural of people or things,
/// which often follows a verb as an indefinite subject (`تشير تقارير`, `يرى خبراء`)
/// where a name would stand: `تفاعيل`/`مفاعيل`/`فواعيل` (six letters, alef third and ya
/// fifth: `تقارير`, `صواريخ`), `فعلاء` (ending in `اء`: `خبراء`, `وزراء`) and `أفعال`
/// (`أنصار`, `أطراف`); a given name (`أسماء`) is not taken.
#[must_use]
pub fn is_broken_plural_shape(doc: &Doc, i: usize) -> bool {
    let word = doc.text(i);
    let (w, len) = shape::<5>(word);
    !is_first_name(doc, i)
        && ((len == 6 && w[2] == 'ا' && w[4] == 'ي')
            || (len >= 5 && word.ends_with("اء"))
            || (len == 5 && w[0] == 'ا' && w[3] == 'ا' && !doc.is_definite(i)))
}

/// Whether the word at `i` reads as a definite noun after a preposition (`بالضيوف`,
/// `وللمدينة`, `كالعادة`): a reading stripped of `ب`, `ل` or `ك` starts with `ال`. A
/// word of the name lists is not (`بالمر`), nor a word too short for `ال` + a noun
/// (`بال`); `و` and `ف` alone are not prepositions (`فالنتاين`).
#[must_use]
pub fn definite_after_proclitic(doc: &Doc, i: usize) -> bool {
    if !doc.is_arabic(i) || is_first_name(doc, i) || doc.is_name_word(i) {
        return false;
    }
    let word = doc.text(i);
    doc.stems_with_bits(i).any(|r| {
        r.stripped
            && (r.lal || r.key.starts_with("ال"))
            && r.key.chars().nth(3).is_some()
            && word
                .chars()
                .take(r.skip)
                .any(|c| matches!(c, 'ب' | 'ل' | 'ك'))
    })
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
/// name particles, a regnal suffix. Returns the end token. At most `max` name words; a
/// compound given name ([`compound_second`]: `عبد الله`, `زين الدين`) counts as one.
fn extend_name(doc: &Doc, i: usize, max: usize, allow_definite: bool) -> usize {
    let mut j = i + 1;
    if is_known_person(doc, i) {
        return j;
    }
    // the second words of compound names, which `max` does not count
    let mut extra = 0;
    let mut allow_definite = allow_definite;
    let mut definite_taken = false;
    if let Some(e) = compound_second(doc, i) {
        // `عبد الفتاح السيسي`: a compound Arabic given name takes a nisba surname
        extra += e - j;
        j = e;
        allow_definite = true;
    }
    while j < doc.tokens.len()
        && j - i < max + extra
        && doc.same_line(j)
        && doc.tokens[j].space_before
    {
        if is_known_person(doc, j) {
            j += 1;
            break;
        }
        let w = doc.text(j);
        if w == "عبد"
            && let Some(e) = compound_second(doc, j)
        {
            extra += e - j - 1;
            j = e;
            continue;
        }
        if !doc.is_arabic(j)
            || is_common_shape(doc, j)
            || ends_name(doc, i, j)
            || after_tatweel_dash(doc, j)
            || (j >= i + 2 + extra
                && !w.starts_with("ال")
                && w.chars().nth(3).is_some()
                && noun_template(w))
        {
            // from the third word on (the words of a compound given name not counted), an
            // indefinite verb or verbal noun of a derived measure ends the name (`لاري
            // فانس أخبر`, `رشيدة داتي ترشيح`); the second word is left alone, since many
            // surnames have such shapes (`ترامب`)
            break;
        }
        if doc.bits(j) & vocab::NAME_PARTICLE != 0 && is_name_like(doc, j + 1) {
            // `بن عبد العزيز`: the particle, then a compound or one name word
            match compound_second(doc, j + 1) {
                Some(e) if doc.text(j + 1) == "عبد" => {
                    extra += e - j - 2;
                    j = e;
                }
                _ => j += 2,
            }
            continue;
        }
        // not a coordinated word, but a transliterated W (وولمار) is a name letter
        if is_name_like(doc, j) && (!w.starts_with('و') || transliterated_w(w)) {
            j += 1;
            if let Some(e) = compound_second(doc, j - 1) {
                extra += e - j;
                j = e;
            }
            continue;
        }
        // a definite surname; after a first one only a nisba (`الحسن الهاشمي`), since a
        // second definite noun is more often the object (`… البشير الوفد`)
        if allow_definite
            && w.starts_with("ال")
            && w.chars().count() > 3
            && (!definite_taken || w.ends_with('ي'))
            && !is_closed_class(doc, j)
            && !LEXICON.names.contains_word(w)
            && !doc.has_tanween(j)
        {
            definite_taken = true;
            j += 1;
            continue;
        }
        break;
    }
    if j - i >= 2 && doc.bits(j) & vocab::NAME_SUFFIX != 0 && doc.same_line(j) {
        j += 1;
    } else if j == i + 1
        && let Some(e) = regnal_name(doc, i)
    {
        j = e;
    }
    j
}

/// The end token of a compound Arabic given name (ism murakkab) whose first word is
/// token `i`: `عبد` + the next word (`عبد الله`, `عبد الفتاح`, `عبد ربه`), or a name
/// word + `الدين` or `الله` (`زين الدين`, `نور الدين`, `نصر الله`). `None` when token
/// `i` starts no compound. The reading of `عبد` may carry a proclitic (`وعبد الله`).
fn compound_second(doc: &Doc, i: usize) -> Option<usize> {
    let k = i + 1;
    let next_ok =
        k < doc.tokens.len() && doc.same_line(k) && doc.tokens[k].space_before && doc.is_arabic(k);
    if !next_ok {
        return None;
    }
    let abd = doc
        .stems_with_bits(i)
        .any(|r| r.key == "عبد" && !r.lal && (r.skip == 0 || r.stripped));
    if abd && !doc.text(k).starts_with('و') && !is_closed_class(doc, k) {
        return Some(k + 1);
    }
    (matches!(doc.text(k), "الدين" | "الله") && doc.text(i).chars().count() >= 2).then_some(k + 1)
}

/// Whether token `j` ends a name that starts at token `i` instead of continuing it: a
/// definite noun after a preposition (`السيد كومي بالكاد`: a name word never carries
/// `بـ`/`لـ`/`كـ` + `ال`), a [`prepositional_masdar`] (`لتشكيل`), or a place or
/// organization of the lexicon: of two words or more after any name (`أبو مازن رام الله`:
/// no surname is a two-word place), of one word after a name that does not start with a
/// known given name (`حذر دوندار أوروبا`: the object of the verb; `دنزل واشنطن`, with a
/// given name, keeps its surname).
fn ends_name(doc: &Doc, i: usize, j: usize) -> bool {
    definite_after_proclitic(doc, j)
        || prepositional_masdar(doc, j)
        || doc.names_at(j).is_some_and(|m| {
            m.skip == 0 && m.tag != Label::Person && (m.end_token > j + 1 || !is_first_name(doc, i))
        })
}

/// Military ranks that are also common nouns (normalized): `الفريق` (lieutenant
/// general; the team), `اللواء` (major general; the brigade, the banner).
const AMBIGUOUS_TITLES: &[&str] = &["الفريق", "اللواء"];

/// Whether token `i` is one of [`AMBIGUOUS_TITLES`], possibly after `و`/`ف`.
fn ambiguous_title(doc: &Doc, i: usize) -> bool {
    let w = doc.text(i);
    let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
    AMBIGUOUS_TITLES.contains(&w)
}

/// Whether the name `[j, end)` after an [`ambiguous_title`] reads as a name and not
/// as the predicate of the common noun (`الفريق جاهز`, "the team is ready"): a known
/// given name or person, a compound given name, two name words or more, or one long
/// word (six letters or more) that [`is_name_like`] already accepted.
fn strong_name(doc: &Doc, j: usize, end: usize) -> bool {
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
pub(crate) const RULER_TITLES: &[&str] = &[
    "الملك",
    "الملكه",
    "البابا",
    "الامير",
    "الاميره",
    "السلطان",
    "الامبراطور",
    "الامبراطوره",
    "القيصر",
    "الشاه",
];

/// Whether one of the tokens `[i, j)` of a title chain is a ruler's title
/// ([`RULER_TITLES`], also after `و`/`ف`).
fn ruler_title(doc: &Doc, i: usize, j: usize) -> bool {
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
fn ruler_name_end(doc: &Doc, j: usize, end: usize) -> usize {
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
    if (known.is_some() && !place_as_name)
        || !is_name_like(doc, j)
        || definite_after_proclitic(doc, j)
    {
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
    let first_new = out.len();
    let mut i = 0;
    while i < n {
        if doc.tokens[i].kind != TokenKind::Arabic {
            i += 1;
            continue;
        }
        // a kunya: أبو مازن, أبو بكر البغدادي
        if let Some((skip, end)) = kunya(doc, i) {
            out.push(Candidate::from_tokens(doc, i, skip, end, Label::Person, 3));
            i = end;
            continue;
        }
        if starts_no_person_rule(doc, i) {
            i += 1;
            continue;
        }
        let found_before = out.len();
        // title + nationality + name
        if let Some(j) = title_chain(doc, i)
            && j > i
            && let Some(end) = name_at(
                doc,
                j,
                doc.text(i).starts_with("ال") || doc.text(i).starts_with("وال"),
            )
            && !(j == i + 1 && ambiguous_title(doc, i) && !strong_name(doc, j, end))
        {
            let end = if ruler_title(doc, i, j) {
                ruler_name_end(doc, j, end)
            } else {
                end
            };
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
        // a one-word subject right before the colon of a quotation is the speaker even
        // in a plural-looking shape (`قال بارات:`); an Arabic plural subject takes a
        // descriptor or article (`قال مسؤولون في الوزارة:`)
        let speaker_colon =
            || doc.is_punct(i + 2, ':') && !doc.text_or_empty(i + 1).starts_with('ت');
        if verb
            && is_name_like(doc, i + 1)
            && !definite_after_proclitic(doc, i + 1)
            && doc.names_at(i + 1).is_none_or(|m| m.tag == Label::Person)
            && (speaker_colon() || !is_common_shape(doc, i + 1))
            && !is_broken_plural_shape(doc, i + 1)
            && (speaker_colon() || !four_letter_noun(doc, i + 1))
        {
            let end = match kunya(doc, i + 1) {
                Some((0, end)) => end,
                _ => extend_name(doc, i + 1, 3, doc.bits(i + 1) & vocab::FIRST_NAME_AR != 0),
            };
            out.push(Candidate::from_tokens(doc, i + 1, 0, end, Label::Person, 3));
            i = end;
            continue;
        }
        // given name + surname
        let given = vocab::FIRST_NAME_AR | vocab::FIRST_NAME_FOREIGN;
        let readings = if doc.any_bits(i) & given != 0 {
            Some(doc.stems_with_bits(i))
        } else {
            None
        };
        for st in readings.into_iter().flatten() {
            if st.lal {
                continue;
            }
            let key = st.key;
            let last_orig = doc.norm.orig_char(doc.tokens[i].end - 1);
            if last_orig == 'ى' {
                continue;
            }
            let arabic = st.bits & vocab::FIRST_NAME_AR != 0 && st.skip == 0;
            // (also the last token of the text: a name on its own at the end is a name)
            if arabic || st.bits & vocab::FIRST_NAME_FOREIGN != 0 {
                let mut end = if key == "عبد" {
                    extend_name(doc, i, 4, true)
                } else {
                    extend_name(doc, i, 4, arabic)
                };
                // a foreign given name and an unknown or nationality-form surname:
                // فالنتينو روسي
                if end == i + 1 && !arabic && st.skip == 0 && unknown_surname(doc, i + 1) {
                    end = i + 2;
                }
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
        // a plain unknown word with a regnal ordinal: موجمير الأول
        if out.len() == found_before
            && let Some(end) = regnal_name(doc, i)
        {
            out.push(Candidate::from_tokens(doc, i, 0, end, Label::Person, 2));
            i = end;
            continue;
        }
        // according to an unknown name: وفقاً لباركر, بحسب كيربر
        if out.len() == found_before
            && let Some(skip) = according_to_name(doc, i)
        {
            out.push(Candidate::from_tokens(
                doc,
                i + 1,
                skip,
                i + 2,
                Label::Person,
                1,
            ));
            i += 2;
            continue;
        }
        // a bare name word; after a place preposition it names a place: في بالما
        if out.len() == found_before
            && let Some((skip, end)) = bare_name(doc, i)
        {
            let label = if (skip == 0 && place_preposition_before(doc, i))
                || directional_adjective(doc, end)
            {
                Label::Location
            } else {
                Label::Person
            };
            out.push(Candidate::from_tokens(doc, i, skip, end, label, 1));
            i = end;
            continue;
        }
        i += 1;
    }
    extend_leftwards(doc, out, first_new);
    coordinated(doc, out, first_new);
    drop_after_event_heads(doc, out, first_new);
}

/// A kunya at token `i`: `أبو`, `أبي` or `أبا` (also after `و` or `ف`) and an Arabic given
/// name on the same line (`أبو مازن`, `وأبو بكر البغدادي`, `عن أبي محمد`): `(skip, end)`,
/// the given name extended as a name whose first word is a given name ([`extend_name`]).
/// The given name may also be one of [`KUNYA_WORDS`]. The kunya is part of the name (as
/// `أبو` is among [`NAME_PARTICLES`]); an entry of the names lexicon there (`أبو ظبي`) is
/// left to it, but for a one-word person (`آبي`, Abe, is written as `أبي` normalized).
#[inline]
fn kunya(doc: &Doc, i: usize) -> Option<(usize, usize)> {
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
fn kunya_at(doc: &Doc, i: usize) -> Option<(usize, usize)> {
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
const KUNYA_WORDS: &[&str] = &["بكر", "عبيده", "هريره", "قتاده", "حفص", "ذر"];

/// The list bits one of whose readings a token needs to start a title chain, a
/// reporting verb's subject, a given name or a names-lexicon entry in [`recognize`].
const PERSON_CUES: vocab::Bits = vocab::TITLES_FIRST
    | vocab::REPORTING_VERB
    | vocab::FIRST_NAME_AR
    | vocab::FIRST_NAME_FOREIGN
    | vocab::NAMES_FIRST;

/// Whether Arabic token `i` can start none of the rules of [`recognize`]: it is in some
/// list (so it is not a plain unknown word, which a regnal ordinal or a foreign shape may
/// make a name) but in none of [`PERSON_CUES`], no reading of it is `لل` (which the
/// phrase tables also try) or a word of [`NAME_WORDS`], and it is not a cue of
/// [`according_to_name`]. The quick "no" for the function words and list words that
/// make up most of a text; each rule tests the same again.
#[inline]
fn starts_no_person_rule(doc: &Doc, i: usize) -> bool {
    let any = doc.any_bits(i);
    any != 0
        && any & PERSON_CUES == 0
        && !doc.has_lal(i)
        && !doc.any_name_word(i)
        && !matches!(doc.text(i), "وفقا" | "طبقا" | "بحسب" | "حسب")
}

/// Nouns of named events, awards, agreements and laws (normalized) that take a person's
/// or a place's name as their second term (`كأس ديفيس`, `جائزة نوبل`, `معاهدة لندن`,
/// `بطولة أستراليا المفتوحة`, `قانون ماغنيتسكي`): the whole phrase is one MISC name
/// (guideline rule 6, flat annotation: no PERSON or LOCATION inside it; dev-gold
/// `اتفاق باريس`, `تعديل كيغالي`). A summit or conference is not among them: its place
/// is where it met (dev-gold `قمة باريس` → LOCATION `باريس`).
pub(crate) const EVENT_HEADS: &[&str] = &[
    "كاس",
    "جائزه",
    "بطوله",
    "دوري",
    "ماراثون",
    "سباق",
    "مهرجان",
    "معاهده",
    "اتفاقيه",
    "اتفاق",
    "ميثاق",
    "اعلان",
    "قانون",
    "تعديل",
];

/// Whether token `i` (read without proclitic) is the second term of a construct phrase
/// headed by an [`EVENT_HEADS`] noun (the head itself may carry `و`, `ف`, `ب`, `ل`,
/// `ك`: `بمعاهدة لندن`), on the same line.
pub(crate) fn after_event_head(doc: &Doc, i: usize) -> bool {
    if i == 0 || !doc.same_line(i) || !doc.is_arabic(i - 1) {
        return false;
    }
    let mut w = doc.text(i - 1);
    for _ in 0..2 {
        if EVENT_HEADS.contains(&w) {
            return true;
        }
        match w.strip_prefix(['و', 'ف', 'ب', 'ل', 'ك']) {
            Some(r) => w = r,
            None => return false,
        }
    }
    EVENT_HEADS.contains(&w)
}

/// Removes the persons in `out[from..]` that are the second term of an event, award or
/// agreement name ([`after_event_head`]: `كأس ديفيس`); a person with a proclitic of its
/// own is kept (`جائزة لبوتين` is a prize for him).
fn drop_after_event_heads(doc: &Doc, out: &mut Vec<Candidate>, from: usize) {
    let mut cursor = 0;
    let mut k = from;
    while k < out.len() {
        let c = &out[k];
        let a = super::context::token_at_from(doc, c.start, &mut cursor);
        if c.label == Label::Person && doc.tokens[a].start == c.start && after_event_head(doc, a) {
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Common loanwords of Arabic news, normalized, which have the letters of a
/// transliterated name but are ordinary nouns (`فيلم كامبل` is "Campbell's film").
/// All are accepted as Arabic words by the hunspell-ar 3.2 (Ayaspell) dictionary but
/// `انترنت`, checked with `hunspell -d ar -l`; the selection is of the loanwords
/// frequent in news prose.
pub(crate) const LOANWORDS: &[&str] = &[
    "فيلم",
    "فيديو",
    "راديو",
    "تلفزيون",
    "تليفزيون",
    "كمبيوتر",
    "انترنت",
    "سينما",
    "كاميرا",
    "اوبرا",
    "بنك",
    "دولار",
    "يورو",
    "بترول",
    "دكتور",
    "بروفيسور",
    "بروتوكول",
    "فيروس",
    "ماراثون",
    "تاكسي",
    "موسيقي",
];

/// Whether a normalized word has the shape of an Arabic noun that heads a construct
/// phrase before a name, or of a verb before its subject, rather than of a transliterated
/// given name (which writes its vowels as letters: `هيو`, `لاسي`, `إيوان`):
/// - no long-vowel letter (`ا`, `و`, `ي`) after the first letter (`كتب`, `حزب`, `قصر`);
/// - three letters, unless the last two are `و`/`ي` (`هيو`, `ليو`): `قام`, `مات`, `بدا`,
///   `بيت`;
/// - four letters: `فعال`, `فعيل`, `فعول` (a long vowel third: `كتاب`, `رئيس`); `فاعل`
///   ending in a consonant (`غادر`, `ساعد`; not `ماري`); `أفعل` (`أقنع`, `أعلن`); an
///   imperfect `تفعل` (`تسعى`, `تريد`; not `توني`);
/// - `مفعل`/`مفعول`/`مفاعل` (`م` and a consonant first: `منزل`, `مكتب`; not `ميرفي`),
///   `تفعيل`/`تفاعل` (`ت` and a consonant first, five letters or more: `تشجيع`), `افتعال`/`انفعل` (`ا` first, five letters or more, a consonant
///   second: `انتخاب`, `انتقل`), `فعلول`/`فعلال` (five letters, a long vowel fourth after
///   two consonants: `جمهور`);
/// - a common loanword ([`LOANWORDS`]: `فيلم`).
///
/// Written from Arabic morphology (the measures of the triliteral verb and its nouns).
pub(crate) fn noun_template(word: &str) -> bool {
    let (w, n) = shape::<4>(word);
    let vowel = |c: char| matches!(c, 'ا' | 'و' | 'ي');
    n < 3
        || !word.chars().skip(1).any(vowel)
        || (n == 3 && !(matches!(w[1], 'و' | 'ي') && matches!(w[2], 'و' | 'ي')))
        || (n == 4 && vowel(w[2]))
        || (n == 4 && w[1] == 'ا' && !matches!(w[3], 'و' | 'ي'))
        || (n == 4 && w[0] == 'ا' && !vowel(w[1]))
        || (n == 4 && w[0] == 'ت' && !vowel(w[1]))
        || (n >= 4 && w[0] == 'م' && !vowel(w[1]))
        || (n >= 5 && w[0] == 'ت' && !vowel(w[1]))
        || (n >= 5 && w[0] == 'ا' && !vowel(w[1]))
        || (n == 5 && !vowel(w[1]) && !vowel(w[2]) && vowel(w[3]))
        || LOANWORDS.contains(&word)
}

/// Whether a word starting with `وو` reads as a transliterated W (`وولمار`,
/// `وودوارد`) rather than the conjunction `و` + a word starting with `و`: five letters or
/// more, since `و` + a three-letter verb (`ووصل`, `ووعد`, `ووضع`) is far more common.
fn transliterated_w(w: &str) -> bool {
    w.starts_with("وو") && w.chars().count() >= 5
}

/// Whether token `l` can be an unknown given name before the name that starts at `l + 1`
/// ([`extend_leftwards`]): a plain name-like word (in no list in any reading, not a known
/// name, not definite, without tanween or proclitic `و`, not of a verb, common-noun,
/// broken-plural or [`noun_template`] shape, also after a proclitic when four letters or
/// more remain (`بتشجيع`; not `لاسي`), not
/// ending in `ى` (`تسعى`; Arabic names that do are in the given-name list), not a
/// month), separated by a space.
fn unknown_given_name(doc: &Doc, l: usize) -> bool {
    doc.tokens[l + 1].space_before && unknown_given_name_word(doc, l, true)
}

/// The word tests of [`unknown_given_name`], shared with [`unknown_surname`]; with
/// `readings`, also no reading after a proclitic may have a noun template (before a
/// name: `بتشجيع`; after one a word rarely carries a proclitic: `كورادو باسيرا`).
fn unknown_given_name_word(doc: &Doc, l: usize, readings: bool) -> bool {
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
        && super::date::month_name_at(doc, l).is_none()
}

/// Extends the persons in `out[from..]` that start with a surname (a word of
/// [`NAME_WORDS`], a [`foreign_shape`] or a well-known person; not a given name, which
/// starts a name itself) leftwards over an [`unknown_given_name`] right before it
/// (`مع هيو [ميرفي]` → `[هيو ميرفي]`), and over a hyphenated half written without
/// spaces (`توكوغاوا إيه-ياسو`): a given name the lists do not have. A person found
/// after a title or a reporting verb starts where the rule put it.
fn extend_leftwards(doc: &Doc, out: &mut [Candidate], from: usize) {
    let given = vocab::FIRST_NAME_AR | vocab::FIRST_NAME_FOREIGN;
    let mut cursor = 0;
    for c in &mut out[from..] {
        if c.label != Label::Person || c.rank > 2 {
            continue;
        }
        let a = super::context::token_at_from(doc, c.start, &mut cursor);
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
/// [`NAME_WORDS`] and of no other list, or a foreign given name of four letters or more
/// after a proclitic (`بفرانكو`; alone, [`recognize`] takes it). Readings after `ك` or in
/// a `لل` contraction are not taken (`كاريل` is not `ك` + `اريل`); a word with tanween is
/// no name.
#[inline]
fn name_word_reading(doc: &Doc, i: usize) -> Option<usize> {
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

/// Whether a normalized word has a spelling that Arabic words (almost) never have and
/// transliterations of European and Asian names often do: a letter outside the Arabic
/// alphabet (پ چ ڤ گ ژ, used for p, ch, v, g, zh), a final `نغ` (-ng: `جوتينغ`), `كغ`
/// (Mc-G: `مكغريغور`), a final `وف` in a word of six letters or more (Russian -ov:
/// `أباكوموف`; shorter `مألوف`, `الظروف` are Arabic), `سكي` (-ski), `يتش` (-ich),
/// `ستروم` (-strom) or `بيرغ` (-berg). Written from the orthography of Arabic (no
/// native root ends in these clusters); checked on the development sets only as a whole.
#[must_use]
pub fn foreign_shape(word: &str) -> bool {
    // most words end in none of the clusters' letters and hold none of the five: one
    // pass over the UTF-8 bytes decides them (a lead byte and the continuation byte
    // after it are one char: پ U+067E is D9 BE, چ ژ ڤ گ are DA 86, DA 98, DA A4, DA AF,
    // ك U+0643 is D9 83)
    let (mut special, mut kaf, mut prev) = (false, false, 0u8);
    for &b in word.as_bytes() {
        match (prev, b) {
            (0xD9, 0xBE) | (0xDA, 0x86 | 0x98 | 0xA4 | 0xAF) => special = true,
            (0xD9, 0x83) => kaf = true,
            _ => {}
        }
        prev = b;
    }
    if special {
        return true;
    }
    if !kaf && !matches!(word.chars().next_back(), Some('غ' | 'ف' | 'ي' | 'ش' | 'م')) {
        return false;
    }
    let n = word.chars().count();
    word.contains("كغ")
        || (n >= 4 && word.ends_with("نغ"))
        || (n >= 6 && word.ends_with("وف"))
        || (n >= 5
            && ["سكي", "يتش", "ستروم", "بيرغ"]
                .iter()
                .any(|e| word.ends_with(e)))
}

/// Whether token `i` is a plain word of [`foreign_shape`] in no list (so not a known
/// place such as `هونغ كونغ`), not definite (also not after a proclitic: `بالضيوف`),
/// without tanween and not starting with the conjunction `و` (`ومألوف`).
#[inline]
fn foreign_word(doc: &Doc, i: usize) -> bool {
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

/// Whether token `k` continues a bare name: a word of [`NAME_WORDS`] or a foreign given
/// name or a [`foreign_word`], without proclitic, not a known name.
fn continues_bare_name(doc: &Doc, k: usize) -> bool {
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
fn after_tatweel_dash(doc: &Doc, k: usize) -> bool {
    let t = &doc.tokens[k];
    let (s, _) = doc.to_original(t.start, t.end);
    doc.norm.orig_chars.get(s) == Some(&'ـ') || (s > 0 && doc.norm.orig_chars[s - 1] == 'ـ')
}

/// A bare name at `i` made of [`NAME_WORDS`] (`كامبل`, `وبونو`, `جيفري ساكس`): the
/// proclitic length of its first token and its end token (at most four words). Tokens
/// where the names lexicon has an entry are left to it.
fn bare_name(doc: &Doc, i: usize) -> Option<(usize, usize)> {
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
fn unknown_surname(doc: &Doc, k: usize) -> bool {
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

/// The first `N` chars of `word` (`'\0'` past its end) and its length in chars: what the
/// word-shape tests look at, without collecting the word into a `Vec<char>` (an
/// allocation per test, on many tokens). A test must check the length before it reads a
/// char, as it would before indexing the `Vec`.
fn shape<const N: usize>(word: &str) -> ([char; N], usize) {
    let mut head = ['\0'; N];
    let mut len = 0;
    for c in word.chars() {
        if let Some(slot) = head.get_mut(len) {
            *slot = c;
        }
        len += 1;
    }
    (head, len)
}

/// Whether token `k` is a four-letter word of the noun measures `فعال`, `فعيل`, `فعول`
/// (a long vowel third: `طلاب`, `رجال`, `شباب`) and no given name: after a reporting verb
/// it is an indefinite plural or noun subject (`أبلغ طلاب الجامعة`), not a name.
fn four_letter_noun(doc: &Doc, k: usize) -> bool {
    let (w, len) = shape::<3>(doc.text(k));
    len == 4 && matches!(w[2], 'ا' | 'و' | 'ي') && !is_first_name(doc, k)
}

/// Whether token `k` is `لـ`/`كـ` + a verbal noun (masdar) of a derived form, a purpose
/// or manner phrase after a name (`ويليامز لتشكيل لجنة`, `كلارك لمناقشة`), not a name
/// that starts with `ل` (`لامبرت`): the reading after the proclitic has five letters or
/// more and starts like `تفعيل`/`تفاعل` (`ت` + a consonant), `مفاعلة` (`م` + a
/// consonant), `استفعال`, `انفعال` or `افتعال` (`ا` + `ن`, or `ت` third). `بـ` may start
/// a name (`باسيرا`) and is not tested.
fn prepositional_masdar(doc: &Doc, k: usize) -> bool {
    let vowel = |c: char| matches!(c, 'ا' | 'و' | 'ي');
    doc.text(k).starts_with(['ل', 'ك'])
        && doc.stems_with_bits(k).any(|r| {
            let (w, len) = shape::<3>(r.key);
            r.skip > 0
                && len >= 5
                && ((matches!(w[0], 'ت' | 'م') && !vowel(w[1]))
                    || (w[0] == 'ا' && (w[1] == 'ن' || w[2] == 'ت' || r.key.starts_with("است"))))
        })
}

/// Whether token `k`, read with `skip` proclitic chars, can be the other conjunct of a
/// person: a plain word (in no list but the given names in any reading, so no function
/// word such as `بذلك`; not a known name, not definite, without tanween, not of a verb
/// or common-noun shape, nor of a [`noun_template`] unless a given name: `وصفق`) on the
/// same line.
fn plain_conjunct(doc: &Doc, k: usize, skip: usize) -> bool {
    if !doc.is_arabic(k)
        || !doc.same_line(k)
        || doc.has_tanween(k)
        || is_common_shape(doc, k)
        || is_broken_plural_shape(doc, k)
    {
        return false;
    }
    let given = vocab::FIRST_NAME_AR | vocab::FIRST_NAME_FOREIGN;
    doc.any_bits(k) & !given == 0
        && doc
            .stems_with_bits(k)
            .find(|r| r.skip == skip && !r.lal)
            .is_some_and(|r| {
                !r.key.starts_with("ال")
                    && r.key.chars().nth(1).is_some()
                    && doc.names_at(k).is_none_or(|m| m.skip != skip)
                    && (r.bits & given != 0 || !noun_template(r.key))
            })
}

/// Whether the word after token `end - 1` makes it the head of a construct phrase
/// (`وأنصار الحزب`, `وحلفاء واشنطن`): a definite word that is not a function word, or a
/// known name.
fn heads_construct(doc: &Doc, end: usize) -> bool {
    doc.is_arabic(end)
        && doc.same_line(end)
        && doc.tokens[end].space_before
        && ((doc.is_definite(end) && !doc.is_stopword(end)) || doc.names_at(end).is_some())
}

/// Adds the other conjunct of the persons in `out[from..]` (guideline rule 5: two
/// spans): `سولا وترامب` → `سولا`; `زاي وزايون` → `زايون`. The conjunct must be a
/// [`plain_conjunct`]; after the person it must not head a construct phrase.
fn coordinated(doc: &Doc, out: &mut Vec<Candidate>, from: usize) {
    let n = doc.tokens.len();
    // the tokens already in a person span, so that no conjunct is added twice
    let mut taken: FxHashSet<usize> = FxHashSet::default();
    let mut cursor = 0;
    let mut token_at = |pos| super::context::token_at_from(doc, pos, &mut cursor);
    for c in out[from..].iter().filter(|c| c.label == Label::Person) {
        let (a, b) = (token_at(c.start), token_at(c.end - 1));
        taken.extend(a..=b);
    }
    let mut k = from;
    while k < out.len() {
        let c = &out[k];
        k += 1;
        if c.label != Label::Person {
            continue;
        }
        let (first, last) = (token_at(c.start), token_at(c.end - 1));
        let skip = c.start - doc.tokens[first].start;
        // PERSON وX
        let j = last + 1;
        if j < n
            && doc.tokens[j].space_before
            && doc.text(j).starts_with('و')
            && plain_conjunct(doc, j, 1)
        {
            // a given name takes its surname along: وهيلاري كلينتون
            let end = if doc.any_bits(j) == 0 {
                j + 1
            } else {
                extend_name(doc, j, 3, false)
            };
            if !heads_construct(doc, end) && !(j..end).any(|t| taken.contains(&t)) {
                taken.extend(j..end);
                out.push(Candidate::from_tokens(doc, j, 1, end, Label::Person, 2));
            }
        }
        // X وPERSON
        if skip == 1
            && doc.text(first).starts_with('و')
            && first > 0
            && doc.tokens[first].space_before
            && doc.same_line(first)
            && plain_conjunct(doc, first - 1, 0)
            && !(first >= 2 && doc.same_line(first - 1) && plain_conjunct(doc, first - 2, 0))
            && taken.insert(first - 1)
        {
            out.push(Candidate::from_tokens(
                doc,
                first - 1,
                0,
                first,
                Label::Person,
                2,
            ));
        }
    }
}

/// Whether the word before `i`, on the same line, is the locative preposition `في` or
/// `إلى`, after which an unknown name is far more often a place than a person (people
/// are "in" or "to" a place); used to label a bare name word LOCATION. `إلى` in the fixed
/// phrase `بالنسبة إلى` ("regarding") is no place preposition.
fn place_preposition_before(doc: &Doc, i: usize) -> bool {
    i > 0
        && doc.same_line(i)
        && match doc.text(i - 1) {
            "في" => true,
            // not the fixed phrase بالنسبة إلى "as for, regarding" (`بالنسبة إلى كامبل`)
            "الي" => i < 2 || !doc.text(i - 2).ends_with("النسبه"),
            _ => false,
        }
}

/// Whether token `i` is `وفقاً`/`طبقاً` (then `لـ` + a name) or `بحسب`/`حسب` (then a
/// name) and the word after it an unknown name of five letters or more: the proclitic
/// length of that name. The source of a statement is a person or an organization; a
/// plain word in no list, of no Arabic noun, verb, plural, feminine or pronoun-suffix
/// shape is read as a person (`وفقاً لباركر`; not `وفقاً لتقديرات`, `وفقاً لخبراء`,
/// `بحسب مسؤولين`, `وفقاً للتقويم`, `حسب تأكيده`).
fn according_to_name(doc: &Doc, i: usize) -> Option<usize> {
    let w = doc.text(i);
    // every cue is four or three letters: one length test before the comparison
    if !(w.len() == 8 || w.len() == 6) {
        return None;
    }
    let skip = match w {
        "وفقا" | "طبقا" => 1,
        "بحسب" | "حسب" => 0,
        _ => return None,
    };
    let k = i + 1;
    if !doc.is_arabic(k)
        || !doc.same_line(k)
        || doc.has_tanween(k)
        || ends_in_ta_marbuta(doc, k)
        || doc.names_at(k).is_some()
        || (skip == 1 && (!doc.text(k).starts_with('ل') || doc.text(k).starts_with("لل")))
        || is_common_shape(doc, k)
    {
        return None;
    }
    let key = doc.stems_with_bits(k).find(|r| r.skip == skip && !r.lal)?;
    let (c, len) = shape::<5>(key.key);
    (key.bits == 0
        && len >= 5
        && !key.key.starts_with("ال")
        && !key.key.ends_with("ات")
        && !key.key.ends_with("اء")
        && !(len == 6 && c[2] == 'ا' && c[4] == 'ي')
        && !noun_template(key.key))
    .then_some(skip)
}

/// Directional adjectives (normalized) that follow a place, never a person's name
/// (`مورافيا الجنوبية`, `كارولينا الشمالية`).
pub(crate) const DIRECTIONAL_ADJECTIVES: &[&str] = &[
    "الشماليه",
    "الجنوبيه",
    "الشرقيه",
    "الغربيه",
    "الشمالي",
    "الجنوبي",
    "الشرقي",
    "الغربي",
    "الوسطي",
    "العليا",
    "السفلي",
];

/// Whether token `k` is a [`DIRECTIONAL_ADJECTIVES`] word on the same line: the bare name
/// before it names a place (LOCATION), as after `في`.
fn directional_adjective(doc: &Doc, k: usize) -> bool {
    doc.is_arabic(k) && doc.same_line(k) && DIRECTIONAL_ADJECTIVES.contains(&doc.text(k))
}

/// Regnal ordinals after a ruler's name (`الأول`, `الثاني`, …), normalized: the
/// ordinals one to ten.
pub(crate) const REGNAL_ORDINALS: &[&str] = &super::date::ORDINAL_UNITS;

/// A one-word name with a regnal ordinal at `i` (`موجمير الأول`, `فيليب الثاني`): an
/// indefinite word cannot take a definite adjective, so a plain word (in no list, no
/// proclitic, not definite, without tanween, not of a verb or common-noun shape, not
/// a month such as `تشرين`) followed by a masculine ordinal with the article is a proper
/// name. Returns the end token (the ordinal stays inside, as `أندريه برايس الثالث`).
#[inline]
fn regnal_name(doc: &Doc, i: usize) -> Option<usize> {
    let j = i + 1;
    (doc.any_bits(i) == 0
        && doc.is_arabic(j)
        && doc.same_line(j)
        && doc.tokens[j].space_before
        && is_regnal_ordinal(doc.text(j))
        && is_name_like(doc, i)
        && doc.any_bits(i) == 0
        && doc.names_at(i).is_none()
        && !doc.text(i).starts_with('و')
        && !is_common_shape(doc, i)
        && !is_broken_plural_shape(doc, i)
        && super::date::month_name_at(doc, i).is_none())
    .then_some(j + 1)
}

/// Whether `w` is one of [`REGNAL_ORDINALS`] (all `ال` + three or four letters: a test
/// of the length first).
fn is_regnal_ordinal(w: &str) -> bool {
    matches!(w.len(), 10 | 12) && REGNAL_ORDINALS.contains(&w)
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

    /// Found by fuzzing (a text cut into pieces): a foreign given name on its own is a
    /// name at the end of the text as well as before another line.
    #[test]
    fn a_given_name_ends_the_text() {
        assert_recognizes(super::recognize, "تحدث مع [جان]");
        assert_recognizes(super::recognize, "تحدث مع [جان]\nثم");
    }

    /// Prepositions of time and cause end a name (found by a break-it test:
    /// `كارلو أنشيلوتي عقب` was one name).
    #[test]
    fn time_prepositions_end_a_name() {
        assert_recognizes(
            super::recognize,
            "وقال المدرب [كارلو أنشيلوتي] عقب المباراة، وقال الرئيس [دونالد ترامب] إثر الاجتماع",
        );
    }

    /// A kunya is one name, also as a reporting verb's subject; a place of two words
    /// ends it even after a given name (break-it test: `مازن رام الله` was one PERSON).
    #[test]
    fn kunyas_are_names() {
        assert_recognizes(
            super::recognize,
            "وزار [أبو مازن] رام الله أمس، وقُتل [أبو بكر البغدادي] عام 2019 في أبو ظبي عن [أبي عبيدة]. وقال [أبو محمد الجولاني] إن",
        );
    }

    /// A verb or verbal noun of a derived measure after a two-word name ends it.
    #[test]
    fn a_derived_verb_or_verbal_noun_ends_a_name() {
        assert_recognizes(
            super::recognize,
            "المحقق الكندي [لاري فانس] أخبر الصحيفة أنه مقتنع.",
        );
        assert_recognizes(
            super::recognize,
            "تدعم فيها [رشيدة داتي] ترشيح [نيكولا ساركوزي].",
        );
    }

    /// [`super::noun_template`] as first written, on the word collected into a `Vec`.
    fn noun_template_by_vec(word: &str) -> bool {
        let w: Vec<char> = word.chars().collect();
        let n = w.len();
        let vowel = |c: char| matches!(c, 'ا' | 'و' | 'ي');
        n < 3
            || !w[1..].iter().any(|&c| vowel(c))
            || (n == 3 && !(matches!(w[1], 'و' | 'ي') && matches!(w[2], 'و' | 'ي')))
            || (n == 4 && vowel(w[2]))
            || (n == 4 && w[1] == 'ا' && !matches!(w[3], 'و' | 'ي'))
            || (n == 4 && w[0] == 'ا' && !vowel(w[1]))
            || (n == 4 && w[0] == 'ت' && !vowel(w[1]))
            || (n >= 4 && w[0] == 'م' && !vowel(w[1]))
            || (n >= 5 && w[0] == 'ت' && !vowel(w[1]))
            || (n >= 5 && w[0] == 'ا' && !vowel(w[1]))
            || (n == 5 && !vowel(w[1]) && !vowel(w[2]) && vowel(w[3]))
            || super::LOANWORDS.contains(&word)
    }

    #[test]
    fn shape_tests_agree_with_collected_chars() {
        assert_eq!(super::shape::<3>("ab"), (['a', 'b', '\0'], 2));
        assert_eq!(super::shape::<2>("abc"), (['a', 'b'], 3));
        // every word of up to five letters over an alphabet of the letters the tests name
        let letters = ['ا', 'و', 'ي', 'ت', 'م', 'ن', 'ب'];
        let mut words = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = words
                .iter()
                .filter(|w| w.chars().count() == words.last().unwrap().chars().count())
                .flat_map(|w| letters.iter().map(move |&c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        words.extend(super::LOANWORDS.iter().map(|&w| w.to_owned()));
        words.push("تقارير".to_owned());
        for w in &words {
            assert_eq!(super::noun_template(w), noun_template_by_vec(w), "{w}");
        }
    }

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

    /// Compound given names (ism murakkab) are one name word: `عبد` + the next word,
    /// and a name + `الدين`/`الله`; a nisba surname may follow.
    #[test]
    fn compound_given_names_stay_whole() {
        assert_recognizes(super::recognize, "وأعلن [عبد الرحيم بلقاسم] انسحابه أمس.");
        assert_recognizes(
            super::recognize,
            "وقال [عبد الكريم الزهراني] إن الاجتماع انتهى.",
        );
        assert_recognizes(
            super::recognize,
            "استقبل الملك [عبد الله الثالث] الوفد في القصر.",
        );
        assert_recognizes(
            super::recognize,
            "وصل الأمير [فيصل بن عبد الرحمن] إلى الرباط.",
        );
        assert_recognizes(
            super::recognize,
            "قال المدرب [نور الدين بوزيان] إن الفريق تعب.",
        );
    }

    /// A rank that is also a common noun takes a name only when the next words read as
    /// one, not as a predicate ("the team is ready").
    #[test]
    fn ambiguous_ranks_need_a_clear_name() {
        assert_recognizes(super::recognize, "قال المدير إن الفريق جاهز للمباراة.");
        assert_recognizes(super::recognize, "وأكد أن اللواء مستعد للانتشار.");
        assert_recognizes(
            super::recognize,
            "وصل الفريق [عبد الرحيم دقلو] إلى الخرطوم.",
        );
        assert_recognizes(super::recognize, "التقى اللواء [أحمد المسماري] بالوفد.");
        // a compound rank is no common noun
        assert_recognizes(
            super::recognize,
            "استقبل الفريق أول [عبد الرحيم البشير] الوفد.",
        );
    }

    /// `و` + a verb starting with `و` is no transliterated W.
    #[test]
    fn conjunction_before_waw_verbs_is_no_name() {
        assert_recognizes(super::recognize, "غادر الوفد المطار، ووصل [بوتين].");
        assert_recognizes(super::recognize, "ووعد [بوتين] بالرد.");
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

    #[test]
    fn bare_words_of_the_name_list() {
        assert_recognizes(
            super::recognize,
            "وأوضح التقرير أن [كامبل] غادر المدينة قبل أسبوع",
        );
        assert_recognizes(super::recognize, "ونقلت الصحيفة عن [بونو] أنه سيغني");
        // after a proclitic; a foreign given name of four letters or more too
        assert_recognizes(super::recognize, "اتصلت المخرجة ب[فرانكو] وب[كامبل] مساء");
        // two name words are one name
        assert_recognizes(super::recognize, "قررت اللجنة أن [ويليامز كامبل] فاز");
        // an Arabic word is not in the list, and ك does not start a name word
        assert_recognizes(super::recognize, "يقول الناس رأيهم كبونو في الحفل");
    }

    #[test]
    fn transliteration_shapes_ordinals_and_speakers() {
        // spellings no Arabic word has
        assert_recognizes(super::recognize, "وصف المؤرخ كيف أقنع [سميرنوف] الضباط");
        assert_recognizes(super::recognize, "ثم عاد [دونينغ]{PERSON} إلى المختبر");
        assert_recognizes(super::recognize, "ثم سافر إلى [شيونغ]{LOCATION} ليلاً");
        assert_recognizes(super::recognize, "ما زال الأمر مألوفاً ومألوف لدى الناس");
        // a regnal ordinal after a plain word; a month or a noun is no name
        assert_recognizes(super::recognize, "خلفه ابنه [بوليسلاف الثاني] على العرش");
        assert_recognizes(super::recognize, "في تشرين الأول وفي الفصل الأول");
        // the one-word subject before a quotation colon
        assert_recognizes(super::recognize, "وقال [كوفات]: \"سنعود\"");
        // an unknown middle name between two name words
        assert_recognizes(super::recognize, "وشارك [كريستين بارو توماس] في الفيلم");
        // a tatweel dash opens an aside: two names
        assert_recognizes(super::recognize, "عاد [كريستين] ـ[توماس] تحديداًـ إلى");
    }

    #[test]
    fn an_unknown_given_name_before_a_surname() {
        assert_recognizes(super::recognize, "سافر الوفد مع [هيو كامبل] إلى الحفل");
        assert_recognizes(super::recognize, "ينحدر من أسرة [سوزوكي كين-ياسو] العريقة");
        // a construct head, a verb, a noun after a proclitic are no given names
        assert_recognizes(super::recognize, "قرأت كتاب [كامبل] الأخير");
        assert_recognizes(super::recognize, "زرنا منزل [كامبل] أمس");
        assert_recognizes(super::recognize, "شاهدنا فيلم [كامبل] وصفق جمهور [كامبل]");
        assert_recognizes(super::recognize, "بدا [كامبل] متعباً");
        assert_recognizes(super::recognize, "تسعى [كامبل] إلى الفوز");
        assert_recognizes(super::recognize, "جاء القرار بتشجيع [كامبل] نفسه");
        assert_recognizes(super::recognize, "ثم غادر [كامبل] القاعة فجأة");
        assert_recognizes(super::recognize, "وقد أعلن [كامبل] أن بيت [كامبل] مغلق");
        // after a title the name starts where the title ends
        assert_recognizes(super::recognize, "قال الرئيس [كامبل] إن");
    }

    #[test]
    fn the_other_conjunct_of_a_person() {
        assert_recognizes(super::recognize, "جرت مناظرة بين [تيرلوك] و[بايدن] أمس");
        assert_recognizes(super::recognize, "ووصل [بوتين] و[زيلنسكاس] إلى القمة");
        assert_recognizes(super::recognize, "يتمتعون بذلك و[بونو] منهم");
        // a construct head, a function word, a noun with a pronoun suffix are no names
        assert_recognizes(super::recognize, "استقبل [ترامب] وأنصار الحزب الوفد");
        assert_recognizes(super::recognize, "رحب [ماكرون] وزوجته بالضيوف");
        assert_recognizes(super::recognize, "غادر [بايدن] وفي يده ورقة");
    }

    #[test]
    fn byte_tests_agree_with_the_lists() {
        assert!(
            super::REGNAL_ORDINALS
                .iter()
                .all(|w| super::is_regnal_ordinal(w))
        );
        // foreign_shape's byte scan against the chars it stands for
        for w in [
            "پول",
            "چان",
            "ڤيكتور",
            "گول",
            "ژان",
            "مكغريغور",
            "كتاب",
            "بيت",
            "مكان",
        ] {
            let special = w.contains(['پ', 'چ', 'ڤ', 'گ', 'ژ']);
            let kaf_or_end = w.contains('ك') || w.ends_with(['غ', 'ف', 'ي', 'ش', 'م']);
            assert_eq!(
                super::foreign_shape(w),
                special || (kaf_or_end && w.contains("كغ")),
                "{w}"
            );
        }
    }

    #[test]
    fn ruler_titles_take_one_name_with_nasab_and_ordinal() {
        assert_recognizes(super::recognize, "استقبل الملك [سلمان] الوفد الرسمي");
        assert_recognizes(super::recognize, "زار الأمير [تركي بن طلال] المعرض");
        assert_recognizes(super::recognize, "خطب الملك [محمد السادس] في البرلمان");
        assert_recognizes(super::recognize, "هنأت الملكة [إليزابيث الثانية] الفائزين");
    }

    #[test]
    fn what_ends_a_name() {
        // a definite noun after a preposition, a purpose phrase, a known place
        assert_recognizes(super::recognize, "أكد السيد [هاربر] بالفعل أن الخطة فشلت");
        assert_recognizes(super::recognize, "أرسل الفريق [ويليامز] لتشكيل لجنة");
        assert_recognizes(super::recognize, "وقال [كوفاتش] روسيا ستخسر");
        // a masdar between two name words is no middle name
        assert_recognizes(super::recognize, "دعمت [كامبل] تعيين [ويليامز] رئيساً");
    }

    #[test]
    fn an_unknown_surname_after_a_bare_name() {
        assert_recognizes(super::recognize, "وصلت [ماريا غوتيريث] إلى المطار");
        // a future verb, a purpose phrase are no surnames
        assert_recognizes(super::recognize, "وأوضح التقرير أن [كامبل] سيعود غداً");
        assert_recognizes(super::recognize, "اجتمع [ويليامز] لمناقشة الخطة");
    }

    #[test]
    fn nationality_surnames_and_plural_subjects() {
        assert_recognizes(super::recognize, "فاز [ماريا روسي] بالسباق");
        assert_recognizes(super::recognize, "شاهد الجمهور [بيتر روسي] أمس");
        assert_recognizes(super::recognize, "وقال [كامبل] الروسي إن");
        assert_recognizes(super::recognize, "أبلغ شباب القرية الشرطة");
    }

    #[test]
    fn the_source_after_according_to() {
        assert_recognizes(super::recognize, "وفقاً ل[هوبكنز] فإن الخطة فشلت");
        assert_recognizes(super::recognize, "بحسب [ماكليش] لم يحدث ذلك");
        assert_recognizes(super::recognize, "وفقاً لتقديرات الخبراء وبحسب مسؤولين");
        assert_recognizes(super::recognize, "وفقاً لخبراء الصحة وللتقويم الشمسي");
        assert_recognizes(super::recognize, "وفقاً للتقويم الشمسي وحسب تأكيده");
    }

    #[test]
    fn a_directional_adjective_makes_a_place() {
        assert_recognizes(super::recognize, "ولد ب[بالما]{LOCATION} الشرقية عام 1950");
    }

    #[test]
    fn regarding_is_no_place_preposition() {
        assert_recognizes(super::recognize, "سافر إلى [بالما]{LOCATION} أمس");
        assert_recognizes(
            super::recognize,
            "أما بالنسبة إلى [كامبل]{PERSON} فالأمر مختلف",
        );
    }

    #[test]
    fn names_of_events_awards_and_agreements() {
        assert_recognizes(super::recognize, "فاز الكاتب بجائزة كامبل للشعر");
        assert_recognizes(super::recognize, "أعلن المنظمون أن كأس ويليامز ستقام");
        // a person with a proclitic of his own after the noun is kept
        assert_recognizes(super::recognize, "منحت الجائزة ل[كامبل] أمس");
    }

    #[test]
    fn broken_plurals_after_a_verb_are_not_names() {
        assert_recognizes(super::recognize, "تشير تقارير إلى تقدم المفاوضات");
        assert_recognizes(super::recognize, "وقال خبراء إن الأسعار سترتفع");
        assert_recognizes(super::recognize, "وقال أنصار الرئيس إنهم غاضبون");
        assert_recognizes(super::recognize, "وقالت [أسماء] إن الاجتماع انتهى");
        assert_recognizes(super::recognize, "وقال [فالنتاين] إن الاجتماع انتهى");
        // a definite noun after a preposition is no name, after a verb or a title
        assert_recognizes(super::recognize, "رحبت الحكومة بالضيوف");
        assert_recognizes(super::recognize, "وتقول [بال]: \"انتهى الأمر\"");
        assert_recognizes(super::recognize, "رحب [ماكرون] وزوجته بالضيوف");
    }
}
