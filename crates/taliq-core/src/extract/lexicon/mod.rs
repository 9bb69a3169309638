//! The project lexicon: what the annotator's decisions in one folder taught the
//! extractor.
//!
//! A [`ProjectLexicon`] holds one [`LexiconItem`] per label and normalized surface form:
//! how many mentions with that text and label the annotator accepted (or labelled by
//! hand) and how many they rejected, across every article of the folder, the canonical
//! name of the entity, and a [`Rule`] the annotator may set explicitly. Its
//! [`Effect`] on extraction follows from those:
//!
//! - **by the balance of decisions** ([`Rule::ByDecisions`], the default): a surface
//!   accepted more often than rejected is suggested in every article
//!   ([`Effect::Suggested`]); one rejected at least [`BLOCK_MIN_REJECTIONS`] times and at
//!   least [`BLOCK_RATIO`] times as often as accepted is no longer suggested
//!   ([`Effect::Blocked`]); anything in between has no effect. So rejecting one mention
//!   means "wrong here", not "never": after 10 acceptances and 1 rejection a name is still
//!   suggested. A one-word surface that is a very common word ([`is_common_surface`]:
//!   `جدا`, `نعم`, `الحكومة`) is not suggested on the strength of decisions alone: it is
//!   [`Effect::Held`] until the annotator confirms it ([`Rule::Always`]).
//! - **always** ([`Rule::Always`]) and **never** ([`Rule::Never`]): set by the annotator
//!   (the "Never suggest this" command, Project ▸ Learned names, or by hand in the file),
//!   whatever the counts say.
//!
//! Decisions are taught as [`Lesson`]s; [`TaughtLexicon`] keeps the lessons of one
//! editing session so that undo and redo unteach and teach them again. Only names are
//! learned ([`learns_label`]); a PERSON learned from a span that carries a title or a
//! nationality adjective is learned without them ([`learnable_surface`], guideline 3), so
//! it is never suggested elsewhere with its title. What a decision teaches, and what
//! the folder then does differently in the open article, is computed by [`teach()`] and
//! [`apply_lessons_here`].
//!
//! # Matching
//!
//! Surface forms are compared in their normalized form ([`super::normalize`]: no
//! tashkeel or tatweel, alef and ya variants folded, `ة` → `ه`, Latin lower case) word by
//! word. A suggested item matches whole tokens of the text, and the first word may carry
//! the proclitics of guideline rule 1 (`و`, `ف`, `ب`, `ك`, `ل` and their combinations,
//! the `لل` contraction), which stay outside the span: after learning `ساسكتل`, the text
//! `وساسكتل` gives the span `ساسكتل`. At each token the longest item wins. A lexicon
//! match replaces the pipeline suggestions it overlaps when none of them is longer; a
//! longer overlapping pipeline suggestion wins (QUOTE spans are a separate layer and
//! never conflict). A pipeline suggestion whose normalized text and label are blocked is
//! dropped. Learned names take part in the document's canonical-name grouping like any
//! other mention: a learned `بوتين` in an article that names `فلاديمير بوتين` belongs to
//! that entity; an item's canonical name only names an entity the article itself gives
//! no longer name for ([`extract_with`]).
//!
//! The file format is in [`crate::formats::lexicon`], its reading and writing in
//! [`crate::workspace::lexicon`].

mod taught;
mod teach;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use super::doc::{Candidate, Doc};
use super::gazetteer::PhraseTable;
use super::normalize::{display_form, normalize};
use super::tokenize::tokenize;
use super::{Mention, PIECE_BYTES, extract_adjusted, piece_ranges};
use crate::model::label::Label;

pub use self::taught::{Lesson, TaughtLexicon};
pub use self::teach::{
    Applied, Pair, Teach, Teaching, UndoStep, apply_lessons_here, mentions_of, teach,
};

/// How many rejections at least block a surface by the balance of decisions.
pub const BLOCK_MIN_REJECTIONS: u32 = 3;
/// How many times as many rejections as acceptances block a surface by the balance of
/// decisions (with at least [`BLOCK_MIN_REJECTIONS`]).
pub const BLOCK_RATIO: u32 = 3;

/// How an item acts on extraction, as the annotator set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rule {
    /// By the balance of the decisions counted ([`LexiconItem::effect`]).
    #[default]
    ByDecisions,
    /// Always suggested (a name taught by hand, or a common word confirmed).
    Always,
    /// Never suggested (the "Never suggest this" command).
    Never,
}

/// What an item does to extraction ([`LexiconItem::effect`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Its matches are suggested in every article of the folder.
    Suggested,
    /// The pipeline's suggestions with its text and label are dropped.
    Blocked,
    /// Accepted more often than rejected, but a very common word
    /// ([`is_common_surface`]): not suggested until confirmed ([`Rule::Always`]).
    Held,
    /// No effect (too few decisions either way).
    Undecided,
}

/// What the folder learned about one label and normalized surface form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconItem {
    /// The label.
    pub label: Label,
    /// The surface form as first written (diacritics, tatweel and directional marks
    /// removed, whitespace collapsed).
    pub surface: String,
    /// The canonical name of the entity (the surface when nothing better is known).
    pub canonical: String,
    /// Mentions with this text and label accepted or labelled by hand, in the folder.
    pub accepted: u32,
    /// Suggestions with this text and label rejected, in the folder.
    pub rejected: u32,
    /// The rule the annotator set.
    pub rule: Rule,
}

impl LexiconItem {
    /// What this item does to extraction (see the module doc).
    #[must_use]
    pub fn effect(&self) -> Effect {
        match self.rule {
            Rule::Always => Effect::Suggested,
            Rule::Never => Effect::Blocked,
            Rule::ByDecisions if self.accepted > self.rejected => {
                if is_common_surface(&self.surface) {
                    Effect::Held
                } else {
                    Effect::Suggested
                }
            }
            Rule::ByDecisions
                if self.rejected >= BLOCK_MIN_REJECTIONS
                    && self.rejected >= BLOCK_RATIO.saturating_mul(self.accepted) =>
            {
                Effect::Blocked
            }
            Rule::ByDecisions => Effect::Undecided,
        }
    }

    /// True when the item says nothing: no decision counted and no rule set (it is not
    /// written to the file).
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.accepted == 0 && self.rejected == 0 && self.rule == Rule::ByDecisions
    }
}

/// Whether decisions on mentions of `label` are learned: names are (PERSON,
/// ORGANIZATION, LOCATION, MISC), because a name means the same entity wherever it
/// recurs; DATE, NUMBER and QUOTE are not, because whether such a text is a mention,
/// and its value, depend on its context (rejecting the relative date `اليوم الاثنين`
/// in one article must not hide it in every other). Lines of DATE and NUMBER written by
/// hand are still read and applied.
#[must_use]
pub fn learns_label(label: Label) -> bool {
    matches!(
        label,
        Label::Person | Label::Organization | Label::Location | Label::Misc
    )
}

/// The matching key of a surface form: its normalized words joined by one space.
#[must_use]
pub fn surface_key(surface: &str) -> String {
    let n = normalize(surface);
    let mut key = String::with_capacity(n.text.len());
    for t in tokenize(&n) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(n.slice(t.start, t.end));
    }
    key
}

/// The surface as stored: no diacritics, tatweel or directional marks, whitespace
/// (tabs and line breaks included) collapsed to single spaces.
pub(crate) fn clean(s: &str) -> String {
    display_form(s.trim())
}

/// Very common words of news prose (normalized), which are almost never a name:
/// `data/common_words.txt` (derived from NewsFANE Gold 2014, CC BY-SA 3.0; see its
/// header) and the extractor's function words (`data/stopwords.txt`).
static COMMON_WORDS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let mut set = super::gazetteer::word_set(include_str!("../../../../../data/common_words.txt"));
    set.extend(super::gazetteer::LEXICON.stopwords.iter().cloned());
    set
});

/// Whether `surface` is a very common word rather than a name: one word of
/// [`COMMON_WORDS`] or of at most two Arabic letters, or several words that are all function
/// words (`data/stopwords.txt`). Such a surface is not learned from decisions alone
/// ([`Effect::Held`]). Names made of common words (`وزارة الخارجية`) are not held.
#[must_use]
pub fn is_common_surface(surface: &str) -> bool {
    let key = surface_key(surface);
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        [] => true,
        // (a two-letter Latin acronym or a name with digits, G7, is a name)
        [w] => {
            (w.chars().count() <= 2 && w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c)))
                || COMMON_WORDS.contains(*w)
        }
        many => many
            .iter()
            .all(|w| super::gazetteer::LEXICON.stopwords.contains(*w)),
    }
}

/// The longest name the project lexicon learns, in words: the longest name of the
/// development sets (dev-gold, pud-dev2, pud-dev3) has seven
/// (`هيئة الأداء الموسيقي وحقوق النسخ الإلكترونية الألمانية`).
pub const MAX_NAME_WORDS: usize = 8;

/// What a learned span becomes ([`learnable_surface`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Learnable {
    /// Learned as this surface (the span's text, or less of it).
    As(String),
    /// Not learned: the label is not a name label ([`learns_label`]).
    NotAName,
    /// Not learned: more than [`MAX_NAME_WORDS`] words, a sentence rather than a name (a
    /// QUOTE relabelled as an organization).
    TooLong,
    /// Not learned: nothing is left once the title, role or nationality adjective is
    /// taken out (the span was only a title: `الرئيس الروسي`).
    OnlyATitle,
}

/// The surface a decision on `text` as `label` teaches. Annotation guideline 3: titles,
/// roles, honorifics and nationality adjectives are outside a PERSON span; a PERSON
/// span that carries them (an annotator's «الرئيس الروسي فلاديمير بوتين») is learned as
/// the name alone (`فلاديمير بوتين`), so it is never suggested elsewhere with its title.
/// Leading words of the extractor's closed classes (titles, nationality adjectives,
/// function words, reporting verbs, descriptors: [`super::shape::is_closed_class`]) and
/// trailing nationality adjectives are taken out. Other labels are learned as written.
#[must_use]
pub fn learnable_surface(text: &str, label: Label) -> Learnable {
    if !learns_label(label) {
        return Learnable::NotAName;
    }
    let text = clean(text);
    if text.split_whitespace().count() > MAX_NAME_WORDS {
        return Learnable::TooLong;
    }
    if label != Label::Person {
        return Learnable::As(text);
    }
    let doc = Doc::new(&text);
    let n = doc.tokens.len();
    let mut first = 0;
    while first < n && doc.is_arabic(first) && super::shape::is_closed_class(&doc, first) {
        first += 1;
    }
    let mut last = n;
    while last > first
        && doc.is_arabic(last - 1)
        && doc.any_bits(last - 1) & super::vocab::NATIONALITY != 0
    {
        last -= 1;
    }
    if first == last {
        return Learnable::OnlyATitle;
    }
    if first == 0 && last == n {
        return Learnable::As(text);
    }
    let (s, _) = doc.to_original(doc.tokens[first].start, doc.tokens[first].end);
    let (_, e) = doc.to_original(doc.tokens[last - 1].start, doc.tokens[last - 1].end);
    let chars: Vec<char> = text.chars().collect();
    Learnable::As(clean(&chars[s..e].iter().collect::<String>()))
}

/// Whether [`ProjectLexicon::count`] adds a decision or takes one back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tally {
    /// One more decision.
    Add,
    /// One decision fewer (changed or undone).
    TakeBack,
}

/// Learned items and rules of one project (see the module doc). Two lexicons are equal
/// when they have the same non-blank items ([`LexiconItem::is_blank`]) in the same order
/// and the same learning switch: what the file would say.
#[derive(Debug, Clone)]
pub struct ProjectLexicon {
    items: Vec<LexiconItem>,
    /// Position of each item in `items` by `(label, surface_key)`.
    index: FxHashMap<(Label, String), usize>,
    /// Whether decisions are learned ([`Self::learning`]).
    learning: bool,
}

impl PartialEq for ProjectLexicon {
    fn eq(&self, other: &Self) -> bool {
        self.learning == other.learning
            && self
                .items
                .iter()
                .filter(|i| !i.is_blank())
                .eq(other.items.iter().filter(|i| !i.is_blank()))
    }
}

impl Eq for ProjectLexicon {}

impl Default for ProjectLexicon {
    fn default() -> Self {
        ProjectLexicon {
            items: Vec::new(),
            index: FxHashMap::default(),
            learning: true,
        }
    }
}

impl ProjectLexicon {
    /// An empty lexicon that learns.
    #[must_use]
    pub fn new() -> ProjectLexicon {
        ProjectLexicon::default()
    }

    /// The items, in the order they were first learned (blank ones included).
    #[must_use]
    pub fn items(&self) -> &[LexiconItem] {
        &self.items
    }

    /// The item of `label` whose surface is `surface` in normalized form.
    #[must_use]
    pub fn get(&self, surface: &str, label: Label) -> Option<&LexiconItem> {
        self.index
            .get(&(label, surface_key(surface)))
            .map(|&i| &self.items[i])
    }

    /// The effect of `(surface, label)` on extraction ([`Effect::Undecided`] when there is
    /// no item).
    #[must_use]
    pub fn effect_of(&self, surface: &str, label: Label) -> Effect {
        self.get(surface, label)
            .map_or(Effect::Undecided, LexiconItem::effect)
    }

    /// Whether the lexicon changes nothing in extraction (no item suggests or blocks).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items
            .iter()
            .all(|i| matches!(i.effect(), Effect::Held | Effect::Undecided))
    }

    /// Whether the annotator's decisions are learned (Project ▸ Learned names: the off
    /// switch; `! learning off` in the file). When off, decisions change nothing and the
    /// items already there keep acting.
    #[must_use]
    pub fn learning(&self) -> bool {
        self.learning
    }

    /// Switches learning on or off; returns whether that changed anything.
    pub fn set_learning(&mut self, on: bool) -> bool {
        std::mem::replace(&mut self.learning, on) != on
    }

    /// Whether `(surface, label)` is blocked (compared in normalized form).
    #[must_use]
    pub fn is_rejected(&self, surface: &str, label: Label) -> bool {
        self.effect_of(surface, label) == Effect::Blocked
    }

    /// The item of `(label, surface)`, made (blank) when missing. `None` for an empty
    /// surface.
    pub(crate) fn item_mut(&mut self, surface: &str, label: Label) -> Option<&mut LexiconItem> {
        let surface = clean(surface);
        let key = surface_key(&surface);
        if key.is_empty() {
            return None;
        }
        let i = if let Some(&i) = self.index.get(&(label, key.clone())) {
            i
        } else {
            self.items.push(LexiconItem {
                label,
                canonical: surface.clone(),
                surface,
                accepted: 0,
                rejected: 0,
                rule: Rule::ByDecisions,
            });
            self.index.insert((label, key), self.items.len() - 1);
            self.items.len() - 1
        };
        Some(&mut self.items[i])
    }

    /// Adds one decision ([`Tally::Add`]) or takes one away ([`Tally::TakeBack`], for a
    /// decision being changed or undone; counts never go below zero): an acceptance of `surface` as `label` for the
    /// entity `canonical` (`Some`: the item takes that canonical name when it is more than
    /// the surface, or when the item is new) or a rejection (`None`). Returns whether the
    /// lexicon changed.
    pub fn count(
        &mut self,
        surface: &str,
        label: Label,
        accepted: Option<&str>,
        tally: Tally,
    ) -> bool {
        let add = tally == Tally::Add;
        let Some(item) = self.item_mut(surface, label) else {
            return false;
        };
        let before = item.clone();
        let n = if accepted.is_some() {
            &mut item.accepted
        } else {
            &mut item.rejected
        };
        *n = if add {
            n.saturating_add(1)
        } else {
            n.saturating_sub(1)
        };
        if let (Some(canonical), true) = (accepted, add) {
            let canonical = clean(canonical);
            if !canonical.is_empty()
                && (surface_key(&canonical) != surface_key(&item.surface) || before.is_blank())
            {
                item.canonical = canonical;
            }
        }
        *item != before
    }

    /// Sets the rule of `(surface, label)` (the item is made when missing); returns
    /// whether it changed.
    pub fn set_rule(&mut self, surface: &str, label: Label, rule: Rule) -> bool {
        self.item_mut(surface, label)
            .is_some_and(|item| std::mem::replace(&mut item.rule, rule) != rule)
    }

    /// Sets the canonical name of `(surface, label)` (the item is made when missing; an
    /// empty name is the surface); returns whether it changed.
    pub fn set_canonical(&mut self, surface: &str, label: Label, canonical: &str) -> bool {
        let Some(item) = self.item_mut(surface, label) else {
            return false;
        };
        let canonical = match clean(canonical) {
            c if c.is_empty() => item.surface.clone(),
            c => c,
        };
        std::mem::replace(&mut item.canonical, canonical.clone()) != canonical
    }

    /// Forgets the item of `(surface, label)` with its counts and rule; returns whether
    /// there was one.
    pub fn forget(&mut self, surface: &str, label: Label) -> bool {
        let Some(i) = self.index.remove(&(label, surface_key(surface))) else {
            return false;
        };
        self.items.remove(i);
        self.reindex();
        true
    }

    fn reindex(&mut self) {
        self.index = self
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| ((it.label, surface_key(&it.surface)), i))
            .collect();
    }

    /// A three-way merge for writing the shared file: what `ours` changed since `base`
    /// (this window's lexicon when it last read or wrote the file) applied to `theirs`
    /// (the file as it is now, perhaps changed by another window or by hand). Items are
    /// keyed by label and normalized surface. Counts are counters: each becomes
    /// `theirs + (ours − base)`, so two windows counting decisions in one folder add up,
    /// and an item `ours` no longer has (its decisions undone, or forgotten here) counts as
    /// zero here: what this window had counted is taken back, what others counted stays.
    /// A rule, a canonical name or the learning switch changed here replaces theirs (an
    /// item gone here goes back to [`Rule::ByDecisions`]). Everything else of `theirs` is
    /// kept, and items left with no count and no rule are not written.
    #[must_use]
    pub fn merged(
        base: &ProjectLexicon,
        ours: &ProjectLexicon,
        theirs: &ProjectLexicon,
    ) -> ProjectLexicon {
        let mut out = theirs.clone();
        let gone: Vec<LexiconItem> = base
            .items
            .iter()
            .filter(|b| ours.get(&b.surface, b.label).is_none())
            .map(|b| LexiconItem {
                accepted: 0,
                rejected: 0,
                rule: Rule::ByDecisions,
                ..b.clone()
            })
            .collect();
        for o in ours.items.iter().chain(&gone) {
            let b = base.get(&o.surface, o.label);
            if b == Some(o) {
                continue;
            }
            // an item new here changed its canonical name from nothing
            let renamed = b.is_none_or(|b| b.canonical != o.canonical);
            let zero = LexiconItem {
                accepted: 0,
                rejected: 0,
                rule: Rule::ByDecisions,
                ..o.clone()
            };
            let b = b.unwrap_or(&zero);
            let Some(t) = out.item_mut(&o.surface, o.label) else {
                continue;
            };
            let delta = |ours: u32, base: u32, theirs: u32| {
                (i64::from(theirs) + i64::from(ours) - i64::from(base))
                    .clamp(0, i64::from(u32::MAX)) as u32
            };
            t.accepted = delta(o.accepted, b.accepted, t.accepted);
            t.rejected = delta(o.rejected, b.rejected, t.rejected);
            if o.rule != b.rule {
                t.rule = o.rule;
            }
            if renamed {
                t.canonical.clone_from(&o.canonical);
            }
        }
        if ours.learning != base.learning {
            out.learning = ours.learning;
        }
        out
    }

    /// How many items differ between `self` (what was last read or written) and `ours`:
    /// the changes a write of `ours` over `self` carries.
    #[must_use]
    pub fn changes_to(&self, ours: &ProjectLexicon) -> usize {
        let changed = ours
            .items
            .iter()
            .filter(|o| self.get(&o.surface, o.label) != Some(o) && !o.is_blank())
            .count();
        let forgotten = self
            .items
            .iter()
            .filter(|b| ours.get(&b.surface, b.label).is_none())
            .count();
        changed + forgotten + usize::from(self.learning != ours.learning)
    }
}

/// What a decision changed about one label and surface form in the lexicon
/// ([`changes`]), for telling the annotator what the folder now does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconChange {
    /// The label.
    pub label: Label,
    /// The surface form (as the item writes it).
    pub surface: String,
    /// The canonical name of the item after the change.
    pub canonical: String,
    /// The effect before the change.
    pub before: Effect,
    /// The effect after the change.
    pub after: Effect,
    /// Acceptances counted after the change.
    pub accepted: u32,
    /// Rejections counted after the change.
    pub rejected: u32,
    /// The rule after the change.
    pub rule: Rule,
}

/// What changed from `before` to `after` for each of `pairs` (`(surface, label)`, as
/// taught), in their order; pairs whose item is missing in both are left out.
#[must_use]
pub fn changes(
    before: &ProjectLexicon,
    after: &ProjectLexicon,
    pairs: &[(String, Label)],
) -> Vec<LexiconChange> {
    pairs
        .iter()
        .filter_map(|(surface, label)| {
            let item = after.get(surface, *label)?;
            Some(LexiconChange {
                label: *label,
                surface: item.surface.clone(),
                canonical: item.canonical.clone(),
                before: before.effect_of(surface, *label),
                after: item.effect(),
                accepted: item.accepted,
                rejected: item.rejected,
                rule: item.rule,
            })
        })
        .collect()
}

/// Every match of the items of `lexicon` with [`Effect::Suggested`] in `text`:
/// `(start, end, label)` in chars of `text`, clitic-aware as in extraction (see the
/// module doc), in text order, at each token the longest. For applying what the folder
/// just learned to the open article.
#[must_use]
pub fn matches_in(text: &str, lexicon: &ProjectLexicon) -> Vec<(usize, usize, Label)> {
    let (table, labels) = suggestion_table(lexicon);
    if labels.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut char_base = 0;
    for (a, b) in piece_ranges(text, PIECE_BYTES) {
        let doc = Doc::new(&text[a..b]);
        for (c, k) in table_matches(&doc, &table, &labels) {
            let (s, e) = doc.to_original(c.start, c.end);
            out.push((char_base + s, char_base + e, labels[k]));
        }
        char_base += doc.norm.orig_chars.len();
    }
    out
}

/// The items that are suggested, as a phrase table whose tags index `labels` (the label
/// of each) and the lexicon's items (`items[tag]`).
fn suggestion_table(lexicon: &ProjectLexicon) -> (PhraseTable<usize>, Vec<Label>) {
    let mut table: PhraseTable<usize> = PhraseTable::default();
    let mut labels = Vec::new();
    for (k, item) in lexicon.items.iter().enumerate() {
        labels.push(item.label);
        if item.effect() != Effect::Suggested {
            continue;
        }
        let words = surface_key(&item.surface)
            .split(' ')
            .map(str::to_string)
            .collect();
        table.insert(words, k);
    }
    if !lexicon
        .items
        .iter()
        .any(|i| i.effect() == Effect::Suggested)
    {
        labels.clear();
    }
    (table, labels)
}

/// The matches of `table` in `doc`, left to right, longest first, as candidates with
/// the index of their item.
fn table_matches(
    doc: &Doc,
    table: &PhraseTable<usize>,
    labels: &[Label],
) -> Vec<(Candidate, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let Some(m) = table.match_at(doc, i) else {
            i += 1;
            continue;
        };
        let mut c = Candidate::from_tokens(doc, i, m.skip, m.end_token, labels[m.tag], 4);
        c.lal = m.lal;
        found.push((c, m.tag));
        i = m.end_token;
    }
    found
}

/// Extracts mentions from `text` like [`super::extract`], then applies `lexicon`: adds
/// matches of suggested items and drops blocked suggestions (see the module doc). With a
/// lexicon that changes nothing the result is the same as [`super::extract`].
///
/// Lexicon matches are added before the canonical names are chosen, so they are grouped
/// with the other mentions of their entity (a learned `بوتين` in an article naming
/// `فلاديمير بوتين` gets that canonical name). Then an item's canonical name names the
/// entity of its matches only where the article gives no longer name (the entity's
/// canonical name is the item's surface): all mentions of that entity are renamed
/// together, so grouping never changes.
#[must_use]
pub fn extract_with(text: &str, lexicon: &ProjectLexicon) -> Vec<Mention> {
    if lexicon.is_empty() {
        return super::extract(text);
    }
    let blocked: FxHashSet<(String, Label)> = lexicon
        .items
        .iter()
        .filter(|i| i.effect() == Effect::Blocked)
        .map(|i| (surface_key(&i.surface), i.label))
        .collect();
    let (table, labels) = suggestion_table(lexicon);
    // the lexicon item behind each candidate, in the order of the mentions
    let mut items: Vec<Option<usize>> = Vec::new();
    let mut mentions = extract_adjusted(text, PIECE_BYTES, |doc, resolved| {
        let (cands, from) = apply_to_piece(doc, resolved, &blocked, &table, &labels);
        items.extend(from);
        cands
    });
    // (label, canonical) of an entity → the item canonical name that renames it
    let mut renames: FxHashMap<(Label, String), String> = FxHashMap::default();
    for (m, item) in mentions.iter().zip(&items) {
        let Some(item) = item.map(|k| &lexicon.items[k]) else {
            continue;
        };
        if item.canonical != m.canonical && surface_key(&m.canonical) == surface_key(&item.surface)
        {
            renames
                .entry((m.label, m.canonical.clone()))
                .or_insert_with(|| item.canonical.clone());
        }
    }
    if !renames.is_empty() {
        for m in &mut mentions {
            if let Some(name) = renames.get(&(m.label, m.canonical.clone())) {
                m.canonical.clone_from(name);
            }
        }
    }
    mentions
}

/// [`extract_with`] on one piece: its resolved candidates without the blocked ones and
/// with the matches of `table`, sorted by start, and for each the item it came from.
fn apply_to_piece(
    doc: &Doc,
    resolved: Vec<Candidate>,
    blocked: &FxHashSet<(String, Label)>,
    table: &PhraseTable<usize>,
    labels: &[Label],
) -> (Vec<Candidate>, Vec<Option<usize>>) {
    let is_blocked = |c: &Candidate| {
        if c.label == Label::Quote || blocked.is_empty() {
            return false;
        }
        let key = surface_key(doc.norm.slice(c.start, c.end));
        blocked.contains(&(key.clone(), c.label))
            || (c.lal && blocked.contains(&(format!("ا{key}"), c.label)))
    };
    let mut kept: Vec<Candidate> = resolved.into_iter().filter(|c| !is_blocked(c)).collect();
    let found = if labels.is_empty() {
        Vec::new()
    } else {
        table_matches(doc, table, labels)
    };

    // a lexicon match wins over the pipeline suggestions it overlaps unless one is longer
    let mut from_lexicon = Vec::new();
    for (c, item) in found {
        let len = c.end - c.start;
        let overlaps =
            |p: &Candidate| p.label != Label::Quote && p.start < c.end && c.start < p.end;
        if kept.iter().any(|p| overlaps(p) && p.end - p.start > len) {
            continue;
        }
        kept.retain(|p| !overlaps(p));
        from_lexicon.push((c, item));
    }
    let pipeline_count = kept.len();
    let mut all: Vec<(Candidate, Option<usize>)> = kept.into_iter().map(|c| (c, None)).collect();
    all.extend(from_lexicon.into_iter().map(|(c, e)| (c, Some(e))));
    if all.len() > pipeline_count {
        all.sort_by_key(|(c, _)| (c.start, c.label != Label::Quote, c.end));
    }
    all.into_iter().unzip()
}

#[cfg(test)]
mod tests;

/// A lexicon where `surface` was accepted `accepted` times and rejected `rejected` times
/// as `label` (for the tests of this module and of the lexicon's file and store).
#[cfg(test)]
pub(crate) fn counted(surface: &str, label: Label, accepted: u32, rejected: u32) -> ProjectLexicon {
    let mut lx = ProjectLexicon::new();
    for _ in 0..accepted {
        lx.count(surface, label, Some(surface), Tally::Add);
    }
    for _ in 0..rejected {
        lx.count(surface, label, None, Tally::Add);
    }
    lx
}
