//! Lexicons loaded from `data/*.txt` (compiled in with `include_str!`, parsed once).
//!
//! Each data file is plain UTF-8, one entry a line, `#` starts a comment line; its header
//! records source and licence. Entries are normalized with
//! [`normalize_str`](super::normalize::normalize_str) and split into words with the same
//! tokenizer as documents, so multi-word entries match token sequences.

use std::hash::BuildHasher;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use super::doc::Doc;
use super::normalize::normalize;
use super::tokenize::{TokenKind, tokenize};
use super::vocab::Bits;
use crate::model::label::Label;

/// A table of (possibly multi-word) phrases, keyed by their first normalized word.
#[derive(Debug)]
pub struct PhraseTable<T> {
    by_first: FxHashMap<String, Vec<(Vec<String>, T)>>,
    /// The first words: most words of a text are none, and the filter says so without
    /// hashing them.
    filter: WordFilter,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            by_first: FxHashMap::default(),
            filter: WordFilter::default(),
        }
    }
}

/// A set of words with false positives and no false negatives, one bit per
/// [`filter_slot`] (2^16 bits): a quick "no" before a hash-table lookup.
#[derive(Debug, Clone)]
pub(crate) struct WordFilter(Box<[u64]>);

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter(vec![0; 1 << 10].into_boxed_slice())
    }
}

impl WordFilter {
    /// Adds `word`.
    pub(crate) fn insert(&mut self, word: &str) {
        let slot = filter_slot(word_hash(word));
        self.0[slot / 64] |= 1 << (slot % 64);
    }

    /// `false` when `word` was never added; `true` when it was, or by chance.
    #[inline]
    pub(crate) fn may_contain(&self, word: &str) -> bool {
        self.may_contain_hash(word_hash(word))
    }

    /// [`Self::may_contain`] of the word whose [`word_hash`] is `hash`.
    #[inline]
    pub(crate) fn may_contain_hash(&self, hash: u64) -> bool {
        let slot = filter_slot(hash);
        self.0[slot / 64] & (1 << (slot % 64)) != 0
    }
}

/// The [`WordFilter`] slot of a word: 16 bits of its Fx hash (rustc-hash).
#[inline]
fn filter_slot(hash: u64) -> usize {
    (hash >> 48) as usize
}

/// The 64-bit hash of a word that word filters use (FxHash of its UTF-8 bytes):
/// [`Doc`] keeps it for every reading of every token, so tables test a token without
/// hashing it again.
#[must_use]
#[inline]
pub(crate) fn word_hash(word: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(word.as_bytes())
}

/// A phrase found in a document by [`PhraseTable::match_at`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch<T> {
    /// Proclitic chars skipped in the first token (span starts `skip` chars in).
    pub skip: usize,
    /// Index one past the last matched token.
    pub end_token: usize,
    /// The entry's tag.
    pub tag: T,
    /// Whether the first word was read as the `لل` contraction.
    pub lal: bool,
}

/// Splits an entry into normalized words with the document tokenizer.
fn entry_words(entry: &str) -> Vec<String> {
    let n = normalize(entry);
    tokenize(&n)
        .iter()
        .map(|t| n.slice(t.start, t.end).to_string())
        .collect()
}

/// Non-comment, non-empty trimmed lines of a data file.
fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl<T: Copy> PhraseTable<T> {
    /// Adds every entry of a data file with `tag`; an entry already present keeps its
    /// first tag.
    pub fn add_file(&mut self, data: &str, tag: T) {
        for line in lines(data) {
            self.insert(entry_words(line), tag);
        }
    }

    /// Adds one phrase given as normalized words; an existing phrase keeps its tag.
    pub fn insert(&mut self, mut words: Vec<String>, tag: T) {
        if words.is_empty() {
            return;
        }
        let first = words.remove(0);
        self.filter.insert(&first);
        let list = self.by_first.entry(first).or_default();
        if !list.iter().any(|(w, _)| *w == words) {
            list.push((words, tag));
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
    }

    /// Whether `key` may be a first word (no false negatives).
    fn may_be_first(&self, key: &str) -> bool {
        self.filter.may_contain(key)
    }

    /// The end token and tag of the longest entry whose first word is `key` (whose
    /// [`word_hash`] is `hash`) and whose other words are the tokens after `i`.
    /// Only entries ending before token `max_end` count.
    fn lookup_hashed(
        &self,
        doc: &Doc,
        key: &str,
        hash: u64,
        i: usize,
        max_end: usize,
    ) -> Option<(usize, T)> {
        if !self.filter.may_contain_hash(hash) {
            return None;
        }
        let list = self.by_first.get(key)?;
        'entries: for (rest, tag) in list {
            let end = i + 1 + rest.len();
            if end > doc.tokens.len() || end >= max_end {
                continue;
            }
            for (k, w) in rest.iter().enumerate() {
                let t = &doc.tokens[i + 1 + k];
                if t.newline_before || doc.text(i + 1 + k) != w {
                    continue 'entries;
                }
            }
            return Some((i + 1 + rest.len(), *tag));
        }
        None
    }

    /// The longest entry starting at token `i`, trying the proclitic readings of an
    /// Arabic first token (unsegmented first; for `لل` both `ال…` and the bare stem).
    ///
    /// Inlined for the quick "no" of most tokens ([`Self::may_start_at`]), which then
    /// costs its callers no call.
    #[must_use]
    #[inline]
    pub fn match_at(&self, doc: &Doc, i: usize) -> Option<PhraseMatch<T>> {
        if !self.may_start_at(doc, i) {
            return None;
        }
        self.match_filtered(doc, i, None, usize::MAX)
    }

    /// `false` when no entry can start at token `i` (or past the end): no reading passes
    /// the word filter and none is `لل` (which also tries its key without the article,
    /// not a stored reading). The quick "no" of [`Self::match_filtered`].
    #[inline]
    fn may_start_at(&self, doc: &Doc, i: usize) -> bool {
        i < doc.tokens.len()
            && (doc.has_lal(i) || doc.any_reading_hash(i, |h| self.filter.may_contain_hash(h)))
    }

    /// The longest entry starting at token `i` that ends before token `max_end` (a
    /// shorter alternative to a longer match, for when the longer one loses to an
    /// overlapping mention: `روسيا` inside `روسيا اليوم` when `اليوم الاثنين` is a date).
    #[must_use]
    pub fn match_before(&self, doc: &Doc, i: usize, max_end: usize) -> Option<PhraseMatch<T>> {
        self.match_filtered(doc, i, None, max_end)
    }

    /// [`Self::match_at`] for a table whose first words all carry `first_bit`
    /// ([`super::vocab`]): readings without the bit are not looked up.
    ///
    /// Inlined, so that the quick "no" of most tokens costs its callers no call.
    #[inline]
    pub(crate) fn match_at_bits(
        &self,
        doc: &Doc,
        i: usize,
        first_bit: Bits,
    ) -> Option<PhraseMatch<T>> {
        if doc.tokens.get(i).is_none() || doc.any_bits(i) & first_bit == 0 && !doc.has_lal(i) {
            return None;
        }
        self.match_filtered(doc, i, Some(first_bit), usize::MAX)
    }

    fn match_filtered(
        &self,
        doc: &Doc,
        i: usize,
        first_bit: Option<Bits>,
        max_end: usize,
    ) -> Option<PhraseMatch<T>> {
        let lacks = |b: Bits| first_bit.is_some_and(|f| b & f == 0);
        let tok = doc.tokens.get(i)?;
        if !self.may_start_at(doc, i) {
            return None;
        }
        let word = doc.text(i);
        if tok.kind != TokenKind::Arabic {
            if lacks(doc.bits(i)) {
                return None;
            }
            return self
                .lookup_hashed(doc, word, word_hash(word), i, max_end)
                .map(|(end_token, tag)| PhraseMatch {
                    skip: 0,
                    end_token,
                    tag,
                    lal: false,
                });
        }
        let mut best: Option<PhraseMatch<T>> = None;
        for st in doc.stems_with_bits(i) {
            if !st.lal && lacks(st.bits) {
                continue;
            }
            let mut found = self.lookup_hashed(doc, st.key, st.hash, i, max_end);
            if found.is_none() && st.lal {
                let bare = &st.key["ال".len()..];
                found = self.lookup_hashed(doc, bare, word_hash(bare), i, max_end);
            }
            if let Some((end_token, tag)) = found
                && best.is_none_or(|b| end_token > b.end_token)
            {
                best = Some(PhraseMatch {
                    skip: st.skip,
                    end_token,
                    tag,
                    lal: st.lal,
                });
            }
        }
        best
    }

    /// Whether some entry starts with the word `key`.
    #[must_use]
    pub fn has_first(&self, key: &str) -> bool {
        self.may_be_first(key) && self.by_first.contains_key(key)
    }

    /// The first words of all entries.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    /// Whether the single word `key` is an entry.
    #[must_use]
    pub fn contains_word(&self, key: &str) -> bool {
        self.may_be_first(key)
            && self
                .by_first
                .get(key)
                .is_some_and(|l| l.iter().any(|(r, _)| r.is_empty()))
    }
}

pub(crate) fn word_set(data: &str) -> FxHashSet<String> {
    lines(data).map(super::normalize::normalize_str).collect()
}

/// All lexicons of the extractor.
#[derive(Debug)]
pub struct Lexicon {
    /// Named entities: countries, cities, regions (LOCATION), organizations, well-known
    /// people (PERSON): the curated lists, then the CLDR territory names and exemplar
    /// cities of `data/cldr_places.txt` (Unicode License v3, generated by
    /// `tools/cldr-locations.py`).
    pub names: PhraseTable<Label>,
    /// Titles, roles and honorifics before a person's name.
    pub titles: PhraseTable<()>,
    /// Organization trigger nouns that are part of the name (`وزارة`, `جامعة`).
    pub org_heads: FxHashSet<String>,
    /// Organization descriptor nouns that stay outside (`شركة`, `صحيفة`).
    pub org_descriptors: FxHashSet<String>,
    /// Location descriptor nouns that stay outside (`مدينة`, `ولاية`).
    pub loc_descriptors: FxHashSet<String>,
    /// Geographic nouns that are part of the name (`نهر`, `جبل`, `شبه جزيرة`).
    pub loc_heads: PhraseTable<()>,
    /// Nationality adjectives (`الروسي`, `الأميركي`).
    pub nationalities: FxHashSet<String>,
    /// Reporting verbs (`قال`, `أضافت`).
    pub reporting_verbs: FxHashSet<String>,
    /// Common Arabic given names.
    pub first_names_ar: FxHashSet<String>,
    /// Common transliterated foreign given names.
    pub first_names_foreign: FxHashSet<String>,
    /// Function words and frequent common words.
    pub stopwords: FxHashSet<String>,
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut names = PhraseTable::default();
        names.add_file(
            include_str!("../../../../data/organizations.txt"),
            Label::Organization,
        );
        names.add_file(
            include_str!("../../../../data/countries.txt"),
            Label::Location,
        );
        names.add_file(include_str!("../../../../data/cities.txt"), Label::Location);
        names.add_file(
            include_str!("../../../../data/regions.txt"),
            Label::Location,
        );
        names.add_file(include_str!("../../../../data/persons.txt"), Label::Person);
        // generated from CLDR by tools/cldr-locations.py; last, so the curated lists win
        names.add_file(
            include_str!("../../../../data/cldr_places.txt"),
            Label::Location,
        );
        let mut titles = PhraseTable::default();
        titles.add_file(include_str!("../../../../data/titles.txt"), ());
        let mut loc_heads = PhraseTable::default();
        loc_heads.add_file(include_str!("../../../../data/location_heads.txt"), ());
        Lexicon {
            names,
            titles,
            org_heads: word_set(include_str!("../../../../data/org_heads.txt")),
            org_descriptors: word_set(include_str!("../../../../data/org_descriptors.txt")),
            loc_descriptors: word_set(include_str!("../../../../data/location_descriptors.txt")),
            loc_heads,
            nationalities: word_set(include_str!("../../../../data/nationalities.txt")),
            reporting_verbs: word_set(include_str!("../../../../data/reporting_verbs.txt")),
            first_names_ar: word_set(include_str!("../../../../data/first_names_ar.txt")),
            first_names_foreign: word_set(include_str!("../../../../data/first_names_foreign.txt")),
            stopwords: word_set(include_str!("../../../../data/stopwords.txt")),
        }
    }

    /// Whether `key` is any given name.
    #[must_use]
    pub fn is_first_name(&self, key: &str) -> bool {
        self.first_names_ar.contains(key) || self.first_names_foreign.contains(key)
    }
}

/// The lexicons, parsed on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        let lx = &*LEXICON;
        assert!(lx.names.contains_word("روسيا"));
        assert!(lx.names.contains_word("الكرملين"));
        assert!(lx.reporting_verbs.contains("اكد"));
        assert!(lx.nationalities.contains("الاميركي"));
        assert!(lx.first_names_foreign.contains("فلاديمير"));
        assert!(lx.org_heads.contains("وزاره"));
    }

    #[test]
    fn matches_multiword_entries_with_proclitics() {
        let doc = Doc::new("وصل بالولايات المتحدة الأميركية ثم للأمم المتحدة");
        let m = LEXICON.names.match_at(&doc, 1).unwrap();
        assert_eq!((m.skip, m.end_token, m.tag), (1, 4, Label::Location));
        let m = LEXICON.names.match_at(&doc, 5).unwrap();
        assert_eq!(
            (m.skip, m.end_token, m.tag, m.lal),
            (1, 7, Label::Organization, true)
        );
        assert!(LEXICON.names.match_at(&doc, 0).is_none());
    }

    #[test]
    fn cldr_places_add_names_and_stay_out_of_the_closed_lists() {
        // exemplar cities and territories that only CLDR has
        for word in ["طشقند", "سمرقند", "البهاما", "ريكيافيك"] {
            assert!(LEXICON.names.contains_word(word), "{word}");
        }
        let doc = Doc::new("وصل إلى جزر البهاما ثم بسمرقند");
        let m = LEXICON.names.match_at(&doc, 2).unwrap();
        assert_eq!((m.end_token, m.tag), (4, Label::Location));
        let m = LEXICON.names.match_at(&doc, 5).unwrap();
        assert_eq!((m.skip, m.tag), (1, Label::Location));
        // the generator's filter: no one-word CLDR name is a word of another list
        // (stopword, title, given name, month, number word ...)
        let curated: FxHashSet<String> = [
            include_str!("../../../../data/countries.txt"),
            include_str!("../../../../data/cities.txt"),
            include_str!("../../../../data/regions.txt"),
        ]
        .into_iter()
        .flat_map(lines)
        .map(super::super::normalize::normalize_str)
        .collect();
        for line in lines(include_str!("../../../../data/cldr_places.txt")) {
            let words = entry_words(line);
            assert!(!curated.contains(&words.join(" ")), "{line} is curated");
            if let [word] = words.as_slice() {
                let other = super::super::vocab::bits_of(word) & !super::super::vocab::NAMES_FIRST;
                assert_eq!(other, 0, "{line}");
                assert!(word.chars().count() > 3, "{line}");
            }
        }
    }
}
