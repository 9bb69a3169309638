use super::*;
use crate::extract::testutil::assert_extracts_by;

/// Asserts that [`extract_with`] finds exactly the marked spans and labels (QUOTE and
/// MISC compared only when the markup has them).
fn assert_extracts_with(lexicon: &ProjectLexicon, marked: &str) {
    assert_extracts_by(marked, |text| extract_with(text, lexicon));
}

/// A span `start..end` (of a text of plain letters).
fn span(start: usize, end: usize) -> crate::model::span::Span {
    let doc = crate::model::document::Document::from_text(&"ب".repeat(64), "t.txt", "UTF-8");
    crate::model::span::Span::new(&doc, start, end).unwrap()
}

fn learned(surface: &str, label: Label) -> ProjectLexicon {
    counted(surface, label, 1, 0)
}

const PUTIN: &str = "قال الرئيس فلاديمير بوتين إن بوتين سيزور الكرملين";

fn lone_putin_suggested(lx: &ProjectLexicon) -> bool {
    extract_with(PUTIN, lx)
        .iter()
        .any(|m| m.label == Label::Person && (m.start, m.end) == (29, 34))
}

/// Issue 13: one R on one mention became a project-wide stop rule.
#[test]
fn one_rejection_means_wrong_here_and_never_blocks_a_name() {
    assert!(lone_putin_suggested(&ProjectLexicon::new()));
    let lx = counted("بوتين", Label::Person, 0, 1);
    assert_eq!(lx.effect_of("بوتين", Label::Person), Effect::Undecided);
    assert!(lone_putin_suggested(&lx));
    // 10 of 11 accepted: learned, not blocked by the last decision
    let lx = counted("بوتين", Label::Person, 10, 1);
    assert_eq!(lx.effect_of("بوتين", Label::Person), Effect::Suggested);
    assert!(lone_putin_suggested(&lx));
}

#[test]
fn a_name_rejected_three_times_and_never_accepted_is_blocked_by_the_balance() {
    for (accepted, rejected, effect) in [
        (0, 2, Effect::Undecided),
        (0, 3, Effect::Blocked),
        (1, 3, Effect::Blocked),
        (2, 5, Effect::Undecided),
        (2, 6, Effect::Blocked),
        (3, 3, Effect::Undecided),
        (4, 3, Effect::Suggested),
    ] {
        let lx = counted("ساسكتل", Label::Organization, accepted, rejected);
        assert_eq!(
            lx.effect_of("ساسكتل", Label::Organization),
            effect,
            "{accepted} accepted, {rejected} rejected"
        );
    }
    let lx = counted("بوتين", Label::Person, 0, 3);
    assert!(!lone_putin_suggested(&lx));
}

#[test]
fn never_suggest_blocks_after_one_decision_and_always_suggests_without_any() {
    let mut lx = ProjectLexicon::new();
    Lesson::Never {
        surface: "بوتين".into(),
        label: Label::Person,
    }
    .apply(&mut lx, Tally::Add);
    assert_eq!(lx.effect_of("بوتين", Label::Person), Effect::Blocked);
    assert!(!lone_putin_suggested(&lx));
    assert_eq!(lx.get("بوتين", Label::Person).unwrap().rejected, 1);
    let mut lx = ProjectLexicon::new();
    lx.set_rule("زرقلوف", Label::Organization, Rule::Always);
    assert_extracts_with(&lx, "قالت [زرقلوف]{ORGANIZATION} إن");
}

/// Issue 13: one manual MISC label on جدا or نعم made it a suggestion everywhere.
#[test]
fn a_manual_label_on_a_common_word_is_held_until_confirmed() {
    for word in ["جدا", "جداً", "نعم", "الحكومة", "في"] {
        assert!(is_common_surface(word), "{word}");
        let mut lx = learned(word, Label::Misc);
        assert_eq!(lx.effect_of(word, Label::Misc), Effect::Held, "{word}");
        assert!(lx.is_empty());
        let text = format!("قال إن الوضع {word} صعب");
        assert!(
            !extract_with(&text, &lx)
                .iter()
                .any(|m| m.label == Label::Misc),
            "{word}"
        );
        lx.set_rule(word, Label::Misc, Rule::Always);
        assert_eq!(lx.effect_of(word, Label::Misc), Effect::Suggested);
    }
    // names, also names made of common words, are not held
    for name in ["ساسكتل", "بوتين", "وزارة الخارجية", "الأمم المتحدة"]
    {
        assert!(!is_common_surface(name), "{name}");
    }
}

/// Issue 13: a learned short name broke the entity grouping of other articles.
#[test]
fn a_learned_short_name_keeps_the_articles_entity_grouping() {
    let sample = crate::SAMPLE_TEXT;
    let plain = crate::extract::extract(sample);
    let lx = learned("بوتين", Label::Person);
    let with = extract_with(sample, &lx);
    let group = |ms: &[Mention]| {
        let mut v: Vec<(usize, usize, String)> = ms
            .iter()
            .filter(|m| m.label == Label::Person)
            .map(|m| (m.start, m.end, m.canonical.clone()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(group(&with), group(&plain));
    assert!(
        with.iter()
            .filter(|m| m.label == Label::Person && m.canonical == "فلاديمير بوتين")
            .count()
            >= 10
    );
    // where the article gives no longer name, the learned canonical name names it
    let mut lx = learned("بوتين", Label::Person);
    lx.set_canonical("بوتين", Label::Person, "فلاديمير بوتين");
    let ms = extract_with("وقال بوتين إن بوتين سيزور موسكو", &lx);
    let people: Vec<&str> = ms
        .iter()
        .filter(|m| m.label == Label::Person)
        .map(|m| m.canonical.as_str())
        .collect();
    assert_eq!(people, ["فلاديمير بوتين", "فلاديمير بوتين"]);
}

#[test]
fn a_person_span_with_a_title_is_learned_without_it() {
    assert_eq!(
        learnable_surface("الرئيس الروسي فلاديمير بوتين", Label::Person),
        Learnable::As("فلاديمير بوتين".into())
    );
    assert_eq!(
        learnable_surface("ونظيره الأميركي دونالد ترامب", Label::Person),
        Learnable::As("دونالد ترامب".into())
    );
    assert_eq!(
        learnable_surface("الرئيس الروسي", Label::Person),
        Learnable::OnlyATitle
    );
    assert_eq!(
        learnable_surface("فلاديمير بوتين", Label::Person),
        Learnable::As("فلاديمير بوتين".into())
    );
    // other labels keep their descriptors (guideline 11 depends on the name)
    assert_eq!(
        learnable_surface("وزارة الدفاع البريطانية", Label::Organization),
        Learnable::As("وزارة الدفاع البريطانية".into())
    );
    assert_eq!(learnable_surface("أمس", Label::Date), Learnable::NotAName);
    // a sentence relabelled as a name is not learned (found by a tester)
    assert_eq!(
        learnable_surface(
            "قال وزير الخارجية إن المحادثات ستستمر في الأسبوع المقبل بين الجانبين",
            Label::Organization
        ),
        Learnable::TooLong
    );
    // and a learned name is then suggested without the title
    let lesson = Lesson::of_annotation(
        &crate::model::annotation::Annotation {
            id: 1,
            span: span(0, 28),
            label: Label::Person,
            origin: crate::model::annotation::Origin::Manual,
            status: crate::model::annotation::Status::Accepted,
            note: String::new(),
            canonical: "الرئيس الروسي فلاديمير بوتين".into(),
            facts: crate::model::annotation::Facts::default(),
        },
        "الرئيس الروسي فلاديمير بوتين",
    )
    .unwrap();
    let mut lx = ProjectLexicon::new();
    lesson.apply(&mut lx, Tally::Add);
    assert_extracts_with(&lx, "وقال الرئيس الروسي [فلاديمير بوتين]{PERSON} إن");
}

#[test]
fn two_windows_counting_in_one_folder_add_up() {
    let base = counted("بوتين", Label::Person, 2, 0);
    // window A (ours) counts one more acceptance of بوتين, learns G7 and stops learning
    let mut ours = base.clone();
    ours.count("بوتين", Label::Person, Some("فلاديمير بوتين"), Tally::Add);
    ours.count("G7", Label::Organization, Some("G7"), Tally::Add);
    ours.set_learning(false);
    // meanwhile window B wrote the file: one rejection of بوتين, learned ترامب
    let mut theirs = base.clone();
    theirs.count("بوتين", Label::Person, None, Tally::Add);
    theirs.count("ترامب", Label::Person, Some("دونالد ترامب"), Tally::Add);
    let m = ProjectLexicon::merged(&base, &ours, &theirs);
    let putin = m.get("بوتين", Label::Person).unwrap();
    assert_eq!((putin.accepted, putin.rejected), (3, 1));
    assert_eq!(putin.canonical, "فلاديمير بوتين");
    assert!(m.get("ترامب", Label::Person).is_some());
    assert!(m.get("G7", Label::Organization).is_some());
    assert!(!m.learning());
    // nothing changed here leaves the file as the other window wrote it
    assert_eq!(ProjectLexicon::merged(&base, &base, &theirs), theirs);
    // forgotten here: what this window counted is taken back, the other window's count
    // stays
    let mut ours = base.clone();
    ours.forget("بوتين", Label::Person);
    let m = ProjectLexicon::merged(&base, &ours, &theirs);
    let putin = m.get("بوتين", Label::Person).unwrap();
    assert_eq!((putin.accepted, putin.rejected), (0, 1));
    assert_eq!(base.changes_to(&ours), 1);
}

#[test]
fn learned_entries_are_extracted_with_proclitics_outside() {
    let plain = "وقالت ساسكتل إن الخدمة عادت، وأكد متحدث باسم ساسكتل ذلك";
    assert!(
        !extract_with(plain, &ProjectLexicon::new())
            .iter()
            .any(|m| m.label == Label::Organization)
    );
    let lx = learned("ساسكتل", Label::Organization);
    assert_extracts_with(
        &lx,
        "وقالت [ساسكتل]{ORGANIZATION} إن الخدمة عادت، وأكد متحدث باسم [ساسكتل]{ORGANIZATION} ذلك",
    );
    assert_extracts_with(&lx, "ونفت و[ساسكتل]{ORGANIZATION} ل[ساسكتل]{ORGANIZATION}");
    // whole tokens only
    assert_extracts_with(&lx, "قالت ساسكتلية إن");
    let m = extract_with("وقالت ساسكتل", &lx);
    assert_eq!(m[0].canonical, "ساسكتل");
    assert_eq!(
        matches_in("ونفت وساسكتل ذلك", &lx),
        vec![(6, 12, Label::Organization)]
    );
}

#[test]
fn normalized_multiword_entries_and_canonical_names() {
    let mut lx = learned("هيئة الإذاعة الكندية", Label::Organization);
    lx.set_canonical("هيئة الإذاعة الكندية", Label::Organization, "سي بي سي");
    // different hamza and ta marbuta spelling, with a proclitic
    let text = "وقالت لهيئه الاذاعة الكندية";
    let m = extract_with(text, &lx);
    let org: Vec<_> = m
        .iter()
        .filter(|m| m.label == Label::Organization)
        .collect();
    assert_eq!(org.len(), 1, "{m:?}");
    assert_eq!((org[0].start, org[0].end), (7, 27));
    assert_eq!(org[0].canonical, "سي بي سي");
}

#[test]
fn lexicon_wins_over_shorter_or_equal_pipeline_spans_only() {
    // the pipeline finds LOCATION روسيا; the entry is as long and wins
    assert_extracts_with(
        &learned("روسيا", Label::Organization),
        "قالت [روسيا]{ORGANIZATION} إن",
    );
    // a longer pipeline name keeps its span
    assert_extracts_with(
        &learned("المتحدة", Label::Misc),
        "وصل إلى [الولايات المتحدة]{LOCATION} [أمس]{DATE}",
    );
    // a longer entry replaces the pipeline span inside it
    assert_extracts_with(
        &learned("معهد بوتين للدراسات", Label::Organization),
        "قال [معهد بوتين للدراسات]{ORGANIZATION} إن",
    );
}

#[test]
fn the_label_of_a_blocked_pair_matters() {
    let mut lx = ProjectLexicon::new();
    lx.set_rule("روسيا", Label::Organization, Rule::Never);
    assert_extracts_with(&lx, "قالت [روسيا]{LOCATION} إن");
    let mut lx = ProjectLexicon::new();
    lx.set_rule("روسيا", Label::Location, Rule::Never);
    assert_extracts_with(&lx, "قالت روسيا إن");
}

fn accepted(surface: &str) -> Lesson {
    Lesson::Accepted {
        surface: surface.to_owned(),
        label: Label::Person,
        canonical: surface.to_owned(),
    }
}

fn rejected(surface: &str) -> Lesson {
    Lesson::Rejected {
        surface: surface.to_owned(),
        label: Label::Person,
    }
}

/// One window's editing session and the lexicon it teaches, driven as the app drives
/// them: a step is applied to the session, its lessons joined to it, and the lexicon
/// recounted from the session after every step, undo and redo.
struct Window {
    session: crate::session::Session,
    taught: TaughtLexicon,
    /// Whether the next lesson opens a step of its own.
    new_step: bool,
}

impl Window {
    fn new(taught: TaughtLexicon) -> Window {
        let doc = crate::model::document::Document::from_text(&"ب".repeat(64), "t.txt", "UTF-8");
        Window {
            session: crate::session::Session::with_annotations(
                doc,
                Vec::new(),
                crate::session::Provenance::Extracted,
            ),
            taught,
            new_step: true,
        }
    }

    /// The next lessons make one undo step (as one decision of the app does).
    fn step(&mut self) {
        self.new_step = true;
    }

    /// Annotation `id` now teaches `lesson`; returns whether the lexicon changed.
    fn teach(&mut self, id: u64, lesson: Option<Lesson>) -> bool {
        let Some(edit) = self.taught.lesson_edit(&mut self.session, id, lesson) else {
            return false;
        };
        if std::mem::take(&mut self.new_step) {
            self.session.apply(edit).unwrap();
        } else {
            self.session.apply_joined(edit).unwrap();
        }
        self.taught.refresh(&self.session)
    }

    fn undo(&mut self) -> bool {
        self.session.undo();
        self.new_step = true;
        self.taught.refresh(&self.session)
    }

    fn redo(&mut self) -> bool {
        self.session.redo();
        self.new_step = true;
        self.taught.refresh(&self.session)
    }

    fn lexicon(&self) -> &ProjectLexicon {
        self.taught.lexicon()
    }
}

fn counts(t: &Window, surface: &str) -> (u32, u32) {
    t.lexicon()
        .get(surface, Label::Person)
        .map_or((0, 0), |i| (i.accepted, i.rejected))
}

#[test]
fn undo_takes_a_decision_back_out_and_redo_counts_it_again() {
    let mut t = Window::new(TaughtLexicon::new(ProjectLexicon::new()));
    t.step();
    assert!(t.teach(1, Some(accepted("كامبل"))));
    assert_eq!(counts(&t, "كامبل"), (1, 0));
    assert!(t.undo());
    assert_eq!(counts(&t, "كامبل"), (0, 0));
    assert!(t.lexicon().is_empty());
    assert!(t.redo());
    assert_eq!(counts(&t, "كامبل"), (1, 0));
    // the same annotation rejected now: the count moves
    t.step();
    assert!(t.teach(1, Some(rejected("كامبل"))));
    assert_eq!(counts(&t, "كامبل"), (0, 1));
    assert!(t.undo());
    assert_eq!(counts(&t, "كامبل"), (1, 0));
    // nothing left to redo after a new step
    t.step();
    t.teach(2, None);
    assert!(!t.session.can_redo());
    assert!(!t.redo());
}

#[test]
fn decisions_of_each_mention_count_once() {
    let mut t = Window::new(TaughtLexicon::new(ProjectLexicon::new()));
    t.step();
    t.teach(1, Some(accepted("ساندرز")));
    t.step();
    t.teach(2, Some(accepted("ساندرز")));
    assert_eq!(counts(&t, "ساندرز"), (2, 0));
    // deciding the same mention the same way again changes nothing
    t.step();
    assert!(!t.teach(2, Some(accepted("ساندرز"))));
    assert_eq!(counts(&t, "ساندرز"), (2, 0));
    // one step deciding several annotations, one of them twice
    t.step();
    t.teach(3, Some(accepted("بيرنز")));
    t.teach(4, Some(accepted("بيرنز")));
    t.teach(3, Some(rejected("بيرنز")));
    assert_eq!(counts(&t, "بيرنز"), (1, 1));
    t.undo();
    assert_eq!(counts(&t, "بيرنز"), (0, 0));
    // going back to pending teaches nothing
    t.step();
    t.teach(1, None);
    assert_eq!(counts(&t, "ساندرز"), (1, 0));
    // one history: undoing the session's step brings the count back with it
    assert!(t.undo());
    assert_eq!(counts(&t, "ساندرز"), (2, 0));
}

#[test]
fn a_decision_of_an_earlier_session_changed_now_moves_its_count() {
    // the file counts 5 acceptances, one of them by annotation 7 of this article
    let base = counted("ساندرز", Label::Person, 5, 0);
    let mut a = crate::model::annotation::Annotation {
        id: 7,
        span: span(0, 6),
        label: Label::Person,
        origin: crate::model::annotation::Origin::Extracted,
        status: crate::model::annotation::Status::Accepted,
        note: String::new(),
        canonical: "ساندرز".into(),
        facts: crate::model::annotation::Facts::default(),
    };
    let mut t = Window::new(TaughtLexicon::for_annotations(
        base.clone(),
        std::slice::from_ref(&a),
        |_| "ساندرز".into(),
    ));
    t.step();
    assert!(t.teach(7, Some(rejected("ساندرز"))));
    assert_eq!(counts(&t, "ساندرز"), (4, 1));
    t.undo();
    assert_eq!(t.lexicon(), &base);
    // a rejection replaced by an overlapping accepted span was not a judgement
    a.status = crate::model::annotation::Status::Rejected;
    let b = crate::model::annotation::Annotation {
        id: 8,
        span: span(0, 10),
        label: Label::Organization,
        status: crate::model::annotation::Status::Accepted,
        canonical: "ساندرز جدا".into(),
        ..a.clone()
    };
    let mut t = Window::new(TaughtLexicon::for_annotations(base.clone(), &[a, b], |x| {
        x.canonical.clone()
    }));
    t.step();
    t.teach(7, Some(accepted("ساندرز")));
    assert_eq!(counts(&t, "ساندرز"), (6, 0));
}

#[test]
fn nothing_is_taught_while_learning_is_off_and_pane_changes_stay() {
    let mut t = Window::new(TaughtLexicon::new(ProjectLexicon::new()));
    assert!(t.taught.set_learning(&t.session, false));
    t.step();
    assert!(!t.teach(1, Some(accepted("كامبل"))));
    assert!(t.lexicon().items().is_empty());
    assert!(t.taught.set_learning(&t.session, true));
    t.step();
    t.teach(1, Some(accepted("كامبل")));
    assert!(t.taught.forget(&mut t.session, "كامبل", Label::Person));
    assert!(t.lexicon().get("كامبل", Label::Person).is_none());
    // undo and redo never bring a forgotten name back
    t.undo();
    t.redo();
    assert!(t.lexicon().get("كامبل", Label::Person).is_none());
    // a Never of this session set back by the pane counts as a rejection
    t.step();
    t.teach(
        2,
        Some(Lesson::Never {
            surface: "ميليكان".into(),
            label: Label::Person,
        }),
    );
    assert_eq!(
        t.lexicon().effect_of("ميليكان", Label::Person),
        Effect::Blocked
    );
    t.taught
        .set_rule(&mut t.session, "ميليكان", Label::Person, Rule::ByDecisions);
    assert_eq!(
        t.lexicon().effect_of("ميليكان", Label::Person),
        Effect::Undecided
    );
    assert_eq!(counts(&t, "ميليكان"), (0, 1));
    // lessons taught before learning was switched off keep counting
    assert!(t.taught.set_learning(&t.session, false));
    assert_eq!(counts(&t, "ميليكان"), (0, 1));
}

#[test]
fn empty_lexicon_is_the_plain_pipeline() {
    let text = "بحث الرئيس الروسي فلاديمير بوتين مع ترامب في موسكو يوم الإثنين 28 حزيران/ يونيو 2019، وقال: \"نعم نحن مستعدون للحوار\"";
    assert_eq!(
        extract_with(text, &ProjectLexicon::new()),
        super::super::extract(text)
    );
    // undecided and held items change nothing either
    let mut lx = counted("بوتين", Label::Person, 0, 1);
    lx.count("نعم", Label::Misc, Some("نعم"), Tally::Add);
    assert_eq!(extract_with(text, &lx), super::super::extract(text));
}

/// Found by a tester: window 2 learned ترامب, then window 1 learned بوتين and undid it;
/// window 1's write erased ترامب too (and a line added by hand), because an item its
/// lexicon did not have counted as forgotten.
#[test]
fn undoing_here_takes_back_only_what_this_window_counted() {
    // the file when window 1 last wrote it, as window 1 sees it: only its own lesson
    let mut last_written = ProjectLexicon::new();
    last_written.count("بوتين", Label::Person, Some("بوتين"), Tally::Add);
    // window 1 undoes it
    let now = ProjectLexicon::new();
    // the file meanwhile: window 2's ترامب, window 1's بوتين, a name added by hand
    let mut file = last_written.clone();
    file.count("ترامب", Label::Person, Some("ترامب"), Tally::Add);
    file.set_rule("سامح شكري", Label::Person, Rule::Always);
    let m = ProjectLexicon::merged(&last_written, &now, &file);
    assert!(
        m.get("بوتين", Label::Person)
            .is_none_or(LexiconItem::is_blank)
    );
    assert_eq!(m.get("ترامب", Label::Person).unwrap().accepted, 1);
    assert_eq!(
        m.get("سامح شكري", Label::Person).unwrap().rule,
        Rule::Always
    );
}
