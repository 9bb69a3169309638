//! The word lists of dates (normalized): weekdays, qualifiers, periods, ordinals, parts
//! of the day, the nouns and prepositions around a year, relative days, era markers.
//! Written for Taliq from Arabic news usage.

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
