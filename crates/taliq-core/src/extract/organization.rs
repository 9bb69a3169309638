//! ORGANIZATION recognizer.
//!
//! Evidence: the organization lexicon (`الكرملين`, `أ ف ب`, `مجموعة العشرين`); trigger
//! nouns that are part of the name followed by a definite noun phrase or a foreign name
//! (`وزارة الدفاع البريطانية`, `جامعة كارولينا الشمالية`, `كلية غلاسكو للفنون`,
//! guideline rule 11); a trigger noun before a quoted name, which alone is the
//! organization (`مصرف "…"`); not when only common words follow the noun (`برنامج
//! تلفزيوني`, `موقع شروق الشمس`: [`all_common`]); descriptor nouns that stay outside (`شركة ساسكتل` → `ساسكتل`);
//! a foreign article and a name after a descriptor (`جريدة لو فيغارو`: [`FOREIGN_ARTICLES`]);
//! Latin acronyms (`G7`, `NATO` — the guideline lists G7 as ORGANIZATION); acronyms
//! spelled with Arabic letter names (`بي بي سي`, `سي بي إس`); an acronym in parentheses
//! right after an organization (`منظمة خدمات الدم الكندية (سي بي إس)`); the place of a
//! body named by common words (`المحكمة العليا في هونغ كونغ`: [`jurisdiction`]).
//!
//! Definite heads such as `المنظمة`, `المجلس`, `الوكالة` name a body only with an adjective
//! and a `لـ` complement ([`STRICT_DEFINITE_HEADS`]: `المنظمة الدولية للهجرة`). Not names (guideline rule 9, generic
//! references): a definite head followed by a
//! definite word that cannot be its adjective (`في الحزب الرسائل`: [`adjective_like`]);
//! `برنامج` before a quoted or foreign name, a show's title (`برنامج "…"`:
//! [`is_programme`]); a board-type head with a generic complement and nothing else (`مجلس الإدارة`,
//! `لجنة التحقيق`: [`generic_board`], `data/org_generic_complements.txt`).

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::doc::{Candidate, Doc};
use super::gazetteer::LEXICON;
use super::normalize::normalize_str;
use super::shape::{self, ends_in_ta_marbuta, is_closed_class, is_common_shape, is_name_like};
use super::tokenize::TokenKind;
use super::vocab;
use super::words::{LETTER_NAMES, LOANWORDS, WordList, entries};
use crate::model::label::Label;

/// Letter names that are also frequent words or pieces of them.
///
/// Kept in the code: a subset of `data/letter_names.txt` that one rule needs, chosen by
/// the Taliq developers.
pub(crate) const WEAK_LETTERS: &[&str] =
    &["اي", "ان", "او", "يو", "اف", "كي", "زي", "ار", "ام", "ال"];

/// Whether token `i` can be a letter name: not في, and not أن "that" / أو "or" (the
/// letter names are spelled إن, أو is ambiguous so only إن-style hamza below counts).
fn letter_ok(doc: &Doc, i: usize) -> bool {
    let w = doc.text(i);
    // the original first char only for the two words that need it (a random access)
    !(w.ends_with("في") || (matches!(w, "ان" | "او") && doc.first_orig_char(i) == 'أ'))
}

/// Latin acronyms that name diseases, substances or concepts rather than organizations.
///
/// `data/non_org_acronyms.txt`, in file order.
pub(crate) static NON_ORG_ACRONYMS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../data/non_org_acronyms.txt")));

/// Whether token `i` is a definite word that can continue an organization name.
fn is_definite_part(doc: &Doc, i: usize) -> bool {
    doc.is_arabic(i)
        && doc.same_line(i)
        && doc.tokens[i].space_before
        && doc.text(i).starts_with("ال")
        && doc.text(i).chars().count() > 3
        && !doc.is_stopword(i)
        && doc.bits(i) & vocab::ORG_DATE_WORD == 0
}

/// Extends an organization name after its head: definite words (after a definite word
/// only its adjective, [`adjective_like`]), up to two `و` + definite coordinations, one
/// `ل`/`لل` complement followed by definite words.
fn extend_definite(doc: &Doc, mut j: usize) -> usize {
    let mut coords = 0;
    let mut complements = 0;
    loop {
        if is_definite_part(doc, j) {
            // a definite noun cannot follow a definite word of the name: only its
            // adjective can (`وزارة العمل القرار`: the object of the verb)
            if j > 0 && is_definite_part(doc, j - 1) && !adjective_like(doc, j - 1, j) {
                break;
            }
            j += 1;
            continue;
        }
        if !doc.is_arabic(j) || !doc.same_line(j) {
            break;
        }
        let w = doc.text(j);
        if doc.is_stopword(j) {
            break;
        }
        if coords < 2 && w.starts_with("وال") && w.chars().count() > 4 {
            coords += 1;
            j += 1;
            continue;
        }
        // one complement: للفنون, لحماية الطيور (not a purpose clause: لاستكشاف)
        if complements == 0
            && w.starts_with('ل')
            && w.chars().count() > 3
            && !w[2..].starts_with("است")
            && (w.starts_with("لل") || (!is_closed_class(doc, j) && is_definite_part(doc, j + 1)))
        {
            complements += 1;
            j += 1;
            continue;
        }
        break;
    }
    j
}

/// Whether Arabic token `i` can start none of the rules of the main loop of
/// [`recognize`]: no reading is a first word of the names lexicon, a letter name, a head
/// noun or a descriptor, none is `لل` and the token does not start with `لل` (the quick
/// "no" of the names lexicon, [`spelled_acronym`] and [`trigger`] at once).
#[inline]
fn starts_no_organization_rule(doc: &Doc, i: usize) -> bool {
    doc.any_bits(i)
        & (vocab::NAMES_FIRST | vocab::LETTER_NAME | vocab::ORG_HEAD | vocab::ORG_DESCRIPTOR)
        == 0
        && !doc.has_lal(i)
        && !doc.text(i).starts_with("لل")
}

/// A spelled-out acronym at `i` (`بي بي سي`): `(skip, end)`; at least two letter names.
///
/// Inlined for the quick "no" of most tokens (asked about every token): not Arabic, or no
/// reading is a letter name and there is no لل + letter name.
#[inline]
fn spelled_acronym(doc: &Doc, i: usize) -> Option<(usize, usize)> {
    if !doc.is_arabic(i)
        || doc.any_bits(i) & vocab::LETTER_NAME == 0 && !doc.text(i).starts_with("لل")
    {
        return None;
    }
    spelled_acronym_at(doc, i)
}

/// [`spelled_acronym`] after its quick "no".
#[inline(never)]
fn spelled_acronym_at(doc: &Doc, i: usize) -> Option<(usize, usize)> {
    let w = doc.text(i);
    let (skip, first) = if doc.bits(i) & vocab::LETTER_NAME != 0 && w != "في" && w != "ال" {
        (0, true)
    } else if let Some(r) = w.strip_prefix("لل").filter(|r| LETTER_NAMES.contains(r)) {
        let _ = r;
        (1, true)
    } else if let Some(st) = doc
        .stems_with_bits(i)
        .skip(1)
        .find(|s| !s.lal && s.bits & vocab::LETTER_NAME != 0)
    {
        (st.skip, true)
    } else {
        (0, false)
    };
    if !first || !letter_ok(doc, i) {
        return None;
    }
    let mut j = i + 1;
    while doc.is_arabic(j)
        && doc.same_line(j)
        && doc.bits(j) & vocab::LETTER_NAME != 0
        && letter_ok(doc, j)
    {
        j += 1;
    }
    // at least two letters, one of them not also a common word (إن، أي، أو، يو)
    if j - i < 2 || (i..j).all(|k| WEAK_LETTERS.iter().any(|w| doc.text(k).ends_with(w))) {
        return None;
    }
    while doc.is_arabic(j) && doc.same_line(j) && doc.bits(j) & vocab::ACRONYM_TAIL != 0 {
        j += 1;
    }
    Some((skip, j))
}

/// A Latin acronym: 2–6 chars, upper-case letters (and digits) in the original text.
fn latin_acronym(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Latin || !(2..=6).contains(&(t.end - t.start)) {
        return false;
    }
    // a hyphen after it on the same line: a model or part number (`F-16` reads `F`, `-`)
    if NON_ORG_ACRONYMS.contains(&doc.text(i)) || (doc.same_line(i + 1) && doc.is_punct(i + 1, '-'))
    {
        return false;
    }
    let (s, e) = doc.to_original(t.start, t.end);
    doc.norm.orig_chars[s..e]
        .iter()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// A name after a trigger at `j`: a lexicon location, or foreign name tokens, then
/// definite adjectives and a complement. Returns the end token.
fn name_after_head(doc: &Doc, j: usize) -> Option<usize> {
    if !doc.same_line(j) || !doc.is_arabic(j) || !doc.tokens[j].space_before {
        return None;
    }
    if let Some(m) = doc.names_at(j)
        && m.skip == 0
        && m.tag == Label::Location
    {
        return Some(extend_definite(doc, m.end_token));
    }
    if is_definite_part(doc, j)
        && (!is_closed_class(doc, j) || doc.bits(j) & vocab::NATIONALITY != 0)
    {
        return Some(extend_definite(doc, j + 1));
    }
    if is_name_like(doc, j) && !is_common_shape(doc, j) && !is_given(doc, j) {
        // a generic phrase, unless a definite genitive follows (جمعية مستهلكي
        // التكنولوجيا, منظمة خدمات الدم الكندية)
        let e = foreign_name_end(doc, j);
        let end = extend_definite(doc, e);
        return (end > e || !all_common(doc, j, e)).then_some(end);
    }
    None
}

/// Whether every token of `[j, e)` is a common Arabic word rather than a foreign name, so
/// that a trigger or descriptor noun before them makes a generic phrase (`برنامج
/// تلفزيوني`, `شركة إنتاج سينمائي`, `موقع شروق الشمس`, `مدرسة فنون`): a word of a
/// common-noun shape (`خدمات`), of an Arabic noun or verb template
/// ([`shape::noun_template`]: `إنتاج`, `شروق`, `مطاعم`; a form starting with `آ` or `أ`
/// is read as a name, `آغورا`), a loanword ([`LOANWORDS`]) or a nisba adjective
/// (`…ائي`: `سينمائي`; a loanword + `ي`: `تلفزيوني`). One foreign word keeps the name
/// (`شرطة مرور شينجن`); after a trigger noun that is part of the name, so does a definite
/// genitive after the words (`جمعية مستهلكي التكنولوجيا`), not after a descriptor noun
/// (`موقع شروق الشمس`, `شركات خدمات المستهلكين`) unless it has a nationality adjective
/// (`منظمة خدمات الدم الكندية` → `خدمات الدم الكندية`).
fn all_common(doc: &Doc, j: usize, e: usize) -> bool {
    (j..e).all(|k| {
        let w = doc.text(k);
        let first = doc.first_orig_char(k);
        is_common_shape(doc, k)
            || (!matches!(first, 'آ' | 'أ') && shape::noun_template(w))
            || (w.chars().count() >= 5 && w.ends_with("ائي"))
            || w.strip_suffix('ي').is_some_and(|b| LOANWORDS.contains(&b))
    })
}

/// The place of a body named by a trigger noun and common definite words
/// (`المحكمة العليا في هونغ كونغ`, `مجلس العقارات في أونتاريو`, `هيئة الصحة في مدينة
/// نيويورك`): without it the name is generic, so the place is part of the name (guideline
/// rule 6, the longest name wins). `[j, end)` are the words after the trigger (not a
/// lexicon name: `مجموعة العشرين في أوساكا`); each must be a definite Arabic common word
/// (`ال` + at most eight letters, of a feminine or plural shape or a
/// [`shape::noun_template`]; not a nationality adjective: `وزارة الدفاع البريطانية في
/// لندن` is named already; not a transliteration: `نادي المتروبوليتان في واشنطن`);
/// `في` and a lexicon place follow, or a location descriptor noun and a place. Returns
/// the new end token.
fn jurisdiction(doc: &Doc, j: usize, end: usize) -> Option<usize> {
    // a definite Arabic common word: `ال` + at most eight letters of a feminine or
    // plural noun or adjective or of a noun template (not `المتروبوليتان`)
    let common = |k: usize| {
        let w = doc.text(k);
        let stem = w
            .strip_prefix("وال")
            .or_else(|| w.strip_prefix("ال"))
            .unwrap_or("");
        (2..=8).contains(&stem.chars().count())
            && doc.bits(k) & (vocab::NATIONALITY | vocab::NATIONALITY_FORM) == 0
            && (ends_in_ta_marbuta(doc, k) || stem.ends_with("ات") || shape::noun_template(stem))
    };
    let plain = doc.names_at(j - 1).is_none() && (j..end).all(common);
    if !plain || doc.text_or_empty(end) != "في" || !doc.same_line(end) {
        return None;
    }
    let mut p = end + 1;
    if doc.bits(p) & vocab::LOC_DESCRIPTOR != 0 {
        p += 1;
    }
    doc.names_at(p)
        .filter(|m| m.skip == 0 && m.tag == Label::Location && doc.same_line(p))
        .map(|m| m.end_token)
}

/// The end of up to three foreign name tokens from `j` (stops at coordination,
/// prepositional words, common word shapes and given names).
fn foreign_name_end(doc: &Doc, j: usize) -> usize {
    let mut k = j + 1;
    while k < j + 3
        && is_name_like(doc, k)
        && !doc.text(k).starts_with('و')
        && !doc.text(k).starts_with('ل')
        && !is_common_shape(doc, k)
        && !is_given(doc, k)
    {
        k += 1;
    }
    k
}

/// Articles of French, Spanish, Italian, German and English names (normalized: `إل` is
/// `ال`), which start the names of papers and channels after a descriptor noun
/// (`جريدة لو فيغارو`, `مجلة دير شبيغل`).
///
/// Kept in the code: a closed class (the articles of five European languages as Arabic
/// writes them), compiled by the Taliq developers.
pub(crate) const FOREIGN_ARTICLES: &[&str] = &["لو", "لا", "لي", "ال", "دي", "دير", "داي", "ذا"];

/// A name after a descriptor at `j` (quoted or bare foreign name tokens, with a foreign
/// article: [`FOREIGN_ARTICLES`]).
fn name_after_descriptor(doc: &Doc, j: usize) -> Option<(usize, usize)> {
    if j >= doc.tokens.len() || !doc.same_line(j) {
        // the descriptor ends the text or its line (found by fuzzing a text cut into
        // pieces: a quoted name lines below was taken)
        return None;
    }
    if doc.is_quote_mark(j) {
        return super::context::quoted_at(doc, j, 4);
    }
    if let Some(m) = doc.names_at(j)
        && m.skip == 0
    {
        return Some((j, m.end_token));
    }
    if let Some((0, e)) = spelled_acronym(doc, j) {
        return Some((j, e));
    }
    // a foreign article before the name of a paper or channel: لو فيغارو, دير شبيغل,
    // ذا تايمز, إل باييس (the article is part of the name; the word after it has no
    // Arabic noun or verb shape: `صحيفة لا تنشر` is a negation)
    if FOREIGN_ARTICLES.contains(&doc.text(j))
        && doc.tokens[j].space_before
        && is_name_like(doc, j + 1)
        && !is_common_shape(doc, j + 1)
        && !shape::noun_template(doc.text(j + 1))
    {
        return Some((j, foreign_name_end(doc, j + 1)));
    }
    if is_name_like(doc, j) && doc.tokens[j].space_before && !ends_in_ta_marbuta(doc, j) {
        // a generic phrase, unless a nationality adjective ends it (منظمة خدمات الدم
        // الكندية)
        let e = foreign_name_end(doc, j);
        let end = extend_definite(doc, e);
        let national =
            (e..end).any(|k| doc.bits(k) & (vocab::NATIONALITY | vocab::NATIONALITY_FORM) != 0);
        return (national || !all_common(doc, j, e)).then_some((j, end));
    }
    None
}

/// The reading of token `i` whose key is in the list of `bit`: its proclitic length.
fn trigger(doc: &Doc, i: usize, bit: vocab::Bits) -> Option<usize> {
    if doc.any_bits(i) & bit == 0 {
        return None;
    }
    doc.stems_with_bits(i)
        .find(|s| !s.lal && s.bits & bit != 0)
        .map(|s| s.skip)
}

/// Whether token `i`'s text is a given name.
fn is_given(doc: &Doc, i: usize) -> bool {
    doc.bits(i) & (vocab::FIRST_NAME_AR | vocab::FIRST_NAME_FOREIGN) != 0
}

/// Complements that make a board-type head a generic phrase
/// (`data/org_generic_complements.txt`, normalized): `مجلس الإدارة`, `لجنة التحقيق`.
///
/// Source: written for Taliq from Arabic news usage (the file's header).
pub static GENERIC_COMPLEMENTS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    include_str!("../../../../data/org_generic_complements.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(normalize_str)
        .collect()
});

/// Definite heads (normalized) that name a body only with an adjective and a `لـ`
/// complement after them (`الوكالة الدولية للطاقة الذرية`, `المنظمة الدولية للهجرة`;
/// `المنظمة الدولية`, `الوكالة الاستخبارية البريطانية` are generic references), listed at
/// the end of `data/org_heads.txt`.
///
/// `data/org_strict_definite_heads.txt`, in file order.
static STRICT_DEFINITE_HEADS: WordList = LazyLock::new(|| {
    entries(include_str!(
        "../../../../data/org_strict_definite_heads.txt"
    ))
});

/// Board-, committee- and team-type heads (normalized) that a generic complement
/// ([`GENERIC_COMPLEMENTS`]) makes a generic phrase.
///
/// `data/org_board_heads.txt`, in file order.
static BOARD_HEADS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../data/org_board_heads.txt")));

/// Whether the head at `i` (proclitic length `skip`) and the one word after it, ending at
/// `end`, are a generic board or committee (`مجلس الإدارة`, `واللجنة التحكيم` is not
/// Arabic, `لجنة التحقيق`): a [`BOARD_HEADS`] noun and a [`GENERIC_COMPLEMENTS`] word,
/// and nothing else in the name.
fn generic_board(doc: &Doc, i: usize, skip: usize, end: usize) -> bool {
    end == i + 2
        && BOARD_HEADS.contains(&&doc.text(i)[skip * 2..])
        && GENERIC_COMPLEMENTS.contains(doc.text(i + 1))
}

/// Whether the head at `i` (proclitic length `skip`) is `برنامج` (a programme): before a
/// quoted or foreign name it names a show (`برنامج "…"`, `برنامج إيفول`: a title, MISC,
/// guideline rule 12), only before a definite phrase a body (`برنامج الأمم المتحدة
/// للبيئة`).
fn is_programme(doc: &Doc, i: usize, skip: usize) -> bool {
    &doc.text(i)[skip * 2..] == "برنامج"
}

/// Whether the definite word at `k` can be an adjective after a definite head (a definite
/// noun cannot follow a definite noun in a construct phrase: `الحزب الرسائل` is "the party"
/// and the object of the verb, not a name): a nationality adjective, a nisba (`…ي`,
/// `…ية`: `الجمهوري`, `الدولية`), an elative or feminine `فعلى` (`العليا`, `الكبرى`), a
/// participle (`م…`: `المتحدة`, `المستقلة`, `المركزي`), a colour or elative `أفعل`
/// (`الأبيض`, `الأعلى`), a `فعيل` adjective (`الجديد`), a feminine adjective after a
/// feminine head (`الجمعية العامة`, `الجامعة الحرة`) or an `أفعال` plural adjective after
/// a sound plural of persons (`الديمقراطيين الأحرار`).
fn adjective_like(doc: &Doc, head: usize, k: usize) -> bool {
    if doc.bits(k) & (vocab::NATIONALITY | vocab::NATIONALITY_FORM) != 0 {
        return true;
    }
    let Some(stem) = doc.text_or_empty(k).strip_prefix("ال") else {
        return false;
    };
    let c: Vec<char> = stem.chars().collect();
    let n = c.len();
    n >= 3
        && (stem.ends_with('ي')
            || stem.ends_with("يه")
            || stem.ends_with("يا")
            || c[0] == 'م'
            || (n == 4 && c[0] == 'ا')
            || (n == 4 && c[2] == 'ي')
            || (stem.ends_with('ه') && doc.text(head).ends_with('ه'))
            || (n == 5
                && c[0] == 'ا'
                && c[3] == 'ا'
                && (doc.text(head).ends_with("ين") || doc.text(head).ends_with("ون"))))
}

/// Finds ORGANIZATION candidates.
pub fn recognize(doc: &Doc, out: &mut Vec<Candidate>) {
    let lx = &*LEXICON;
    let n = doc.tokens.len();
    let start_len = out.len();
    // the end token of every candidate pushed by the loop, for the parentheses below
    let mut found: Vec<usize> = Vec::new();
    for i in 0..n {
        let kind = doc.tokens[i].kind;
        if kind == TokenKind::Latin {
            if latin_acronym(doc, i) {
                out.push(Candidate::from_tokens(
                    doc,
                    i,
                    0,
                    i + 1,
                    Label::Organization,
                    2,
                ));
                found.push(i + 1);
            }
            continue;
        }
        if kind != TokenKind::Arabic || starts_no_organization_rule(doc, i) {
            continue;
        }
        if let Some(m) = doc.names_at(i)
            && m.tag == Label::Organization
        {
            let mut c = Candidate::from_tokens(doc, i, m.skip, m.end_token, Label::Organization, 2);
            c.lal = m.lal;
            out.push(c);
            found.push(m.end_token);
        }
        if let Some((skip, end)) = spelled_acronym(doc, i) {
            out.push(Candidate::from_tokens(
                doc,
                i,
                skip,
                end,
                Label::Organization,
                2,
            ));
            found.push(end);
        }
        let next_definite = doc.text_or_empty(i + 1).starts_with("ال");
        if doc.has_tanween(i) {
            continue;
        }
        // a trigger noun before a quoted name: مصرف "…" → the name alone, as after a
        // descriptor (the noun is outside, guideline rules 4 and 11)
        if let Some(skip) = trigger(doc, i, vocab::ORG_HEAD)
            && doc.is_quote_mark(i + 1)
            && doc.same_line(i + 1)
            && !is_programme(doc, i, skip)
            && let Some((s, e)) = name_after_descriptor(doc, i + 1)
        {
            out.push(Candidate::from_tokens(doc, s, 0, e, Label::Organization, 3));
            found.push(e);
            continue;
        }
        if let Some(skip) = trigger(doc, i, vocab::ORG_HEAD)
            && (next_definite || !lx.org_descriptors.contains(&doc.text(i)[skip * 2..]))
        {
            let head_definite = doc.text(i)[skip * 2..].starts_with("ال");
            if let Some(end) = name_after_head(doc, i + 1)
                && (!head_definite || (next_definite && adjective_like(doc, i, i + 1)))
                && (next_definite || !is_programme(doc, i, skip))
                && !generic_board(doc, i, skip, end)
                && (!STRICT_DEFINITE_HEADS.contains(&&doc.text(i)[skip * 2..])
                    || (i + 2..end).any(|k| doc.text(k).starts_with('ل')))
            {
                let end = jurisdiction(doc, i + 1, end).unwrap_or(end);
                out.push(Candidate::from_tokens(
                    doc,
                    i,
                    skip,
                    end,
                    Label::Organization,
                    3,
                ));
                found.push(end);
                continue;
            }
        }
        if trigger(doc, i, vocab::ORG_DESCRIPTOR).is_some()
            && !next_definite
            && let Some((s, e)) = name_after_descriptor(doc, i + 1)
        {
            out.push(Candidate::from_tokens(doc, s, 0, e, Label::Organization, 3));
            found.push(e);
        }
    }
    // an acronym in parentheses right after an organization: (سي بي إس), (ريكو)
    // (the first token after a candidate is its end token: tokens do not overlap)
    for k in found {
        if k >= n {
            continue;
        }
        if doc.is_punct(k, '(') && doc.same_line(k) {
            // the words inside, on the line of the parenthesis
            let mut e = k + 1;
            while e < n
                && e < k + 4
                && doc.same_line(e)
                && (doc.is_arabic(e) || doc.tokens[e].kind == TokenKind::Latin)
            {
                e += 1;
            }
            if e > k + 1
                && doc.same_line(e)
                && doc.is_punct(e, ')')
                && (is_name_like(doc, k + 1)
                    || spelled_acronym(doc, k + 1).is_some()
                    || latin_acronym(doc, k + 1))
            {
                out.push(Candidate::from_tokens(
                    doc,
                    k + 1,
                    0,
                    e,
                    Label::Organization,
                    3,
                ));
            }
        }
    }
    // أوبك+
    for c in &mut out[start_len..] {
        if doc.norm.chars.get(c.end) == Some(&'+') {
            c.end += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::testutil::assert_recognizes;

    /// Found by fuzzing: the acronym in parentheses after a name is on one line.
    #[test]
    fn an_acronym_in_parentheses_is_on_one_line() {
        assert_recognizes(super::recognize, "قال [حلف شمال الأطلسي] ([NATO]) إن");
        assert_recognizes(super::recognize, "قال [حلف شمال الأطلسي] ([KN]\n[NN]) إن");
    }

    /// Found by fuzzing: a hyphen on the next line does not make an acronym a model
    /// number.
    #[test]
    fn an_acronym_before_a_line_break() {
        assert_recognizes(super::recognize, "قال حلف [NATO]\n-");
    }

    /// Found by fuzzing (a text cut into pieces): a quotation mark opening the next line
    /// does not close a quoted name.
    #[test]
    fn a_quoted_name_closes_on_its_line() {
        assert_recognizes(super::recognize, "وقالت الجمعية \"حماية البيئة.\n'ثم");
        assert_recognizes(super::recognize, "وقالت الجمعية \"[حماية البيئة]\".\n'ثم");
        // and opens on the line of its descriptor (found by fuzzing)
        assert_recognizes(super::recognize, "وقال موقع\n\"زافيرو\" إن");
    }

    #[test]
    fn lexicon_acronyms_and_proclitics() {
        assert_recognizes(
            super::recognize,
            "وأفاد [الكرملين] بأن قمة [مجموعة العشرين] ([أ ف ب]- أرشيف)",
        );
        assert_recognizes(
            super::recognize,
            "القمة المرتقبة لـ\"[G7]\" واتفاق \"[أوبك+]\"",
        );
        assert_recognizes(super::recognize, "قالت الشركة ل[لبي بي سي] أن");
        assert_recognizes(super::recognize, "مع قناة [سي بي سي نيوز]: \"وهذه\"");
    }

    #[test]
    fn quoted_name_after_a_trigger_noun() {
        assert_recognizes(
            super::recognize,
            "أودع المال في مصرف \"[غرين فالي]\" المحلي",
        );
    }

    #[test]
    fn generic_phrases_after_triggers_are_not_names() {
        assert_recognizes(super::recognize, "ظهر في برنامج تلفزيوني شهير");
        assert_recognizes(super::recognize, "افتتحت شركة إنتاج سينمائي جديدة");
        assert_recognizes(super::recognize, "زار موقع شروق الشمس ومدرسة فنون قديمة");
        assert_recognizes(super::recognize, "نمت شركات خدمات المستهلكين");
        // a foreign word, a definite genitive after a head, a nationality adjective
        assert_recognizes(super::recognize, "غرمت [شرطة مرور فالنسيا] سائقاً");
        assert_recognizes(
            super::recognize,
            "انتقدت [جمعية مستهلكي الكهرباء] أمس القرار",
        );
        assert_recognizes(super::recognize, "قالت منظمة [خدمات الإغاثة الأسترالية] إن");
        assert_recognizes(super::recognize, "وقال موقع [آغورا] إن");
    }

    #[test]
    fn programme_titles_are_no_organizations() {
        assert_recognizes(super::recognize, "ظهر في برنامج \"صباح الخير\" أمس");
        assert_recognizes(super::recognize, "تحدث في برنامج كولبير الليلي");
        assert_recognizes(super::recognize, "قال [برنامج الأمم المتحدة للبيئة] إن");
    }

    #[test]
    fn strict_definite_heads() {
        assert_recognizes(super::recognize, "قالت [المنظمة الدولية للهجرة] إن");
        assert_recognizes(super::recognize, "وقالت المنظمة الدولية إن الوضع خطير");
        assert_recognizes(super::recognize, "حذرت الوكالة الأمنية الفرنسية من هجوم");
    }

    #[test]
    fn foreign_articles_of_media_names() {
        assert_recognizes(super::recognize, "وفقاً لصحيفة [لو موند] الصادرة أمس");
        assert_recognizes(super::recognize, "نقلت مجلة [دير شتيرن] عنه");
        assert_recognizes(super::recognize, "هذه صحيفة لا تنشر الإعلانات");
    }

    #[test]
    fn generic_boards_and_nouns_after_definite_words() {
        // a board-type head with a generic complement
        assert_recognizes(super::recognize, "انتخب رئيساً لمجلس الأمناء في الجامعة");
        assert_recognizes(super::recognize, "وقالت لجنة التحقيق إن الأدلة ناقصة");
        assert_recognizes(super::recognize, "قال [مجلس الأمن] و[وزارة العمل] إن");
        // after a definite word only its adjective continues the name
        assert_recognizes(super::recognize, "لم يقرأ الأعضاء في الحزب البيانات");
        assert_recognizes(super::recognize, "انتقدت [وزارة الصحة] القرار");
        assert_recognizes(
            super::recognize,
            "قال [الحزب الجمهوري] إن [المحكمة العليا] رفضت",
        );
        assert_recognizes(super::recognize, "قالت [وكالة الفضاء الأوروبية] إن");
        assert_recognizes(super::recognize, "أسس [حزب المحافظين الأحرار] عام 1990");
    }

    #[test]
    fn the_place_of_a_generic_body_is_part_of_its_name() {
        assert_recognizes(
            super::recognize,
            "رفضت [المحكمة الإدارية في القاهرة] الطعن أمس",
        );
        assert_recognizes(super::recognize, "أعلنت [هيئة الطرق في مدينة دبي] أمس");
        // a lexicon name, a nationality adjective, a transliterated name end before في
        assert_recognizes(super::recognize, "اجتمعت [مجموعة العشرين] في أوساكا");
        assert_recognizes(super::recognize, "قالت [وزارة الدفاع البريطانية] في لندن");
        assert_recognizes(super::recognize, "سهرنا في [نادي الكوباكابانا] في لشبونة");
    }

    /// The whole pipeline on the text fuzzing found: `extract::tests::recognizers`.
    #[test]
    fn a_descriptor_at_the_end_of_the_text_names_nothing() {
        assert_recognizes(super::recognize, "شاهدت البرنامج على قناة");
    }

    #[test]
    fn triggers_heads_and_descriptors() {
        assert_recognizes(
            super::recognize,
            "خرائط خاصة ب[وزارة الدفاع البريطانية] التي",
        );
        assert_recognizes(super::recognize, "الخاصة ب[جامعة كارولينا الشمالية].");
        assert_recognizes(super::recognize, "درس في [كلية غلاسكو للفنون].");
        assert_recognizes(super::recognize, "من شركة [ساسكتل] قائلةً");
        assert_recognizes(
            super::recognize,
            "تقول منظمة [خدمات الدم الكندية] ([سي بي إس]):",
        );
        assert_recognizes(super::recognize, "ظنت الشركة الكورية في البداية");
        assert_recognizes(super::recognize, "جمعت [الجمعية الملكية للبستنة] تعليقات");
    }
}
