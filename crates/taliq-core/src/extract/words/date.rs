//! The word lists of dates (normalized): weekdays, qualifiers, periods, ordinals, parts
//! of the day, the nouns and prepositions around a year, relative days, era markers.
//! The lists are in `data/date_*.txt` and `data/ordinal_units.txt` (each with its source),
//! the few words of a single rule stay here. The month names of the calendars
//! (`data/months.txt`) with [`month_name_at`], shared by the recognizers (a month is a
//! date, not a name) and the date values.

use std::sync::LazyLock;

use super::super::doc::Doc;
use super::super::gazetteer::PhraseTable;
use super::super::vocab;
use super::{WordList, entries};

/// Weekday names with the article (normalized).
///
/// `data/date_weekdays.txt`, in file order.
pub static WEEKDAYS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/date_weekdays.txt")));

/// Qualifiers that belong to a date (`الماضي`, `المقبل`).
///
/// `data/date_qualifiers.txt`, in file order.
pub static QUALIFIERS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/date_qualifiers.txt")));

/// Period nouns that form a date with a qualifier or a demonstrative (`العام الماضي`,
/// `هذا الأسبوع`).
///
/// `data/date_periods.txt`, in file order.
pub static PERIODS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/date_periods.txt")));

/// Period nouns after a demonstrative (`هذا العام`); no duals (`ذات العامين` is an age)
/// and no vague plurals (`هذه الأيام`, guideline rule 9).
///
/// `data/date_demo_periods.txt`, in file order.
pub static DEMO_PERIODS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/date_demo_periods.txt")));

/// Demonstratives before a period noun (`هذا العام`, `ذات العام`).
///
/// Kept in the code: a closed class of Arabic grammar that is part of the rule,
/// compiled by the Taliq developers from Arabic grammar references.
pub const DEMONSTRATIVES: &[&str] = &["هذا", "هذه", "ذلك", "تلك", "ذات", "نفس"];

/// Words before a month that belong to the date (`أوائل شهر تشرين الأول`).
///
/// `data/date_month_prefixes.txt`, in file order.
pub static MONTH_PREFIXES: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/date_month_prefixes.txt")));

/// The masculine ordinals one to ten (normalized): `الأول` … `العاشر`. Shared by dates
/// (`اليوم الثالث`, `الثامن والعشرين من …`), date values and regnal names (`فيليب
/// الثاني`).
///
/// `data/ordinal_units.txt`, in file order.
pub static ORDINAL_UNITS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/ordinal_units.txt")));

/// Ordinals after `اليوم` (`اليوم الثالث`, `اليوم الأخير`): [`ORDINAL_UNITS`] and `الأخير`.
pub static ORDINALS: WordList =
    LazyLock::new(|| ORDINAL_UNITS.iter().copied().chain(["الاخير"]).collect());

/// Nouns of a part of the day that belong to the date they precede (`صباح يوم الأحد`,
/// `مساء أمس`, `صباح اليوم`), normalized.
///
/// `data/date_daypart_nouns.txt`, in file order.
pub static DAYPART_NOUNS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/date_daypart_nouns.txt")));

/// Decades written as words (`السبعينيات`).
///
/// `data/date_decades.txt`, in file order.
pub static DECADES: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/date_decades.txt")));

/// Words after a clock time (`10:00 صباحاً`).
///
/// `data/date_dayparts.txt`, in file order.
pub static DAYPARTS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/date_dayparts.txt")));

/// Prepositions after which a bare year is a date (`في 2019`).
///
/// `data/date_year_prepositions.txt`, in file order.
pub static YEAR_PREPOSITIONS: WordList = LazyLock::new(|| {
    entries(include_str!(
        "../../../../../data/date_year_prepositions.txt"
    ))
});

/// `شهر`, `شهري` before a month name.
///
/// Kept in the code: the few words of one rule, written for Taliq from Arabic news
/// usage.
pub const MONTH_WORDS: &[&str] = &["شهر", "شهري"];

/// `الساعة` before a clock time.
///
/// Kept in the code: the few words of one rule, written for Taliq from Arabic news
/// usage.
pub const HOUR_WORDS: &[&str] = &["الساعه"];

/// Year nouns before a year (`عام 2004`).
///
/// Kept in the code: the few words of one rule, written for Taliq from Arabic news
/// usage.
pub const YEAR_WORDS: &[&str] = &["عام", "عامي", "سنه", "العام", "سنتي"];

/// Day nouns before a weekday (`يوم الإثنين`).
///
/// Kept in the code: the few words of one rule, written for Taliq from Arabic news
/// usage.
pub const DAY_WORDS: &[&str] = &["يوم", "اليوم"];

/// `منذ` before a duration anchored to now.
///
/// Kept in the code: the few words of one rule, written for Taliq from Arabic news
/// usage.
pub const SINCE_WORDS: &[&str] = &["منذ"];

/// Approximators after `منذ` (`منذ نحو 20 عاماً`).
///
/// Kept in the code: the few words of one rule, written for Taliq from Arabic news
/// usage.
pub const APPROXIMATORS: &[&str] = &["نحو", "حوالي", "قرابه", "زهاء"];

/// Days relative to today that are dates on their own (`أمس`, `بالأمس` → `الأمس`,
/// `البارحة`); `غداً` is
/// left out because `غدا` is also the verb "became".
///
/// `data/date_relative_days.txt`, in file order.
pub static RELATIVE_DAYS: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/date_relative_days.txt")));

/// Era markers after a year: `هـ` (Hijri) and `م` (Gregorian), normalized.
///
/// Kept in the code: the two era abbreviations of Arabic writing (a closed class),
/// compiled by the Taliq developers.
pub const ERA_MARKERS: &[&str] = &["ه", "م"];

/// Era adjectives after a century (`القرن السادس الميلادي`), normalized.
///
/// `data/date_era_adjectives.txt`, in file order.
pub static ERA_ADJECTIVES: WordList =
    LazyLock::new(|| entries(include_str!("../../../../../data/date_era_adjectives.txt")));

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

/// The month names of `data/months.txt` (`name = number calendar [ambiguous]`, in file
/// order; a line of another shape is no month, and a test checks there is none).
pub(crate) static MONTH_TABLE: LazyLock<PhraseTable<MonthTag>> = LazyLock::new(|| {
    let mut t = PhraseTable::default();
    for (name, tag) in month_lines(include_str!("../../../../../data/months.txt")) {
        t.add_file(name, tag);
    }
    t
});

/// The entries of the month file: each name with what it stands for.
fn month_lines(data: &'static str) -> impl Iterator<Item = (&'static str, MonthTag)> {
    entries(data).into_iter().filter_map(|line| {
        let (name, tag) = line.split_once('=')?;
        let mut fields = tag.split_whitespace();
        let month = fields.next()?.parse().ok()?;
        let calendar = match fields.next()? {
            "gregorian" => Calendar::Gregorian,
            "hijri" => Calendar::Hijri,
            _ => return None,
        };
        let ambiguous = match fields.next() {
            None => false,
            Some("ambiguous") => true,
            Some(_) => return None,
        };
        Some((
            name.trim(),
            MonthTag {
                month,
                calendar,
                ambiguous,
            },
        ))
    })
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_month_file_is_a_month() {
        let data = include_str!("../../../../../data/months.txt");
        assert_eq!(month_lines(data).count(), entries(data).len());
        assert_eq!(entries(data).len(), 54);
        let tag = |m, calendar, ambiguous| MonthTag {
            month: m,
            calendar,
            ambiguous,
        };
        let lines: Vec<_> = month_lines(data).collect();
        assert_eq!(lines[0], ("يناير", tag(1, Calendar::Gregorian, false)));
        assert_eq!(lines[2], ("مارس", tag(3, Calendar::Gregorian, true)));
        assert_eq!(lines[53], ("ذي الحجة", tag(12, Calendar::Hijri, false)));
    }
}
