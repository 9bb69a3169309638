//! spaCy's string ids: what a DocBin stores in place of each token text and label. A
//! string is its reserved symbol's id when spaCy has one (`PERSON` is 380, `DATE` 391,
//! `ORTH` 65: [`SYMBOLS`], from `spacy.symbols.IDS`), 0 when empty, and otherwise
//! MurmurHash64A of its UTF-8 bytes with seed 1 ([`murmur_hash_64a`]), as
//! `spacy.strings.StringStore.add` gives it in spaCy 3 (read in the venv's
//! `spacy/strings.pyx`: `hash_utf8` is `murmurhash.mrmr.hash64(…, 1)`).

use std::collections::HashMap;
use std::sync::LazyLock;

/// spaCy's reserved symbols, one `ID NAME` line each, id 0 (the empty string) left out:
/// made by `tests/interop/spacy_symbols.py` from spaCy 3.8.18's `spacy.symbols.IDS`, and
/// compared with the installed spaCy by the interop test `interop_spacy.rs` (a file
/// written by a spaCy whose table differs would misname those strings).
pub(crate) const SYMBOLS: &str = include_str!("symbols.txt");

/// [`SYMBOLS`] by name.
static SYMBOL_IDS: LazyLock<HashMap<&'static str, u64>> = LazyLock::new(|| {
    SYMBOLS
        .lines()
        .filter_map(|line| {
            let (id, name) = line.split_once(' ')?;
            Some((name, id.parse().ok()?))
        })
        .collect()
});

/// MurmurHash64A, the 64-bit hash of Austin Appleby's public-domain MurmurHash2 family
/// (the `MurmurHash64A` function of its reference `MurmurHash2.cpp`: multiplier
/// `0xc6a4a7935bd1e995`, shift 47, blocks of 8 bytes read little-endian, the tail's bytes
/// folded in from the highest), with `seed`. Written here from that description.
#[must_use]
pub(crate) fn murmur_hash_64a(bytes: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(M);
    let mut blocks = bytes.chunks_exact(8);
    for block in &mut blocks {
        let mut word = [0u8; 8];
        word.copy_from_slice(block);
        let mut k = u64::from_le_bytes(word).wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let tail = blocks.remainder();
    if !tail.is_empty() {
        for (i, &b) in tail.iter().enumerate() {
            h ^= u64::from(b) << (8 * i);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^ (h >> R)
}

/// spaCy's id of `s`: 0 for the empty string, the symbol's id for a reserved symbol, else
/// [`murmur_hash_64a`] of its UTF-8 with seed 1 (spaCy's `get_string_id`).
#[must_use]
pub(crate) fn string_id(s: &str) -> u64 {
    if s.is_empty() {
        return 0;
    }
    SYMBOL_IDS
        .get(s)
        .copied()
        .unwrap_or_else(|| murmur_hash_64a(s.as_bytes(), 1))
}

/// The strings of a DocBin by id, for reading: the file's `strings` list, each under
/// [`string_id`], and the reserved symbols, which a file need not list.
pub(crate) struct Strings<'a> {
    /// `string_id(s) → s`.
    by_id: HashMap<u64, &'a str>,
}

impl<'a> Strings<'a> {
    /// The table of `listed` (the file's `strings`) and the symbols.
    pub(crate) fn new(listed: &[&'a str]) -> Strings<'a> {
        let mut by_id: HashMap<u64, &'a str> = SYMBOLS
            .lines()
            .filter_map(|line| {
                let (id, name) = line.split_once(' ')?;
                Some((id.parse().ok()?, name))
            })
            .collect();
        by_id.insert(0, "");
        for s in listed {
            by_id.insert(string_id(s), s);
        }
        Strings { by_id }
    }

    /// The string of `id`; `None` when neither the file nor spaCy has it.
    pub(crate) fn get(&self, id: u64) -> Option<&'a str> {
        self.by_id.get(&id).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::{Strings, murmur_hash_64a, string_id};

    /// Values computed with spaCy 3.8.18: `spacy.strings.hash_string(s)` (the pure hash),
    /// and `StringStore().add(s)` for the ids (symbols for PERSON and DATE, 0 for "").
    #[test]
    fn the_hash_and_the_ids_are_spacys() {
        let hashes: [(&str, u64); 12] = [
            ("", 14_313_749_767_032_693_980),
            ("a", 11_901_859_001_352_538_922),
            ("abcdefgh", 17_751_780_907_874_141_760),
            ("abcdefghi", 13_885_881_106_499_164_936),
            ("بوتين", 7_305_069_577_300_589_264),
            ("💩", 2_293_946_526_295_596_255),
            ("\r\n", 2_933_942_332_565_701_703),
            (" ", 8_532_415_787_641_010_193),
            ("PERSON", 11_121_653_176_597_302_729),
            ("ORGANIZATION", 9_913_790_635_338_350_136),
            ("taliq_pending", 12_346_010_410_487_709_270),
            ("sc", 9_416_492_980_273_960_644),
        ];
        for (s, h) in hashes {
            assert_eq!(murmur_hash_64a(s.as_bytes(), 1), h, "{s:?}");
        }
        assert_eq!(string_id(""), 0);
        assert_eq!(string_id("PERSON"), 380);
        assert_eq!(string_id("DATE"), 391);
        assert_eq!(string_id("ORTH"), 65);
        assert_eq!(string_id("_"), 456);
        assert_eq!(string_id("ORGANIZATION"), 9_913_790_635_338_350_136);
        assert_eq!(string_id("بوتين"), 7_305_069_577_300_589_264);
    }

    #[test]
    fn the_symbols_run_from_1_to_456_and_resolve_unlisted() {
        let lines: Vec<&str> = super::SYMBOLS.lines().collect();
        assert_eq!(lines.len(), 456);
        for (i, line) in lines.iter().enumerate() {
            assert!(line.starts_with(&format!("{} ", i + 1)), "{line}");
        }
        let strings = Strings::new(&["بوتين"]);
        assert_eq!(strings.get(380), Some("PERSON"));
        assert_eq!(strings.get(0), Some(""));
        assert_eq!(strings.get(string_id("بوتين")), Some("بوتين"));
        assert_eq!(strings.get(string_id("غير")), None);
    }
}
