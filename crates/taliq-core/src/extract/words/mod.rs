//! Word lists of the recognizers that the analysis below them also reads
//! ([`super::vocab`] gives every token's readings their membership bits once), so that no
//! recognizer imports another's words and the analysis imports no recognizer: name
//! particles and suffixes, personal-name words, loanwords, heads of event names, the
//! letter names of spelled acronyms, the date words that end an organization name, the
//! nouns before the planet; the words of dates and the month names ([`date`]), the
//! number words and the number phrase ([`number`]), the nationality adjectives
//! ([`nationality`]).

pub mod date;
pub mod nationality;
pub mod number;

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::normalize::normalize_str;

/// A word list of `data/`: its entries in file order ([`entries`]), read once. Looked up
/// with [`Words::contains`], or by position where the order means something (the
/// ordinals, the weekdays, the decades).
pub type WordList = LazyLock<Words>;

/// The entries of a word list in file order, with an index for [`Words::contains`]: the
/// entries sorted by byte length, then bytes, and masks of the byte lengths and of the last
/// bytes present, so that most words in no list are refused by two bit tests and the others
/// by a binary search (about as fast as the constant lists compiled in they replaced).
#[derive(Debug, Clone)]
pub struct Words {
    /// The entries in file order.
    list: Box<[&'static str]>,
    /// The entries sorted by `(byte length, bytes)`.
    sorted: Box<[&'static str]>,
    /// Bit `n` is set when an entry is `n` bytes long (bit 63: 63 bytes or more).
    lengths: u64,
    /// Bit `b % 64` is set when an entry's last byte is `b` (the empty entry: bit 0).
    last_bytes: u64,
}

/// The bit of [`Words::lengths`] for a word of `len` bytes.
#[inline]
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// The bit of [`Words::last_bytes`] for `word`.
#[inline]
fn last_byte_bit(word: &str) -> u64 {
    1 << (word.as_bytes().last().copied().unwrap_or(0) % 64)
}

impl Words {
    /// Whether `word` is an entry (compared as written).
    #[inline]
    #[must_use]
    pub fn contains(&self, word: &&str) -> bool {
        self.lengths & length_bit(word.len()) != 0
            && self.last_bytes & last_byte_bit(word) != 0
            && self
                .sorted
                .binary_search_by(|e| (e.len(), *e).cmp(&(word.len(), *word)))
                .is_ok()
    }
}

impl From<Box<[&'static str]>> for Words {
    fn from(list: Box<[&'static str]>) -> Words {
        let mut sorted = list.clone();
        sorted.sort_unstable_by_key(|e| (e.len(), *e));
        let lengths = list.iter().fold(0, |m, e| m | length_bit(e.len()));
        let last_bytes = list.iter().fold(0, |m, e| m | last_byte_bit(e));
        Words {
            list,
            sorted,
            lengths,
            last_bytes,
        }
    }
}

impl FromIterator<&'static str> for Words {
    fn from_iter<I: IntoIterator<Item = &'static str>>(words: I) -> Words {
        Words::from(words.into_iter().collect::<Box<[_]>>())
    }
}

impl IntoIterator for Words {
    type Item = &'static str;
    type IntoIter = std::vec::IntoIter<&'static str>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.into_vec().into_iter()
    }
}

impl std::ops::Deref for Words {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        &self.list
    }
}

impl<'a> IntoIterator for &'a Words {
    type Item = &'a &'static str;
    type IntoIter = std::slice::Iter<'a, &'static str>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

/// The entries of a word list of `data/`, in file order: one a line, trimmed, blank lines
/// and `#` comments left out. The lists are written in the matching form of
/// [`normalize`](super::normalize) and compared as written (a test checks the form).
#[must_use]
pub fn entries(data: &'static str) -> Words {
    let list: Box<[&'static str]> = data
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    Words::from(list)
}

/// Regnal and generational suffixes kept in a name (`أندريه برايس الثالث`).
///
/// `data/name_suffixes.txt`, in file order.
pub(crate) static NAME_SUFFIXES: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/name_suffixes.txt")));

/// Nasab and kunya particles inside Arabic names (`محمد بن سلمان`, `أبو مازن`): a closed
/// class of Arabic grammar, kept here as part of the name rules. Compiled by the Taliq
/// developers from Arabic grammar references.
pub(crate) const NAME_PARTICLES: &[&str] = &["بن", "ابن", "بنت", "ابو", "ابي", "ال", "عبد"];

/// Personal-name words (`data/name_words.txt`), normalized: one-word transliterated
/// surnames and given names, none of them an Arabic word or an entry of another list.
///
/// Source: the English–Arabic name pairs of arabnamer 0.1.3 (E. Yousef, data licence
/// CC BY 4.0), filtered as the file header says (`data/tools/build_name_words.py`).
pub static NAME_WORDS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    include_str!("../../../../../data/name_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(normalize_str)
        .collect()
});

/// Common loanwords of Arabic news, normalized, which have the letters of a
/// transliterated name but are ordinary nouns (`فيلم كامبل` is "Campbell's film").
/// All are accepted as Arabic words by the hunspell-ar 3.2 (Ayaspell) dictionary but
/// `انترنت`, checked with `hunspell -d ar -l`; the selection is of the loanwords
/// frequent in news prose.
///
/// `data/loanwords.txt`, in file order.
pub(crate) static LOANWORDS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/loanwords.txt")));

/// Nouns of named events, awards, agreements and laws (normalized) that take a person's
/// or a place's name as their second term (`كأس ديفيس`, `جائزة نوبل`, `معاهدة لندن`,
/// `بطولة أستراليا المفتوحة`, `قانون ماغنيتسكي`): the whole phrase is one MISC name
/// (guideline rule 6, flat annotation: no PERSON or LOCATION inside it; dev-gold
/// `اتفاق باريس`, `تعديل كيغالي`). A summit or conference is not among them: its place
/// is where it met (dev-gold `قمة باريس` → LOCATION `باريس`).
///
/// `data/event_heads.txt`, in file order.
pub(crate) static EVENT_HEADS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/event_heads.txt")));

/// Arabic spellings of Latin letter names, used in spelled-out acronyms.
///
/// `data/letter_names.txt`, in file order.
pub(crate) static LETTER_NAMES: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/letter_names.txt")));

/// English words that follow spelled acronyms in media names (`سي بي سي نيوز`).
///
/// `data/acronym_tails.txt`, in file order.
pub(crate) static ACRONYM_TAILS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/acronym_tails.txt")));

/// Weekdays, period nouns and date qualifiers that end an organization name (`وزارة
/// الصحة الخميس`).
///
/// `data/org_date_words.txt`, in file order.
pub(crate) static ORG_DATE_WORDS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/org_date_words.txt")));

/// Whether `w` (normalized) is one of [`ORG_DATE_WORDS`].
pub(crate) fn is_date_word(w: &str) -> bool {
    ORG_DATE_WORDS.contains(&w)
}

/// Nouns after which `الأرض` is the planet, not "land".
///
/// `data/planet_context.txt`, in file order.
pub(crate) static PLANET_CONTEXT: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/planet_context.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_find_exactly_their_entries_and_keep_file_order() {
        let w = entries("# Source: a test\nالثاني\nالاول\n\nG7\nب\n");
        assert_eq!(&*w, ["الثاني", "الاول", "G7", "ب"]);
        for e in ["الثاني", "الاول", "G7", "ب"] {
            assert!(w.contains(&e), "{e}");
        }
        // same length and last letter as an entry (past the masks), another last letter, a
        // prefix, a longer word, nothing
        for e in [
            "الحادي",
            "الاوب",
            "الثان",
            "الثانيه",
            "G8",
            "",
            "# Source: a test",
        ] {
            assert!(!w.contains(&e), "{e}");
        }
        let long = "ا".repeat(40);
        let with_long: Words = ["x", long.leak()].into_iter().collect();
        assert!(with_long.contains(&"ا".repeat(40).as_str()));
        assert!(!with_long.contains(&"ا".repeat(41).as_str()));
    }

    /// Entries that can never match, as they were in the code before the lists moved to
    /// `data/`: fixing them changes what the extractor finds, so it is a change of its own.
    const NOT_IN_THE_MATCHING_FORM: [(&str, &str); 1] = [("date_year_prepositions.txt", "حتى")];

    /// Every word list of `data/` written in the matching form is in it (the lists are
    /// compared as written), and every list of `data/` says where its words come from.
    #[test]
    fn word_lists_are_in_the_matching_form_and_name_their_source() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        let mut matching = 0;
        let mut wrong = Vec::new();
        for e in std::fs::read_dir(&dir).unwrap() {
            let path = e.unwrap().path();
            if path.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let head: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
            assert!(
                head.iter().any(|l| l.contains("Source:")),
                "{}: no `Source:` in the header",
                path.display()
            );
            if !head
                .iter()
                .any(|l| l.contains("matching form of extract/normalize.rs"))
            {
                continue;
            }
            matching += 1;
            let data: &'static str = Box::leak(text.into_boxed_str());
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            for w in &entries(data) {
                if normalize_str(w) != *w && !NOT_IN_THE_MATCHING_FORM.contains(&(&name, w)) {
                    wrong.push(format!("{name}: {w} (matching form {})", normalize_str(w)));
                }
            }
        }
        assert!(matching >= 30, "{matching} lists in the matching form");
        assert!(
            wrong.is_empty(),
            "not in the matching form:\n{}",
            wrong.join("\n")
        );
    }
}
