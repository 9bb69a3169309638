//! Normalization for matching only, with a map back to the original char offsets.
//!
//! The document text is never rewritten: recognizers match on the normalized form and
//! every normalized char remembers the char (Unicode scalar value) offset it came from.
//!
//! Folding rules (common practice in Arabic IR, e.g. Larkey et al. 2007 "light
//! stemming" normalization): alef forms أ إ آ ٱ → ا, ى → ي, ة → ه, Persian ی ک → ي ك,
//! Arabic-Indic and Extended Arabic-Indic digits → ASCII, Arabic decimal/thousands
//! separators → `,`, ASCII letters → lowercase; tatweel, tashkeel (harakat, tanween,
//! shadda, sukun, superscript alef, Quranic marks) and directional marks
//! (LRM, RLM, ALM, ZWJ/ZWNJ, BOM, isolates/embeddings) are dropped.

use std::cell::OnceCell;

/// What normalization does with one original char.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fold {
    /// Kept, possibly replaced by the given char.
    Keep(char),
    /// Dropped (diacritic, tatweel, directional mark).
    Drop,
}

pub use crate::model::document::is_arabic_mark;

/// `true` for invisible directional and joining controls ignored by matching.
#[must_use]
pub const fn is_format_mark(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

const fn fold(c: char) -> Fold {
    // fast paths: ASCII, and the Arabic letters that stay as they are
    if c.is_ascii() {
        return Fold::Keep(c.to_ascii_lowercase());
    }
    if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
        && !matches!(c, 'أ' | 'إ' | 'آ' | 'ى' | 'ة')
    {
        return Fold::Keep(c);
    }
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Fold::Keep('ا'),
        'ى' | 'ی' | 'ې' => Fold::Keep('ي'),
        'ة' => Fold::Keep('ه'),
        'ک' => Fold::Keep('ك'),
        'ـ' => Fold::Drop,
        '٫' | '٬' => Fold::Keep(','),
        '٪' => Fold::Keep('%'),
        '\u{0660}'..='\u{0669}' => Fold::Keep((b'0' + (c as u32 - 0x0660) as u8) as char),
        '\u{06F0}'..='\u{06F9}' => Fold::Keep((b'0' + (c as u32 - 0x06F0) as u8) as char),
        c if is_arabic_mark(c) || is_format_mark(c) => Fold::Drop,
        c if c.is_ascii_uppercase() => Fold::Keep(c.to_ascii_lowercase()),
        c => Fold::Keep(c),
    }
}

/// The normalized form of a text plus the offset map back to the original.
///
/// All offsets are char offsets. `chars[i]` is the `i`-th normalized char and
/// `orig[i]` the offset of the original char it came from ([`Self::orig_index`]);
/// [`Self::bytes`]`()[i]` is the byte offset of `chars[i]` in `text` (with one extra
/// entry, `text.len()`, at the end), computed on first use. Offsets are stored as `u32`
/// (half the memory of `usize`, and the maps are the largest part of an analysed
/// document), so a text is normalized up to its first 4 GiB; the app loads files of at
/// most 50 MB.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// The normalized chars (same content as `text`).
    pub chars: Vec<char>,
    /// For each normalized char, the char offset of its source in the original text.
    pub orig: Vec<u32>,
    /// For each normalized char, its byte offset in `text`; one extra entry at the end
    /// ([`Self::bytes`]; the extraction pipeline does not need it).
    byte_offsets: OnceCell<Vec<u32>>,
    /// The original text as chars, for mapping span ends over trailing marks.
    pub orig_chars: Vec<char>,
}

impl Normalized {
    /// Number of normalized chars.
    #[must_use]
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// `true` when the normalized text is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The normalized text of the normalized char range `[start, end)`.
    #[must_use]
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let bytes = self.bytes();
        &self.text[bytes[start] as usize..bytes[end] as usize]
    }

    /// For each normalized char, its byte offset in `text`, and `text.len()` at the end
    /// (`len() + 1` entries), computed on first use.
    #[must_use]
    pub fn bytes(&self) -> &[u32] {
        self.byte_offsets.get_or_init(|| {
            let mut bytes = Vec::with_capacity(self.chars.len() + 1);
            let mut b = 0u32;
            for c in &self.chars {
                bytes.push(b);
                b += c.len_utf8() as u32;
            }
            bytes.push(b);
            bytes
        })
    }

    /// The char offset in the original text of the source of normalized char `i`.
    #[must_use]
    pub fn orig_index(&self, i: usize) -> usize {
        self.orig[i] as usize
    }

    /// The original char that normalized char `i` came from (`أ` for a folded `ا`).
    #[must_use]
    pub fn orig_char(&self, i: usize) -> char {
        self.orig_chars[self.orig_index(i)]
    }

    /// Maps a non-empty normalized char range `[start, end)` to the original char range.
    ///
    /// The end is extended over combining marks (and dropped format marks are not), and
    /// both edges are widened to extended grapheme cluster boundaries (UAX #29), so a span
    /// never starts or ends inside a cluster: not before a non-Arabic combining mark or a
    /// ZWJ, not after an Arabic number sign (U+0600, a "Prepend" char).
    #[must_use]
    #[inline]
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end && end <= self.len());
        let mut s = self.orig_index(start);
        let e = self.cluster_end(self.orig_index(end - 1) + 1);
        let chars = &self.orig_chars;
        while s > 0 && !is_grapheme_boundary(chars, s) {
            s -= 1;
        }
        (s, e)
    }
}

impl Normalized {
    /// The first original char offset at or after `e` that ends a span: past combining
    /// marks and anything else that continues the grapheme cluster before it (UAX #29).
    #[must_use]
    #[inline]
    pub fn cluster_end(&self, mut e: usize) -> usize {
        let chars = &self.orig_chars;
        while e < chars.len() && (is_arabic_mark(chars[e]) || !is_grapheme_boundary(chars, e)) {
            e += 1;
        }
        e
    }

    /// For a non-empty normalized char range `[start, end)` (a token): the original char
    /// at the start of [`Self::to_original`]`(start, end)` and whether that original range
    /// holds tanween (U+064B–U+064D).
    ///
    /// The same answer as `to_original`, computed without it when the range sits between
    /// plain chars (Arabic letters, printable ASCII, LF), where no edge can move.
    #[must_use]
    pub(crate) fn first_char_and_tanween(&self, start: usize, end: usize) -> (char, bool) {
        let chars = &self.orig_chars;
        let s = self.orig_index(start);
        let e = self.orig_index(end - 1) + 1;
        let plain_edges = (s == 0 || plain_char(chars[s - 1]))
            && plain_char(chars[s])
            && plain_char(chars[e - 1])
            && chars.get(e).is_none_or(|&c| plain_char(c));
        if plain_edges && e - s == end - start {
            // no char of the token was dropped, so it has no tanween
            return (chars[s], false);
        }
        let (s, e) = if plain_edges {
            (s, e)
        } else {
            self.to_original(start, end)
        };
        let tanween = chars[s..e]
            .iter()
            .any(|c| matches!(c, '\u{064B}'..='\u{064D}'));
        (chars[s], tanween)
    }
}

/// True when char offset `i` of `chars` is an extended grapheme cluster boundary (UAX #29,
/// via unicode-segmentation), judged from the 8 chars on each side: enough for every rule
/// but long runs of regional indicators, which are then split where the window ends.
#[expect(
    clippy::inline_always,
    reason = "called once or twice per token by to_original; left to itself LLVM kept the call (callgrind: about 4 M instructions per 0.5 MB)"
)]
#[inline(always)]
fn is_grapheme_boundary(chars: &[char], i: usize) -> bool {
    if i == 0 || i >= chars.len() {
        return true;
    }
    let (a, b) = (chars[i - 1], chars[i]);
    // the common case, decided here without a call: a basic Arabic letter (U+0621–U+064A)
    // or a printable ASCII char or LF on both sides (no Extend, Prepend or CR)
    if plain_char(a) && plain_char(b) {
        return true;
    }
    if let Some(b) = pair_boundary(a, b) {
        return b;
    }
    grapheme_boundary_slow(chars, i)
}

/// A basic Arabic letter (U+0621–U+064A), Arabic punctuation and digits (U+060C, U+061B,
/// U+061F, U+0660–U+066D), a printable ASCII char, LF, guillemets, dashes or curly
/// quotes: no Extend, Prepend, control but LF, or CR, so a grapheme boundary lies
/// between any two of them (UAX #29).
#[inline]
fn plain_char(c: char) -> bool {
    match PLAIN_TABLE.get(c as usize) {
        Some(&plain) => plain,
        None => plain_char_slow(c),
    }
}

/// [`plain_char`] by its definition.
const fn plain_char_slow(c: char) -> bool {
    matches!(c, '\n' | ' '..='~' | '\u{0621}'..='\u{064A}' | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{0660}'..='\u{066D}' | '«' | '»' | '\u{2013}' | '\u{2014}' | '\u{2018}'..='\u{201D}')
}

/// [`plain_char_slow`] of every char below U+0700, computed at compile time.
static PLAIN_TABLE: [bool; 0x700] = {
    let mut t = [false; 0x700];
    let mut i = 0;
    while i < 0x700 {
        t[i] = plain_char_slow(char::from_u32(i as u32).unwrap());
        i += 1;
    }
    t
};

/// [`is_grapheme_boundary`] by unicode-segmentation on the 8 chars each side of `i`.
#[cold]
#[inline(never)]
fn grapheme_boundary_slow(chars: &[char], i: usize) -> bool {
    let lo = i.saturating_sub(8);
    let window: String = chars[lo..(i + 8).min(chars.len())].iter().collect();
    let at: usize = chars[lo..i].iter().map(|c| c.len_utf8()).sum();
    unicode_segmentation::GraphemeCursor::new(at, window.len(), true)
        .is_boundary(&window, 0)
        .unwrap_or(true)
}

/// The grapheme boundary between `a` and `b` when the two chars alone decide it and both
/// are ASCII, Latin-1, Arabic (U+0600–U+06FF) or dashes and quotes (U+2010–U+2027),
/// without the Unicode tables; `None` otherwise. UAX #29: no boundary before an Extend char (the Arabic marks of
/// [`is_arabic_mark`]), after a Prepend char (U+0600–U+0605, U+06DD) or inside CR LF, and
/// always one next to a control (soft hyphen and ALM are controls); the other rules (Hangul, regional indicators, emoji ZWJ sequences, spacing marks) involve
/// no char of these two ranges.
fn pair_boundary(a: char, b: char) -> Option<bool> {
    let prepend = |c: char| matches!(c, '\u{0600}'..='\u{0605}' | '\u{06DD}');
    let known = |c: char| {
        c.is_ascii()
            || matches!(c, '\u{0080}'..='\u{00FF}' | '\u{0600}'..='\u{06FF}' | '\u{2010}'..='\u{2027}')
    };
    if !known(a) || !known(b) {
        return None;
    }
    // controls (and ALM, U+061C) break on both sides, but for CR LF
    let control = |c: char| c.is_control() || matches!(c, '\u{00AD}' | '\u{061C}');
    if control(a) || control(b) {
        return Some(!(a == '\r' && b == '\n'));
    }
    Some(!(is_arabic_mark(b) || prepend(a)))
}

/// Normalizes `text` for matching (see the module doc for the folding rules).
#[must_use]
pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized::default();
    normalize_into(text, &mut out);
    out
}

/// [`fold`] of every char below U+0800, that is of every char encoded in one or two
/// UTF-8 bytes (ASCII, Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Syriac, Thaana,
/// NKo), computed at compile time: the folded char, or `None` for a dropped one.
static FOLD_TABLE: [Option<char>; 0x800] = {
    let mut t = [None; 0x800];
    let mut i = 0;
    while i < 0x800 {
        t[i] = fold(char::from_u32(i as u32).unwrap()).kept();
        i += 1;
    }
    t
};

impl Fold {
    /// The kept char, `None` for a dropped one.
    const fn kept(self) -> Option<char> {
        match self {
            Fold::Keep(n) => Some(n),
            Fold::Drop => None,
        }
    }
}

/// [`fold`] through [`FOLD_TABLE`] for the common chars.
#[inline]
fn fold_fast(c: char) -> Fold {
    match FOLD_TABLE.get(c as usize) {
        Some(&Some(n)) => Fold::Keep(n),
        Some(None) => Fold::Drop,
        None => fold(c),
    }
}

/// What [`normalize_into`] does with one original char, in the form its loop wants: the
/// char to store (the folded char; the original one for a dropped char, stored but then
/// overwritten) and the flags [`KEEP`] and [`CHANGED`].
type Step = (char, u8);

/// [`Step`] flag: the char is kept (not dropped).
const KEEP: u8 = 1;
/// [`Step`] flag: the char is dropped or replaced, so the normalized text is not a copy of
/// the original here.
const CHANGED: u8 = 2;

/// The [`Step`] for `c` by [`fold`].
const fn step(c: char) -> Step {
    match fold(c) {
        Fold::Keep(n) => (n, if n == c { KEEP } else { KEEP | CHANGED }),
        Fold::Drop => (c, CHANGED),
    }
}

/// [`step`] of every char below U+0800 (one- and two-byte UTF-8), computed at compile
/// time.
static STEP_TABLE: [Step; 0x800] = {
    let mut t = [('\0', 0); 0x800];
    let mut i = 0;
    while i < 0x800 {
        t[i] = step(char::from_u32(i as u32).unwrap());
        i += 1;
    }
    t
};

/// [`normalize`] into `out`, reusing its buffers.
///
/// One pass over the UTF-8 bytes: one- and two-byte sequences (every char below U+0800,
/// so all of ASCII and Arabic) are decoded here and looked up in [`STEP_TABLE`]; longer
/// ones go through [`decode_long`] and [`step`]. The result is the same as folding
/// `text.chars()` one by one with [`fold`] (see the test
/// `normalize_into_agrees_with_char_by_char_reference`).
pub fn normalize_into(text: &str, out: &mut Normalized) {
    let text = up_to_4gib(text);
    // The per-char arrays are sized for the worst case (one normalized char for each
    // original char) and written by index, then cut to length: the write positions stay
    // in registers, where pushes would reload and store each vector's length for every
    // char.
    let mut ntext = std::mem::take(&mut out.text);
    let mut chars = std::mem::take(&mut out.chars);
    let mut orig = std::mem::take(&mut out.orig);
    let mut orig_chars = std::mem::take(&mut out.orig_chars);
    ntext.clear();
    if ntext.capacity() < text.len() {
        // a fresh buffer: growing would copy the old one's bytes, all stale
        ntext = String::with_capacity(text.len());
    }
    // one slot a char
    let n = text.chars().count();
    fit(&mut chars, n, '\0');
    fit(&mut orig_chars, n, '\0');
    fit(&mut orig, n, 0);
    let bytes = text.as_bytes();
    // all three arrays cut to `n`, so one bound serves them all
    let (chars_n, orig_n, orig_chars_n) = (&mut chars[..n], &mut orig[..n], &mut orig_chars[..n]);
    // the normalized text is copied from the original in runs of unchanged chars:
    // `text[run..at]` is unchanged and not yet copied
    let mut run = 0;
    // byte offset of the current char
    let mut at = 0;
    // number of normalized chars so far (at most `i`)
    let mut k = 0;
    for (i, slot) in orig_chars_n.iter_mut().enumerate() {
        let b0 = bytes[at];
        let (c, (folded, flags), len) = if b0 < 0x80 {
            (char::from(b0), STEP_TABLE[usize::from(b0)], 1)
        } else if b0 < 0xE0 {
            // a two-byte sequence 110xxxxx 10yyyyyy (valid UTF-8: the lead byte is at
            // least 0xC2 and the continuation byte follows), a char below U+0800
            let code = (u32::from(b0 & 0x1F) << 6) | u32::from(bytes[at + 1] & 0x3F);
            let step = STEP_TABLE[code as usize];
            (char::from_u32(code).unwrap_or(step.0), step, 2)
        } else {
            let c = decode_long(text, at);
            (c, step(c), c.len_utf8())
        };
        *slot = c;
        // written even for a dropped char, which the next kept char (or the final
        // truncation) overwrites: no branch on the common path
        chars_n[k] = folded;
        orig_n[k] = i as u32;
        k += usize::from(flags & KEEP);
        if flags & CHANGED != 0 {
            // a replaced or dropped char: copy the run before it, then the replacement
            copy_run(
                &mut ntext,
                &text[run..at],
                (flags & KEEP != 0).then_some(folded),
            );
            run = at + len;
        }
        at += len;
    }
    ntext.push_str(&text[run..]);
    chars.truncate(k);
    orig.truncate(k);
    *out = Normalized {
        text: ntext,
        chars,
        orig,
        byte_offsets: OnceCell::new(),
        orig_chars,
    };
}

/// Empties `v` and makes room for `n` elements without copying: a buffer reused from an
/// earlier document that is too small is replaced by a fresh one, since growing it would
/// copy its stale contents (`realloc` copies the whole old block).
pub(crate) fn clear_with_room<T>(v: &mut Vec<T>, n: usize) {
    v.clear();
    if v.capacity() < n {
        *v = Vec::with_capacity(n);
    }
}

/// Makes `v` `n` long for [`normalize_into`], which overwrites every slot it keeps: a
/// reused buffer that is long enough keeps its contents (only growth is written); one
/// that is too short is replaced by a fresh one (growing would copy its stale contents).
fn fit<T: Clone>(v: &mut Vec<T>, n: usize, fill: T) {
    if v.capacity() < n {
        *v = vec![fill; n];
    } else {
        v.resize(n, fill);
    }
}

/// Appends `run` (original text, unchanged by folding) and then `folded`, if any, to
/// `ntext` (off the hot path of [`normalize_into`]).
#[inline(never)]
fn copy_run(ntext: &mut String, run: &str, folded: Option<char>) {
    ntext.push_str(run);
    if let Some(f) = folded {
        ntext.push(f);
    }
}

/// The char of three or four UTF-8 bytes starting at byte `at` of `text` (off the hot
/// path of [`normalize_into`]).
#[cold]
#[inline(never)]
fn decode_long(text: &str, at: usize) -> char {
    text[at..].chars().next().unwrap_or('\0')
}

/// `text`, or its longest prefix (at a char boundary) shorter than 4 GiB.
fn up_to_4gib(text: &str) -> &str {
    let mut end = text.len().min(u32::MAX as usize);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Normalizes a lexicon entry or a short string: the folded chars only, no offset map.
#[must_use]
pub fn normalize_str(s: &str) -> String {
    s.chars()
        .filter_map(|c| match fold_fast(c) {
            Fold::Keep(n) => Some(n),
            Fold::Drop => None,
        })
        .collect()
}

/// The display form of a mention: the original text without tashkeel, tatweel and
/// directional marks (letters are not folded), with runs of whitespace collapsed.
#[must_use]
pub fn display_form(s: &str) -> String {
    display_form_iter(s.chars(), s.len())
}

/// [`display_form`] of a text given as chars.
#[must_use]
pub fn display_form_chars(s: &[char]) -> String {
    display_form_iter(s.iter().copied(), s.len() * 2)
}

fn display_form_iter(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut space = false;
    for c in chars {
        // fast path: Arabic letters (not tatweel) and ASCII letters and digits
        if matches!(c, '\u{0621}'..='\u{063F}' | '\u{0641}'..='\u{064A}')
            || c.is_ascii_alphanumeric()
        {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
            continue;
        }
        if is_arabic_mark(c) || is_format_mark(c) || c == 'ـ' {
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grapheme_fast_path_agrees_with_unicode_segmentation() {
        let sample = [
            'a', ' ', '\n', '\r', '~', 'ب', 'ة', '\u{064B}', '\u{0651}', '\u{0600}', '\u{200D}',
            '\u{0301}', 'ـ', '٣', '\u{0731}',
        ];
        for &a in &sample {
            for &b in &sample {
                let chars = [a, b];
                assert_eq!(
                    is_grapheme_boundary(&chars, 1),
                    grapheme_boundary_slow(&chars, 1),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn folds_alef_ya_ta_marbuta_and_digits() {
        assert_eq!(normalize_str("أإآٱ"), "اااا");
        assert_eq!(normalize_str("مستشفى"), "مستشفي");
        assert_eq!(normalize_str("جامعة"), "جامعه");
        assert_eq!(normalize_str("یک"), "يك");
        assert_eq!(normalize_str("٢٠١٩ ۱۲"), "2019 12");
        assert_eq!(normalize_str("G7"), "g7");
    }

    #[test]
    fn drops_marks_and_maps_offsets_back() {
        let t = "\u{200F}شدّد بوتـــين";
        let n = normalize(t);
        assert_eq!(n.text, "شدد بوتين");
        // "شدد" is normalized 0..3; original 1..5 includes the shadda after the last د.
        assert_eq!(n.to_original(0, 3), (1, 5));
        let (s, e) = n.to_original(4, 9);
        let orig: String = t.chars().skip(s).take(e - s).collect();
        assert_eq!(orig, "بوتـــين");
    }

    #[test]
    fn span_end_keeps_trailing_tanween() {
        let t = "اتصالاً هاتفياً";
        let n = normalize(t);
        assert_eq!(n.text, "اتصالا هاتفيا");
        assert_eq!(n.to_original(0, 6), (0, 7));
    }

    #[test]
    fn pair_boundaries_agree_with_unicode_segmentation() {
        let set: Vec<char> = (0..0x100u32)
            .chain(0x0600..0x0700)
            .chain(0x2010..0x2028)
            .filter_map(char::from_u32)
            .collect();
        for &a in &set {
            for &b in &set {
                let s: String = [a, b].iter().collect();
                let want = unicode_segmentation::GraphemeCursor::new(a.len_utf8(), s.len(), true)
                    .is_boundary(&s, 0)
                    .unwrap();
                assert_eq!(pair_boundary(a, b), Some(want), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn plain_chars_always_have_a_boundary_between_them() {
        let plain: Vec<char> = (0..0x2100u32)
            .filter_map(char::from_u32)
            .filter(|&c| plain_char(c))
            .collect();
        for c in (0..0x2100u32).filter_map(char::from_u32) {
            assert_eq!(plain_char(c), plain_char_slow(c), "{c:?}");
        }
        assert!(plain.len() > 150, "{}", plain.len());
        for &a in &plain {
            for &b in &plain {
                let s: String = [a, b].iter().collect();
                let cursor = unicode_segmentation::GraphemeCursor::new(a.len_utf8(), s.len(), true)
                    .is_boundary(&s, 0);
                assert_eq!(cursor, Ok(true), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn token_edges_agree_with_to_original() {
        let t = "«قال» بوتينٌ، و\u{0600}15 ب\u{200D}ً G7 — \u{300}ا اتصالاً؟ ١٥٪";
        let n = normalize(t);
        for tok in super::super::tokenize::tokenize(&n) {
            let (s, e) = n.to_original(tok.start, tok.end);
            let tanween = n.orig_chars[s..e]
                .iter()
                .any(|c| matches!(c, '\u{064B}'..='\u{064D}'));
            assert_eq!(
                n.first_char_and_tanween(tok.start, tok.end),
                (n.orig_chars[s], tanween),
                "{tok:?}"
            );
        }
    }

    #[test]
    fn fold_table_agrees_with_fold() {
        for c in (0..=0x0010_FFFF).filter_map(char::from_u32) {
            assert_eq!(fold_fast(c), fold(c), "{c:?}");
        }
        for (i, &(n, flags)) in STEP_TABLE.iter().enumerate() {
            let c = char::from_u32(u32::try_from(i).unwrap()).unwrap();
            let want = match fold(c) {
                Fold::Keep(m) => (m, if m == c { KEEP } else { KEEP | CHANGED }),
                Fold::Drop => (c, CHANGED),
            };
            assert_eq!((n, flags), want, "{c:?}");
        }
    }

    /// [`normalize`] by its definition: [`fold`] on each char of `text` in turn.
    fn normalize_reference(text: &str) -> (String, Vec<char>, Vec<u32>, Vec<char>) {
        let (mut ntext, mut chars, mut orig) = (String::new(), Vec::new(), Vec::new());
        for (i, c) in text.chars().enumerate() {
            if let Fold::Keep(n) = fold(c) {
                ntext.push(n);
                chars.push(n);
                orig.push(u32::try_from(i).unwrap());
            }
        }
        (ntext, chars, orig, text.chars().collect())
    }

    #[test]
    fn normalize_into_agrees_with_char_by_char_reference() {
        // marks, tatweel, format controls, folded letters and digits, Latin-1 and other
        // two-byte chars, three- and four-byte chars (U+FFFF among them), ending in a
        // two-, three- and four-byte char
        let alphabet: Vec<char> = "aZ 9\n\u{7F}\u{80}é\u{07FF}\u{0800}ـأإآٱىیکة٠٩۰۹٫٬٪بًّٰ\u{0610}\u{06ED}\u{200B}\u{200F}\u{061C}\u{202E}\u{2066}\u{FEFF}\u{FFFF}€😀\u{10FFFF}"
            .chars()
            .collect();
        let mut texts = vec![
            String::new(),
            "قال بوتينٌ".to_owned(),
            "\u{200F}شدّد بوتـــين".to_owned(),
            "كلمةٌ".to_owned(),
            "نص €".to_owned(),
            "نص 😀".to_owned(),
            "ABC\u{FFFF}".to_owned(),
        ];
        // pseudo-random mixes (a linear congruential generator, fixed seed)
        let mut x: u64 = 12345;
        for len in 0..300 {
            let mut t = String::new();
            for _ in 0..len % 40 {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                t.push(alphabet[(x >> 33) as usize % alphabet.len()]);
            }
            texts.push(t);
        }
        // one reused output, as the pipeline does, over texts that grow and shrink
        let mut out = Normalized::default();
        for t in &texts {
            normalize_into(t, &mut out);
            let (ntext, chars, orig, orig_chars) = normalize_reference(t);
            assert_eq!(out.text, ntext, "{t:?}");
            assert_eq!(out.chars, chars, "{t:?}");
            assert_eq!(out.orig, orig, "{t:?}");
            assert_eq!(out.orig_chars, orig_chars, "{t:?}");
        }
    }

    #[test]
    fn display_form_strips_marks_only() {
        assert_eq!(display_form("شدّد  أنّ"), "شدد أن");
    }
}
