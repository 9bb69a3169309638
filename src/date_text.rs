//! Readable English descriptions of DATE values, for the annotator in the Latin interface
//! (`relative:0d,weekday:MON` → "Monday (relative: today)", `2020-03-01` → "1 March
//! 2020", a Hijri date in both calendars).
//!
//! The values follow the TIMEX3-like grammar of [`taliq_core::extract::timex`]: parts joined by
//! `,` (a calendar expression, `weekday:`, `relative:`, `past`/`next`/`current`, a part of
//! day or season, `mod:`, a clock time), where a calendar expression may list dates with
//! `|` and give intervals with `/`. A value this module does not understand (a form added
//! to the grammar later, a hand-edited file) gets no description, and callers show it
//! raw: a description is never a guess.

use taliq_core::model::annotation::DateValue;

/// English Gregorian month names, January first.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English names of the Hijri (Islamic) months, Muharram first: the abbreviated English
/// names of the Unicode CLDR `islamic` calendar (root/English locale data), written with
/// an ASCII apostrophe for the ʻayn so that every glyph is in the interface font.
const HIJRI_MONTHS: [&str; 12] = [
    "Muharram",
    "Safar",
    "Rabi' I",
    "Rabi' II",
    "Jumada I",
    "Jumada II",
    "Rajab",
    "Sha'ban",
    "Ramadan",
    "Shawwal",
    "Dhu'l-Qi'dah",
    "Dhu'l-Hijjah",
];

/// The description of a DATE value: [`describe_value`] of its Gregorian value, and for a
/// date written in the Hijri calendar [`describe_hijri`] of its Hijri value first with
/// the Gregorian equivalent after it ("15 Ramadan 1445 AH (Gregorian: 25 March 2024)";
/// "1 Muharram (no year given, so no Gregorian date)"). Falls back to the raw value(s)
/// when a part is not understood.
#[must_use]
pub fn describe(value: &DateValue) -> String {
    let Some(hijri) = &value.hijri else {
        return describe_value(&value.value).unwrap_or_else(|| value.value.clone());
    };
    let Some(h) = describe_hijri(hijri) else {
        return format!("{} (Hijri {hijri})", value.value);
    };
    if value.value == "XXXX-XX-XX" {
        return format!("{h} (no year given, so no Gregorian date)");
    }
    let g = describe_value(&value.value).unwrap_or_else(|| value.value.clone());
    format!("{h} (Gregorian: {g})")
}

/// The description of a Hijri value (`1445-09-15` → "15 Ramadan 1445 AH", `1445-09` →
/// "Ramadan 1445 AH", `1445` → "1445 AH", `XXXX-09-15` → "15 Ramadan", `XXXX-09` →
/// "Ramadan"), `None` for anything else.
#[must_use]
pub fn describe_hijri(hijri: &str) -> Option<String> {
    let d = parse_date(hijri)?;
    let month = d.month.map(|m| HIJRI_MONTHS[usize::from(m) - 1]);
    let year = d.year.map(|y| format!("{y} AH"));
    let out = [d.day.map(|d| d.to_string()), month.map(String::from), year]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    (!out.is_empty()).then_some(out)
}

/// The description of a (Gregorian) TIMEX3-like value, `None` when one of its parts is not
/// in the grammar or a part is given twice.
///
/// The main phrase is the calendar expression, else the weekday, else the relative
/// offset, else the clock time; a direction and an early/mid/late modifier go before it
/// ("last May", "early October 2015", "mid-October"), a clock time after it ("28 June 2019 at 16:20");
/// what remains goes in brackets: the relative offset of a weekday, a part of the day or
/// season ("Monday (relative: today)", "last year (summer)").
#[must_use]
pub fn describe_value(value: &str) -> Option<String> {
    let mut calendar = None;
    let mut weekday = None;
    let mut relative = None;
    let mut direction = None;
    let mut modifier = None;
    let mut part = None;
    let mut time = None;
    for p in value.split(',') {
        let slot = if let Some(code) = p.strip_prefix("weekday:") {
            set(&mut weekday, weekday_name(code)?)
        } else if let Some(offset) = p.strip_prefix("relative:") {
            set(&mut relative, relative_phrase(offset)?)
        } else if let Some(m) = p.strip_prefix("mod:") {
            let m = match m {
                "START" => "early",
                "MID" => "mid-",
                "END" => "late",
                _ => return None,
            };
            set(&mut modifier, m)
        } else if let Some(name) = direction_word(p) {
            set(&mut direction, name)
        } else if let Some(name) = part_name(p) {
            set(&mut part, name)
        } else if let Some(t) = p.strip_prefix('T') {
            set(&mut time, clock(t)?)
        } else {
            set(&mut calendar, calendar_phrase(p)?)
        };
        slot?;
    }
    let mut notes: Vec<String> = Vec::new();
    let mut main = if let Some((text, note)) = calendar {
        notes.extend(note);
        if let Some(r) = relative.take() {
            notes.push(format!("relative: {r}"));
        }
        text
    } else if let Some(w) = weekday.take() {
        if let Some(r) = relative.take() {
            notes.push(format!("relative: {r}"));
        }
        w.to_owned()
    } else if let Some(r) = relative.take() {
        r
    } else {
        time.take()?
    };
    if let Some(w) = weekday {
        // a weekday beside a calendar date
        notes.insert(0, w.to_owned());
    }
    if let Some(d) = direction {
        main = format!("{d} {main}");
    }
    if let Some(m) = modifier {
        let gap = if m.ends_with('-') { "" } else { " " };
        main = format!("{m}{gap}{main}");
    }
    if let Some(t) = time {
        main = format!("{main} at {t}");
    }
    notes.extend(part.map(String::from));
    if !notes.is_empty() {
        main = format!("{main} ({})", notes.join(", "));
    }
    Some(main)
}

/// Stores `v` in an empty slot; `None` when the slot is already filled (a part given
/// twice is not in the grammar).
fn set<T>(slot: &mut Option<T>, v: T) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(v);
    Some(())
}

/// `MON` → "Monday" (TIMEX3 weekday codes).
fn weekday_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "MON" => "Monday",
        "TUE" => "Tuesday",
        "WED" => "Wednesday",
        "THU" => "Thursday",
        "FRI" => "Friday",
        "SAT" => "Saturday",
        "SUN" => "Sunday",
        _ => return None,
    })
}

/// `past` → "last", `next` → "next", `current` → "this".
fn direction_word(part: &str) -> Option<&'static str> {
    Some(match part {
        "past" => "last",
        "next" => "next",
        "current" => "this",
        _ => return None,
    })
}

/// The TIMEX3 parts of the day and seasons.
fn part_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "TMO" => "morning",
        "TAF" => "afternoon",
        "TEV" => "evening",
        "TNI" => "night",
        "SP" => "spring",
        "SU" => "summer",
        "FA" => "autumn",
        "WI" => "winter",
        _ => return None,
    })
}

/// `hh:mm` (24 h) checked and returned as written.
fn clock(t: &str) -> Option<String> {
    let (h, m) = t.split_once(':')?;
    let ok = |s: &str, max: u8| {
        s.len() == 2
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u8>().is_ok_and(|v| v <= max)
    };
    (ok(h, 23) && ok(m, 59)).then(|| format!("{h}:{m}"))
}

/// `-1d` → "yesterday", `0y` → "this year", `+1dec` → "next decade", `-2y` → "2 years
/// ago", `+3m` → "in 3 months".
fn relative_phrase(offset: &str) -> Option<String> {
    let digits_end = offset
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || (i == 0 && (c == '-' || c == '+'))))
        .map_or(offset.len(), |(i, _)| i);
    let (n, unit) = offset.split_at(digits_end);
    let n: i64 = n.parse().ok()?;
    let (one, many) = match unit {
        "d" => ("day", "days"),
        "w" => ("week", "weeks"),
        "m" => ("month", "months"),
        "y" => ("year", "years"),
        "dec" => ("decade", "decades"),
        "cent" => ("century", "centuries"),
        _ => return None,
    };
    Some(match (n, unit) {
        (0, "d") => "today".into(),
        (-1, "d") => "yesterday".into(),
        (1, "d") => "tomorrow".into(),
        (0, _) => format!("this {one}"),
        (-1, _) => format!("last {one}"),
        (1, _) => format!("next {one}"),
        (n, _) if n < 0 => format!("{} {many} ago", n.unsigned_abs()),
        (n, _) => format!("in {n} {many}"),
    })
}

/// A calendar expression: dates listed with `|` ("2004 and 2006"), each a point or an
/// interval `A/B` ("2013 to 2014"), or a decade `XX7X`. Returns the phrase and a note for
/// the brackets.
fn calendar_phrase(expr: &str) -> Option<(String, Option<String>)> {
    if let Some(d) = expr.strip_prefix("XX").and_then(|r| r.strip_suffix('X'))
        && d.len() == 1
        && d.bytes().all(|b| b.is_ascii_digit())
    {
        return Some((format!("the {d}0s"), Some("century not given".into())));
    }
    let items = expr
        .split('|')
        .map(|item| {
            let ends: Vec<&str> = item.split('/').collect();
            match ends[..] {
                [point] => point_phrase(point),
                [a, b] => Some(format!("{} to {}", point_phrase(a)?, point_phrase(b)?)),
                _ => None,
            }
        })
        .collect::<Option<Vec<_>>>()?;
    let text = match &items[..] {
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => return None,
    };
    Some((text, None))
}

/// A date with an optional clock time: `2019-06-28T16:20` → "28 June 2019 at 16:20".
fn point_phrase(point: &str) -> Option<String> {
    let (date, time) = match point.split_once('T') {
        Some((d, t)) => (d, Some(clock(t)?)),
        None => (point, None),
    };
    let d = parse_date(date)?;
    let month = d.month.map(|m| MONTHS[usize::from(m) - 1]);
    let mut out = [
        d.day.map(|d| d.to_string()),
        month.map(String::from),
        d.year.map(|y| y.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    if out.is_empty() {
        return None;
    }
    if let Some(t) = time {
        out = format!("{out} at {t}");
    }
    Some(out)
}

/// The fields of an ISO 8601 calendar date with `X` for unknown digits.
struct DateParts {
    year: Option<u32>,
    month: Option<u8>,
    day: Option<u8>,
}

/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `XXXX-MM`, `XXXX-MM-DD` (a four-digit year, leading
/// zeros allowed; months 1–12, days 1–31). `XXXX-XX-XX` and other shapes are `None`.
fn parse_date(s: &str) -> Option<DateParts> {
    let fields: Vec<&str> = s.split('-').collect();
    let num = |f: &str, len: usize| {
        (f.len() == len && f.bytes().all(|b| b.is_ascii_digit()))
            .then(|| f.parse::<u32>().ok())
            .flatten()
    };
    let year = match fields.first() {
        Some(&"XXXX") => None,
        Some(y) => Some(num(y, 4)?),
        None => return None,
    };
    let month = match fields.get(1) {
        Some(m) => Some(
            u8::try_from(num(m, 2)?)
                .ok()
                .filter(|m| (1..=12).contains(m))?,
        ),
        None => None,
    };
    let day = match fields.get(2) {
        Some(d) => Some(
            u8::try_from(num(d, 2)?)
                .ok()
                .filter(|d| (1..=31).contains(d))?,
        ),
        None => None,
    };
    if fields.len() > 3 || (year.is_none() && month.is_none()) {
        return None;
    }
    Some(DateParts { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(value: &str) -> String {
        describe(&DateValue {
            value: value.into(),
            hijri: None,
        })
    }

    fn h(value: &str, hijri: &str) -> String {
        describe(&DateValue {
            value: value.into(),
            hijri: Some(hijri.into()),
        })
    }

    #[test]
    fn calendar_dates_months_years_and_partial_dates() {
        assert_eq!(d("2020-03-01"), "1 March 2020");
        assert_eq!(d("2019-06-28"), "28 June 2019");
        assert_eq!(d("2019-06"), "June 2019");
        assert_eq!(d("2004"), "2004");
        assert_eq!(d("0833"), "833", "a year before 1000 without its zero");
        assert_eq!(d("XXXX-10-21"), "21 October");
        assert_eq!(d("XXXX-05"), "May");
    }

    #[test]
    fn intervals_lists_decades_and_times() {
        assert_eq!(d("2013/2014"), "2013 to 2014");
        assert_eq!(d("2024-03-11/2024-04-09"), "11 March 2024 to 9 April 2024");
        assert_eq!(d("2004|2006"), "2004 and 2006");
        assert_eq!(
            d("2019-05|2019-06|2019-07"),
            "May 2019, June 2019 and July 2019"
        );
        assert_eq!(d("XX7X"), "the 70s (century not given)");
        assert_eq!(d("T16:20"), "16:20");
        assert_eq!(d("2019-06-28T22:00"), "28 June 2019 at 22:00");
    }

    #[test]
    fn weekdays_relative_offsets_and_qualifiers() {
        assert_eq!(d("relative:0d,weekday:MON"), "Monday (relative: today)");
        assert_eq!(d("weekday:TUE"), "Tuesday");
        assert_eq!(d("weekday:THU,past"), "last Thursday");
        assert_eq!(d("weekday:FRI,next,T22:00"), "next Friday at 22:00");
        assert_eq!(d("relative:-1d"), "yesterday");
        assert_eq!(d("relative:+1d"), "tomorrow");
        assert_eq!(d("relative:0d"), "today");
        assert_eq!(d("relative:-2d"), "2 days ago");
        assert_eq!(d("relative:0w"), "this week");
        assert_eq!(d("relative:-1m"), "last month");
        assert_eq!(d("relative:0y"), "this year");
        assert_eq!(d("relative:-20y"), "20 years ago");
        assert_eq!(d("relative:+3m"), "in 3 months");
        assert_eq!(d("relative:+1dec"), "next decade");
        assert_eq!(d("relative:-2cent"), "2 centuries ago");
        assert_eq!(d("XXXX-05,past"), "last May");
        assert_eq!(d("XXXX-05,current"), "this May");
        assert_eq!(d("XXXX-10,mod:START"), "early October");
        assert_eq!(d("2015-10,mod:END"), "late October 2015");
        assert_eq!(d("XXXX-10,mod:MID"), "mid-October");
        assert_eq!(d("relative:0d,TMO"), "today (morning)");
        assert_eq!(d("relative:-1d,TEV"), "yesterday (evening)");
        assert_eq!(d("relative:0d,TAF"), "today (afternoon)");
        assert_eq!(d("relative:-1d,TNI"), "yesterday (night)");
        assert_eq!(d("relative:-1y,SU"), "last year (summer)");
        assert_eq!(d("relative:0y,SP"), "this year (spring)");
        assert_eq!(d("relative:+1y,FA"), "next year (autumn)");
        assert_eq!(d("relative:-1y,WI"), "last year (winter)");
    }

    #[test]
    fn hijri_dates_show_both_calendars() {
        assert_eq!(
            h("2024-03-25", "1445-09-15"),
            "15 Ramadan 1445 AH (Gregorian: 25 March 2024)"
        );
        assert_eq!(
            h("2024-03-11/2024-04-09", "1445-09"),
            "Ramadan 1445 AH (Gregorian: 11 March 2024 to 9 April 2024)"
        );
        assert_eq!(
            h("2023-07-19/2024-07-06", "1445"),
            "1445 AH (Gregorian: 19 July 2023 to 6 July 2024)"
        );
        assert_eq!(
            h("XXXX-XX-XX", "XXXX-01-01"),
            "1 Muharram (no year given, so no Gregorian date)"
        );
        assert_eq!(
            h("XXXX-XX-XX", "XXXX-12"),
            "Dhu'l-Hijjah (no year given, so no Gregorian date)"
        );
    }

    #[test]
    fn every_value_the_extractor_gives_has_a_description() {
        // the sentences of the timex tests, one of each form
        let text = "قمة أوساكا في 28 حزيران/ يونيو 2019 (أ ف ب). وصل في 3 جانفي 2020 ثم في \
            أيار/ مايو الماضي. افتتحت عام 2004. بين عامي 2004 و2006 و2013-2014. في أوائل شهر \
            تشرين الأول و21 تشرين الأول. أجريا، اليوم الاثنين، اتصالاً والخميس الماضي زار. \
            وصل أمس إلى. ترتفع هذا العام والشهر الماضي واليومين الماضيين. يعود إلى منذ عامين \
            ومنذ نحو 20 عاماً والعقد المقبل. في الساعة 16:20 و10:00 مساءً وهذا الصباح. في عام \
            2014 وفي ذلك العام من السبعينيات. بدأ الصيام في 15 رمضان 1445 هـ ورمضان 1445 كله. \
            في 1445 هـ و1 محرم. ثم 13/11/2020.";
        let values: Vec<DateValue> = taliq_core::extract::extract(text)
            .into_iter()
            .filter_map(|m| m.value)
            .collect();
        assert!(values.len() >= 20, "{values:?}");
        for v in values {
            let shown = describe(&v);
            assert!(
                describe_value(&v.value).is_some() || v.value == "XXXX-XX-XX",
                "{v:?} → {shown}"
            );
            assert!(
                v.hijri
                    .as_deref()
                    .is_none_or(|h| describe_hijri(h).is_some()),
                "{v:?}"
            );
        }
    }

    #[test]
    fn values_outside_the_grammar_are_shown_raw() {
        for raw in [
            "",
            "soon",
            "2019-13-01",
            "2019-06-32",
            "19-06",
            "weekday:XYZ",
            "relative:1fortnight",
            "relative:d",
            "T25:00",
            "2019,2020",
            "weekday:MON,weekday:TUE",
            "mod:SOON",
            "XXXX-XX-XX",
            "2019/2020/2021",
        ] {
            assert_eq!(describe_value(raw), None, "{raw:?}");
            assert_eq!(d(raw), raw);
        }
        assert_eq!(
            h("2024-03-25", "1445-13-01"),
            "2024-03-25 (Hijri 1445-13-01)"
        );
    }
}
