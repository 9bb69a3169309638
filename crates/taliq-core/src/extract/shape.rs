//! The shape of a word, shared by the recognizers: whether it can be part of a proper
//! name, or has the shape of an Arabic verb, common noun or broken plural, or of a
//! transliterated foreign word. Written from Arabic morphology (the measures of the
//! triliteral verb and its nouns) and the word lists of [`super::words`].

use super::doc::Doc;
use super::vocab;
use super::words::{EVENT_HEADS, LOANWORDS};

/// Whether the word at `i` belongs to a closed class that never starts a name: function
/// words, titles, nationality adjectives, reporting verbs, trigger and descriptor nouns.
#[must_use]
pub fn is_closed_class(doc: &Doc, i: usize) -> bool {
    closed_class(doc, i)
}

pub(crate) fn closed_class(doc: &Doc, i: usize) -> bool {
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

/// Whether token `i`'s text is a given name ([`super::gazetteer::LEXICON`]`.is_first_name`).
pub(crate) fn is_first_name(doc: &Doc, i: usize) -> bool {
    doc.bits(i) & (vocab::FIRST_NAME_AR | vocab::FIRST_NAME_FOREIGN) != 0
}

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

/// The first `N` chars of `word` (`'\0'` past its end) and its length in chars: what the
/// word-shape tests look at, without collecting the word into a `Vec<char>` (an
/// allocation per test, on many tokens). A test must check the length before it reads a
/// char, as it would before indexing the `Vec`.
pub(crate) fn shape<const N: usize>(word: &str) -> ([char; N], usize) {
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
pub(crate) fn four_letter_noun(doc: &Doc, k: usize) -> bool {
    let (w, len) = shape::<3>(doc.text(k));
    len == 4 && matches!(w[2], 'ا' | 'و' | 'ي') && !is_first_name(doc, k)
}

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
