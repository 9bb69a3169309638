//! Normalized values of DATE mentions, in a small TIMEX3-like grammar.
//!
//! The value is modelled on the `value` attribute of ISO-TimeML TIMEX3 (ISO 24617-1),
//! which writes calendar dates in ISO 8601 with `X` for unknown digits. A value is one or
//! more parts joined by `,` that describe the same date:
//!
//! | part | meaning | example text → value |
//! |---|---|---|
//! | `YYYY-MM-DD`, `YYYY-MM`, `YYYY` | a Gregorian date, month or year | `28 حزيران/ يونيو 2019` → `2019-06-28`, `حزيران 2019` → `2019-06`, `عام 2004` → `2004` |
//! | `XXXX-MM-DD`, `XXXX-MM` | the same without the year | `21 تشرين الأول` → `XXXX-10-21` |
//! | `…Thh:mm`, `Thh:mm` | a clock time (24 h), with or without a date | `الساعة 16:20` → `T16:20`, `10:00 مساءً` → `T22:00` |
//! | `A/B` | an interval (ISO 8601) | `2013-2014` → `2013/2014`; `رمضان 1445 هـ` → `2024-03-11/2024-04-09` |
//! | `A\|B` | dates named together | `عامي 2004 و2006` → `2004\|2006` |
//! | `XX7X` | a decade of an unnamed century | `السبعينيات` → `XX7X` |
//! | `weekday:MON` … `weekday:SUN` | a weekday | `الثلاثاء` → `weekday:TUE` |
//! | `relative:±N(d\|w\|m\|y\|dec\|cent)` | an offset from the day of writing, in days, weeks, months, years, decades or centuries | `أمس` → `relative:-1d`, `العام الماضي` → `relative:-1y`, `هذا الأسبوع` → `relative:0w`, `منذ عامين` → `relative:-2y` |
//! | `past`, `next`, `current` | the nearest such date before, after or around the day of writing | `أيار/ مايو الماضي` → `XXXX-05,past`, `الخميس الماضي` → `weekday:THU,past` |
//! | `TMO`, `TAF`, `TEV`, `TNI` | morning, afternoon, evening, night (TIMEX3 parts of day) | `هذا الصباح` → `relative:0d,TMO` |
//! | `SP`, `SU`, `FA`, `WI` | spring, summer, autumn, winter (TIMEX3 seasons) | `الصيف الماضي` → `relative:-1y,SU` |
//! | `mod:START`, `mod:MID`, `mod:END` | early, middle, late (TIMEX3 `mod`) | `أوائل شهر تشرين الأول` → `XXXX-10,mod:START` |
//!
//! `ذلك العام` / `ذات العام` ("that year") take the last year named before them in the
//! document. A date written in the Hijri calendar also gets its Hijri value
//! (`1445-09-15`, `1445-09`, `1445`, `XXXX-09-15`) and, when it has a year, the
//! Gregorian equivalent as its value, converted with ICU4X `icu_calendar` (Umm al-Qura
//! rules, the official calendar of Saudi Arabia; tabular outside its range).
//! Expressions the grammar cannot express (`اليوم الثالث`) get no value.

use icu_calendar::cal::Hijri;
use icu_calendar::{Date, Iso};

use super::context::Layer;
use super::doc::{Candidate, Doc};
use super::tokenize::TokenKind;
use super::vocab::{self, Bits};
use super::words::date::{Calendar, month_name_at};
use crate::model::annotation::DateValue;
use crate::model::label::Label;

/// A Gregorian date in ISO 8601 (`2019-06-28`).
fn iso(date: Date<Iso>) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year().extended_year(),
        date.month().ordinal,
        date.day_of_month().0
    )
}

/// The Gregorian day of a Umm al-Qura Hijri date, `None` when the date does not exist.
#[must_use]
pub fn hijri_to_gregorian(year: i32, month: u8, day: u8) -> Option<String> {
    let h = Date::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura()).ok()?;
    Some(iso(h.to_calendar(Iso)))
}

/// The Gregorian interval (`first/last` day) of a Hijri month, or of a whole Hijri year
/// when `month` is `None`.
#[must_use]
pub fn hijri_span_to_gregorian(year: i32, month: Option<u8>) -> Option<String> {
    let cal = Hijri::new_umm_al_qura();
    let (m1, m2) = month.map_or((1, 12), |m| (m, m));
    let first = Date::try_new_hijri_with_calendar(year, m1, 1, cal).ok()?;
    let last_month = Date::try_new_hijri_with_calendar(year, m2, 1, cal).ok()?;
    let last = Date::try_new_hijri_with_calendar(year, m2, last_month.days_in_month(), cal).ok()?;
    Some(format!(
        "{}/{}",
        iso(first.to_calendar(Iso)),
        iso(last.to_calendar(Iso))
    ))
}

/// Whether a Gregorian date exists (`31 شباط` does not).
fn valid_gregorian(year: i32, month: u8, day: u8) -> bool {
    Date::try_new_iso(year, month, day).is_ok()
}

/// The weekday codes in the order of [`super::words::date::WEEKDAYS`].
///
/// Kept in the code: the codes of the date values (`weekday:MON`), in the order of
/// `data/date_weekdays.txt`; not words of the text.
const WEEKDAY_CODES: [&str; 7] = ["SAT", "SUN", "MON", "TUE", "WED", "THU", "FRI"];

/// Direction of a qualifier (`الماضي` -1, `المقبل` +1, `الحالي` 0).
fn direction(word: &str) -> Option<i8> {
    match word {
        "الماضي" | "الماضيه" | "المنصرم" | "المنصرمه" | "الفائت" | "الماضيين" | "المنقضي" => {
            Some(-1)
        }
        "المقبل" | "المقبله" | "القادم" | "القادمه" | "المقبلين" | "القادمين" => {
            Some(1)
        }
        "الحالي" | "الحاليه" | "الجاري" | "الجاريه" => Some(0),
        _ => None,
    }
}

/// A period noun: `(count, unit)` for a unit of time, or a part of day / season code.
enum Period {
    Unit(u32, &'static str),
    Part(&'static str),
}

/// The period a (normalized, definite or bare) word names.
fn period(word: &str) -> Option<Period> {
    let w = word.strip_prefix("ال").unwrap_or(word);
    Some(match w {
        "عام" | "سنه" | "اعوام" | "سنوات" | "عاما" => Period::Unit(1, "y"),
        "شهر" | "اشهر" | "شهور" | "شهرا" => Period::Unit(1, "m"),
        "اسبوع" | "اسابيع" | "اسبوعا" => Period::Unit(1, "w"),
        "يوم" | "ايام" | "يوما" => Period::Unit(1, "d"),
        "عقد" | "عقود" => Period::Unit(1, "dec"),
        "قرن" | "قرون" => Period::Unit(1, "cent"),
        "عامين" | "سنتين" | "عامان" | "سنتان" => Period::Unit(2, "y"),
        "شهرين" | "شهران" => Period::Unit(2, "m"),
        "اسبوعين" => Period::Unit(2, "w"),
        "يومين" | "يومان" => Period::Unit(2, "d"),
        "عقدين" => Period::Unit(2, "dec"),
        "قرنين" => Period::Unit(2, "cent"),
        "صباح" => Period::Part("TMO"),
        "ظهر" | "عصر" => Period::Part("TAF"),
        "مساء" => Period::Part("TEV"),
        "ليله" => Period::Part("TNI"),
        "ربيع" => Period::Part("SP"),
        "صيف" => Period::Part("SU"),
        "خريف" => Period::Part("FA"),
        "شتاء" => Period::Part("WI"),
        _ => return None,
    })
}

/// The value of a cardinal number word (`ثلاثة` → 3), for counts before a time unit.
fn number_word(word: &str) -> Option<u32> {
    Some(match word {
        "واحد" | "واحده" => 1,
        "اثنين" | "اثنان" => 2,
        "ثلاث" | "ثلاثه" => 3,
        "اربع" | "اربعه" => 4,
        "خمس" | "خمسه" => 5,
        "ست" | "سته" => 6,
        "سبع" | "سبعه" => 7,
        "ثماني" | "ثمانيه" | "ثمان" => 8,
        "تسع" | "تسعه" => 9,
        "عشر" | "عشره" => 10,
        "عشرين" | "عشرون" => 20,
        "ثلاثين" | "ثلاثون" => 30,
        "اربعين" | "اربعون" => 40,
        "خمسين" | "خمسون" => 50,
        "ستين" | "ستون" => 60,
        "سبعين" | "سبعون" => 70,
        "ثمانين" | "ثمانون" => 80,
        "تسعين" | "تسعون" => 90,
        "مئه" | "مائه" => 100,
        _ => return None,
    })
}

/// The decade digit of a decade word (`السبعينيات` → 7).
fn decade(word: &str) -> Option<u8> {
    let d = super::words::date::DECADES
        .iter()
        .position(|w| *w == word)?;
    Some(d as u8 + 2)
}

/// The TIMEX3 `mod` of a month prefix (`أوائل` START, `منتصف` MID, `أواخر` END).
fn modifier(word: &str) -> Option<&'static str> {
    match word {
        "اوائل" | "مطلع" | "بدايه" | "مستهل" | "غره" => Some("START"),
        "منتصف" | "اواسط" => Some("MID"),
        "اواخر" | "نهايه" => Some("END"),
        _ => None,
    }
}

/// A word of a DATE mention that only marks something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `-` between two years.
    YearRange,
    /// A clock time in the afternoon or evening (`مساءً`).
    Pm,
    /// `اليوم`.
    Today,
    /// `هـ` after a year.
    HijriEra,
    /// An ordinal (`اليوم الثالث`).
    Ordinal,
    /// `هذا`, `هذه`.
    This,
    /// `ذلك`, `ذات`, `نفس`: a period named before.
    That,
}

/// What the words of one DATE mention say.
#[derive(Debug, Default)]
struct Parts {
    years: Vec<i32>,
    months: Vec<(u8, Calendar)>,
    day: Option<u8>,
    weekday: Option<&'static str>,
    time: Option<(u8, u8)>,
    dir: Option<i8>,
    unit: Option<(u32, &'static str)>,
    count: Option<u32>,
    part: Option<&'static str>,
    relative_day: Option<i32>,
    decade: Option<u8>,
    modifier: Option<&'static str>,
    marks: Vec<Mark>,
}

impl Parts {
    fn has(&self, m: Mark) -> bool {
        self.marks.contains(&m)
    }
}

/// The normalized word of Arabic token `i` in its first reading with one of `bits`
/// (the unsegmented word when none has them).
fn reading(doc: &Doc, i: usize, bits: Bits) -> &str {
    doc.stems_with_bits(i)
        .find(|r| !r.lal && r.bits & bits != 0)
        .map_or_else(|| doc.text(i), |r| r.key)
}

/// A day of the month written as an ordinal in words before `من` and a month name
/// (`الأول من تشرين الأول`, `الحادي عشر من …`, `الثامن والعشرين من …`): the day and the
/// token of `من`, within `[i, end)`. Masculine ordinals, as `اليوم` is masculine.
fn ordinal_day(doc: &Doc, i: usize, end: usize) -> Option<(u8, usize)> {
    let word = doc.text(i);
    let (mut day, mut k) = match word {
        "الحادي" => (1, i + 1),
        "العشرين" => (20, i + 1),
        "الثلاثين" => (30, i + 1),
        _ => (
            super::words::date::ORDINAL_UNITS
                .iter()
                .position(|u| *u == word)? as u8
                + 1,
            i + 1,
        ),
    };
    if day < 10 && k < end {
        match doc.text(k) {
            "عشر" => {
                day += 10;
                k += 1;
            }
            "والعشرين" => {
                day += 20;
                k += 1;
            }
            "والثلاثين" => {
                day += 30;
                k += 1;
            }
            _ => {}
        }
    }
    // الحادي only in a compound (الحادي عشر, الحادي والعشرين)
    let valid = (1..=31).contains(&day) && !(word == "الحادي" && day == 1);
    (valid && k + 1 < end && doc.text(k) == "من" && month_name_at(doc, k + 1).is_some())
        .then_some((day, k))
}

/// Reads the tokens `[first, end)` of a DATE mention.
fn parts(doc: &Doc, first: usize, end: usize) -> Parts {
    let mut acc = Parts::default();
    let mut i = first;
    while i < end {
        let tok = doc.tokens[i];
        let text = doc.text(i);
        match tok.kind {
            TokenKind::Number => {
                if let Some((h, m)) = text.split_once(':') {
                    if let (Ok(h), Ok(m)) = (h.parse::<u8>(), m.parse::<u8>())
                        && h < 24
                        && m < 60
                    {
                        acc.time = Some((h, m));
                    }
                } else if let Ok(n) = text.parse::<u32>() {
                    let next_is_month = month_name_at(doc, i + 1).is_some();
                    if text.len() == 4 && (1000..=2200).contains(&n) {
                        acc.years.push(n as i32);
                    } else if next_is_month && (1..=31).contains(&n) && acc.day.is_none() {
                        acc.day = Some(n as u8);
                    } else {
                        acc.count = Some(n);
                    }
                }
            }
            TokenKind::Punct => {
                if matches!(doc.norm.chars[tok.start], '-' | '–') {
                    acc.marks.push(Mark::YearRange);
                }
            }
            TokenKind::Arabic => {
                if acc.day.is_none()
                    && let Some((d, e)) = ordinal_day(doc, i, end)
                {
                    acc.day = Some(d);
                    i = e;
                    continue;
                }
                if let Some((_, e, tag)) = month_name_at(doc, i) {
                    // حزيران/ يونيو: two names of one month
                    let dual_name = i > first && doc.is_punct(i - 1, '/') && !acc.months.is_empty();
                    if !dual_name {
                        acc.months.push((tag.month, tag.calendar));
                    }
                    i = e;
                    continue;
                }
                let bits = doc.any_bits(i);
                if text == "ه" && i > first {
                    acc.marks.push(Mark::HijriEra);
                } else if bits & vocab::WEEKDAY != 0 {
                    let word = reading(doc, i, vocab::WEEKDAY);
                    acc.weekday = super::words::date::WEEKDAYS
                        .iter()
                        .position(|d| *d == word)
                        .map(|k| WEEKDAY_CODES[k]);
                } else if bits & vocab::RELATIVE_DAY != 0 {
                    acc.relative_day = Some(-1);
                } else if let Some(d) = direction(text) {
                    acc.dir = Some(d);
                } else if bits & vocab::DEMONSTRATIVE != 0 {
                    let word = reading(doc, i, vocab::DEMONSTRATIVE);
                    if matches!(word, "هذا" | "هذه") {
                        acc.marks.push(Mark::This);
                    } else {
                        acc.marks.push(Mark::That);
                    }
                } else if let Some(d) = decade(reading(doc, i, vocab::DECADE)) {
                    acc.decade = Some(d);
                } else if bits & vocab::DAYPART != 0 {
                    let word = reading(doc, i, vocab::DAYPART);
                    if matches!(word, "مساء" | "عصرا" | "ليلا") {
                        acc.marks.push(Mark::Pm);
                    }
                } else if let Some(m) = modifier(reading(doc, i, vocab::MONTH_PREFIX)) {
                    acc.modifier = Some(m);
                } else if bits & vocab::ORDINAL != 0 && i > first {
                    acc.marks.push(Mark::Ordinal);
                } else if let Some(n) = number_word(reading(doc, i, vocab::NUMBER_WORD)) {
                    acc.count = Some(n);
                } else {
                    let word = reading(doc, i, vocab::PERIOD | vocab::DUAL_TIME | vocab::TIME_UNIT);
                    if word == "اليوم" {
                        acc.marks.push(Mark::Today);
                    }
                    match period(word) {
                        Some(Period::Unit(n, u)) => acc.unit = Some((n, u)),
                        Some(Period::Part(c)) => acc.part = Some(c),
                        None => {}
                    }
                }
            }
            TokenKind::Latin => {}
        }
        i += 1;
    }
    acc
}

/// `past`, `next` or `current` for a qualifier direction.
fn dir_part(d: i8) -> &'static str {
    match d {
        ..0 => "past",
        0 => "current",
        _ => "next",
    }
}

/// The value of a calendar date, month, year or list of them (Gregorian months).
fn calendar_value(p: &Parts) -> Option<String> {
    let year = p
        .years
        .first()
        .map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"));
    let mut v = if p.months.len() >= 2 {
        p.months
            .iter()
            .map(|(m, _)| format!("{year}-{m:02}"))
            .collect::<Vec<_>>()
            .join("|")
    } else if let Some(&(m, _)) = p.months.first() {
        match p.day {
            Some(d) => {
                if let Some(&y) = p.years.first()
                    && !valid_gregorian(y, m, d)
                {
                    return None;
                }
                format!("{year}-{m:02}-{d:02}")
            }
            None => format!("{year}-{m:02}"),
        }
    } else if p.years.len() >= 2 {
        let sep = if p.has(Mark::YearRange) { "/" } else { "|" };
        p.years
            .iter()
            .map(|y| format!("{y:04}"))
            .collect::<Vec<_>>()
            .join(sep)
    } else {
        year
    };
    if let Some((h, m)) = p.time {
        v.push_str(&clock(h, m, p.has(Mark::Pm)));
    }
    Some(v)
}

/// `Thh:mm` in 24-hour time.
fn clock(h: u8, m: u8, pm: bool) -> String {
    let h = if pm && h < 12 { h + 12 } else { h };
    format!("T{h:02}:{m:02}")
}

/// The Hijri value and its Gregorian equivalent.
fn hijri_value(p: &Parts) -> DateValue {
    let month = p.months.first().map(|m| m.0);
    let year = p.years.first().copied();
    let ys = year.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"));
    let hijri = match (month, p.day) {
        (Some(m), Some(d)) => format!("{ys}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{ys}-{m:02}"),
        _ => ys,
    };
    let gregorian = year.and_then(|y| match (month, p.day) {
        (Some(m), Some(d)) => hijri_to_gregorian(y, m, d),
        (m, _) => hijri_span_to_gregorian(y, m),
    });
    DateValue {
        value: gregorian.unwrap_or_else(|| "XXXX-XX-XX".to_string()),
        hijri: Some(hijri),
    }
}

/// What the value of a mention may depend on outside its words.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The mention follows `منذ` ("since"): a duration back from now.
    pub since: bool,
    /// The last year named before the mention in the document.
    pub last_year: Option<i32>,
}

/// The value of the DATE mention on tokens `[first, end)` (see the module doc), `None`
/// when its words give none.
#[must_use]
pub fn date_value(doc: &Doc, first: usize, end: usize, ctx: Context) -> Option<DateValue> {
    let plain = |value: String| Some(DateValue { value, hijri: None });
    if let Some((e, (y, m, d))) = super::date::numeric_date(doc, first)
        && e == end
    {
        return plain(format!("{y:04}-{m:02}-{d:02}"));
    }
    let p = parts(doc, first, end.min(doc.tokens.len()));
    if let Some(d) = p.decade {
        return plain(format!("XX{d}X"));
    }
    if p.months.iter().any(|m| m.1 == Calendar::Hijri)
        || (p.has(Mark::HijriEra) && !p.years.is_empty())
    {
        return Some(hijri_value(&p));
    }
    let mut parts: Vec<String> = Vec::new();
    if !p.years.is_empty() || !p.months.is_empty() {
        parts.push(calendar_value(&p)?);
        if p.years.is_empty()
            && let Some(d) = p.dir
        {
            parts.push(dir_part(d).into());
        }
        if let Some(m) = p.modifier {
            parts.push(format!("mod:{m}"));
        }
        return plain(parts.join(","));
    }
    if let Some(n) = p.relative_day {
        parts.push(format!("relative:{n}d"));
    } else if p.has(Mark::Today) && p.weekday.is_some() {
        parts.push("relative:0d".into());
    }
    if let Some(w) = p.weekday {
        parts.push(format!("weekday:{w}"));
        if let Some(d) = p.dir {
            parts.push(dir_part(d).into());
        }
        if let Some((h, m)) = p.time {
            parts.push(clock(h, m, p.has(Mark::Pm)));
        }
        return plain(parts.join(","));
    }
    if !parts.is_empty() {
        return plain(parts.join(","));
    }
    if let Some((h, m)) = p.time {
        return plain(clock(h, m, p.has(Mark::Pm)));
    }
    if p.has(Mark::Ordinal) {
        return None;
    }
    if p.has(Mark::That) {
        // ذلك العام: the year named last
        return match (p.unit, ctx.last_year) {
            (Some((1, "y")), Some(y)) => plain(format!("{y:04}")),
            _ => None,
        };
    }
    let offset = |n: i64, unit: &str| format!("relative:{n:+}{unit}").replace("+0", "0");
    if ctx.since {
        let (n, unit) = match (p.count, p.unit) {
            (Some(c), Some((_, u))) => (c, u),
            (None, Some((n, u))) => (n, u),
            _ => return None,
        };
        return plain(offset(-i64::from(n), unit));
    }
    match (p.unit, p.part) {
        (Some((n, unit)), _) if p.dir.is_some() || p.has(Mark::This) || p.has(Mark::Today) => {
            let d = if p.has(Mark::This) || p.has(Mark::Today) {
                0
            } else {
                i64::from(p.dir.unwrap_or(0))
            };
            plain(offset(d * i64::from(n), unit))
        }
        (None, Some(part)) if p.dir.is_some() || p.has(Mark::This) => {
            let unit = if matches!(part, "SP" | "SU" | "FA" | "WI") {
                "y"
            } else {
                "d"
            };
            let d = if p.has(Mark::This) {
                0
            } else {
                i64::from(p.dir.unwrap_or(0))
            };
            plain(format!("{},{part}", offset(d, unit)))
        }
        _ => None,
    }
}

/// The values of the DATE mentions of `cands` (resolved, sorted by start, with their
/// [`Layer`]) that have one, as `(index in cands, value)` in text order.
///
/// `last_year` is the year of the last absolute Gregorian date before `doc` (`None` at
/// the start of a text), which `ذات العام` ("that same year") refers to; on return it is
/// the last one up to the end of `doc`, for the next piece of the same text.
pub fn date_values(
    doc: &Doc,
    cands: &[Candidate],
    layer: &Layer,
    last_year: &mut Option<i32>,
) -> Vec<(usize, DateValue)> {
    let mut out = Vec::new();
    for (k, c) in cands.iter().enumerate() {
        if c.label != Label::Date {
            continue;
        }
        let (first, end) = layer.range(k);
        let since = first > 0 && doc.reading_with(first - 1, vocab::SINCE_WORD).is_some()
            || first > 1
                && doc.reading_with(first - 1, vocab::APPROXIMATOR).is_some()
                && doc.reading_with(first - 2, vocab::SINCE_WORD).is_some();
        let ctx = Context {
            since,
            last_year: *last_year,
        };
        let Some(v) = date_value(doc, first, end, ctx) else {
            continue;
        };
        if v.hijri.is_none()
            && let Some(y) = v.value.get(..4).and_then(|y| y.parse().ok())
        {
            *last_year = Some(y);
        }
        out.push((k, v));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values of dates in text: `extract::tests::timex`.
    #[test]
    fn hijri_dates_get_their_gregorian_equivalent() {
        assert_eq!(
            hijri_to_gregorian(1445, 9, 1).as_deref(),
            Some("2024-03-11")
        );
        assert_eq!(hijri_to_gregorian(1445, 13, 1), None);
    }
}
