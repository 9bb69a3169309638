//! DATE recognizer: calendar dates, weekdays, years, relative periods and clock times.
//!
//! Month names: Gregorian (يناير … ديسمبر), Levantine/Iraqi (كانون الثاني … كانون الأول),
//! Maghrebi (جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت) and Hijri (محرم … ذو الحجة).
//! Per guideline rule 7 a dual month name (`حزيران/ يونيو`) is one date with its day and
//! year, qualifiers that belong to the date stay inside (`أيار/ مايو الماضي`) and a
//! leading preposition stays outside. Rule 10: a duration anchored to now is a DATE
//! (`منذ عامين` → `عامين`). Vague time (`في وقت سابق`, `السنوات الأخيرة`) is not a date.
//! A month with `من عام` + year is one date (`تشرين الأول من عام 2015`); era markers stay
//! inside (`1445 هـ`, `عام 833 م`, `عام 1900 ق.م`, `قبل الميلاد`), and with one a year may
//! have fewer than four digits; a range of years is one date (`2013-2014`, `830-846`:
//! three-digit years when the second is later by at most 100); a century with its
//! ordinal or number is a date with a boundary word before it and an era adjective
//! after it (`نهاية القرن الثامن`, `القرن السادس الميلادي`), as a decade with its
//! boundary word (`منتصف السبعينيات`).
//!
//! Also one date each (rules 7 and 8: the ordinal and the date's own nouns inside, a
//! leading preposition outside): an ordinal day in words with `من` and the month
//! (`الثالث من تشرين الثاني`, `الثاني عشر من …`, `الثامن والعشرين من …`); a daypart noun
//! before a day (`صباح يوم الأحد`, `مساء أمس`, `صباح اليوم`, as dev-gold `هذا الصباح`);
//! `بالأمس` → `الأمس`; a comma between a day-month and its year (`25 آذار, 1927`); the
//! year of a month named relatively (`24 تشرين الأول من العام الماضي`); a plural period
//! with its number word and qualifier (`السنوات الست الماضية`, as `اليومين الماضيين`;
//! `السنوات الماضية` alone stays vague, rule 9).
//!
//! Numeric dates are one date with their value ([`numeric_date`]): day/month/year with
//! `/`, `-` or `.` (`1/3/2020`, `13-11-2020`, `13.11.2020`) and year/month/day
//! (`2020/03/03`), the same separator twice and no spaces.

use super::doc::{Candidate, Doc};
use super::tokenize::TokenKind;
use super::vocab::{self, Bits};
use super::words::date::{
    DAYPART_NOUNS, ERA_ADJECTIVES, ERA_MARKERS, ORDINAL_UNITS, month_name_at,
};
use super::words::number::{NUMBER_WORDS, TENS, number_phrase};
use crate::model::label::Label;

/// Whether `w` (normalized) is the unit of an ordinal day in words: one of
/// [`ORDINAL_UNITS`], or `الحادي` of the compounds `الحادي عشر`, `الحادي والعشرين`.
fn day_ordinal_unit(w: &str) -> bool {
    w == "الحادي" || ORDINAL_UNITS.contains(&w)
}

/// The token after a year at `end - 1`: past an era marker if one follows on the same
/// line: `1445 هـ`, `833 م`, `1900 ق.م` (قبل الميلاد, "before Christ", abbreviated; also
/// written `ق م`) or `قبل الميلاد` in full (guideline: era markers stay inside a DATE).
fn past_era(doc: &Doc, end: usize) -> usize {
    if !doc.is_arabic(end) || !doc.same_line(end) {
        return end;
    }
    let t = doc.text(end);
    if ERA_MARKERS.contains(&t) {
        return end + 1;
    }
    if t == "ق" {
        if doc.is_punct(end + 1, '.') && doc.text_or_empty(end + 2) == "م" && doc.same_line(end + 2)
        {
            return end + 3;
        }
        if doc.text_or_empty(end + 1) == "م" && doc.same_line(end + 1) {
            return end + 2;
        }
    }
    if t == "قبل" && doc.text_or_empty(end + 1) == "الميلاد" && doc.same_line(end + 1) {
        return end + 2;
    }
    end
}

/// Whether the number at `i` is a year written with fewer than four digits (`عام 833 م`,
/// `700 ق.م`): a plain number from 1 to 999 on the same line.
fn is_short_year(doc: &Doc, i: usize) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Number && doc.same_line(i))
        && doc
            .text(i)
            .parse::<u32>()
            .is_ok_and(|y| (1..=999).contains(&y))
}

/// A century ordinal starting at `i` (`الثامن`, `التاسع عشر`, `الحادي والعشرين`,
/// `العشرين`) or a century number (`القرن 19`): the token after it.
fn century_ordinal(doc: &Doc, i: usize) -> Option<usize> {
    if !doc.same_line(i) {
        return None;
    }
    if doc.tokens.get(i)?.kind == TokenKind::Number {
        return doc
            .text(i)
            .parse::<u32>()
            .is_ok_and(|c| (1..=21).contains(&c))
            .then_some(i + 1);
    }
    let t = doc.text(i);
    if t == "العشرين" {
        return Some(i + 1);
    }
    if t == "الحادي" && doc.text_or_empty(i + 1) == "والعشرين" {
        return Some(i + 2);
    }
    if word_in(doc, i, vocab::ORDINAL) == Some(0) || t == "الحادي" {
        if doc.text_or_empty(i + 1) == "عشر" && doc.same_line(i + 1) {
            return Some(i + 2);
        }
        return (t != "الاخير" && t != "الحادي").then_some(i + 1);
    }
    None
}

/// The token after an era qualifier of a century at `end` (`الميلادي`, `قبل الميلاد`,
/// `ق.م`), or `end` if none follows.
fn past_century_era(doc: &Doc, end: usize) -> usize {
    if doc.is_arabic(end) && doc.same_line(end) && ERA_ADJECTIVES.contains(&doc.text(end)) {
        return end + 1;
    }
    past_era(doc, end)
}

/// The first token of a date whose core starts at `i`: `i - 1` when a boundary word
/// (`نهاية`, `منتصف`, `أوائل`) stands before it on the same line, with its proclitic
/// length (`في نهاية القرن الثامن` → `نهاية القرن الثامن`).
fn with_prefix(doc: &Doc, i: usize, skip: usize) -> (usize, usize) {
    if i > 0
        && doc.same_line(i)
        && skip == 0
        && let Some(s) = word_in(doc, i - 1, vocab::MONTH_PREFIX)
    {
        return (i - 1, s);
    }
    (i, skip)
}

/// The Arabic word at `i` in its unsegmented or proclitic-stripped reading (not `لل`),
/// if it is a word of the list of `bit`; returns the proclitic length.
fn word_in(doc: &Doc, i: usize, bit: Bits) -> Option<usize> {
    doc.reading_with(i, bit)
}

fn is_year(doc: &Doc, i: usize) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Number && doc.same_line(i))
        && doc.text(i).len() == 4
        && doc
            .text(i)
            .parse::<u32>()
            .is_ok_and(|y| (1000..=2200).contains(&y))
}

fn is_day(doc: &Doc, i: usize) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Number)
        && doc
            .text(i)
            .parse::<u32>()
            .is_ok_and(|d| (1..=31).contains(&d))
}

/// A month name at `i` (after an optional proclitic): `(skip, end_token, ambiguous)`.
fn month_at(doc: &Doc, i: usize) -> Option<(usize, usize, bool)> {
    month_name_at(doc, i).map(|(s, e, t)| (s, e, t.ambiguous))
}

/// Like [`word_in`] for a token that continues a phrase (same line as the previous one).
fn next_in(doc: &Doc, i: usize, bit: Bits) -> Option<usize> {
    if doc.same_line(i) {
        word_in(doc, i, bit)
    } else {
        None
    }
}

/// The first token of an ordinal day written in words that ends right before token
/// `m` (`الثالث`, `الثاني عشر`, `الثامن والعشرين`, `العشرين`, `الثلاثين`), on the same
/// line: the day of a date `<day> من <month>` (`الثالث من تشرين الثاني`).
fn ordinal_day_before(doc: &Doc, m: usize) -> Option<usize> {
    if m == 0 || !doc.is_arabic(m - 1) || !doc.same_line(m - 1) {
        return None;
    }
    let unit = |k: usize| doc.is_arabic(k) && day_ordinal_unit(doc.text(k));
    let last = doc.text(m - 1);
    let tens = matches!(last, "والعشرين" | "والثلاثين");
    if (tens || last == "عشر") && m >= 2 && doc.same_line(m - 2) && unit(m - 2) {
        // الحادي عشر … التاسع عشر; الحادي والعشرين … الحادي والثلاثين
        return (doc.text(m - 2) != "الاول" && doc.text(m - 2) != "العاشر").then_some(m - 2);
    }
    (matches!(last, "العشرين" | "الثلاثين") || (unit(m - 1) && last != "الحادي")).then_some(m - 1)
}

/// A daypart noun ([`DAYPART_NOUNS`]) right before token `i` on the same line, with its
/// proclitic length: `(first, skip)` of the date it starts.
fn daypart_before(doc: &Doc, i: usize) -> Option<(usize, usize)> {
    if i == 0 || !doc.same_line(i) || !doc.is_arabic(i - 1) {
        return None;
    }
    let w = doc.text(i - 1);
    if DAYPART_NOUNS.contains(&w) {
        return Some((i - 1, 0));
    }
    let r = w.strip_prefix(['و', 'ف'])?;
    DAYPART_NOUNS.contains(&r).then_some((i - 1, 1))
}

/// Moves the start of a date at `(first, skip)` back over a daypart noun before it.
fn with_daypart(doc: &Doc, first: usize, skip: usize) -> (usize, usize) {
    if skip == 0 {
        daypart_before(doc, first).unwrap_or((first, skip))
    } else {
        (first, skip)
    }
}

/// A calendar date around a month name starting at token `i`: `(first, skip, end)`.
fn calendar_date(doc: &Doc, i: usize) -> Option<(usize, usize, usize)> {
    let mut first = i;
    let mut skip = 0;
    let mut j = i;
    let mut context = false;
    if let Some(s) = word_in(doc, j, vocab::MONTH_PREFIX) {
        skip = s;
        j += 1;
        context = true;
    }
    if let Some(s) = next_in(doc, j, vocab::MONTH_WORD) {
        if j == first {
            skip = s;
        }
        j += 1;
        context = true;
    }
    if is_day(doc, j) && j == first {
        j += 1;
        context = true;
    }
    let (mskip, mut end, ambiguous) = month_at(doc, j)?;
    if j > first && !doc.same_line(j) {
        // the day or month word before is on another line
        return None;
    }
    if j == first {
        skip = mskip;
    } else if mskip > 0 {
        return None;
    }
    // dual name: حزيران/ يونيو
    if doc.is_punct(end, '/')
        && let Some((0, e2, _)) = month_at(doc, end + 1)
    {
        end = e2;
        context = true;
    }
    // two months: شهري نيسان وحزيران
    if let Some((1, e2, _)) = month_at(doc, end)
        && doc.text(end).starts_with('و')
    {
        end = e2;
    }
    // تشرين الأول من عام 2015: the year of the month, one date
    if doc.text_or_empty(end) == "من"
        && doc.same_line(end)
        && next_in(doc, end + 1, vocab::YEAR_WORD) == Some(0)
        && is_year(doc, end + 2)
    {
        end = past_era(doc, end + 3);
        context = true;
    } else if doc.text_or_empty(end) == "من"
        && doc.same_line(end)
        && next_in(doc, end + 1, vocab::PERIOD) == Some(0)
        && doc.text(end + 1) == "العام"
        && next_in(doc, end + 2, vocab::QUALIFIER) == Some(0)
    {
        // 24 تشرين الأول من العام الماضي: the year of the month named relatively
        end += 3;
        context = true;
    } else if is_year(doc, end) {
        end = past_era(doc, end + 1);
        context = true;
    } else if j > first
        && is_day(doc, first)
        && doc.same_line(end)
        && (doc.is_punct(end, ',') || doc.is_punct(end, '،'))
        && is_year(doc, end + 1)
    {
        // 25 آذار, 1927: a day and month, a comma, the year (as in English "March 25, 1927")
        end = past_era(doc, end + 2);
        context = true;
    } else if let Some(0) = next_in(doc, end, vocab::QUALIFIER) {
        end += 1;
        context = true;
    }
    if ambiguous && !context {
        return None;
    }
    // a weekday right before the day: الاثنين 28 حزيران; and the day noun before it, with
    // a part of the day, as a weekday alone takes them (يوم السبت 12 مايو, صباح يوم الأحد
    // 3 مارس; found by a break-it test: يوم was left out)
    if first == i
        && i > 0
        && is_day(doc, i)
        && doc.same_line(i)
        && word_in(doc, i - 1, vocab::WEEKDAY).is_some()
    {
        first = i - 1;
        skip = word_in(doc, i - 1, vocab::WEEKDAY).unwrap_or(0);
        if skip == 0
            && first > 0
            && doc.same_line(first)
            && let Some(s) = word_in(doc, first - 1, vocab::DAY_WORD)
        {
            (first, skip) = with_daypart(doc, first - 1, s);
        }
    }
    // an ordinal day in words, `من`, the month: الثالث من تشرين الثاني (the ordinal stays
    // inside, guideline rule 8)
    if first == i
        && mskip == 0
        && i >= 2
        && doc.text(i - 1) == "من"
        && doc.same_line(i)
        && let Some(d) = ordinal_day_before(doc, i - 1)
    {
        first = d;
        skip = 0;
    }
    Some((first, skip, end))
}

/// Whether numbers `i` - `i + 2` form a range of years of fewer than four digits
/// (`830-846`): both from 100 to 999, the second later by at most 100.
fn short_year_range(doc: &Doc, i: usize) -> bool {
    let num = |k: usize| {
        doc.tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Number)
            .and_then(|_| doc.text(k).parse::<u32>().ok())
    };
    matches!((num(i), num(i + 2)), (Some(a), Some(b)) if (100..=999).contains(&a) && a < b && b - a <= 100 && b <= 999)
}

/// The lists whose words may start a date (every Arabic first word tested below).
const STARTS_DATE: Bits = vocab::MONTH_PREFIX
    | vocab::MONTH_WORD
    | vocab::MONTH_FIRST
    | vocab::YEAR_WORD
    | vocab::RELATIVE_DAY
    | vocab::DAY_WORD
    | vocab::WEEKDAY
    | vocab::DEMONSTRATIVE
    | vocab::PERIOD
    | vocab::DECADE
    | vocab::SINCE_WORD;

/// A numeric date starting at token `i`: its end token and its `(year, month, day)`.
///
/// Forms: `D/M/YYYY` and `YYYY/M/D` as five tokens with the same separator (`/` or `-`)
/// twice and no spaces, and `D.M.YYYY` (one number token). The day and month have one or
/// two digits and the year four. Arabic usage writes the day first (`1/3/2020` is 1
/// March 2020); a second field above 12 can only be a day, so `3/13/2020` is read as
/// month/day. `None` for impossible values (month 0 or above 12, day 0 or above the
/// month's length) and for a number followed by more of the same pattern
/// (`1/2/2020/5`), which is not a date.
#[must_use]
pub(crate) fn numeric_date(doc: &Doc, i: usize) -> Option<(usize, (u16, u8, u8))> {
    let number = |k: usize| {
        doc.tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Number)
            .map(|_| doc.text(k))
    };
    let first = number(i)?;
    let (fields, end): ([&str; 3], usize) = if first.matches('.').count() == 2 {
        let mut it = first.split('.');
        ([it.next()?, it.next()?, it.next()?], i + 1)
    } else {
        let sep = ['/', '-'].into_iter().find(|&c| doc.is_punct(i + 1, c))?;
        let tight = (i + 1..i + 5).all(|k| {
            doc.tokens
                .get(k)
                .is_some_and(|t| !t.space_before && !t.newline_before)
        });
        if !tight || !doc.is_punct(i + 3, sep) {
            return None;
        }
        ([first, number(i + 2)?, number(i + 4)?], i + 5)
    };
    // `1/2/2020/5` or `1/2/2020.` followed by digits: part of something longer (digits on
    // the next line are not; found by fuzzing a text cut into pieces)
    if doc.tokens.get(end).is_some_and(|t| !t.space_before)
        && (doc.is_punct(end, '/') || doc.is_punct(end, '-'))
        && number(end + 1).is_some()
        && doc.same_line(end + 1)
    {
        return None;
    }
    if fields
        .iter()
        .any(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let lens = fields.map(str::len);
    let num = |f: &str| f.parse::<u16>().ok();
    let (y, a, b) = match lens {
        [1 | 2, 1 | 2, 4] => (num(fields[2])?, num(fields[1])?, num(fields[0])?),
        [4, 1 | 2, 1 | 2] => (num(fields[0])?, num(fields[1])?, num(fields[2])?),
        _ => return None,
    };
    // (year, month, day): the month is `a` unless only `b` can be one
    let (month, day) = if a > 12 && b <= 12 { (b, a) } else { (a, b) };
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    (day >= 1 && day <= days).then_some((end, (y, month as u8, day as u8)))
}

/// Finds DATE candidates.
pub fn recognize(doc: &Doc, out: &mut Vec<Candidate>) {
    let n = doc.tokens.len();
    let mut push = |first: usize, skip: usize, end: usize, rank: u8| {
        out.push(Candidate::from_tokens(
            doc,
            first,
            skip,
            end,
            Label::Date,
            rank,
        ));
    };
    for i in 0..n {
        let tok = doc.tokens[i];
        // an Arabic word that is in none of the date lists starts no date
        if tok.kind == TokenKind::Arabic && doc.any_bits(i) & STARTS_DATE == 0 {
            continue;
        }
        if let Some((first, skip, end)) = calendar_date(doc, i) {
            push(first, skip, end, 3);
            continue;
        }
        if tok.kind == TokenKind::Number {
            if let Some((end, _)) = numeric_date(doc, i) {
                push(i, 0, end, 3);
                continue;
            }
            let t = doc.text(i);
            // clock time: 16:20, 10:00 صباحاً
            if t.contains(':') {
                let mut first = i;
                if i > 0 && word_in(doc, i - 1, vocab::HOUR_WORD).is_some() && doc.same_line(i) {
                    first = i - 1;
                }
                let mut end = i + 1;
                if next_in(doc, end, vocab::DAYPART) == Some(0) {
                    end += 1;
                }
                let skip = if first < i {
                    word_in(doc, first, vocab::HOUR_WORD).unwrap_or(0)
                } else {
                    0
                };
                push(first, skip, end, 3);
                continue;
            }
            // year ranges: 2013-2014, 830-846 (three-digit years only when the second is
            // later and within a lifetime or reign, 100 years)
            if (doc.is_punct(i + 1, '-') || doc.is_punct(i + 1, '–'))
                && !doc.tokens[i + 1].space_before
                && doc.same_line(i + 2)
                && (is_year(doc, i) && is_year(doc, i + 2) || short_year_range(doc, i))
            {
                push(i, 0, past_era(doc, i + 3), 3);
                continue;
            }
            // a short year with an era marker: 700 ق.م
            if is_short_year(doc, i) && past_era(doc, i + 1) > i + 1 && doc.text(i + 1) != "م" {
                push(i, 0, past_era(doc, i + 1), 2);
                continue;
            }
            if is_year(doc, i) {
                let end = past_era(doc, i + 1);
                // `1445 هـ` is a date anywhere; `م` after a number may be metres
                if end > i + 1 && doc.text(i + 1) == "ه"
                    || i > 0
                        && word_in(doc, i - 1, vocab::YEAR_PREPOSITION).is_some()
                        && doc.same_line(i)
                {
                    push(i, 0, end, 2);
                }
            }
            continue;
        }
        if tok.kind != TokenKind::Arabic {
            continue;
        }
        // عام 2004, عامي 2004 و2006, سنة 2010; عام 833 م, عام 700 ق.م
        if let Some(s) = word_in(doc, i, vocab::YEAR_WORD)
            && is_short_year(doc, i + 1)
            && past_era(doc, i + 2) > i + 2
        {
            push(i, s, past_era(doc, i + 2), 3);
            continue;
        }
        if let Some(s) = word_in(doc, i, vocab::YEAR_WORD)
            && is_year(doc, i + 1)
        {
            let mut end = i + 2;
            if doc.text_or_empty(end) == "و"
                && !doc.tokens[end + 1].space_before
                && is_year(doc, end + 1)
            {
                end += 2;
            }
            push(i, s, past_era(doc, end), 3);
            continue;
        }
        // أمس, البارحة, أمس الاثنين
        if let Some(s) = word_in(doc, i, vocab::RELATIVE_DAY) {
            let weekday = next_in(doc, i + 1, vocab::WEEKDAY) == Some(0);
            let (first, skip) = with_daypart(doc, i, s);
            push(first, skip, if weekday { i + 2 } else { i + 1 }, 2);
            continue;
        }
        // weekdays: يوم الإثنين, اليوم الاثنين, الخميس الماضي
        if let Some(s) = word_in(doc, i, vocab::DAY_WORD)
            && next_in(doc, i + 1, vocab::WEEKDAY) == Some(0)
        {
            let mut end = i + 2;
            if next_in(doc, end, vocab::QUALIFIER) == Some(0) {
                end += 1;
            }
            let (first, skip) = with_daypart(doc, i, s);
            push(first, skip, end, 3);
            continue;
        }
        if let Some(s) = word_in(doc, i, vocab::WEEKDAY) {
            let prev_day = i > 0 && word_in(doc, i - 1, vocab::DAY_WORD).is_some();
            let qualified = next_in(doc, i + 1, vocab::QUALIFIER) == Some(0);
            let (first, skip) = with_daypart(doc, i, s);
            if !prev_day && (doc.text(i) != "الاحد" || qualified || first < i) {
                push(first, skip, if qualified { i + 2 } else { i + 1 }, 2);
            }
            continue;
        }
        // هذا العام, ذات العام, هذا الصباح
        if let Some(s) = word_in(doc, i, vocab::DEMONSTRATIVE)
            && next_in(doc, i + 1, vocab::DEMO_PERIOD) == Some(0)
        {
            push(i, s, i + 2, 3);
            continue;
        }
        // القرن الثامن, نهاية القرن التاسع عشر, القرن السادس الميلادي
        if let Some(s) = word_in(doc, i, vocab::PERIOD)
            && doc.stems(i).any(|x| x.key == "القرن")
            && let Some(end) = century_ordinal(doc, i + 1)
        {
            let (first, skip) = with_prefix(doc, i, s);
            push(first, skip, past_century_era(doc, end), 3);
            continue;
        }
        // العام الماضي, اليومين الماضيين, العقد المقبل; a plural period with its number
        // word: السنوات الخمس الماضية (`السنوات الماضية` alone is vague, rule 9)
        if let Some(s) = word_in(doc, i, vocab::PERIOD) {
            let years = doc.text(i)[s * 2..] == *"السنوات";
            if next_in(doc, i + 1, vocab::QUALIFIER) == Some(0) && !years {
                push(i, s, i + 2, 3);
            } else if doc.same_line(i + 1)
                && doc
                    .text_or_empty(i + 1)
                    .strip_prefix("ال")
                    .is_some_and(|w| NUMBER_WORDS.contains(&w) || TENS.contains(&w))
                && next_in(doc, i + 2, vocab::QUALIFIER) == Some(0)
            {
                push(i, s, i + 3, 3);
            } else if doc.text(i) == "اليوم" || (s > 0 && doc.stems(i).any(|x| x.key == "اليوم"))
            {
                let ord = next_in(doc, i + 1, vocab::ORDINAL) == Some(0);
                // صباح اليوم: a daypart of today is a date with more evidence
                let (first, skip) = with_daypart(doc, i, s);
                let rank = if first < i { 3 } else { 1 };
                push(first, skip, if ord { i + 2 } else { i + 1 }, rank);
            }
            continue;
        }
        if let Some(s) = word_in(doc, i, vocab::DECADE) {
            let (first, skip) = with_prefix(doc, i, s);
            push(first, skip, i + 1, 3);
            continue;
        }
        // منذ عامين, منذ نحو 20 عاماً
        if word_in(doc, i, vocab::SINCE_WORD).is_some() {
            let mut j = i + 1;
            if next_in(doc, j, vocab::APPROXIMATOR).is_some() {
                j += 1;
            }
            if let Some((skip, end, true)) = number_phrase(doc, j)
                && doc.same_line(j)
            {
                push(j, skip, end, 3);
            }
        }
    }
}

#[cfg(test)]
mod tests;
