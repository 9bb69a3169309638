//! The container of a `.spacy` file, as spaCy 3's `DocBin.to_bytes` writes it and
//! `DocBin.from_bytes` reads it (read in the venv's `spacy/tokens/_serialize.py`,
//! `span_group.pyx`, `_dict_proxies.py`): a zlib stream of one msgpack map
//!
//! - `version`: `"0.1"`;
//! - `attrs`: the attribute ids of the token columns, `ORTH` (65) first;
//! - `tokens`: every doc's tokens one after the other, a row of `attrs.len()` unsigned
//!   64-bit little-endian values each (string ids, [`super::strings`], for `ORTH` and
//!   `ENT_TYPE`; `ENT_IOB` 0 missing, 1 `I`, 2 `O`, 3 `B`);
//! - `spaces`: one byte a token, non-zero when a space follows it;
//! - `lengths`: the tokens of each doc, 32-bit little-endian;
//! - `strings`: every string the ids stand for (symbols need not be listed);
//! - `cats`, `flags` (`has_unknown_spaces`), `span_groups` (a msgpack map a doc, each
//!   span group's own msgpack bytes to its keys), and `user_data` when stored.
//!
//! A span of a group is 40 bytes, big-endian: id, kb_id and label (u64), then start
//! and end (tokens) and start_char and end_char (code points), i32 each.

use std::io::Write;

use flate2::{Compression, Decompress, FlushDecompress, Status};
use rmpv::Value;

use super::strings::{Strings, string_id};
use crate::formats::exchange::ReadError;

/// spaCy's attribute id of the token text.
const ORTH: u64 = 65;
/// spaCy's attribute id of the IOB code of the entity.
const ENT_IOB: u64 = 77;
/// spaCy's attribute id of the entity label.
const ENT_TYPE: u64 = 78;
/// The most a file inflates to (1 GiB): past it the file is refused as damaged rather
/// than filling the memory (a zlib bomb).
const MAX_INFLATED: usize = 1 << 30;
/// The key of [`RawDoc::source`] in a doc's `user_data`.
pub(crate) const SOURCE_KEY: &str = "taliq_source";

/// One span of a span group, in tokens and in code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GroupSpan {
    /// The label.
    pub(crate) label: String,
    /// The first token.
    pub(crate) start: usize,
    /// One past the last token.
    pub(crate) end: usize,
    /// The first code point, as the file states it.
    pub(crate) start_char: i64,
    /// One past the last code point, as the file states it.
    pub(crate) end_char: i64,
}

/// One Doc of a DocBin: its tokens, entities by token, span groups and source name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct RawDoc {
    /// The token texts.
    pub(crate) words: Vec<String>,
    /// Whether a space follows each token.
    pub(crate) spaces: Vec<bool>,
    /// The `ENT_IOB` code of each token (0–3); all 0 when the file has no such column.
    pub(crate) iob: Vec<u8>,
    /// The `ENT_TYPE` of each token, empty for none (read only where `iob` is 1 or 3).
    pub(crate) ent_types: Vec<String>,
    /// The span groups, `(key, spans)`, in file order.
    pub(crate) groups: Vec<(String, Vec<GroupSpan>)>,
    /// `user_data["taliq_source"]`, the article's file name, when the file gives it.
    pub(crate) source: Option<String>,
}

/// The msgpack bytes of `v` (writing to a `Vec` cannot fail).
fn packed(v: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = rmpv::encode::write_value(&mut out, v);
    out
}

/// A msgpack map with string keys.
fn map(fields: Vec<(&str, Value)>) -> Value {
    Value::Map(
        fields
            .into_iter()
            .map(|(k, v)| (Value::from(k), v))
            .collect(),
    )
}

/// The bytes of one span group as spaCy's `SpanGroup.to_bytes` lays it out.
fn group_bytes(name: &str, spans: &[GroupSpan]) -> Vec<u8> {
    let spans = spans
        .iter()
        .map(|s| {
            let mut b = Vec::with_capacity(40);
            b.extend_from_slice(&0u64.to_be_bytes());
            b.extend_from_slice(&0u64.to_be_bytes());
            b.extend_from_slice(&string_id(&s.label).to_be_bytes());
            for n in [s.start as i64, s.end as i64, s.start_char, s.end_char] {
                b.extend_from_slice(&(n as i32).to_be_bytes());
            }
            Value::Binary(b)
        })
        .collect();
    packed(&map(vec![
        ("name", Value::from(name)),
        ("attrs", Value::Map(Vec::new())),
        ("spans", Value::Array(spans)),
    ]))
}

/// The `.spacy` bytes of `docs`: columns `ORTH`, `ENT_IOB`, `ENT_TYPE`, the strings
/// sorted, each doc's source in its `user_data`.
pub(crate) fn encode(docs: &[RawDoc]) -> Vec<u8> {
    let mut strings = std::collections::BTreeSet::new();
    let (mut tokens, mut spaces, mut lengths) = (Vec::new(), Vec::new(), Vec::new());
    let (mut span_groups, mut user_data) = (Vec::new(), Vec::new());
    for d in docs {
        for (i, w) in d.words.iter().enumerate() {
            let ty = d.ent_types.get(i).map_or("", String::as_str);
            let iob = d.iob.get(i).copied().unwrap_or(0);
            for v in [string_id(w), u64::from(iob), string_id(ty)] {
                tokens.extend_from_slice(&v.to_le_bytes());
            }
            spaces.push(u8::from(d.spaces.get(i).copied().unwrap_or(false)));
            strings.insert(w.as_str());
            strings.insert(ty);
        }
        lengths.extend_from_slice(&(d.words.len() as i32).to_le_bytes());
        let groups: Vec<(Value, Value)> = d
            .groups
            .iter()
            .map(|(name, spans)| {
                strings.extend(spans.iter().map(|s| s.label.as_str()));
                (
                    Value::Binary(group_bytes(name, spans)),
                    Value::Array(vec![Value::from(name.as_str())]),
                )
            })
            .collect();
        span_groups.push(Value::Binary(if groups.is_empty() {
            packed(&Value::Array(Vec::new()))
        } else {
            packed(&Value::Map(groups))
        }));
        let data = d.source.as_deref().map_or_else(Vec::new, |s| {
            vec![(Value::from(SOURCE_KEY), Value::from(s))]
        });
        user_data.push(Value::Binary(packed(&Value::Map(data))));
    }
    let n = docs.len();
    let msg = map(vec![
        ("version", Value::from("0.1")),
        (
            "attrs",
            Value::Array(vec![ORTH.into(), ENT_IOB.into(), ENT_TYPE.into()]),
        ),
        ("tokens", Value::Binary(tokens)),
        ("spaces", Value::Binary(spaces)),
        ("lengths", Value::Binary(lengths)),
        (
            "strings",
            Value::Array(strings.into_iter().map(Value::from).collect()),
        ),
        ("cats", Value::Array(vec![Value::Map(Vec::new()); n])),
        (
            "flags",
            Value::Array(vec![
                map(vec![("has_unknown_spaces", Value::from(false))]);
                n
            ]),
        ),
        ("span_groups", Value::Array(span_groups)),
        ("user_data", Value::Array(user_data)),
    ]);
    let raw = packed(&msg);
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), Compression::default());
    // writing to a `Vec` cannot fail
    let _ = z.write_all(&raw);
    z.finish().unwrap_or_default()
}

/// The bytes a zlib stream inflates to; the whole stream must be there.
fn inflate(bytes: &[u8]) -> Result<Vec<u8>, ReadError> {
    let damaged = ReadError::Damaged { part: "zlib" };
    let mut z = Decompress::new(true);
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len().saturating_mul(4).min(1 << 24));
    loop {
        if out.len() == out.capacity() {
            if out.len() >= MAX_INFLATED {
                return Err(damaged);
            }
            out.reserve(out.capacity().max(1 << 16));
        }
        let (was_in, was_out) = (z.total_in(), z.total_out());
        let input = bytes.get(was_in as usize..).unwrap_or(&[]);
        match z.decompress_vec(input, &mut out, FlushDecompress::Finish) {
            Ok(Status::StreamEnd) => return Ok(out),
            // no progress with room to write: the stream is cut short
            Ok(_) if z.total_in() == was_in && z.total_out() == was_out => return Err(damaged),
            Ok(_) => {}
            Err(_) => return Err(damaged),
        }
    }
}

/// The value of `key` in a msgpack map with string keys.
fn field<'v>(map: &'v [(Value, Value)], key: &str) -> Option<&'v Value> {
    map.iter()
        .find(|(k, _)| k.as_str() == Some(key))
        .map(|(_, v)| v)
}

/// `field` that must be there and be what `get` takes, else [`ReadError::Damaged`].
fn need<'v, T>(
    map: &'v [(Value, Value)],
    key: &'static str,
    get: impl Fn(&'v Value) -> Option<T>,
) -> Result<T, ReadError> {
    field(map, key)
        .and_then(get)
        .ok_or(ReadError::Damaged { part: key })
}

/// The msgpack value of `bytes`, which it must fill.
fn unpack(bytes: &[u8], part: &'static str) -> Result<Value, ReadError> {
    let mut rest = bytes;
    let v = rmpv::decode::read_value(&mut rest).map_err(|_| ReadError::Damaged { part })?;
    if rest.is_empty() {
        Ok(v)
    } else {
        Err(ReadError::Damaged { part })
    }
}

/// The span groups of one doc of `tokens` tokens from its `span_groups` entry: the map
/// of spaCy ≥ 3.3, or the list of group bytes of earlier versions.
fn groups(
    bytes: &[u8],
    strings: &Strings<'_>,
    tokens: usize,
) -> Result<Vec<(String, Vec<GroupSpan>)>, ReadError> {
    let part = "span_groups";
    let damaged = ReadError::Damaged { part };
    if bytes.is_empty() {
        return Ok(Vec::new());
    }
    let v = unpack(bytes, part)?;
    let entries: Vec<(&[u8], Vec<String>)> = match &v {
        Value::Array(list) => list
            .iter()
            .map(|g| g.as_slice().map(|b| (b, Vec::new())))
            .collect(),
        Value::Map(m) => m
            .iter()
            .map(|(k, keys)| {
                let names = keys
                    .as_array()?
                    .iter()
                    .map(|n| n.as_str().map(str::to_owned))
                    .collect::<Option<Vec<_>>>()?;
                Some((k.as_slice()?, names))
            })
            .collect(),
        _ => None,
    }
    .ok_or(damaged)?;
    let mut out = Vec::new();
    for (b, names) in entries {
        out.extend(group(b, &names, strings, tokens)?);
    }
    Ok(out)
}

/// One span group's bytes, under each of `keys` (its `name` when there are none).
fn group(
    bytes: &[u8],
    keys: &[String],
    strings: &Strings<'_>,
    tokens: usize,
) -> Result<Vec<(String, Vec<GroupSpan>)>, ReadError> {
    let part = "span_groups";
    let damaged = ReadError::Damaged { part };
    let msg = unpack(bytes, part)?;
    let fields = msg.as_map().ok_or(damaged.clone())?;
    let name = need(fields, "name", Value::as_str).map_err(|_| damaged.clone())?;
    let raw = need(fields, "spans", Value::as_array).map_err(|_| damaged.clone())?;
    let mut spans = Vec::with_capacity(raw.len());
    for s in raw {
        let bytes = s
            .as_slice()
            .filter(|b| b.len() == 40)
            .ok_or(damaged.clone())?;
        let word = |at: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&bytes[at..at + 8]);
            u64::from_be_bytes(w)
        };
        let int = |at: usize| {
            let mut w = [0u8; 4];
            w.copy_from_slice(&bytes[at..at + 4]);
            i64::from(i32::from_be_bytes(w))
        };
        let (start, end) = (int(24), int(28));
        if start < 0 || start > end || end as usize > tokens {
            return Err(damaged);
        }
        let label = strings
            .get(word(16))
            .ok_or(ReadError::Damaged { part: "strings" })?;
        spans.push(GroupSpan {
            label: label.to_owned(),
            start: start as usize,
            end: end as usize,
            start_char: int(32),
            end_char: int(36),
        });
    }
    let keys = if keys.is_empty() {
        vec![name.to_owned()]
    } else {
        keys.to_vec()
    };
    Ok(keys.into_iter().map(|k| (k, spans.clone())).collect())
}

/// The docs of a `.spacy` file's bytes.
///
/// # Errors
/// [`ReadError::Damaged`] naming the part that is cut short, missing, of the wrong type
/// or at odds with the others (a string id the file does not list included).
pub(crate) fn decode(bytes: &[u8]) -> Result<Vec<RawDoc>, ReadError> {
    let msg = unpack(&inflate(bytes)?, "msgpack")?;
    let m = msg.as_map().ok_or(ReadError::Damaged { part: "msgpack" })?;
    let attrs: Vec<u64> = need(m, "attrs", |v| {
        v.as_array()?.iter().map(Value::as_u64).collect()
    })?;
    let col = |a: u64| attrs.iter().position(|&x| x == a);
    let orth = col(ORTH).ok_or(ReadError::Damaged { part: "attrs" })?;
    let (iob_col, type_col) = (col(ENT_IOB), col(ENT_TYPE));
    let tokens = need(m, "tokens", Value::as_slice)?;
    let width = attrs.len() * 8;
    if width == 0 || tokens.len() % width != 0 {
        return Err(ReadError::Damaged { part: "tokens" });
    }
    let rows = tokens.len() / width;
    let spaces = need(m, "spaces", Value::as_slice)?;
    if spaces.len() != rows {
        return Err(ReadError::Damaged { part: "spaces" });
    }
    let lengths = need(m, "lengths", Value::as_slice)?;
    if lengths.len() % 4 != 0 {
        return Err(ReadError::Damaged { part: "lengths" });
    }
    let lengths: Vec<usize> = lengths
        .chunks_exact(4)
        .map(|c| usize::try_from(i32::from_le_bytes([c[0], c[1], c[2], c[3]])).ok())
        .collect::<Option<_>>()
        .ok_or(ReadError::Damaged { part: "lengths" })?;
    if lengths.iter().try_fold(0usize, |a, &n| a.checked_add(n)) != Some(rows) {
        return Err(ReadError::Damaged { part: "lengths" });
    }
    let listed: Vec<&str> = need(m, "strings", |v| {
        v.as_array()?.iter().map(Value::as_str).collect()
    })?;
    let strings = Strings::new(&listed);
    let list = |key| field(m, key).and_then(Value::as_array).map(Vec::as_slice);
    let (span_groups, flags, user_data) = (list("span_groups"), list("flags"), list("user_data"));
    let cell = |row: usize, c: usize| {
        let at = row * width + c * 8;
        let mut w = [0u8; 8];
        w.copy_from_slice(&tokens[at..at + 8]);
        u64::from_le_bytes(w)
    };
    let missing = ReadError::Damaged { part: "strings" };
    let mut docs = Vec::with_capacity(lengths.len());
    let mut row = 0;
    for (i, &n) in lengths.iter().enumerate() {
        let unknown_spaces = flags
            .and_then(|f| f.get(i))
            .and_then(Value::as_map)
            .and_then(|f| field(f, "has_unknown_spaces"))
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let mut d = RawDoc::default();
        for (r, &space) in spaces.iter().enumerate().skip(row).take(n) {
            let word = strings.get(cell(r, orth)).ok_or(missing.clone())?;
            d.words.push(word.to_owned());
            d.spaces.push(unknown_spaces || space != 0);
            let iob = iob_col.map_or(0, |c| cell(r, c));
            let iob = u8::try_from(iob)
                .ok()
                .filter(|&x| x <= 3)
                .ok_or(ReadError::Damaged { part: "ENT_IOB" })?;
            d.iob.push(iob);
            let ty = match (iob, type_col) {
                (1 | 3, Some(c)) => strings.get(cell(r, c)).ok_or(missing.clone())?,
                _ => "",
            };
            d.ent_types.push(ty.to_owned());
        }
        row += n;
        if let Some(g) = span_groups.and_then(|g| g.get(i)) {
            let b = g.as_slice().ok_or(ReadError::Damaged {
                part: "span_groups",
            })?;
            d.groups = groups(b, &strings, n)?;
        }
        if let Some(u) = user_data.and_then(|u| u.get(i)).and_then(Value::as_slice) {
            let data = unpack(u, "user_data")?;
            d.source = data
                .as_map()
                .and_then(|m| field(m, SOURCE_KEY))
                .and_then(Value::as_str)
                .map(str::to_owned);
        }
        docs.push(d);
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::{GroupSpan, RawDoc, decode, encode, inflate};
    use crate::formats::exchange::ReadError;

    fn sample() -> RawDoc {
        RawDoc {
            words: ["💩", "قال", " ", "الرئيس", "\r\n", "PERSON"]
                .map(str::to_owned)
                .to_vec(),
            spaces: vec![true, true, false, false, false, false],
            iob: vec![2, 3, 1, 1, 2, 3],
            ent_types: ["", "MISC", "MISC", "MISC", "", "PERSON"]
                .map(str::to_owned)
                .to_vec(),
            groups: vec![(
                "sc".into(),
                vec![GroupSpan {
                    label: "DATE".into(),
                    start: 1,
                    end: 2,
                    start_char: 2,
                    end_char: 5,
                }],
            )],
            source: Some("a.txt".into()),
        }
    }

    #[test]
    fn what_is_encoded_decodes_the_same() {
        let docs = vec![sample(), RawDoc::default(), sample()];
        assert_eq!(decode(&encode(&docs)).unwrap(), docs);
    }

    /// Garbage, a file cut anywhere, one byte changed anywhere: a [`ReadError`], never a
    /// panic.
    #[test]
    fn garbage_and_every_truncation_are_errors() {
        let zlib = ReadError::Damaged { part: "zlib" };
        assert_eq!(decode(b""), Err(zlib.clone()));
        assert_eq!(decode(b"not a docbin at all"), Err(zlib.clone()));
        assert_eq!(decode(&[0x78, 0x9c]), Err(zlib));
        let good = encode(&[sample(), sample()]);
        for cut in 0..good.len() {
            assert!(decode(&good[..cut]).is_err(), "cut at {cut}");
        }
        for at in 0..good.len() {
            let mut bad = good.clone();
            bad[at] ^= 0x5a;
            let _ = decode(&bad);
        }
        let deflate = |inner: &[u8]| {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
            std::io::Write::write_all(&mut z, inner).unwrap();
            z.finish().unwrap()
        };
        // valid zlib around what is not msgpack, or msgpack of another shape
        for inner in [&b"\xc1"[..], b"\x90", b"\x81\xa5attrs\x90"] {
            assert!(matches!(
                decode(&deflate(inner)),
                Err(ReadError::Damaged { .. })
            ));
        }
        // the msgpack inside changed anywhere, or cut anywhere: no panic
        let inner = inflate(&good).unwrap();
        for at in 0..inner.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut bad = inner.clone();
                bad[at] ^= flip;
                let _ = decode(&deflate(&bad));
            }
            assert!(decode(&deflate(&inner[..at])).is_err(), "cut at {at}");
        }
    }
}
