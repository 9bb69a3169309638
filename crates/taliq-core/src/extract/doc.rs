//! The analysed document shared by all recognizers, and the candidate mentions they emit.
//!
//! Offsets in this module are char offsets into the *normalized* text unless a name says
//! otherwise; [`Doc::to_original`] maps them back to the original text.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use super::gazetteer::{LEXICON, PhraseMatch};
use super::normalize::{Normalized, clear_with_room, normalize_into};
use super::tokenize::{Stem, Token, TokenKind, tokenize_with};
use super::vocab::{self, Bits, word_facts_hashed};

/// Whether `s` has at least two chars.
fn two_chars(s: &str) -> bool {
    s.chars().nth(1).is_some()
}
use crate::model::label::Label;

/// A normalized, tokenized document.
///
/// Lexicon queries that several recognizers ask about the same token (names lexicon
/// matches, function words, closed-class words) are answered once per token and
/// remembered, so a `Doc` is not `Sync`.
#[derive(Debug)]
pub struct Doc {
    /// The normalized text and its offset map.
    pub norm: Normalized,
    /// Tokens of the normalized text.
    pub tokens: Vec<Token>,
    /// Per-token byte ranges and vocabulary bits.
    info: Vec<TokenInfo>,
    /// Per-token names-lexicon matches, filled on first use.
    memo: Vec<OnceCell<Option<CompactMatch>>>,
    /// The proclitic readings of every token ([`stems`](super::tokenize::stems)) after the
    /// first (the token itself, kept in `info`), computed once: token `i` has
    /// `stem_recs[stem_index[i]..stem_index[i + 1]]`.
    stem_recs: Vec<StemRec>,
    stem_index: Vec<u32>,
    /// The keys of `لل` readings (`ال` + stem), which are not slices of the text.
    lal_keys: String,
}

/// A word of a document being analysed, with its [`word_hash`](super::gazetteer::word_hash)
/// (the key of [`Doc::new`]'s table of words seen, hashed once).
#[derive(Clone, Copy, PartialEq, Eq)]
struct WordKey<'a> {
    hash: u64,
    text: &'a str,
}

impl Hash for WordKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// The hasher of [`WordKey`]: its hash as it is (already an Fx hash of the word).
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // not used by `WordKey`; kept correct for any other input
        for &b in bytes {
            self.0 = self.0.rotate_left(5) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The facts of a word at its first occurrence in a document ([`Doc::new`]): those of
/// [`TokenInfo`] that depend on the text only, and where its readings are.
#[derive(Clone, Copy)]
struct SeenWord {
    bits: Bits,
    any: Bits,
    name_words: u8,
    lal: bool,
    extra: u8,
    /// Index of its first reading in `stem_recs`.
    recs: u32,
    /// Its byte offset in the normalized text (its readings' keys are after it).
    start: u32,
}

/// Per-token facts computed with the tokens.
#[derive(Debug, Clone, Copy)]
struct TokenInfo {
    /// Byte range of the token in the normalized text.
    bytes: (u32, u32),
    /// [`vocab`] bits of the token's own text.
    bits: Bits,
    /// [`word_hash`](super::gazetteer::word_hash) of the token's own text.
    hash: u64,
    /// Union of the bits of all its readings.
    any: Bits,
    /// [`OWN_NAME_WORD`] when its own text is a word of
    /// [`NAME_WORDS`](super::words::NAME_WORDS), [`ANY_NAME_WORD`] when one of its
    /// readings is.
    name_words: u8,
    /// Whether one reading is the `لل` contraction.
    lal: bool,
    /// [`Doc::has_tanween`].
    tanween: bool,
    /// The original char of the token's first char ([`Doc::first_orig_char`]).
    first_orig: char,
    /// How many readings the token has besides itself (so that a token with none does
    /// not touch `stem_recs`).
    extra: u8,
}

impl TokenInfo {
    /// A token with no facts yet.
    const EMPTY: TokenInfo = TokenInfo {
        bytes: (0, 0),
        bits: 0,
        hash: 0,
        any: 0,
        name_words: 0,
        lal: false,
        tanween: false,
        first_orig: '\0',
        extra: 0,
    };
}

/// [`TokenInfo::name_words`]: the token's own text is a name word.
const OWN_NAME_WORD: u8 = 1;
/// [`TokenInfo::name_words`]: one of the token's readings is a name word.
const ANY_NAME_WORD: u8 = 2;

/// One proclitic reading with its [`vocab`] bits ([`Doc::stems_with_bits`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reading<'a> {
    /// Proclitic chars before the span start.
    pub skip: usize,
    /// The lexicon key.
    pub key: &'a str,
    /// Whether a conjunction or preposition was removed.
    pub stripped: bool,
    /// Whether the reading is the `لل` contraction.
    pub lal: bool,
    /// The key's bits.
    pub bits: Bits,
    /// The key's [`word_hash`](super::gazetteer::word_hash).
    pub hash: u64,
    /// Whether the key is a word of [`NAME_WORDS`](super::words::NAME_WORDS).
    pub name_word: bool,
}

/// One stored proclitic reading: its key is the byte range `key` of the normalized text
/// (always a suffix of the token), or of `Doc::lal_keys` for a `لل` reading.
#[derive(Debug, Clone, Copy)]
struct StemRec {
    skip: u8,
    stripped: bool,
    lal: bool,
    key: (u32, u32),
    bits: Bits,
    hash: u64,
    name_word: bool,
}

/// A names-lexicon match in 8 bytes ([`PhraseMatch`] with a `u32` end token).
#[derive(Debug, Clone, Copy)]
struct CompactMatch {
    end_token: u32,
    skip: u8,
    tag: Label,
    lal: bool,
}

/// The buffers of a dropped [`Doc`], reused by the next one on the same thread so that
/// extracting document after document (or piece after piece, [`super::extract`]) does
/// not allocate (and fault in) fresh memory.
#[derive(Default)]
struct Buffers {
    norm: Normalized,
    tokens: Vec<Token>,
    info: Vec<TokenInfo>,
    memo: Vec<OnceCell<Option<CompactMatch>>>,
    stem_recs: Vec<StemRec>,
    stem_index: Vec<u32>,
    lal_keys: String,
}

/// The spare buffers kept per thread hold at most this many normalized chars in all
/// (about 40 bytes a char: a 16 MB text's worth); more are freed.
const KEEP_MAX_CHARS: usize = 16 << 20;

thread_local! {
    /// Spare buffer sets, largest last, with their total capacity in chars.
    static SPARE: RefCell<(Vec<Buffers>, usize)> = const { RefCell::new((Vec::new(), 0)) };
}

/// A spare buffer set for a text of `bytes` bytes of UTF-8 (at most that many chars):
/// the smallest one that holds it, else the largest; or fresh empty buffers. A short
/// text (a probe word) takes a small set, so that it does not shrink the large one the
/// next piece of a long text needs (growing it again would rewrite every slot).
fn take_buffers(bytes: usize) -> Buffers {
    SPARE
        .try_with(|s| {
            let mut s = s.borrow_mut();
            let (pool, total) = &mut *s;
            if pool.is_empty() {
                return None;
            }
            let at = pool
                .partition_point(|b| b.norm.chars.capacity() < bytes)
                .min(pool.len() - 1);
            let b = pool.remove(at);
            *total -= b.norm.chars.capacity();
            Some(b)
        })
        .ok()
        .flatten()
        .unwrap_or_default()
}

impl Drop for Doc {
    fn drop(&mut self) {
        let size = self.norm.chars.capacity();
        if size == 0 || size > KEEP_MAX_CHARS {
            return;
        }
        let buffers = Buffers {
            norm: std::mem::take(&mut self.norm),
            tokens: std::mem::take(&mut self.tokens),
            info: std::mem::take(&mut self.info),
            memo: std::mem::take(&mut self.memo),
            stem_recs: std::mem::take(&mut self.stem_recs),
            stem_index: std::mem::take(&mut self.stem_index),
            lal_keys: std::mem::take(&mut self.lal_keys),
        };
        let _ = SPARE.try_with(|s| {
            let mut s = s.borrow_mut();
            // keep the larger sets: small probe documents must not evict big ones
            let (pool, total) = &mut *s;
            let at = pool.partition_point(|b| b.norm.chars.capacity() <= size);
            pool.insert(at, buffers);
            *total += size;
            while *total > KEEP_MAX_CHARS {
                let small = pool.remove(0);
                *total -= small.norm.chars.capacity();
            }
        });
    }
}

/// A suggested mention before overlap resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// First normalized char offset.
    pub start: usize,
    /// One past the last normalized char offset.
    pub end: usize,
    /// The label.
    pub label: Label,
    /// Confidence rank used to break ties between overlapping candidates of equal
    /// length (higher wins): 3 context rule, 2 lexicon, 1 weak guess.
    pub rank: u8,
    /// Whether the span starts with the `ل` of a `لل` contraction (canonical restores
    /// the article: `لأمم المتحدة` → `الأمم المتحدة`).
    pub lal: bool,
}

impl Candidate {
    /// A candidate spanning tokens `[first, end_token)`, starting `skip` chars into the
    /// first token.
    #[must_use]
    pub fn from_tokens(
        doc: &Doc,
        first: usize,
        skip: usize,
        end_token: usize,
        label: Label,
        rank: u8,
    ) -> Candidate {
        Candidate {
            start: doc.tokens[first].start + skip,
            end: doc.tokens[end_token - 1].end,
            label,
            rank,
            lal: false,
        }
    }
}

impl Doc {
    /// Normalizes and tokenizes `text`.
    #[must_use]
    pub fn new(text: &str) -> Doc {
        let Buffers {
            mut norm,
            mut tokens,
            mut info,
            mut memo,
            mut stem_recs,
            mut stem_index,
            mut lal_keys,
        } = take_buffers(text.len());
        normalize_into(text, &mut norm);
        // each token's byte range goes straight into `info`, whose other fields are filled
        // in below
        // as many as `tokenize_with` reserves for the tokens
        clear_with_room(&mut info, norm.chars.len() / 4);
        tokenize_with(&norm, &mut tokens, |s, e| {
            info.push(TokenInfo {
                bytes: (s, e),
                ..TokenInfo::EMPTY
            });
        });
        clear_with_room(&mut memo, tokens.len());
        memo.resize_with(tokens.len(), OnceCell::new);
        clear_with_room(&mut stem_recs, tokens.len() * 2);
        clear_with_room(&mut stem_index, tokens.len() + 1);
        lal_keys.clear();
        let ntext = norm.text.as_str();
        // the facts of a word depend on its text only: computed at its first occurrence
        // and copied at the others (news text repeats its words; the copies read this
        // small table instead of the large lexicon tables)
        let mut seen: HashMap<WordKey<'_>, SeenWord, BuildHasherDefault<PassThrough>> =
            HashMap::default();
        for (t, tok) in tokens.iter().zip(info.iter_mut()) {
            stem_index.push(stem_recs.len() as u32);
            let (start, end) = (tok.bytes.0 as usize, tok.bytes.1 as usize);
            let word = &ntext[start..end];
            (tok.first_orig, tok.tanween) = norm.first_char_and_tanween(t.start, t.end);
            let hash = super::gazetteer::word_hash(word);
            let key = WordKey { hash, text: word };
            if let Some(w) = seen.get(&key) {
                tok.hash = hash;
                tok.bits = w.bits;
                tok.any = w.any;
                tok.name_words = w.name_words;
                tok.lal = w.lal;
                tok.extra = w.extra;
                // the same readings, their keys moved to this token (a `لل` key is in
                // `lal_keys` and stays)
                let from = w.recs as usize;
                for k in from..from + usize::from(w.extra) {
                    let mut r = stem_recs[k];
                    if !r.lal {
                        r.key = (
                            r.key.0 - w.start + start as u32,
                            r.key.1 - w.start + start as u32,
                        );
                    }
                    stem_recs.push(r);
                }
                continue;
            }
            let recs = stem_recs.len() as u32;
            let (bits, name_word) = vocab::word_facts_of_hash(word, hash);
            tok.hash = hash;
            tok.bits = bits;
            tok.any = bits;
            tok.name_words = if name_word {
                OWN_NAME_WORD | ANY_NAME_WORD
            } else {
                0
            };
            let mut push = |skip: usize,
                            stripped: bool,
                            lal: bool,
                            key: (u32, u32),
                            (b, name_word, hash): (Bits, bool, u64)| {
                tok.any |= b;
                if name_word {
                    tok.name_words |= ANY_NAME_WORD;
                }
                tok.lal |= lal;
                tok.extra += 1;
                stem_recs.push(StemRec {
                    skip: skip as u8,
                    stripped,
                    lal,
                    key,
                    bits: b,
                    hash,
                    name_word,
                });
            };
            // the first reading, the token itself, is `tok` (text and bits)
            if t.kind == TokenKind::Arabic {
                // the readings of `stems(word)`, in the same order
                let mut rest = start;
                let mut skip = 0;
                if word.starts_with(['و', 'ف']) {
                    rest += 'و'.len_utf8();
                    skip += 1;
                    if two_chars(&ntext[rest..end]) {
                        push(
                            skip,
                            true,
                            false,
                            (rest as u32, end as u32),
                            word_facts_hashed(&ntext[rest..end]),
                        );
                    }
                }
                let r = &ntext[rest..end];
                if let Some(after) = r.strip_prefix("لل") {
                    if two_chars(after) {
                        let a = lal_keys.len();
                        lal_keys.push_str("ال");
                        lal_keys.push_str(after);
                        let b = word_facts_hashed(&lal_keys[a..]);
                        push(skip + 1, true, true, (a as u32, lal_keys.len() as u32), b);
                        let s2 = rest + 'ل'.len_utf8();
                        push(
                            skip + 1,
                            true,
                            false,
                            (s2 as u32, end as u32),
                            word_facts_hashed(&ntext[s2..end]),
                        );
                    }
                } else if r.starts_with(['ب', 'ك', 'ل']) && two_chars(&r['ب'.len_utf8()..]) {
                    let s2 = rest + 'ب'.len_utf8();
                    push(
                        skip + 1,
                        true,
                        false,
                        (s2 as u32, end as u32),
                        word_facts_hashed(&ntext[s2..end]),
                    );
                }
            }
            seen.insert(
                key,
                SeenWord {
                    bits: tok.bits,
                    any: tok.any,
                    name_words: tok.name_words,
                    lal: tok.lal,
                    extra: tok.extra,
                    recs,
                    start: start as u32,
                },
            );
        }
        stem_index.push(stem_recs.len() as u32);
        drop(seen);
        Doc {
            norm,
            tokens,
            info,
            memo,
            stem_recs,
            stem_index,
            lal_keys,
        }
    }

    /// The proclitic readings of token `i`, the unsegmented one first: the same as
    /// [`stems`](super::tokenize::stems)`(self.text(i))` for an Arabic token, the token itself otherwise;
    /// computed once per document.
    pub fn stems(&self, i: usize) -> impl Iterator<Item = Stem<'_>> + Clone + '_ {
        self.stems_with_bits(i).map(|r| Stem {
            skip: r.skip,
            key: std::borrow::Cow::Borrowed(r.key),
            stripped: r.stripped,
            lal: r.lal,
        })
    }

    /// [`Self::stems`] with each reading's [`super::vocab`] bits.
    pub(crate) fn stems_with_bits(
        &self,
        i: usize,
    ) -> impl Iterator<Item = Reading<'_>> + Clone + '_ {
        let info = &self.info[i];
        let (s, e) = (info.bytes.0 as usize, info.bytes.1 as usize);
        let own = Reading {
            skip: 0,
            key: &self.norm.text[s..e],
            stripped: false,
            lal: false,
            bits: info.bits,
            hash: info.hash,
            name_word: info.name_words & OWN_NAME_WORD != 0,
        };
        let extra = if info.extra == 0 {
            &[][..]
        } else {
            let first = self.stem_index[i] as usize;
            &self.stem_recs[first..first + usize::from(info.extra)]
        };
        std::iter::once(own).chain(extra.iter().map(move |r| {
            let (s, e) = (r.key.0 as usize, r.key.1 as usize);
            Reading {
                skip: r.skip as usize,
                key: if r.lal {
                    &self.lal_keys[s..e]
                } else {
                    &self.norm.text[s..e]
                },
                stripped: r.stripped,
                lal: r.lal,
                bits: r.bits,
                hash: r.hash,
                name_word: r.name_word,
            }
        }))
    }

    /// Whether `test` holds for the [`word_hash`](super::gazetteer::word_hash) of some
    /// reading of token `i` (its own text, then its proclitic readings).
    #[inline]
    pub(crate) fn any_reading_hash(&self, i: usize, test: impl Fn(u64) -> bool) -> bool {
        let info = &self.info[i];
        if test(info.hash) {
            return true;
        }
        if info.extra == 0 {
            return false;
        }
        let first = self.stem_index[i] as usize;
        self.stem_recs[first..first + usize::from(info.extra)]
            .iter()
            .any(|r| test(r.hash))
    }

    /// The [`super::vocab`] bits of token `i`'s own text (none past the end).
    #[must_use]
    pub(crate) fn bits(&self, i: usize) -> Bits {
        self.info.get(i).map_or(0, |t| t.bits)
    }

    /// The union of the bits of all readings of token `i` (none past the end).
    #[must_use]
    pub(crate) fn any_bits(&self, i: usize) -> Bits {
        self.info.get(i).map_or(0, |t| t.any)
    }

    /// Whether token `i`'s own text is a word of [`NAME_WORDS`](super::words::NAME_WORDS).
    #[must_use]
    pub(crate) fn is_name_word(&self, i: usize) -> bool {
        self.info
            .get(i)
            .is_some_and(|t| t.name_words & OWN_NAME_WORD != 0)
    }

    /// Whether one reading of token `i` is a word of
    /// [`NAME_WORDS`](super::words::NAME_WORDS).
    #[must_use]
    pub(crate) fn any_name_word(&self, i: usize) -> bool {
        self.info
            .get(i)
            .is_some_and(|t| t.name_words & ANY_NAME_WORD != 0)
    }

    /// Whether token `i` has a `لل` reading.
    #[must_use]
    pub(crate) fn has_lal(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|t| t.lal)
    }

    /// The proclitic length of the first non-`لل` reading of Arabic token `i` whose bits
    /// meet `bit`.
    #[must_use]
    pub(crate) fn reading_with(&self, i: usize, bit: Bits) -> Option<usize> {
        if !self.is_arabic(i) || self.any_bits(i) & bit == 0 {
            return None;
        }
        self.stems_with_bits(i)
            .find(|r| !r.lal && r.bits & bit != 0)
            .map(|r| r.skip)
    }

    /// The longest entry of the names lexicon ([`LEXICON`]`.names`) at token `i`
    /// (`None` past the end); same as `LEXICON.names.match_at(self, i)`, remembered.
    #[must_use]
    pub fn names_at(&self, i: usize) -> Option<PhraseMatch<Label>> {
        // most tokens cannot start an entry: no reading is a first word and none is `لل`
        // (the same test `match_at_bits` starts with), so they need no memo
        let info = self.info.get(i)?;
        if info.any & vocab::NAMES_FIRST == 0 && !info.lal {
            return None;
        }
        let m = &self.memo[i];
        m.get_or_init(|| {
            LEXICON
                .names
                .match_at_bits(self, i, vocab::NAMES_FIRST)
                .map(|m| CompactMatch {
                    end_token: m.end_token as u32,
                    skip: m.skip as u8,
                    tag: m.tag,
                    lal: m.lal,
                })
        })
        .map(|m| PhraseMatch {
            skip: m.skip as usize,
            end_token: m.end_token as usize,
            tag: m.tag,
            lal: m.lal,
        })
    }

    /// The longest entry of the titles lexicon at token `i`; same as
    /// `LEXICON.titles.match_at(self, i)` (asked about once per token, not remembered).
    #[must_use]
    pub fn titles_at(&self, i: usize) -> Option<PhraseMatch<()>> {
        LEXICON.titles.match_at_bits(self, i, vocab::TITLES_FIRST)
    }

    /// The normalized text of token `i`.
    #[must_use]
    pub fn text(&self, i: usize) -> &str {
        let (s, e) = self.info[i].bytes;
        &self.norm.text[s as usize..e as usize]
    }

    /// The normalized text of token `i`, or `""` past the end.
    #[must_use]
    pub fn text_or_empty(&self, i: usize) -> &str {
        if i < self.tokens.len() {
            self.text(i)
        } else {
            ""
        }
    }

    /// Whether token `i` exists and is an Arabic word.
    #[must_use]
    pub fn is_arabic(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Arabic)
    }

    /// Whether token `i` exists and is the punctuation char `c`.
    #[must_use]
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.norm.chars[t.start] == c)
    }

    /// Whether token `i` exists and is a quotation mark.
    #[must_use]
    pub fn is_quote_mark(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && matches!(
                    self.norm.chars[t.start],
                    '"' | '«' | '»' | '“' | '”' | '\'' | '‘' | '’'
                )
        })
    }

    /// Whether token `i` is on the same line as token `i - 1`.
    #[must_use]
    pub fn same_line(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.newline_before)
    }

    /// Whether token `i` is an Arabic function word or frequent common word, in any
    /// proclitic reading (`وفي`, `بأن`).
    #[must_use]
    pub fn is_stopword(&self, i: usize) -> bool {
        if !self.is_arabic(i) {
            return false;
        }
        self.info[i].any & vocab::STOP != 0
    }

    /// Whether token `i` carries the definite article: normalized `ال…` written with a
    /// bare alef (`أليس`, `إلياس` start with a hamza and are not definite).
    #[must_use]
    pub fn is_definite(&self, i: usize) -> bool {
        self.text(i).starts_with("ال") && self.info[i].first_orig == 'ا'
    }

    /// Maps a normalized range to the original text's char range.
    #[must_use]
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        self.norm.to_original(start, end)
    }

    /// The original char that the first normalized char of token `i` came from (`أ` for
    /// a normalized `ا`), without touching the large offset maps.
    #[must_use]
    pub fn first_orig_char(&self, i: usize) -> char {
        self.info[i].first_orig
    }

    /// Whether the original text of token `i` carries tanween (ً ٌ ٍ), the mark of an
    /// indefinite common noun or adverb, which proper names do not take.
    #[must_use]
    pub fn has_tanween(&self, i: usize) -> bool {
        self.info[i].tanween
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_words_get_their_own_readings() {
        // the second and third occurrences are copied from the first (the table of words
        // seen): their reading keys must be their own text, the `لل` key the same
        let doc = Doc::new("وللأمم قال وللأمم، بالكرملين وللأمم بالكرملين");
        let readings = |i: usize| -> Vec<(usize, String, bool, Bits)> {
            doc.stems_with_bits(i)
                .map(|r| (r.skip, r.key.to_string(), r.lal, r.bits))
                .collect()
        };
        let first = readings(0);
        assert!(first.iter().any(|r| r.2 && r.1 == "الامم"), "{first:?}");
        for i in [2, 5] {
            assert_eq!(doc.text(i), doc.text(0));
            assert_eq!(readings(i), first);
            assert_eq!(doc.bits(i), doc.bits(0));
            assert_eq!(doc.any_bits(i), doc.any_bits(0));
            assert_eq!(doc.has_lal(i), doc.has_lal(0));
        }
        assert_eq!(readings(6), readings(4));
        assert_eq!(
            readings(6).iter().map(|r| r.1.as_str()).collect::<Vec<_>>(),
            ["بالكرملين", "الكرملين"]
        );
    }

    #[test]
    fn token_helpers() {
        let doc = Doc::new("قال بوتينٌ: \"نعم\" وفي");
        assert_eq!(doc.text(1), "بوتين");
        assert!(doc.has_tanween(1));
        assert!(doc.is_punct(2, ':'));
        assert!(doc.is_quote_mark(3));
        assert!(doc.is_stopword(6));
        assert_eq!(doc.text_or_empty(99), "");
    }
}
