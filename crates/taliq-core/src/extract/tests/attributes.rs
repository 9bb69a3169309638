//! The role and nationality of PERSON mentions ([`crate::extract::attributes`]), through
//! the whole pipeline (moved from `attributes.rs`).

use crate::extract::testutil::extract_marked;

/// The role and nationality of each marked mention.
fn attrs(marked: &str) -> Vec<(Option<String>, Option<String>)> {
    let (ms, at) = extract_marked(marked);
    at.iter()
        .map(|&k| {
            let a = ms[k].attributes.clone().unwrap_or_default();
            (a.role, a.nationality)
        })
        .collect()
}

fn some(r: &str, n: &str) -> (Option<String>, Option<String>) {
    (
        (!r.is_empty()).then(|| r.to_string()),
        (!n.is_empty()).then(|| n.to_string()),
    )
}

#[test]
fn title_and_nationality_before_the_name() {
    assert_eq!(
        attrs("بحث الرئيس الروسي [فلاديمير بوتين]{PERSON} الوضع"),
        [some("الرئيس", "روسيا")]
    );
    assert_eq!(
        attrs("والتقى وزير الخارجية الروسي [سيرغي لافروف]{PERSON} أمس"),
        [some("وزير الخارجية", "روسيا")]
    );
    assert_eq!(
        attrs("وقال المتحدث باسم الكرملين [ديمتري بيسكوف]{PERSON} إن"),
        [some("المتحدث باسم الكرملين", "")]
    );
    assert_eq!(
        attrs("التقى الرئيس [ترامب]{PERSON} نائب الرئيس الأميركي [مايك بنس]{PERSON}"),
        [some("الرئيس", ""), some("نائب الرئيس", "الولايات المتحدة")]
    );
    assert_eq!(attrs("قال [بوتين]{PERSON} إن"), [some("", "")]);
    assert_eq!(attrs("ظهرت زوجة [ترامب]{PERSON} أمس"), [some("", "")]);
}

#[test]
fn counterparts_and_coordinated_names_take_the_role_before() {
    assert_eq!(
        attrs(
            "بحث الرئيس الروسي [فلاديمير بوتين]{PERSON}، ونظيره الأميركي [دونالد ترامب]{PERSON}، الوضع"
        ),
        [some("الرئيس", "روسيا"), some("الرئيس", "الولايات المتحدة")]
    );
    assert_eq!(
        attrs("الرئيسان الأميركي [دونالد ترامب]{PERSON} والروسي [فلاديمير بوتين]{PERSON} يؤكدان"),
        [some("الرئيس", "الولايات المتحدة"), some("الرئيس", "روسيا")]
    );
    assert_eq!(
        attrs("خلال إدارتي الرئيسين [واشنطن]{PERSON} و[لينكولن]{PERSON}، لكن"),
        [some("الرئيس", ""), some("الرئيس", "")]
    );
}
