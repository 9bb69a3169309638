//! `kill -9` at any moment loses at most the action in flight, and never damages the
//! saved work.
//!
//! Design. The test binary re-runs itself as a child process (`kill9_child`, selected with
//! `--exact` and switched on by the `TALIQ_KILL9_CHILD` variable). The child is the real
//! application without a window: a [`TaliqApp`] on a plain `egui::Context`, opening the
//! article through `Action::OpenPath` and applying a scripted random sequence of real
//! annotation commands (accept, reject, relabel, note, delete, select-and-label, undo,
//! redo) through `TaliqApp::apply`, the one place the app applies commands. Between
//! actions it calls `TaliqApp::autosave_tick`, which is what every frame calls, after a
//! random pause, so deferred sidecar rewrites happen at random moments too. The autosave
//! policy is set per iteration: every change journaled with rewrites after short pauses
//! or after a few lines, or the default (a sidecar this small is rewritten on every
//! change). After each action the child checks `TaliqApp::is_saved` (the action is on
//! disk) and only then prints `ack K DIGEST`, DIGEST being a hash of the whole annotation
//! set.
//!
//! The parent kills the child with SIGKILL at a random moment: during the open, or a
//! random number of microseconds after a random acknowledgement, so kills land inside
//! journal appends, sidecar rewrites (temp file, fsync, rename) and between a rewrite and
//! the journal's removal. It then checks that the sidecar on disk still parses and that
//! the journal has no damaged line (a last line cut short is allowed), and reopens the
//! article the normal way (a new `TaliqApp` given the path, which replays the journal).
//! The reopened annotation set must equal the state after the last acknowledged action K,
//! or after action K+1 (in flight when killed: it may or may not have reached the disk).
//! Those states come from a reference run of the same script, in this process, without a
//! kill (the script depends only on its seed and the annotation set, not on timing).
//! The reopen must report no damaged or unapplied work and keep writing to the regular
//! sidecar.
//!
//! `TALIQ_KILL9_ITERATIONS` (default 40) and `TALIQ_KILL9_SEED` change the run.

#![allow(
    clippy::unwrap_used,
    reason = "a test or bench that cannot set up its input fails there, with the error"
)]

mod support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use taliq::ui::{Action, TaliqApp, UiCommand};
use taliq_core::model::label::Label;
use taliq_core::workspace::journal::{self, AutosavePolicy};
use taliq_core::workspace::storage;
use taliq_text::SystemFonts;

const CHILD_ENV: &str = "TALIQ_KILL9_CHILD";
/// Actions per run.
const STEPS: usize = 30;

/// xorshift64*: a small deterministic generator, so the parent can replay the child's
/// script.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The autosave policy of iteration `seed`.
fn policy(seed: u64) -> AutosavePolicy {
    match seed % 3 {
        // every change journaled, rewrites after short pauses
        0 => AutosavePolicy {
            immediate_max_bytes: 0,
            idle: Duration::from_millis(5),
            max_delay: Duration::from_millis(40),
            max_entries: usize::MAX,
        },
        // every change journaled, a rewrite every few lines
        1 => AutosavePolicy {
            immediate_max_bytes: 0,
            idle: Duration::from_hours(1),
            max_delay: Duration::from_hours(1),
            max_entries: 4,
        },
        // as shipped: this small article is rewritten on every change
        _ => AutosavePolicy::default(),
    }
}

/// A hash of everything saved about the annotations (ids, spans, labels, origins,
/// statuses, notes, canonical names).
fn digest(app: &TaliqApp) -> String {
    let mut anns = app
        .session()
        .expect("an article is open")
        .annotations()
        .to_vec();
    anns.sort_by_key(|a| a.id);
    let text = format!("{anns:?}");
    format!("{:016x}", storage::content_fingerprint(text.as_bytes()))
}

/// The next action of the script: one or two commands chosen from the annotation set.
fn next_action(rng: &mut Rng, app: &TaliqApp) -> Vec<Action> {
    let session = app.session().expect("an article is open");
    let anns = session.annotations();
    let id = if anns.is_empty() {
        1
    } else {
        anns[rng.below(anns.len())].id
    };
    let label = Label::ALL[rng.below(Label::ALL.len())];
    match rng.below(10) {
        0 | 1 => vec![Action::Accept(id)],
        2 => vec![Action::Reject(id)],
        3 => vec![Action::Relabel(id, label)],
        4 => {
            let notes = ["راجع", "a \"quoted\" note\non two lines", "", "✔ 👋🏽 تم"];
            let note = format!("{} {}", notes[rng.below(notes.len())], rng.below(100));
            vec![Action::SetNote(id, note)]
        }
        5 => vec![Action::Delete(id)],
        6 => vec![UiCommand::Undo.into()],
        7 => vec![UiCommand::Redo.into()],
        _ => {
            // select a word and label it (a manual annotation)
            let text = session.document().text();
            let words: Vec<(usize, usize)> = word_spans(text);
            let (s, e) = words[rng.below(words.len())];
            vec![
                Action::SelectRange(s, e),
                UiCommand::LabelSelection(label).into(),
            ]
        }
    }
}

fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.chars().chain(std::iter::once(' ')).enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Opens `article` in a new app, as `taliq ARTICLE` does.
fn open(article: &Path, policy: AutosavePolicy) -> TaliqApp {
    let ctx = egui::Context::default();
    let mut app = TaliqApp::new(&ctx, None, SystemFonts::Skip);
    app.set_autosave_policy(policy);
    app.apply(Action::OpenPath(article.to_path_buf()));
    app
}

/// Runs the script of `seed` on `article`, calling `ack(k, digest)` once action `k` (0:
/// the open) is on disk.
fn run_script(article: &Path, seed: u64, mut ack: impl FnMut(usize, String)) {
    let mut app = open(article, policy(seed));
    // a fresh article is not written until its first change: it holds only suggestions,
    // which opening it again after a kill gives the same
    ack(0, digest(&app));
    let opened = app.session().unwrap().revision();
    let mut rng = Rng::new(seed);
    for k in 1..=STEPS {
        for cmd in next_action(&mut rng, &app) {
            app.apply(cmd);
        }
        let unchanged = app.session().unwrap().revision() == opened;
        assert!(app.is_saved() || unchanged, "action {k} is on disk");
        ack(k, digest(&app));
        // a frame, sometimes after a pause: deferred rewrites happen here
        let pause = rng.below(4);
        if pause > 0 {
            std::thread::sleep(Duration::from_millis(3 * pause as u64));
        }
        app.autosave_tick();
    }
}

/// The child process: runs the script named by `TALIQ_KILL9_CHILD` ("SEED ARTICLE") and
/// prints `ack K DIGEST` after each action is on disk. Does nothing in a normal test run.
#[test]
fn kill9_child() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let (seed, article) = spec.split_once(' ').expect("SEED ARTICLE");
    run_script(Path::new(article), seed.parse().unwrap(), |k, d| {
        println!("ack {k} {d}");
    });
    println!("done");
}

/// The sample article as `article.txt` in `dir`.
fn article_in(dir: &Path) -> PathBuf {
    support::write_article(dir, "article.txt", taliq::cli::SAMPLE_TEXT)
}

/// One iteration: returns the last acknowledged action (`None`: killed before the
/// first) and what was found, for the summary.
fn kill_once(seed: u64, reference: &[String]) -> (Option<usize>, bool) {
    let dir = tempfile::tempdir().unwrap();
    let article = article_in(dir.path());
    let mut child = Process::new(std::env::current_exe().unwrap())
        .args(["kill9_child", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, format!("{seed} {}", article.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel::<(usize, String)>();
    let reader = std::thread::spawn(move || {
        let mut r = BufReader::new(stdout);
        let mut line = Vec::new();
        let mut done = false;
        while r.read_until(b'\n', &mut line).unwrap_or(0) > 0 {
            // a line cut short by the kill is not an acknowledgement
            let text = String::from_utf8_lossy(&line).into_owned();
            // (the first one may follow libtest's "test kill9_child ... " on its line)
            if let Some(rest) = text
                .strip_suffix('\n')
                .and_then(|t| t.find("ack ").map(|at| &t[at + 4..]))
            {
                let (k, d) = rest.split_once(' ').unwrap();
                let _ = tx.send((k.parse().unwrap(), d.to_owned()));
            }
            done |= text.ends_with("done\n");
            line.clear();
        }
        done
    });
    let mut rng = Rng::new(seed ^ 0xdead_beef);
    let mut acks: Vec<(usize, String)> = Vec::new();
    if rng.below(8) == 0 {
        // during start-up and the open
        std::thread::sleep(Duration::from_micros(rng.below(300_000) as u64));
    } else {
        let target = rng.below(STEPS + 1);
        let deadline = Instant::now() + Duration::from_mins(1);
        while acks.last().is_none_or(|(k, _)| *k < target) && Instant::now() < deadline {
            match rx.recv_timeout(Duration::from_millis(50)) {
                Ok(a) => acks.push(a),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        std::thread::sleep(Duration::from_micros(rng.below(4_000) as u64));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let finished = reader.join().unwrap();
    acks.extend(rx.try_iter());
    for (k, d) in &acks {
        assert_eq!(
            d, &reference[*k],
            "seed {seed}: the child's action {k} differs from the reference run"
        );
    }
    let last = acks.last().map(|(k, _)| *k);

    // nothing on disk is damaged
    let sidecar = storage::sidecar_path(&article);
    let on_disk = storage::read_sidecar(&sidecar);
    assert!(
        on_disk.is_ok(),
        "seed {seed}: the sidecar is damaged: {on_disk:?}"
    );
    let journal_file = journal::journal_path(&sidecar);
    let had_journal = journal_file.exists();
    if had_journal {
        let c = journal::parse(&std::fs::read(&journal_file).unwrap());
        assert_eq!(c.damaged_lines, 0, "seed {seed}: a damaged journal line");
    }

    // reopen the normal way
    let app = open(&article, AutosavePolicy::default());
    let found = digest(&app);
    let expected: Vec<&String> = match last {
        None => reference[..1].iter().collect(),
        Some(k) => reference[k..(k + 2).min(reference.len())].iter().collect(),
    };
    assert!(
        expected.contains(&&found),
        "seed {seed}: killed after action {last:?} was acknowledged, the reopened work matches none of {expected:?} (found {found}); status: {:?}",
        app.status()
    );
    let status = app.status().map(|(_, m)| m.to_owned()).unwrap_or_default();
    for bad in [
        "damaged",
        "could not",
        "did not fit",
        "unapplied",
        "changed by another",
        "lexicon",
    ] {
        assert!(!status.contains(bad), "seed {seed}: {status}");
    }
    assert_eq!(
        app.sidecar_path(),
        Some(sidecar.as_path()),
        "seed {seed}: {status}"
    );
    assert!(!journal_file.exists(), "the reopen folded the journal in");
    assert!(!finished || last == Some(STEPS));
    (last, had_journal)
}

#[test]
fn kill_9_at_any_moment_loses_at_most_the_action_in_flight() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let iterations: u64 = std::env::var("TALIQ_KILL9_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let base: u64 = std::env::var("TALIQ_KILL9_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x7a11_0000);
    let mut before_first_ack = 0;
    let mut with_journal = 0;
    let mut mid_run = 0;
    for seed in base..base + iterations {
        let ref_dir = tempfile::tempdir().unwrap();
        let mut reference = Vec::new();
        run_script(&article_in(ref_dir.path()), seed, |k, d| {
            assert_eq!(k, reference.len());
            reference.push(d);
        });
        let (last, had_journal) = kill_once(seed, &reference);
        before_first_ack += usize::from(last.is_none());
        mid_run += usize::from(last.is_some_and(|k| k < STEPS));
        with_journal += usize::from(had_journal);
    }
    eprintln!(
        "kill -9: {iterations} runs, {mid_run} killed mid-script, {before_first_ack} before the first save, {with_journal} left a journal to replay"
    );
    assert!(
        mid_run > 0 && with_journal > 0,
        "the kills hit the interesting moments"
    );
}
