//! The editor's settings, from `initializationOptions` and `workspace/didChangeConfiguration`:
//!
//! ```json
//! { "language": "ja" | "en", "rounding": "half_up" | "down", "inlayHints": "all" | "differing" | "off",
//!   "rules": { "mixed-punctuation": "off", "approved-count": "error" } }
//! ```
//!
//! The same object may also arrive wrapped as `{ "senshinLint": { … } }` (VS Code's section). They lie on top
//! of each draft's `senshin-lint.toml`, and every value is read with the parser `senshin-lint.toml` uses.

use crate::diagnostics::Message;
use crate::ide::HintMode;
use crate::settings::Settings;
use serde_json::Value;

#[derive(Debug, Clone, Default)]
pub struct ClientSettings {
    /// What the editor sets; what it leaves unset comes from the configuration file.
    pub settings: Settings,
    pub hints: HintMode,
}

impl ClientSettings {
    /// Reads what it recognises and leaves the rest as it was; returns what it could not read.
    pub fn update(&mut self, value: &Value) -> Vec<Message> {
        let value = value.get("senshinLint").unwrap_or(value);
        let mut problems = Vec::new();
        let read = |key: &str| value.get(key).and_then(Value::as_str);
        if let Some(language) = read("language") {
            // Anything else (`"auto"`, `""`) follows the client's locale.
            self.settings.language = language.parse().ok();
        }
        if let Some(rounding) = read("rounding") {
            self.settings.rounding = rounding.parse().map_err(|m| problems.push(m)).ok();
        }
        match read("inlayHints") {
            Some("all") => self.hints = HintMode::All,
            Some("differing") => self.hints = HintMode::Differing,
            Some("off") => self.hints = HintMode::Off,
            _ => {}
        }
        if let Some(rules) = value.get("rules").and_then(Value::as_object) {
            self.settings.levels.clear();
            for (id, level) in rules {
                let rule = Settings::rule(id).map_err(|m| problems.push(m));
                let level = level.as_str().unwrap_or_default().parse().map_err(|m| problems.push(m));
                if let (Ok(rule), Ok(level)) = (rule, level) {
                    self.settings.levels.insert(rule, level);
                }
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Lang, RuleId, Severity};
    use crate::model::Rounding;
    use crate::settings::Level;

    #[test]
    fn reads_plain_and_wrapped_settings_with_the_files_words() {
        let mut s = ClientSettings::default();
        let problems = s.update(&serde_json::json!({"senshinLint": {"language": "en", "rounding": "切捨て", "inlayHints": "differing", "rules": {"column-sum": "off", "approved-count": "error", "colum-sum": "off"}}}));
        assert_eq!(s.settings.language, Some(Lang::En));
        assert_eq!(s.settings.rounding, Some(Rounding::Down));
        assert_eq!(s.hints, HintMode::Differing);
        assert_eq!(s.settings.levels.get(&RuleId::ColumnSum), Some(&Level::Off));
        assert_eq!(s.settings.levels.get(&RuleId::ApprovedCount), Some(&Level::On(Severity::Error)));
        assert_eq!(problems.len(), 1);
        assert!(problems[0].en.contains("did you mean `column-sum`"));
        s.update(&serde_json::json!({"language": "ja"}));
        assert_eq!(s.settings.language, Some(Lang::Ja));
        assert_eq!(s.hints, HintMode::Differing, "unmentioned settings stay");
    }
}
