//! NUMBER recognizer: cardinals, money, percentages and quantities with their unit.
//!
//! Rules from the guidelines (rules 8–10): a number includes its scale word (مليون),
//! unit or currency (`5000 دولار`, `103,7 مليون دولار أمريكي`, `20 بالمئة`, `10 أسابيع`)
//! but not the counted noun (`330 فرداً` → `330`) nor an approximator (`نحو`,
//! `أكثر من`). Digits may use `,` `.` and Arabic separators; Arabic-Indic digits are
//! folded by normalization. Number words (`ثمانية`, `خمسون`, `مئات`) and dual time or
//! measure nouns (`عامين`, `درجتين مئويتين`) are numbers too, as are teens
//! (`خمس عشرة`, `ثلاثة عشر`) and dual scale words before a currency (`ملياري جنيه`). An article written on the
//! digits stays inside (`الـ84`, `ال3%`).

use super::doc::{Candidate, Doc};
use super::tokenize::TokenKind;
use super::words::number::{TENS, number_phrase};
use crate::model::label::Label;

/// Whether the number at `i` is the tens part of an ordinal (guideline 9: ordinals outside
/// dates are not annotated): `عشر`/`عشرة` or a tens word with the article after a definite
/// ordinal unit, masculine or feminine, on the same line (`المركز الحادي عشر`,
/// `للمرة الخامسة عشرة`, `الذكرى الحادية والعشرين`).
fn ordinal_tens(doc: &Doc, i: usize) -> bool {
    if i == 0 || !doc.same_line(i) || !doc.is_arabic(i) || !doc.is_arabic(i - 1) {
        return false;
    }
    let w = doc.text(i);
    let tens = matches!(w, "عشر" | "عشره")
        || w.strip_prefix('و')
            .and_then(|r| r.strip_prefix("ال"))
            .is_some_and(|r| TENS.contains(&r));
    let unit = doc.text(i - 1);
    let unit = unit.strip_suffix('ه').unwrap_or(unit);
    tens && (unit == "الحادي" || super::words::date::ORDINAL_UNITS.contains(&unit))
}

/// Whether number token `i` has a minus sign (`-` or U+2212) written right before it,
/// itself after a space, an opening parenthesis or the start of the line, so that it is
/// no hyphen of a range (`2013-2014`) or a compound (`ص-5`).
fn negative_sign(doc: &Doc, i: usize) -> bool {
    if i == 0
        || doc.tokens[i].kind != TokenKind::Number
        || doc.tokens[i].space_before
        || !(doc.is_punct(i - 1, '-') || doc.is_punct(i - 1, '\u{2212}'))
    {
        return false;
    }
    i == 1 || doc.tokens[i - 1].space_before || !doc.same_line(i - 1) || doc.is_punct(i - 2, '(')
}

/// Finds NUMBER candidates.
pub fn recognize(doc: &Doc, out: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < doc.tokens.len() {
        let Some((skip, end, _)) = number_phrase(doc, i) else {
            i += 1;
            continue;
        };
        if ordinal_tens(doc, i) {
            i = end;
            continue;
        }
        // the article written on digits stays inside: الـ84, ال3%
        let mut first = i;
        if doc.tokens[i].kind == TokenKind::Number
            && i > 0
            && !doc.tokens[i].space_before
            && doc.text(i - 1) == "ال"
        {
            first = i - 1;
        }
        // a minus sign written on the digits belongs to the value: إلى -5 درجات
        if negative_sign(doc, i) {
            first = i - 1;
        }
        out.push(Candidate::from_tokens(
            doc,
            first,
            skip,
            end,
            Label::Number,
            2,
        ));
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::testutil::assert_recognizes;

    #[test]
    fn digits_with_units_and_scales() {
        assert_recognizes(super::recognize, "الحد الأقصى هو [5000 دولار].");
        assert_recognizes(super::recognize, "تكلف [103,7 مليون دولار أمريكي] لبناء");
        assert_recognizes(super::recognize, "أكثر من [6000] موظف و[330] فرداً");
        assert_recognizes(super::recognize, "بنسبة [6%] و[20 بالمئة] و[٢٥ في المئة]");
        assert_recognizes(super::recognize, "نسبة [ال3%] وكانت في [الـ84] من عمرها");
        // a minus sign is part of the value; a hyphen between numbers is not
        assert_recognizes(
            super::recognize,
            "انخفضت إلى [-5 درجات مئوية] و([−3]) ثم [10]-[15]",
        );
        // found by fuzzing: a percent sign on the next line is not the number's
        assert_recognizes(super::recognize, "بلغت [٧]\n\n%% من");
        assert_recognizes(
            super::recognize,
            "ما يقدر ب[15000 دولار] و[12000 جنيه إسترليني]",
        );
    }

    /// Guideline 9: ordinals outside dates are not annotated, also not their tens part
    /// (found by a break-it test: `عشرة` of `الخامسة عشرة` was a NUMBER).
    #[test]
    fn tens_of_ordinals_are_no_numbers() {
        assert_recognizes(
            super::recognize,
            "احتل المركز الحادي عشر للمرة الخامسة عشرة في الذكرى الحادية والعشرين مع [عشرة] لاعبين",
        );
    }

    #[test]
    fn number_words_durations_and_duals() {
        assert_recognizes(
            super::recognize,
            "الانتظار هي [ثمانية أسابيع] لمدة [ستة أشهر]",
        );
        assert_recognizes(super::recognize, "تحت [ثلاثة] أكواب وأكثر ب[ثلاث مرات]");
        assert_recognizes(
            super::recognize,
            "بمقدار أقل من [درجتين مئويتين] بين [سنتين] و[ثلاث سنوات]",
        );
        assert_recognizes(super::recognize, "لم تتجاوز [العشرين] من عمرها");
    }

    #[test]
    fn teens_and_dual_amounts() {
        assert_recognizes(super::recognize, "عاش هناك [ثلاث عشرة سنة] ثم رحل");
        assert_recognizes(super::recognize, "ضمت البعثة [أربعة عشر] عالماً");
        assert_recognizes(
            super::recognize,
            "استثمرت الشركة [ملياري دولار] و[مليوني يورو]",
        );
        // without a currency a dual-looking word is no amount
        assert_recognizes(super::recognize, "باع الفريق مليونا من التذاكر");
    }
}
