//! The word lists of dates (normalized): weekdays, qualifiers, periods, ordinals, parts
//! of the day, the nouns and prepositions around a year, relative days, era markers.
//! Written for Taliq from Arabic news usage. The month names of the calendars with
//! [`month_name_at`], shared by the recognizers (a month is a date, not a name) and the
//! date values.

use std::sync::LazyLock;

use super::super::doc::Doc;
use super::super::gazetteer::PhraseTable;
use super::super::vocab;

/// Weekday names with the article (normalized).
pub const WEEKDAYS: &[&str] = &[
    "السبت",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
];

/// Qualifiers that belong to a date (`الماضي`, `المقبل`).
pub const QUALIFIERS: &[&str] = &[
    "الماضي",
    "الماضيه",
    "المقبل",
    "المقبله",
    "القادم",
    "القادمه",
    "الحالي",
    "الحاليه",
    "الجاري",
    "الجاريه",
    "المنصرم",
    "المنصرمه",
    "الفائت",
    "الماضيين",
    "المقبلين",
    "القادمين",
    "المنقضي",
];

/// Period nouns that form a date with a qualifier or a demonstrative (`العام الماضي`,
/// `هذا الأسبوع`).
pub const PERIODS: &[&str] = &[
    "العام",
    "السنه",
    "الشهر",
    "الاسبوع",
    "العقد",
    "القرن",
    "اليوم",
    "اليومين",
    "الاسبوعين",
    "الشهرين",
    "العامين",
    "السنتين",
    "الصباح",
    "المساء",
    "الليله",
    "الموسم",
    "الصيف",
    "الشتاء",
    "الربيع",
    "الخريف",
    "الفصل",
    "الاشهر",
    "الشهور",
    "الايام",
    "الاعوام",
    "الساعات",
    "الاسابيع",
    "السنوات",
];

/// Period nouns after a demonstrative (`هذا العام`); no duals (`ذات العامين` is an age)
/// and no vague plurals (`هذه الأيام`, guideline rule 9).
pub const DEMO_PERIODS: &[&str] = &[
    "العام",
    "السنه",
    "الشهر",
    "الاسبوع",
    "العقد",
    "القرن",
    "اليوم",
    "الصباح",
    "المساء",
    "الليله",
    "الموسم",
    "الصيف",
    "الشتاء",
    "الربيع",
    "الخريف",
    "الفصل",
];

/// Demonstratives before a period noun (`هذا العام`, `ذات العام`).
pub const DEMONSTRATIVES: &[&str] = &["هذا", "هذه", "ذلك", "تلك", "ذات", "نفس"];

/// Words before a month that belong to the date (`أوائل شهر تشرين الأول`).
pub const MONTH_PREFIXES: &[&str] = &[
    "اوائل",
    "اواخر",
    "اواسط",
    "منتصف",
    "مطلع",
    "بدايه",
    "نهايه",
    "مستهل",
    "غره",
];

/// The masculine ordinals one to ten (normalized): `الأول` … `العاشر`. Shared by dates
/// (`اليوم الثالث`, `الثامن والعشرين من …`), date values and regnal names (`فيليب
/// الثاني`).
pub const ORDINAL_UNITS: [&str; 10] = [
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
];

/// Ordinals after `اليوم` (`اليوم الثالث`, `اليوم الأخير`): [`ORDINAL_UNITS`] and `الأخير`.
pub const ORDINALS: &[&str] = &{
    let mut all = [""; 11];
    let mut i = 0;
    while i < ORDINAL_UNITS.len() {
        all[i] = ORDINAL_UNITS[i];
        i += 1;
    }
    all[10] = "الاخير";
    all
};

/// Nouns of a part of the day that belong to the date they precede (`صباح يوم الأحد`,
/// `مساء أمس`, `صباح اليوم`), normalized.
pub const DAYPART_NOUNS: &[&str] = &["صباح", "مساء", "ظهر", "عصر", "فجر", "ليله"];

/// Decades written as words (`السبعينيات`).
pub const DECADES: &[&str] = &[
    "العشرينيات",
    "الثلاثينيات",
    "الاربعينيات",
    "الخمسينيات",
    "الستينيات",
    "السبعينيات",
    "الثمانينيات",
    "التسعينيات",
];

/// Words after a clock time (`10:00 صباحاً`).
pub const DAYPARTS: &[&str] = &["صباحا", "مساء", "ظهرا", "عصرا", "ليلا", "فجرا"];

/// Prepositions after which a bare year is a date (`في 2019`).
pub const YEAR_PREPOSITIONS: &[&str] = &[
    "في",
    "منذ",
    "حتى",
    "قبل",
    "بعد",
    "خلال",
    "عام",
    "مطلع",
    "نهايه",
    "بدايه",
];

/// `شهر`, `شهري` before a month name.
pub const MONTH_WORDS: &[&str] = &["شهر", "شهري"];

/// `الساعة` before a clock time.
pub const HOUR_WORDS: &[&str] = &["الساعه"];

/// Year nouns before a year (`عام 2004`).
pub const YEAR_WORDS: &[&str] = &["عام", "عامي", "سنه", "العام", "سنتي"];

/// Day nouns before a weekday (`يوم الإثنين`).
pub const DAY_WORDS: &[&str] = &["يوم", "اليوم"];

/// `منذ` before a duration anchored to now.
pub const SINCE_WORDS: &[&str] = &["منذ"];

/// Approximators after `منذ` (`منذ نحو 20 عاماً`).
pub const APPROXIMATORS: &[&str] = &["نحو", "حوالي", "قرابه", "زهاء"];

/// Days relative to today that are dates on their own (`أمس`, `بالأمس` → `الأمس`,
/// `البارحة`); `غداً` is
/// left out because `غدا` is also the verb "became".
pub const RELATIVE_DAYS: &[&str] = &["امس", "الامس", "البارحه"];

/// Era markers after a year: `هـ` (Hijri) and `م` (Gregorian), normalized.
pub const ERA_MARKERS: &[&str] = &["ه", "م"];

/// Era adjectives after a century (`القرن السادس الميلادي`), normalized.
pub const ERA_ADJECTIVES: &[&str] = &["الميلادي", "الهجري", "للميلاد", "للهجره"];

/// Month names with their number in their calendar. `ambiguous` marks names that are
/// also common words or given names (مارس "practised", صفر "zero", رجب, رمضان …) and
/// need date context.
const MONTHS: &[(&str, u8, Calendar, bool)] = {
    use Calendar::{Gregorian as G, Hijri as H};
    &[
        ("يناير", 1, G, false),
        ("فبراير", 2, G, false),
        ("مارس", 3, G, true),
        ("أبريل", 4, G, false),
        ("إبريل", 4, G, false),
        ("ابريل", 4, G, false),
        ("مايو", 5, G, false),
        ("يونيو", 6, G, false),
        ("يونيه", 6, G, false),
        ("يوليو", 7, G, false),
        ("يوليه", 7, G, false),
        ("أغسطس", 8, G, false),
        ("اغسطس", 8, G, false),
        ("سبتمبر", 9, G, false),
        ("أكتوبر", 10, G, false),
        ("اكتوبر", 10, G, false),
        ("نوفمبر", 11, G, false),
        ("ديسمبر", 12, G, false),
        // Maghrebi (French-derived)
        ("جانفي", 1, G, false),
        ("فيفري", 2, G, false),
        ("أفريل", 4, G, false),
        ("ماي", 5, G, true),
        ("جوان", 6, G, false),
        ("جويلية", 7, G, false),
        ("جويليه", 7, G, false),
        ("أوت", 8, G, true),
        // Levantine / Iraqi (Syriac-derived)
        ("كانون الثاني", 1, G, false),
        ("شباط", 2, G, false),
        ("آذار", 3, G, false),
        ("نيسان", 4, G, false),
        ("أيار", 5, G, false),
        ("حزيران", 6, G, false),
        ("تموز", 7, G, false),
        ("آب", 8, G, true),
        ("أيلول", 9, G, false),
        ("تشرين الأول", 10, G, false),
        ("تشرين الثاني", 11, G, false),
        ("كانون الأول", 12, G, false),
        // Hijri
        ("محرم", 1, H, true),
        ("صفر", 2, H, true),
        ("ربيع الأول", 3, H, false),
        ("ربيع الآخر", 4, H, false),
        ("ربيع الثاني", 4, H, false),
        ("جمادى الأولى", 5, H, false),
        ("جمادى الآخرة", 6, H, false),
        ("جمادى الثانية", 6, H, false),
        ("رجب", 7, H, true),
        ("شعبان", 8, H, true),
        ("رمضان", 9, H, true),
        ("شوال", 10, H, true),
        ("ذو القعدة", 11, H, false),
        ("ذو الحجة", 12, H, false),
        ("ذي القعدة", 11, H, false),
        ("ذي الحجة", 12, H, false),
    ]
};

/// The calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    /// Gregorian months, under their Gregorian, Maghrebi or Levantine names.
    Gregorian,
    /// Hijri (Islamic lunar) months.
    Hijri,
}

/// What a month name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthTag {
    /// Month number, 1–12, in `calendar`.
    pub month: u8,
    /// The month's calendar.
    pub calendar: Calendar,
    /// Whether the name is also a common word and needs date context.
    pub ambiguous: bool,
}

pub(crate) static MONTH_TABLE: LazyLock<PhraseTable<MonthTag>> = LazyLock::new(|| {
    let mut t = PhraseTable::default();
    for &(name, month, calendar, ambiguous) in MONTHS {
        t.add_file(
            name,
            MonthTag {
                month,
                calendar,
                ambiguous,
            },
        );
    }
    t
});

/// A month name at token `i` (after an optional proclitic, not `لل`): the proclitic
/// length, the token after the name and what the name stands for.
#[must_use]
pub fn month_name_at(doc: &Doc, i: usize) -> Option<(usize, usize, MonthTag)> {
    if !doc.is_arabic(i) {
        return None;
    }
    let m = MONTH_TABLE.match_at_bits(doc, i, vocab::MONTH_FIRST)?;
    if m.lal {
        return None;
    }
    Some((m.skip, m.end_token, m.tag))
}
