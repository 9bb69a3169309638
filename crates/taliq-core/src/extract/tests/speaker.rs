//! The speakers of QUOTE mentions ([`crate::extract::speaker`]), through the whole
//! pipeline (moved from `speaker.rs`).

use crate::extract::testutil::extract_marked;

/// The canonical name of the speaker of each marked QUOTE (`-` when none).
fn speakers(marked: &str) -> Vec<String> {
    let (ms, at) = extract_marked(marked);
    at.iter()
        .filter(|&&k| ms[k].label == crate::model::label::Label::Quote)
        .map(|&k| {
            ms[k]
                .speaker
                .map_or("-".into(), |s| ms[s].canonical.clone())
        })
        .collect()
}

/// Found by fuzzing (a text cut into pieces): the subject of a reporting verb is on
/// the verb's line.
#[test]
fn the_subject_is_on_the_verb_line() {
    assert_eq!(
        speakers("«[الوضع صعب جداً في المنطقة]{QUOTE}»، قال\nفلاديمير بوتين أمس."),
        ["-"]
    );
}

#[test]
fn verb_then_subject_before_the_quote() {
    assert_eq!(
        speakers("وقال الرئيس الروسي فلاديمير بوتين إن «[الوضع صعب جداً في المنطقة]{QUOTE}»."),
        ["فلاديمير بوتين"]
    );
    assert_eq!(
        speakers("شدّد بوتين أن \"[هذا الاتفاق متعدد الأطراف، يؤدي]{QUOTE}\"."),
        ["بوتين"]
    );
    assert_eq!(
        speakers("وأفاد الكرملين في بيان: «[الاتصال كان بناءً وعملياً]{QUOTE}»."),
        ["الكرملين"]
    );
    assert_eq!(
        speakers("ونقلت وكالة رويترز عن ترامب قوله: \"[سنلتقي قريباً في أوساكا]{QUOTE}\"."),
        ["ترامب"]
    );
}

#[test]
fn objects_of_prepositions_do_not_speak() {
    assert_eq!(
        speakers(
            "شرح جون دي دومينيكو الذي يمثل الشخصية قائلاً لمجلة سليت: \"[عندما ألعب دوره أشعر بالقوة]{QUOTE}\"."
        ),
        ["جون دي دومينيكو"]
    );
    assert_eq!(
        speakers(
            "علقت إحدى مشتركات الإنترنت من شركة ساسكتل قائلةً: \"[هذا مذهل حقاً يا جماعة]{QUOTE}\"."
        ),
        ["-"]
    );
}

#[test]
fn colon_after_the_quote_and_anaphora() {
    assert_eq!(
        speakers("ترامب: \"[لدينا علاقة جيدة جداً معه]{QUOTE}\"."),
        ["ترامب"]
    );
    // found by fuzzing a text cut into pieces: a preposition ending the line before
    // does not govern the name before the colon
    assert_eq!(
        speakers("وتحدث مصدر مقرب من\nترامب: \"[لدينا علاقة جيدة جداً معه]{QUOTE}\"."),
        ["ترامب"]
    );
    assert_eq!(
        speakers("«[سنواصل العمل معاً في كل الملفات]{QUOTE}»، قال بوتين للصحافيين."),
        ["بوتين"]
    );
    assert_eq!(
        speakers("التقى بوتين الصحافيين في موسكو. وأضاف: «[لا نريد أي تصعيد في المنطقة]{QUOTE}»."),
        ["بوتين"]
    );
    assert_eq!(
        speakers("الطقس جميل. وقال أحدهم: «[لا أحد يعرف ما سيحدث غداً]{QUOTE}»."),
        ["-"]
    );
    assert_eq!(
        speakers(
            "أبلغ ترامب بوتين بفكرة القمة. وأشار الجانبان إلى \"[أهمية تفعيل الحوار الروسي الأميركي]{QUOTE}\"."
        ),
        ["-"]
    );
    assert_eq!(
        speakers(
            "أبلغ ترامب بوتين بفكرة القمة. وأضاف أن \"[أهمية تفعيل الحوار الروسي الأميركي]{QUOTE}\"."
        ),
        ["بوتين"]
    );
}
