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

/// Regnal and generational suffixes kept in a name (`أندريه برايس الثالث`).
pub(crate) const NAME_SUFFIXES: &[&str] = &["الثاني", "الثالث", "الرابع", "الابن", "الاب", "جونيور"];

/// Nasab and kunya particles inside Arabic names (`محمد بن سلمان`, `أبو مازن`).
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
pub(crate) const LOANWORDS: &[&str] = &[
    "فيلم",
    "فيديو",
    "راديو",
    "تلفزيون",
    "تليفزيون",
    "كمبيوتر",
    "انترنت",
    "سينما",
    "كاميرا",
    "اوبرا",
    "بنك",
    "دولار",
    "يورو",
    "بترول",
    "دكتور",
    "بروفيسور",
    "بروتوكول",
    "فيروس",
    "ماراثون",
    "تاكسي",
    "موسيقي",
];

/// Nouns of named events, awards, agreements and laws (normalized) that take a person's
/// or a place's name as their second term (`كأس ديفيس`, `جائزة نوبل`, `معاهدة لندن`,
/// `بطولة أستراليا المفتوحة`, `قانون ماغنيتسكي`): the whole phrase is one MISC name
/// (guideline rule 6, flat annotation: no PERSON or LOCATION inside it; dev-gold
/// `اتفاق باريس`, `تعديل كيغالي`). A summit or conference is not among them: its place
/// is where it met (dev-gold `قمة باريس` → LOCATION `باريس`).
pub(crate) const EVENT_HEADS: &[&str] = &[
    "كاس",
    "جائزه",
    "بطوله",
    "دوري",
    "ماراثون",
    "سباق",
    "مهرجان",
    "معاهده",
    "اتفاقيه",
    "اتفاق",
    "ميثاق",
    "اعلان",
    "قانون",
    "تعديل",
];

/// Arabic spellings of Latin letter names, used in spelled-out acronyms.
pub(crate) const LETTER_NAMES: &[&str] = &[
    "اي",
    "ايه",
    "بي",
    "سي",
    "دي",
    "اف",
    "جي",
    "اتش",
    "اش",
    "جاي",
    "كاي",
    "كي",
    "ال",
    "ام",
    "ان",
    "او",
    "كيو",
    "ار",
    "اس",
    "تي",
    "يو",
    "في",
    "دبليو",
    "اكس",
    "واي",
    "زد",
    "زي",
];

/// English words that follow spelled acronyms in media names (`سي بي سي نيوز`).
pub(crate) const ACRONYM_TAILS: &[&str] = &[
    "نيوز",
    "وورلد",
    "سيرفيس",
    "عربي",
    "انترناشونال",
    "نتوورك",
    "سبورت",
    "تي في",
];

/// Weekdays, period nouns and date qualifiers that end a name (`وزارة الصحة الخميس`).
pub(crate) fn is_date_word(w: &str) -> bool {
    matches!(
        w,
        "السبت"
            | "الاحد"
            | "الاثنين"
            | "الثلاثاء"
            | "الاربعاء"
            | "الخميس"
            | "الجمعه"
            | "الماضي"
            | "المقبل"
            | "الحالي"
            | "اليوم"
            | "العام"
            | "الشهر"
            | "الاسبوع"
            | "السنه"
            | "الصباح"
            | "المساء"
    )
}

/// Nouns after which `الأرض` is the planet, not "land".
pub(crate) const PLANET_CONTEXT: &[&str] = &["كوكب", "سطح", "مدار", "حراره", "غلاف", "باطن", "قشره"];
