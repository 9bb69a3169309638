//! PERSON recognizer.
//!
//! Evidence, strongest first:
//! - a title, role or honorific, optionally followed by nationality adjectives
//!   (`الرئيس الروسي فلاديمير بوتين`, `ونظيره الأميركي دونالد ترامب`, `السيد أوزبورن`);
//!   the title and adjectives stay outside the span (guideline rule 3);
//! - a reporting verb followed by its subject (`قال مايكل فالون`, `تقول تارلو:`);
//! - a known given name followed by further name tokens (`جون دي دومينيكو`);
//! - the lexicon of well-known people (`بوتين`);
//! - a word of the personal-name word list ([`NAME_WORDS`](super::words::NAME_WORDS), `data/name_words.txt`:
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
//! - after a ruler's title ([`RULER_TITLES`](titles::RULER_TITLES): `الملك`, `البابا`, `الأمير`) the name is one
//!   word with its nasab and regnal ordinal (`الملك سلمان`, `الأمير تركي بن طلال`,
//!   `الملكة إليزابيث الثانية`): the words after it are the rest of the clause;
//! - a name does not run on into a definite noun after a preposition (`بالفعل`), a
//!   `لـ`/`كـ` + masdar purpose phrase (`لتشكيل`) or a lexicon place or organization after
//!   a name without a known given name (`قال كوفاتش روسيا ستخسر`) ([`ends_name`]); a
//!   masdar of five letters or more is no unknown middle name (`كامبل تعيين ويليامز`);
//! - the second term of an event, award or agreement name is no person
//!   (`جائزة كامبل للشعر`, [`EVENT_HEADS`](super::words::EVENT_HEADS); the location recognizer does the same for
//!   places: `معاهدة برلين`).
//!
//! Name tokens are Arabic words that are not function words, closed-class lexicon words
//! (titles, nationalities, trigger nouns), definite (`ال…`) or marked with tanween.
//! Document-level propagation of surnames happens in [`super::extract_adjusted`].

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::doc::{Candidate, Doc};
use super::gazetteer::LEXICON;
use super::tokenize::TokenKind;
use super::vocab;
use super::words::{WordList, entries};
use crate::model::label::Label;

mod bare;
mod titles;
use super::shape::{after_event_head, four_letter_noun, is_first_name, noun_template, shape};
use super::shape::{
    definite_after_proclitic, ends_in_ta_marbuta, foreign_shape, is_broken_plural_shape,
    is_closed_class, is_common_shape, is_name_like,
};
use bare::{after_tatweel_dash, bare_name, extend_leftwards, transliterated_w, unknown_surname};
use titles::{
    ambiguous_title, kunya, ruler_name_end, ruler_title, skip_nationalities, strong_name,
    title_chain,
};

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
/// phrase tables also try) or a word of [`NAME_WORDS`](super::words::NAME_WORDS), and it is not a cue of
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
///
/// `data/directional_adjectives.txt`, in file order.
pub(crate) static DIRECTIONAL_ADJECTIVES: WordList = LazyLock::new(|| {
    entries(include_str!(
        "../../../../../data/directional_adjectives.txt"
    ))
});

/// Whether token `k` is a [`DIRECTIONAL_ADJECTIVES`] word on the same line: the bare name
/// before it names a place (LOCATION), as after `في`.
fn directional_adjective(doc: &Doc, k: usize) -> bool {
    doc.is_arabic(k) && doc.same_line(k) && DIRECTIONAL_ADJECTIVES.contains(&doc.text(k))
}

/// Regnal ordinals after a ruler's name (`الأول`, `الثاني`, …), normalized: the
/// ordinals one to ten.
pub(crate) static REGNAL_ORDINALS: &WordList = &super::words::date::ORDINAL_UNITS;

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
        && super::words::date::month_name_at(doc, i).is_none())
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
mod tests;
