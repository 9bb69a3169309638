//! The reader's display preferences, kept between runs in `settings.json` in the user's data
//! folder ([`crate::cli::data_dir`]).

use std::path::Path;

use serde::{Deserialize, Serialize};

/// Colour theme of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the operating system.
    #[default]
    System,
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
}

/// A line spacing offered in the View menu (its name is the UI's: `words::commands`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineSpacing {
    /// 1.5 times the font size.
    Compact,
    /// 1.8 times the font size (the default).
    Normal,
    /// 2.2 times the font size.
    Relaxed,
}

impl LineSpacing {
    /// Every line spacing, tightest first (the View menu's order).
    pub const ALL: [LineSpacing; 3] = [
        LineSpacing::Compact,
        LineSpacing::Normal,
        LineSpacing::Relaxed,
    ];

    /// The line height as a multiple of the font size.
    #[must_use]
    pub fn factor(self) -> f32 {
        match self {
            LineSpacing::Compact => 1.5,
            LineSpacing::Normal => 1.8,
            LineSpacing::Relaxed => 2.2,
        }
    }

    /// Whether `line_spacing` (a multiple of the font size, as in [`Settings`]) is this.
    #[must_use]
    pub fn is(self, line_spacing: f32) -> bool {
        (self.factor() - line_spacing).abs() < 0.01
    }
}

/// Display preferences. Unknown or missing fields take their defaults, so files written by
/// other versions load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Article font size in points (clamped to [`Settings::MIN_FONT`]–[`Settings::MAX_FONT`]).
    pub font_size: f32,
    /// Article line height as a multiple of the font size.
    pub line_spacing: f32,
    /// Colour theme.
    pub theme: Theme,
    /// Family name of the installed font the Arabic text is set in; `None` is the bundled
    /// Noto Naskh Arabic. Latin runs keep the bundled Noto Sans either way. A family that is
    /// no longer installed falls back to the bundled face when the app starts.
    pub font_family: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            font_size: Settings::DEFAULT_FONT,
            line_spacing: LineSpacing::Normal.factor(),
            theme: Theme::System,
            font_family: None,
        }
    }
}

impl Settings {
    /// Default article font size (points).
    pub const DEFAULT_FONT: f32 = 21.0;
    /// Smallest article font size (points).
    pub const MIN_FONT: f32 = 10.0;
    /// Largest article font size (points).
    pub const MAX_FONT: f32 = 60.0;

    /// Reads settings; a missing file gives the defaults. A damaged file also gives the
    /// defaults, with the reason as `Err` so it can be shown (the file is not touched
    /// until settings change).
    pub fn load(path: &Path) -> Result<Settings, (Settings, String)> {
        match std::fs::read_to_string(path) {
            Ok(s) => serde_json::from_str::<Settings>(&s)
                .map(Settings::clamped)
                .map_err(|e| {
                    (
                        Settings::default(),
                        format!(
                            "{} is not valid ({e}); using default settings",
                            path.display()
                        ),
                    )
                }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(e) => Err((
                Settings::default(),
                format!(
                    "cannot read {}: {e}; using default settings",
                    path.display()
                ),
            )),
        }
    }

    /// Writes the settings atomically, creating the folder if needed.
    ///
    /// # Errors
    /// [`taliq_core::workspace::storage::StorageError`] when the file cannot be written.
    pub fn save(&self, path: &Path) -> Result<(), taliq_core::workspace::storage::StorageError> {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let json = serde_json::to_string_pretty(self).unwrap_or_default();
        taliq_core::workspace::storage::write_atomic(path, json.as_bytes())
    }

    /// The settings with out-of-range values brought into range.
    #[must_use]
    pub fn clamped(mut self) -> Settings {
        if !self.font_size.is_finite() {
            self.font_size = Settings::DEFAULT_FONT;
        }
        self.font_size = self.font_size.clamp(Settings::MIN_FONT, Settings::MAX_FONT);
        if !self.line_spacing.is_finite() {
            self.line_spacing = 1.8;
        }
        self.line_spacing = self.line_spacing.clamp(1.2, 3.0);
        if self
            .font_family
            .as_deref()
            .is_some_and(|f| f.trim().is_empty())
        {
            self.font_family = None;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_bad_files_fall_back_to_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("settings.json");
        assert_eq!(Settings::load(&path).unwrap(), Settings::default());
        let s = Settings {
            font_size: 30.0,
            line_spacing: 2.2,
            theme: Theme::Light,
            font_family: Some("Amiri".to_owned()),
        };
        s.save(&path).unwrap();
        assert_eq!(Settings::load(&path).unwrap(), s);
        std::fs::write(&path, "{\"font_size\": 500}").unwrap();
        let clamped = Settings::load(&path).unwrap().font_size;
        assert!((clamped - Settings::MAX_FONT).abs() < f32::EPSILON);
        // a blank family means the bundled face, and so does a file written before the
        // font setting existed
        std::fs::write(&path, "{\"font_size\": 30, \"font_family\": \" \"}").unwrap();
        assert_eq!(Settings::load(&path).unwrap().font_family, None);
        std::fs::write(&path, "{\"font_size\": 30}").unwrap();
        assert_eq!(Settings::load(&path).unwrap().font_family, None);
        std::fs::write(&path, "not json").unwrap();
        assert!(Settings::load(&path).is_err());
    }
}
