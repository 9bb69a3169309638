//! Word bits: every word any recognizer looks up in a closed list or lexicon, with one
//! bit per list it belongs to.
//!
//! [`super::doc::Doc::new`] looks each proclitic reading of each token up once here, so
//! recognizers test list membership with a bit mask instead of hashing or scanning word
//! lists again. A bit is set on a word exactly when the list test it replaces holds for
//! that word (some tests strip `ال` first; their `ال…` forms are entries too); a word
//! that is not an entry has no bits.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::gazetteer::{LEXICON, WordFilter};
use super::words::{self, date, nationality, number};

/// A set of list-membership bits.
pub type Bits = u64;

macro_rules! bits {
    ($($(#[$doc:meta])* $name:ident = $n:expr;)*) => {
        $($(#[$doc])* pub const $name: Bits = 1 << $n;)*
    };
}

bits! {
    /// A function word or frequent common word ([`LEXICON`]`.stopwords`).
    STOP = 0;
    /// One of the closed classes of [`super::shape::is_closed_class`]: a one-word title
    /// or geographic head, a nationality, a reporting verb, an organization head or
    /// descriptor, a location descriptor.
    CLOSED = 1;
    /// `ال` + an organization or location descriptor.
    AL_DESCRIPTOR = 2;
    /// A nationality adjective.
    NATIONALITY = 3;
    /// A reporting verb.
    REPORTING_VERB = 4;
    /// An organization head noun (part of the name).
    ORG_HEAD = 5;
    /// An organization descriptor noun (outside the name).
    ORG_DESCRIPTOR = 6;
    /// A location descriptor noun (outside the name).
    LOC_DESCRIPTOR = 7;
    /// A common Arabic given name.
    FIRST_NAME_AR = 8;
    /// A common foreign given name.
    FIRST_NAME_FOREIGN = 9;
    /// The first word of an entry of the names lexicon.
    NAMES_FIRST = 10;
    /// The first word of a title.
    TITLES_FIRST = 11;
    /// The first word of a geographic head noun.
    LOC_HEADS_FIRST = 12;
    /// The first word of a month name.
    MONTH_FIRST = 13;
    /// [`date::WEEKDAYS`].
    WEEKDAY = 14;
    /// [`date::QUALIFIERS`].
    QUALIFIER = 15;
    /// [`date::PERIODS`].
    PERIOD = 16;
    /// [`date::DEMO_PERIODS`].
    DEMO_PERIOD = 17;
    /// [`date::DEMONSTRATIVES`].
    DEMONSTRATIVE = 18;
    /// [`date::MONTH_PREFIXES`].
    MONTH_PREFIX = 19;
    /// [`date::ORDINALS`].
    ORDINAL = 20;
    /// [`date::DECADES`].
    DECADE = 21;
    /// [`date::DAYPARTS`].
    DAYPART = 22;
    /// [`date::YEAR_PREPOSITIONS`].
    YEAR_PREPOSITION = 23;
    /// [`date::MONTH_WORDS`].
    MONTH_WORD = 24;
    /// [`date::HOUR_WORDS`].
    HOUR_WORD = 25;
    /// [`date::YEAR_WORDS`].
    YEAR_WORD = 26;
    /// [`date::DAY_WORDS`].
    DAY_WORD = 27;
    /// [`date::SINCE_WORDS`].
    SINCE_WORD = 28;
    /// [`date::APPROXIMATORS`].
    APPROXIMATOR = 29;
    /// [`number::NUMBER_WORDS`].
    NUMBER_WORD = 30;
    /// `ال` + one of [`number::TENS`].
    AL_TENS = 31;
    /// In [`number::NUMBER_VOCAB`], with or without `ال`.
    NUMBER_VOCAB = 32;
    /// In [`number::DUALS`] after removing one leading `ال`.
    DUAL = 33;
    /// In [`number::DUAL_TIMES`] after removing one leading `ال`.
    DUAL_TIME = 34;
    /// [`number::SCALES`].
    SCALE = 35;
    /// [`number::UNITS`].
    UNIT = 36;
    /// [`number::TIME_UNITS`].
    TIME_UNIT = 37;
    /// [`number::UNIT_MODIFIERS`].
    UNIT_MODIFIER = 38;
    /// [`words::LETTER_NAMES`].
    LETTER_NAME = 39;
    /// [`words::ACRONYM_TAILS`].
    ACRONYM_TAIL = 40;
    /// [`words::is_date_word`].
    ORG_DATE_WORD = 41;
    /// [`words::PLANET_CONTEXT`].
    PLANET_CONTEXT = 42;
    /// [`words::NAME_PARTICLES`].
    NAME_PARTICLE = 43;
    /// [`words::NAME_SUFFIXES`].
    NAME_SUFFIX = 44;
    /// [`date::RELATIVE_DAYS`].
    RELATIVE_DAY = 45;
    /// The first word of a form of a nationality adjective of
    /// [`nationality`] (`الروسية`, `روسي`).
    NATIONALITY_FORM = 46;
}

/// Not a list bit: set in [`VOCAB`] on the words of [`words::NAME_WORDS`], so that one
/// lookup per reading answers both questions; [`bits_of`] clears it ([`word_facts`] gives
/// it apart).
pub const NAME_WORD: Bits = 1 << 63;

/// The word table: normalized word → bits (and [`NAME_WORD`]).
pub static VOCAB: LazyLock<FxHashMap<String, Bits>> = LazyLock::new(build);

/// The words of [`VOCAB`], for a quick "no" before the hash lookup.
static VOCAB_FILTER: LazyLock<WordFilter> = LazyLock::new(|| {
    let mut f = WordFilter::default();
    VOCAB.keys().for_each(|w| f.insert(w));
    f
});

/// The bits of a normalized word (none for a word that is in no list).
#[must_use]
pub fn bits_of(word: &str) -> Bits {
    word_facts(word).0
}

/// The bits of a normalized word ([`bits_of`]) and whether it is a word of
/// [`words::NAME_WORDS`], with one lookup.
#[must_use]
#[inline]
pub fn word_facts(word: &str) -> (Bits, bool) {
    let (bits, name_word, _) = word_facts_hashed(word);
    (bits, name_word)
}

/// [`word_facts`] and the word's [`word_hash`](super::gazetteer::word_hash), hashing the
/// word once for the quick "no" of most words.
#[must_use]
#[inline]
pub(crate) fn word_facts_hashed(word: &str) -> (Bits, bool, u64) {
    let hash = super::gazetteer::word_hash(word);
    let (bits, name_word) = word_facts_of_hash(word, hash);
    (bits, name_word, hash)
}

/// [`word_facts`] of a word whose [`word_hash`](super::gazetteer::word_hash) is `hash`.
#[inline]
pub(crate) fn word_facts_of_hash(word: &str, hash: u64) -> (Bits, bool) {
    if !VOCAB_FILTER.may_contain_hash(hash) {
        return (0, false);
    }
    VOCAB
        .get(word)
        .map_or((0, false), |&b| (b & !NAME_WORD, b & NAME_WORD != 0))
}

fn strip_al(k: &str) -> Option<&str> {
    k.strip_prefix("ال")
}

/// The bits of `k`, computed with the list tests themselves.
fn compute(k: &str) -> Bits {
    let lx = &*LEXICON;
    let list_bits: [(&[&str], Bits); 25] = [
        (&date::WEEKDAYS, WEEKDAY),
        (&date::QUALIFIERS, QUALIFIER),
        (&date::PERIODS, PERIOD),
        (&date::DEMO_PERIODS, DEMO_PERIOD),
        (date::DEMONSTRATIVES, DEMONSTRATIVE),
        (&date::MONTH_PREFIXES, MONTH_PREFIX),
        (&date::ORDINALS, ORDINAL),
        (&date::DECADES, DECADE),
        (&date::DAYPARTS, DAYPART),
        (&date::YEAR_PREPOSITIONS, YEAR_PREPOSITION),
        (date::MONTH_WORDS, MONTH_WORD),
        (date::HOUR_WORDS, HOUR_WORD),
        (date::YEAR_WORDS, YEAR_WORD),
        (date::DAY_WORDS, DAY_WORD),
        (date::SINCE_WORDS, SINCE_WORD),
        (date::APPROXIMATORS, APPROXIMATOR),
        (&date::RELATIVE_DAYS, RELATIVE_DAY),
        (&number::NUMBER_WORDS, NUMBER_WORD),
        (&number::SCALES, SCALE),
        (&number::UNITS, UNIT),
        (&number::TIME_UNITS, TIME_UNIT),
        (&number::UNIT_MODIFIERS, UNIT_MODIFIER),
        (&words::LETTER_NAMES, LETTER_NAME),
        (&words::ACRONYM_TAILS, ACRONYM_TAIL),
        (&words::PLANET_CONTEXT, PLANET_CONTEXT),
    ];
    let mut b = 0;
    for (list, bit) in list_bits {
        if list.contains(&k) {
            b |= bit;
        }
    }
    let mut set = |cond: bool, bit: Bits| {
        if cond {
            b |= bit;
        }
    };
    set(words::NAME_PARTICLES.contains(&k), NAME_PARTICLE);
    set(words::NAME_SUFFIXES.contains(&k), NAME_SUFFIX);
    set(lx.stopwords.contains(k), STOP);
    set(
        lx.titles.contains_word(k)
            || lx.nationalities.contains(k)
            || lx.reporting_verbs.contains(k)
            || lx.org_heads.contains(k)
            || lx.org_descriptors.contains(k)
            || lx.loc_descriptors.contains(k)
            || lx.loc_heads.contains_word(k),
        CLOSED,
    );
    set(
        strip_al(k)
            .is_some_and(|b| lx.org_descriptors.contains(b) || lx.loc_descriptors.contains(b)),
        AL_DESCRIPTOR,
    );
    set(lx.nationalities.contains(k), NATIONALITY);
    set(lx.reporting_verbs.contains(k), REPORTING_VERB);
    set(lx.org_heads.contains(k), ORG_HEAD);
    set(lx.org_descriptors.contains(k), ORG_DESCRIPTOR);
    set(lx.loc_descriptors.contains(k), LOC_DESCRIPTOR);
    set(lx.first_names_ar.contains(k), FIRST_NAME_AR);
    set(lx.first_names_foreign.contains(k), FIRST_NAME_FOREIGN);
    set(lx.names.has_first(k), NAMES_FIRST);
    set(lx.titles.has_first(k), TITLES_FIRST);
    set(lx.loc_heads.has_first(k), LOC_HEADS_FIRST);
    set(date::MONTH_TABLE.has_first(k), MONTH_FIRST);
    set(
        strip_al(k).is_some_and(|t| number::TENS.contains(&t)),
        AL_TENS,
    );
    set(
        number::NUMBER_VOCAB.contains(k)
            || strip_al(k).is_some_and(|t| number::NUMBER_VOCAB.contains(t)),
        NUMBER_VOCAB,
    );
    let bare = strip_al(k).unwrap_or(k);
    set(number::DUALS.contains(&bare), DUAL);
    set(number::DUAL_TIMES.contains(&bare), DUAL_TIME);
    set(words::is_date_word(k), ORG_DATE_WORD);
    set(nationality::is_first_form_word(k), NATIONALITY_FORM);
    b
}

fn build() -> FxHashMap<String, Bits> {
    let lx = &*LEXICON;
    let mut words: Vec<String> = Vec::new();
    let lists: [&[&str]; 29] = [
        &date::WEEKDAYS,
        &date::QUALIFIERS,
        &date::PERIODS,
        &date::DEMO_PERIODS,
        date::DEMONSTRATIVES,
        &date::MONTH_PREFIXES,
        &date::ORDINALS,
        &date::DECADES,
        &date::DAYPARTS,
        &date::YEAR_PREPOSITIONS,
        date::MONTH_WORDS,
        date::HOUR_WORDS,
        date::YEAR_WORDS,
        date::DAY_WORDS,
        date::SINCE_WORDS,
        date::APPROXIMATORS,
        &date::RELATIVE_DAYS,
        &number::NUMBER_WORDS,
        &number::TENS,
        &number::SCALES,
        &number::UNITS,
        &number::TIME_UNITS,
        &number::DUALS,
        &number::DUAL_TIMES,
        &number::UNIT_MODIFIERS,
        &words::LETTER_NAMES,
        &words::ACRONYM_TAILS,
        &words::PLANET_CONTEXT,
        words::NAME_PARTICLES,
    ];
    for list in lists.iter().copied().chain([&words::NAME_SUFFIXES[..]]) {
        words.extend(list.iter().map(|w| (*w).to_string()));
    }
    words.extend(words::ORG_DATE_WORDS.iter().map(|w| (*w).to_string()));
    for set in [
        &lx.stopwords,
        &lx.nationalities,
        &lx.reporting_verbs,
        &lx.org_heads,
        &lx.org_descriptors,
        &lx.loc_descriptors,
        &lx.first_names_ar,
        &lx.first_names_foreign,
    ] {
        words.extend(set.iter().cloned());
    }
    for d in lx.org_descriptors.iter().chain(&lx.loc_descriptors) {
        words.push(format!("ال{d}"));
    }
    for w in number::NUMBER_VOCAB.iter().chain(number::DUAL_TIMES.iter()) {
        words.push(format!("ال{w}"));
    }
    words.extend(lx.names.first_words().map(String::from));
    words.extend(lx.titles.first_words().map(String::from));
    words.extend(lx.loc_heads.first_words().map(String::from));
    words.extend(date::MONTH_TABLE.first_words().map(String::from));
    words.extend(nationality::first_form_words().map(String::from));
    let mut map = FxHashMap::default();
    for w in words {
        let b = compute(&w);
        if b != 0 {
            map.insert(w, b);
        }
    }
    for w in words::NAME_WORDS.iter() {
        *map.entry(w.clone()).or_insert_with(|| compute(w)) |= NAME_WORD;
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_match_lists() {
        assert_ne!(bits_of("الروسي") & NATIONALITY, 0);
        assert_ne!(bits_of("الشركه") & AL_DESCRIPTOR, 0);
        assert_ne!(bits_of("العامين") & DUAL_TIME, 0);
        assert_ne!(bits_of("بوتين") & NAMES_FIRST, 0);
        assert_eq!(bits_of("كتاب"), 0);
        assert_eq!(word_facts("كتاب"), (0, false));
        assert_eq!(word_facts("كامبل"), (0, true));
        for w in words::NAME_WORDS.iter() {
            assert_eq!(word_facts(w), (compute(w), true), "{w}");
        }
    }
}
