//! QUOTE recognizer (and MISC guesses for short quoted names).
//!
//! Quotation marks `"…"`, `«…»`, `“…”` delimit reported words. Per the guidelines the
//! QUOTE span excludes the marks and is its own layer (rule 13). A quoted segment is a
//! QUOTE when it follows a colon or a reporting verb, or has at least four words; a
//! shorter quoted segment elsewhere is usually a name (rule 4: `قمة "G7"` → `G7`) and is
//! suggested as MISC, which any scored label found by another recognizer overrides.

use super::doc::{Candidate, Doc};
use super::tokenize::TokenKind;
use super::vocab;
use crate::model::label::Label;

/// Whether `c` opens a quotation.
fn opens(c: char) -> bool {
    matches!(c, '"' | '«' | '“')
}

/// The closing mark for an opening mark.
fn closing(c: char) -> char {
    match c {
        '«' => '»',
        '“' => '”',
        _ => '"',
    }
}

/// Whether a reporting verb (or a colon) occurs among the few tokens before `i` on its
/// line, or further back in the same sentence when the quotation follows the
/// complementizer `أن`/`إن` (`قال نتنياهو في بيان إن "…"`, `أكد ماكرون خلال المؤتمر أن
/// "…"`: the quoted words are the reported clause, however short).
fn speech_context(doc: &Doc, i: usize) -> bool {
    if i > 0 && doc.same_line(i) && (doc.is_punct(i - 1, ':') || doc.is_punct(i - 1, '：')) {
        return true;
    }
    let verb_in =
        |from: usize| (from..i).any(|k| doc.reading_with(k, vocab::REPORTING_VERB).is_some());
    // the few tokens before, not across a line break
    let mut near = i;
    while near > i.saturating_sub(4) && doc.same_line(near) {
        near -= 1;
    }
    if verb_in(near) {
        return true;
    }
    let complementizer = i > 0
        && doc.same_line(i)
        && doc.tokens[i].space_before
        && matches!(doc.text(i - 1), "ان" | "بان" | "وان" | "فان");
    if !complementizer {
        return false;
    }
    // back to the start of the sentence, at most 12 tokens
    let floor = super::context::sentence_start(doc, i - 1, 12);
    verb_in(floor)
}

/// Finds QUOTE and MISC candidates.
pub fn recognize(doc: &Doc, out: &mut Vec<Candidate>) {
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let tok = doc.tokens[i];
        let mark = doc.norm.chars[tok.start];
        if tok.kind != TokenKind::Punct || !opens(mark) {
            i += 1;
            continue;
        }
        let close = closing(mark);
        let mut k = i + 1;
        while k < n
            && !(doc.is_punct(k, close) || (close == '"' && doc.is_punct(k, '”')))
            && !doc.tokens[k].newline_before
        {
            k += 1;
        }
        if k >= n || k == i + 1 || doc.tokens[k].newline_before {
            i += 1;
            continue;
        }
        // trim punctuation inside the marks
        let mut first = i + 1;
        let mut last = k;
        while first < last && doc.tokens[first].kind == TokenKind::Punct {
            first += 1;
        }
        while last > first && doc.tokens[last - 1].kind == TokenKind::Punct {
            last -= 1;
        }
        if first < last {
            let words = (first..last)
                .filter(|&x| doc.tokens[x].kind != TokenKind::Punct)
                .count();
            if words >= 4 || speech_context(doc, i) {
                out.push(Candidate::from_tokens(doc, first, 0, last, Label::Quote, 2));
            } else {
                out.push(Candidate::from_tokens(doc, first, 0, last, Label::Misc, 0));
            }
        }
        i = k + 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::testutil::assert_recognizes;

    #[test]
    fn quotes_after_speech_and_short_names() {
        assert_recognizes(super::recognize, "قال ثاقب: \"[طلبنا المساعدة من الدول]\".");
        assert_recognizes(
            super::recognize,
            "شدّد بوتين أن \"[هذا الاتفاق متعدد الأطراف، يؤدي]\".",
        );
        assert_recognizes(super::recognize, "مكافحة كورونا وقمة \"[G7]{MISC}\"");
        assert_recognizes(super::recognize, "وقال «[الوضع صعب جدا]» أمس");
        // a short reported clause after أن/إن, the verb further back in the sentence
        assert_recognizes(
            super::recognize,
            "أكد الوزير خلال المؤتمر الصحفي أن \"[الحدود آمنة]\".",
        );
        assert_recognizes(
            super::recognize,
            "وصل الوفد. وأضاف البيان أن الشركة أطلقت \"[نجمة]{MISC}\" أمس.",
        );
        // found by fuzzing: a reporting verb on the line before does not make a short
        // quotation reported speech
        assert_recognizes(
            super::recognize,
            "كتب\nمن المرجح أن \"[الأحد]{MISC}\" موعده.",
        );
    }
}
