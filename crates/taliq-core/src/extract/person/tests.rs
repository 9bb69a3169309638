use crate::extract::testutil::assert_recognizes;

/// Found by fuzzing (a text cut into pieces): a foreign given name on its own is a
/// name at the end of the text as well as before another line.
#[test]
fn a_given_name_ends_the_text() {
    assert_recognizes(super::recognize, "تحدث مع [جان]");
    assert_recognizes(super::recognize, "تحدث مع [جان]\nثم");
}

/// Prepositions of time and cause end a name (found by a break-it test:
/// `كارلو أنشيلوتي عقب` was one name).
#[test]
fn time_prepositions_end_a_name() {
    assert_recognizes(
        super::recognize,
        "وقال المدرب [كارلو أنشيلوتي] عقب المباراة، وقال الرئيس [دونالد ترامب] إثر الاجتماع",
    );
}

/// A kunya is one name, also as a reporting verb's subject; a place of two words
/// ends it even after a given name (break-it test: `مازن رام الله` was one PERSON).
#[test]
fn kunyas_are_names() {
    assert_recognizes(
        super::recognize,
        "وزار [أبو مازن] رام الله أمس، وقُتل [أبو بكر البغدادي] عام 2019 في أبو ظبي عن [أبي عبيدة]. وقال [أبو محمد الجولاني] إن",
    );
}

/// A verb or verbal noun of a derived measure after a two-word name ends it.
#[test]
fn a_derived_verb_or_verbal_noun_ends_a_name() {
    assert_recognizes(
        super::recognize,
        "المحقق الكندي [لاري فانس] أخبر الصحيفة أنه مقتنع.",
    );
    assert_recognizes(
        super::recognize,
        "تدعم فيها [رشيدة داتي] ترشيح [نيكولا ساركوزي].",
    );
}

/// [`super::noun_template`] as first written, on the word collected into a `Vec`.
fn noun_template_by_vec(word: &str) -> bool {
    let w: Vec<char> = word.chars().collect();
    let n = w.len();
    let vowel = |c: char| matches!(c, 'ا' | 'و' | 'ي');
    n < 3
        || !w[1..].iter().any(|&c| vowel(c))
        || (n == 3 && !(matches!(w[1], 'و' | 'ي') && matches!(w[2], 'و' | 'ي')))
        || (n == 4 && vowel(w[2]))
        || (n == 4 && w[1] == 'ا' && !matches!(w[3], 'و' | 'ي'))
        || (n == 4 && w[0] == 'ا' && !vowel(w[1]))
        || (n == 4 && w[0] == 'ت' && !vowel(w[1]))
        || (n >= 4 && w[0] == 'م' && !vowel(w[1]))
        || (n >= 5 && w[0] == 'ت' && !vowel(w[1]))
        || (n >= 5 && w[0] == 'ا' && !vowel(w[1]))
        || (n == 5 && !vowel(w[1]) && !vowel(w[2]) && vowel(w[3]))
        || crate::extract::words::LOANWORDS.contains(&word)
}

#[test]
fn shape_tests_agree_with_collected_chars() {
    assert_eq!(super::shape::<3>("ab"), (['a', 'b', '\0'], 2));
    assert_eq!(super::shape::<2>("abc"), (['a', 'b'], 3));
    // every word of up to five letters over an alphabet of the letters the tests name
    let letters = ['ا', 'و', 'ي', 'ت', 'م', 'ن', 'ب'];
    let mut words = vec![String::new()];
    for _ in 0..5 {
        let longer: Vec<String> = words
            .iter()
            .filter(|w| w.chars().count() == words.last().unwrap().chars().count())
            .flat_map(|w| letters.iter().map(move |&c| format!("{w}{c}")))
            .collect();
        words.extend(longer);
    }
    words.extend(
        crate::extract::words::LOANWORDS
            .iter()
            .map(|&w| w.to_owned()),
    );
    words.push("تقارير".to_owned());
    for w in &words {
        assert_eq!(super::noun_template(w), noun_template_by_vec(w), "{w}");
    }
}

#[test]
fn titles_and_nationalities_stay_outside() {
    assert_recognizes(
        super::recognize,
        "بحث الرئيس الروسي [فلاديمير بوتين]، ونظيره الأميركي [دونالد ترامب]،",
    );
    assert_recognizes(
        super::recognize,
        "الرئيسان الأميركي [دونالد ترامب] والروسي [فلاديمير بوتين] يؤكدان",
    );
    assert_recognizes(super::recognize, "قال السيد [بانفالكار] أنه شعر");
    assert_recognizes(
        super::recognize,
        "خلال إدارتي الرئيسين [واشنطن] و[لينكولن], لكن",
    );
    assert_recognizes(
        super::recognize,
        "كما هنأ الرئيس الروسي نظيره الأميركي على عملية",
    );
}

/// Compound given names (ism murakkab) are one name word: `عبد` + the next word,
/// and a name + `الدين`/`الله`; a nisba surname may follow.
#[test]
fn compound_given_names_stay_whole() {
    assert_recognizes(super::recognize, "وأعلن [عبد الرحيم بلقاسم] انسحابه أمس.");
    assert_recognizes(
        super::recognize,
        "وقال [عبد الكريم الزهراني] إن الاجتماع انتهى.",
    );
    assert_recognizes(
        super::recognize,
        "استقبل الملك [عبد الله الثالث] الوفد في القصر.",
    );
    assert_recognizes(
        super::recognize,
        "وصل الأمير [فيصل بن عبد الرحمن] إلى الرباط.",
    );
    assert_recognizes(
        super::recognize,
        "قال المدرب [نور الدين بوزيان] إن الفريق تعب.",
    );
}

/// A rank that is also a common noun takes a name only when the next words read as
/// one, not as a predicate ("the team is ready").
#[test]
fn ambiguous_ranks_need_a_clear_name() {
    assert_recognizes(super::recognize, "قال المدير إن الفريق جاهز للمباراة.");
    assert_recognizes(super::recognize, "وأكد أن اللواء مستعد للانتشار.");
    assert_recognizes(
        super::recognize,
        "وصل الفريق [عبد الرحيم دقلو] إلى الخرطوم.",
    );
    assert_recognizes(super::recognize, "التقى اللواء [أحمد المسماري] بالوفد.");
    // a compound rank is no common noun
    assert_recognizes(
        super::recognize,
        "استقبل الفريق أول [عبد الرحيم البشير] الوفد.",
    );
}

/// `و` + a verb starting with `و` is no transliterated W.
#[test]
fn conjunction_before_waw_verbs_is_no_name() {
    assert_recognizes(super::recognize, "غادر الوفد المطار، ووصل [بوتين].");
    assert_recognizes(super::recognize, "ووعد [بوتين] بالرد.");
}

#[test]
fn reporting_verbs_and_given_names() {
    assert_recognizes(super::recognize, "قال [مايكل فالون] أن تاريخ");
    assert_recognizes(super::recognize, "وتشرح [تارلو]: \"عادةً\"");
    assert_recognizes(super::recognize, "وقال متحدثٌ باسم الشرطة");
    assert_recognizes(super::recognize, "قالت الشركة للبي بي سي");
    assert_recognizes(
        super::recognize,
        "شرح [جون دي دومينيكو] الذي يمثل شخصية [دونالد ترامب] قائلاً",
    );
    assert_recognizes(super::recognize, "قتلت [أندريه برايس الثالث] من خلال");
    assert_recognizes(super::recognize, "التقى [محمد بن سلمان] و[بوتين]");
}

#[test]
fn bare_words_of_the_name_list() {
    assert_recognizes(
        super::recognize,
        "وأوضح التقرير أن [كامبل] غادر المدينة قبل أسبوع",
    );
    assert_recognizes(super::recognize, "ونقلت الصحيفة عن [بونو] أنه سيغني");
    // after a proclitic; a foreign given name of four letters or more too
    assert_recognizes(super::recognize, "اتصلت المخرجة ب[فرانكو] وب[كامبل] مساء");
    // two name words are one name
    assert_recognizes(super::recognize, "قررت اللجنة أن [ويليامز كامبل] فاز");
    // an Arabic word is not in the list, and ك does not start a name word
    assert_recognizes(super::recognize, "يقول الناس رأيهم كبونو في الحفل");
}

#[test]
fn transliteration_shapes_ordinals_and_speakers() {
    // spellings no Arabic word has
    assert_recognizes(super::recognize, "وصف المؤرخ كيف أقنع [سميرنوف] الضباط");
    assert_recognizes(super::recognize, "ثم عاد [دونينغ]{PERSON} إلى المختبر");
    assert_recognizes(super::recognize, "ثم سافر إلى [شيونغ]{LOCATION} ليلاً");
    assert_recognizes(super::recognize, "ما زال الأمر مألوفاً ومألوف لدى الناس");
    // a regnal ordinal after a plain word; a month or a noun is no name
    assert_recognizes(super::recognize, "خلفه ابنه [بوليسلاف الثاني] على العرش");
    assert_recognizes(super::recognize, "في تشرين الأول وفي الفصل الأول");
    // the one-word subject before a quotation colon
    assert_recognizes(super::recognize, "وقال [كوفات]: \"سنعود\"");
    // an unknown middle name between two name words
    assert_recognizes(super::recognize, "وشارك [كريستين بارو توماس] في الفيلم");
    // a tatweel dash opens an aside: two names
    assert_recognizes(super::recognize, "عاد [كريستين] ـ[توماس] تحديداًـ إلى");
}

#[test]
fn an_unknown_given_name_before_a_surname() {
    assert_recognizes(super::recognize, "سافر الوفد مع [هيو كامبل] إلى الحفل");
    assert_recognizes(super::recognize, "ينحدر من أسرة [سوزوكي كين-ياسو] العريقة");
    // a construct head, a verb, a noun after a proclitic are no given names
    assert_recognizes(super::recognize, "قرأت كتاب [كامبل] الأخير");
    assert_recognizes(super::recognize, "زرنا منزل [كامبل] أمس");
    assert_recognizes(super::recognize, "شاهدنا فيلم [كامبل] وصفق جمهور [كامبل]");
    assert_recognizes(super::recognize, "بدا [كامبل] متعباً");
    assert_recognizes(super::recognize, "تسعى [كامبل] إلى الفوز");
    assert_recognizes(super::recognize, "جاء القرار بتشجيع [كامبل] نفسه");
    assert_recognizes(super::recognize, "ثم غادر [كامبل] القاعة فجأة");
    assert_recognizes(super::recognize, "وقد أعلن [كامبل] أن بيت [كامبل] مغلق");
    // after a title the name starts where the title ends
    assert_recognizes(super::recognize, "قال الرئيس [كامبل] إن");
}

#[test]
fn the_other_conjunct_of_a_person() {
    assert_recognizes(super::recognize, "جرت مناظرة بين [تيرلوك] و[بايدن] أمس");
    assert_recognizes(super::recognize, "ووصل [بوتين] و[زيلنسكاس] إلى القمة");
    assert_recognizes(super::recognize, "يتمتعون بذلك و[بونو] منهم");
    // a construct head, a function word, a noun with a pronoun suffix are no names
    assert_recognizes(super::recognize, "استقبل [ترامب] وأنصار الحزب الوفد");
    assert_recognizes(super::recognize, "رحب [ماكرون] وزوجته بالضيوف");
    assert_recognizes(super::recognize, "غادر [بايدن] وفي يده ورقة");
}

#[test]
fn byte_tests_agree_with_the_lists() {
    assert!(
        super::REGNAL_ORDINALS
            .iter()
            .all(|w| super::is_regnal_ordinal(w))
    );
    // foreign_shape's byte scan against the chars it stands for
    for w in [
        "پول",
        "چان",
        "ڤيكتور",
        "گول",
        "ژان",
        "مكغريغور",
        "كتاب",
        "بيت",
        "مكان",
    ] {
        let special = w.contains(['پ', 'چ', 'ڤ', 'گ', 'ژ']);
        let kaf_or_end = w.contains('ك') || w.ends_with(['غ', 'ف', 'ي', 'ش', 'م']);
        assert_eq!(
            super::foreign_shape(w),
            special || (kaf_or_end && w.contains("كغ")),
            "{w}"
        );
    }
}

#[test]
fn ruler_titles_take_one_name_with_nasab_and_ordinal() {
    assert_recognizes(super::recognize, "استقبل الملك [سلمان] الوفد الرسمي");
    assert_recognizes(super::recognize, "زار الأمير [تركي بن طلال] المعرض");
    assert_recognizes(super::recognize, "خطب الملك [محمد السادس] في البرلمان");
    assert_recognizes(super::recognize, "هنأت الملكة [إليزابيث الثانية] الفائزين");
}

#[test]
fn what_ends_a_name() {
    // a definite noun after a preposition, a purpose phrase, a known place
    assert_recognizes(super::recognize, "أكد السيد [هاربر] بالفعل أن الخطة فشلت");
    assert_recognizes(super::recognize, "أرسل الفريق [ويليامز] لتشكيل لجنة");
    assert_recognizes(super::recognize, "وقال [كوفاتش] روسيا ستخسر");
    // a masdar between two name words is no middle name
    assert_recognizes(super::recognize, "دعمت [كامبل] تعيين [ويليامز] رئيساً");
}

#[test]
fn an_unknown_surname_after_a_bare_name() {
    assert_recognizes(super::recognize, "وصلت [ماريا غوتيريث] إلى المطار");
    // a future verb, a purpose phrase are no surnames
    assert_recognizes(super::recognize, "وأوضح التقرير أن [كامبل] سيعود غداً");
    assert_recognizes(super::recognize, "اجتمع [ويليامز] لمناقشة الخطة");
}

#[test]
fn nationality_surnames_and_plural_subjects() {
    assert_recognizes(super::recognize, "فاز [ماريا روسي] بالسباق");
    assert_recognizes(super::recognize, "شاهد الجمهور [بيتر روسي] أمس");
    assert_recognizes(super::recognize, "وقال [كامبل] الروسي إن");
    assert_recognizes(super::recognize, "أبلغ شباب القرية الشرطة");
}

#[test]
fn the_source_after_according_to() {
    assert_recognizes(super::recognize, "وفقاً ل[هوبكنز] فإن الخطة فشلت");
    assert_recognizes(super::recognize, "بحسب [ماكليش] لم يحدث ذلك");
    assert_recognizes(super::recognize, "وفقاً لتقديرات الخبراء وبحسب مسؤولين");
    assert_recognizes(super::recognize, "وفقاً لخبراء الصحة وللتقويم الشمسي");
    assert_recognizes(super::recognize, "وفقاً للتقويم الشمسي وحسب تأكيده");
}

#[test]
fn a_directional_adjective_makes_a_place() {
    assert_recognizes(super::recognize, "ولد ب[بالما]{LOCATION} الشرقية عام 1950");
}

#[test]
fn regarding_is_no_place_preposition() {
    assert_recognizes(super::recognize, "سافر إلى [بالما]{LOCATION} أمس");
    assert_recognizes(
        super::recognize,
        "أما بالنسبة إلى [كامبل]{PERSON} فالأمر مختلف",
    );
}

#[test]
fn names_of_events_awards_and_agreements() {
    assert_recognizes(super::recognize, "فاز الكاتب بجائزة كامبل للشعر");
    assert_recognizes(super::recognize, "أعلن المنظمون أن كأس ويليامز ستقام");
    // a person with a proclitic of his own after the noun is kept
    assert_recognizes(super::recognize, "منحت الجائزة ل[كامبل] أمس");
}

#[test]
fn broken_plurals_after_a_verb_are_not_names() {
    assert_recognizes(super::recognize, "تشير تقارير إلى تقدم المفاوضات");
    assert_recognizes(super::recognize, "وقال خبراء إن الأسعار سترتفع");
    assert_recognizes(super::recognize, "وقال أنصار الرئيس إنهم غاضبون");
    assert_recognizes(super::recognize, "وقالت [أسماء] إن الاجتماع انتهى");
    assert_recognizes(super::recognize, "وقال [فالنتاين] إن الاجتماع انتهى");
    // a definite noun after a preposition is no name, after a verb or a title
    assert_recognizes(super::recognize, "رحبت الحكومة بالضيوف");
    assert_recognizes(super::recognize, "وتقول [بال]: \"انتهى الأمر\"");
    assert_recognizes(super::recognize, "رحب [ماكرون] وزوجته بالضيوف");
}
