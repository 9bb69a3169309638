use crate::extract::testutil::assert_recognizes;

/// Found by fuzzing (a text cut into pieces): a day, a weekday or a comma on another
/// line is not part of the date.
#[test]
fn a_date_stays_on_its_line() {
    assert_recognizes(super::recognize, "وصل في 1\n\n[كانون الأول الماضي]");
    assert_recognizes(super::recognize, "[يوم الاثنين]\n[28 حزيران]");
    assert_recognizes(super::recognize, "في [1 كانون الأول].");
}

/// Numeric dates: one DATE with its value; day first, as Arabic text writes them.
#[test]
fn numeric_dates_are_one_date() {
    assert_recognizes(super::recognize, "وصل الوفد في [1/3/2020] ثم غادر.");
    assert_recognizes(
        super::recognize,
        "صدر القرار بتاريخ [2020/03/03] وفي [13-11-2021].",
    );
    assert_recognizes(super::recognize, "وُقّع في [13.11.2020] بالرياض.");
    // not dates: a score, a fraction, an impossible day, a longer code
    assert_recognizes(super::recognize, "فاز الفريق 3-1 في المباراة");
    assert_recognizes(super::recognize, "بلغ 31/2/2020 و1/2/2020/5 رقماً");
    // found by fuzzing: a year range is on one line
    assert_recognizes(super::recognize, "بين 643-\n666 حالة");
    // found by fuzzing: digits on the next line do not make a date part of a code
    assert_recognizes(super::recognize, "في [3-4-2011]-\n2396 حالة");
    let doc = super::Doc::new("في 1/3/2020 و3/13/2021 و29/2/2024");
    let got: Vec<_> = [1, 7, 13]
        .iter()
        .map(|&i| super::numeric_date(&doc, i).map(|(_, v)| v))
        .collect();
    assert_eq!(
        got,
        [Some((2020, 3, 1)), Some((2021, 3, 13)), Some((2024, 2, 29))]
    );
}

#[test]
fn calendar_dates() {
    assert_recognizes(
        super::recognize,
        "قمة أوساكا في [28 حزيران/ يونيو 2019] (أ ف ب)",
    );
    assert_recognizes(super::recognize, "أعلن في [أيار/ مايو الماضي] أن");
    assert_recognizes(super::recognize, "في [أوائل شهر تشرين الأول], استخدم");
    assert_recognizes(super::recognize, "ما بين [شهري نيسان وحزيران].");
    assert_recognizes(super::recognize, "هجمات [21 تشرين الأول] والتي");
    assert_recognizes(super::recognize, "صرف من عمله في [تموز].");
    assert_recognizes(super::recognize, "يوم [15 مارس] لكنه مارس الضغط");
}

#[test]
fn weekdays_years_and_relative_dates() {
    assert_recognizes(super::recognize, "أجريا، [اليوم الاثنين]، اتصالاً");
    assert_recognizes(super::recognize, "نشرتها [يوم الإثنين]: و[الخميس الماضي]");
    // the day noun and the part of the day stay with a weekday before a date
    assert_recognizes(
        super::recognize,
        "وقع [يوم السبت 12 مايو 2020] ثم [صباح يوم الأحد 3 مارس] و[الاثنين 4 مارس]",
    );
    assert_recognizes(
        super::recognize,
        "افتتحت [عام 2004]. بين [عامي 2004 و2006] أن",
    );
    assert_recognizes(
        super::recognize,
        "ترتفع [هذا العام] و[الشهر الماضي] و[اليومين الماضيين]",
    );
    assert_recognizes(
        super::recognize,
        "يعود إلى [2013-2014], أي منذ [عامين] ومنذ نحو [20 عاماً]",
    );
    assert_recognizes(
        super::recognize,
        "في وقت سابق خلال السنوات الأخيرة من [السبعينيات]",
    );
}

#[test]
fn year_of_a_month_era_markers_ranges_and_centuries() {
    assert_recognizes(super::recognize, "وصل في [آذار من عام 1999], ثم عاد");
    assert_recognizes(super::recognize, "ولد في [3 شباط من عام 1950] في القرية");
    assert_recognizes(super::recognize, "بنيت المدينة [عام 1200 ق.م] تقريباً");
    assert_recognizes(super::recognize, "ودمرت [عام 600 ق.م] ثم [عام 1187 م]");
    assert_recognizes(super::recognize, "حكم الملك (ما بين [912-961]) البلاد");
    assert_recognizes(
        super::recognize,
        "بني القصر في [القرن التاسع عشر] وهدم في [القرن 20]",
    );
    assert_recognizes(
        super::recognize,
        "في [بداية القرن السادس الميلادي] و[أواخر الثمانينيات]",
    );
    // a score or a count range is no year range
    assert_recognizes(super::recognize, "فاز الفريق 3-1 وباع 150-400 نسخة");
}

#[test]
fn clock_times() {
    assert_recognizes(
        super::recognize,
        "في [الساعة 16:20] و(من [6:30] إلى [10:00 صباحاً])",
    );
}

#[test]
fn ordinal_days_in_words() {
    assert_recognizes(
        super::recognize,
        "وقع الاتفاق في [الحادي عشر من أيار الماضي]",
    );
    assert_recognizes(super::recognize, "تبدأ الدورة في [الأول من كانون الثاني]");
    assert_recognizes(
        super::recognize,
        "حدث ذلك في [الخامس والعشرين من آذار 2010]",
    );
    // an ordinal without a month is no date
    assert_recognizes(super::recognize, "في الفصل الثالث من الكتاب");
}

#[test]
fn the_day_noun_dayparts_and_relative_years() {
    assert_recognizes(
        super::recognize,
        "وصل [صباح يوم الجمعة] وغادر [مساء الخميس]",
    );
    assert_recognizes(super::recognize, "وقال [مساء أمس] إن الوفد تحدث ب[الأمس]");
    assert_recognizes(super::recognize, "وصلت [صباح اليوم] إلى المدينة");
    assert_recognizes(super::recognize, "ولد في [3 تموز, 1950] في القرية");
    assert_recognizes(super::recognize, "منذ [5 آب من العام الماضي]");
    assert_recognizes(
        super::recognize,
        "نما خلال [السنوات الخمس الماضية] وفي السنوات الماضية",
    );
}
