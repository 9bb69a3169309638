//! The nationality adjectives and their countries (`data/nationality_countries.txt`):
//! every form of an adjective (`الروسي`, `الروسية`, `روسي`) read at a token, shared by
//! the word bits ([`vocab::NATIONALITY_FORM`]) and the person attributes.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::super::doc::Doc;
use super::super::gazetteer::PhraseTable;
use super::super::normalize::normalize_str;
use super::super::tokenize::tokenize;
use super::super::vocab;

/// The nationality adjectives and their countries (`data/nationality_countries.txt`).
struct Nationalities {
    /// Every form of every adjective (normalized words) → index into `countries`.
    table: PhraseTable<u16>,
    /// Country names as written in the data file.
    countries: Vec<String>,
    /// Normalized country name → index into `countries`.
    by_country: FxHashMap<String, u16>,
}

/// The forms of a definite masculine adjective phrase: masculine and feminine (each
/// word ending in `ي` takes `ة`), definite and bare (`ال` removed from each word).
fn forms(adjective: &str) -> Vec<Vec<String>> {
    let n = super::super::normalize::normalize(adjective);
    let words: Vec<String> = tokenize(&n)
        .iter()
        .map(|t| n.slice(t.start, t.end).to_string())
        .collect();
    let fem: Vec<String> = words
        .iter()
        .map(|w| {
            if w.ends_with('ي') {
                format!("{w}ه")
            } else {
                w.clone()
            }
        })
        .collect();
    let bare = |ws: &[String]| -> Vec<String> {
        ws.iter()
            .map(|w| w.strip_prefix("ال").unwrap_or(w).to_string())
            .collect()
    };
    let (bare_m, bare_f) = (bare(&words), bare(&fem));
    vec![words, fem, bare_m, bare_f]
}

static NATIONALITIES: LazyLock<Nationalities> = LazyLock::new(|| {
    let mut table = PhraseTable::default();
    let mut countries: Vec<String> = Vec::new();
    let mut by_country: FxHashMap<String, u16> = FxHashMap::default();
    let data = include_str!("../../../../../data/nationality_countries.txt");
    for line in data.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((adjective, country)) = line.split_once('=') else {
            continue;
        };
        let country = country.trim();
        let k = *by_country.entry(normalize_str(country)).or_insert_with(|| {
            countries.push(country.to_string());
            (countries.len() - 1) as u16
        });
        for f in forms(adjective.trim()) {
            table.insert(f, k);
        }
    }
    Nationalities {
        table,
        countries,
        by_country,
    }
});

/// A nationality adjective at token `i` (after an optional proclitic): the country it
/// names, the token after the adjective and whether it carries the conjunction `و`
/// (`والروسي`).
#[must_use]
pub fn nationality_at(doc: &Doc, i: usize) -> Option<(&'static str, usize, bool)> {
    if !doc.is_arabic(i) {
        return None;
    }
    let nat = &*NATIONALITIES;
    let m = nat.table.match_at_bits(doc, i, vocab::NATIONALITY_FORM)?;
    if m.lal {
        return None;
    }
    let conj = m.skip > 0 && doc.text(i).starts_with('و');
    if m.skip > 0 && !conj {
        return None;
    }
    Some((nat.countries[m.tag as usize].as_str(), m.end_token, conj))
}

/// Whether `word` (normalized) is the first word of some form of a nationality
/// adjective ([`vocab::NATIONALITY_FORM`]).
#[must_use]
pub fn is_first_form_word(word: &str) -> bool {
    NATIONALITIES.table.has_first(word)
}

/// The first words of all forms of the nationality adjectives.
pub fn first_form_words() -> impl Iterator<Item = &'static str> {
    NATIONALITIES.table.first_words()
}

/// The country of a nationality adjective written alone (`الروسية` → `روسيا`).
#[must_use]
pub fn country_of(adjective: &str) -> Option<&'static str> {
    let doc = Doc::new(adjective);
    nationality_at(&doc, 0)
        .filter(|&(_, end, conj)| end == doc.tokens.len() && !conj)
        .map(|(c, _, _)| c)
}

/// Whether a place name is one of the countries of the nationality data.
pub(crate) fn country_named(name: &str) -> Option<&'static str> {
    let nat = &*NATIONALITIES;
    nat.by_country
        .get(&normalize_str(name))
        .map(|&k| nat.countries[k as usize].as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nationality_forms_map_to_countries() {
        assert_eq!(country_of("الروسي"), Some("روسيا"));
        assert_eq!(country_of("الروسية"), Some("روسيا"));
        assert_eq!(country_of("أمريكي"), Some("الولايات المتحدة"));
        assert_eq!(country_of("الكورية الجنوبية"), Some("كوريا الجنوبية"));
        assert_eq!(country_of("والروسي"), None);
        assert_eq!(country_of("الكتاب"), None);
    }
}
