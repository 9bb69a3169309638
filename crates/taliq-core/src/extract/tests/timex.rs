//! The values of the DATE mentions ([`crate::extract::timex`]), through the whole
//! pipeline (moved from `timex.rs`).

use crate::extract::testutil::extract_marked;

/// The values of the marked DATE mentions.
fn values(marked: &str) -> Vec<String> {
    let (ms, at) = extract_marked(marked);
    at.iter()
        .map(|&k| {
            ms[k].value.as_ref().map_or("-".into(), |v| match &v.hijri {
                Some(h) => format!("{} (hijri {h})", v.value),
                None => v.value.clone(),
            })
        })
        .collect()
}

#[test]
fn absolute_and_partial_dates() {
    assert_eq!(
        values("قمة أوساكا في [28 حزيران/ يونيو 2019]{DATE} (أ ف ب)"),
        ["2019-06-28"]
    );
    assert_eq!(
        values("وصل في [3 جانفي 2020]{DATE} ثم في [أيار/ مايو الماضي]{DATE}"),
        ["2020-01-03", "XXXX-05,past"]
    );
    assert_eq!(
        values("افتتحت [عام 2004]{DATE}. بين [عامي 2004 و2006]{DATE} و[2013-2014]{DATE}"),
        ["2004", "2004|2006", "2013/2014"]
    );
    assert_eq!(
        values("في [أوائل شهر تشرين الأول]{DATE} و[21 تشرين الأول]{DATE}"),
        ["XXXX-10,mod:START", "XXXX-10-21"]
    );
    assert_eq!(values("منذ [حزيران 2019]{DATE}."), ["2019-06"]);
    // ordinal days in words and numeric dates
    assert_eq!(
        values("في [الأول من تشرين الأول/ أكتوبر 2021]{DATE} وفي [الحادي عشر من أيلول 2001]{DATE}"),
        ["2021-10-01", "2001-09-11"]
    );
    assert_eq!(
        values("وفي [الثامن والعشرين من شباط 2019]{DATE} ثم [13/11/2020]{DATE}"),
        ["2019-02-28", "2020-11-13"]
    );
}

#[test]
fn weekdays_relative_dates_and_times() {
    assert_eq!(
        values("أجريا، [اليوم الاثنين]{DATE}، اتصالاً و[الخميس الماضي]{DATE} زار"),
        ["relative:0d,weekday:MON", "weekday:THU,past"]
    );
    assert_eq!(values("وصل [أمس]{DATE} إلى"), ["relative:-1d"]);
    assert_eq!(
        values("ترتفع [هذا العام]{DATE} و[الشهر الماضي]{DATE} و[اليومين الماضيين]{DATE}"),
        ["relative:0y", "relative:-1m", "relative:-2d"]
    );
    assert_eq!(
        values("يعود إلى منذ [عامين]{DATE} ومنذ نحو [20 عاماً]{DATE} و[العقد المقبل]{DATE}"),
        ["relative:-2y", "relative:-20y", "relative:+1dec"]
    );
    assert_eq!(
        values("في [الساعة 16:20]{DATE} و[10:00 مساءً]{DATE} و[هذا الصباح]{DATE}"),
        ["T16:20", "T22:00", "relative:0d,TMO"]
    );
    assert_eq!(
        values("في [عام 2014]{DATE} وفي [ذلك العام]{DATE} من [السبعينيات]{DATE}"),
        ["2014", "2014", "XX7X"]
    );
}

#[test]
fn hijri_dates_in_text_get_their_gregorian_equivalent() {
    assert_eq!(
        values("بدأ الصيام في [15 رمضان 1445 هـ]{DATE} و[رمضان 1445]{DATE} كله"),
        [
            "2024-03-25 (hijri 1445-09-15)",
            "2024-03-11/2024-04-09 (hijri 1445-09)"
        ]
    );
    assert_eq!(
        values("في [1445 هـ]{DATE} و[1 محرم]{DATE}"),
        [
            "2023-07-19/2024-07-06 (hijri 1445)",
            "XXXX-XX-XX (hijri XXXX-01-01)"
        ]
    );
}
