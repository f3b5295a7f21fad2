//! Settings from `initializationOptions` and `workspace/didChangeConfiguration`:
//!
//! ```json
//! { "language": "ja" | "en", "inlayHints": "all" | "differing" | "off",
//!   "rules": { "mixed-punctuation": "off", "approved-count": "error" } }
//! ```
//!
//! The same object may also arrive wrapped as `{ "senshinLint": { … } }` (VS Code's section).

use crate::diagnostics::{Lang, Severity};
use crate::ide::HintMode;
use serde_json::Value;

#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `None`: follow the client's locale.
    pub language: Option<Lang>,
    pub hints: HintMode,
    /// A severity per rule id; `None` turns the rule off.
    pub rules: crate::config::Levels,
}

impl Settings {
    /// Reads what it recognises and leaves the rest as it was.
    pub fn update(&mut self, value: &Value) {
        let value = value.get("senshinLint").unwrap_or(value);
        match value.get("language").and_then(Value::as_str) {
            Some("ja") => self.language = Some(Lang::Ja),
            Some("en") => self.language = Some(Lang::En),
            Some(_) => self.language = None,
            None => {}
        }
        match value.get("inlayHints").and_then(Value::as_str) {
            Some("all") => self.hints = HintMode::All,
            Some("differing") => self.hints = HintMode::Differing,
            Some("off") => self.hints = HintMode::Off,
            _ => {}
        }
        if let Some(rules) = value.get("rules").and_then(Value::as_object) {
            self.rules.clear();
            for (id, level) in rules {
                let level = match level.as_str() {
                    Some("off") => None,
                    Some("error") => Some(Severity::Error),
                    Some("warning") => Some(Severity::Warning),
                    Some("info") => Some(Severity::Info),
                    _ => continue,
                };
                self.rules.insert(id.clone(), level);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_and_wrapped_settings() {
        let mut s = Settings::default();
        s.update(&serde_json::json!({"senshinLint": {"language": "en", "inlayHints": "differing", "rules": {"column-sum": "off", "approved-count": "error"}}}));
        assert_eq!(s.language, Some(Lang::En));
        assert_eq!(s.hints, HintMode::Differing);
        assert_eq!(s.rules.get("column-sum"), Some(&None));
        assert_eq!(s.rules.get("approved-count"), Some(&Some(Severity::Error)));
        s.update(&serde_json::json!({"language": "ja"}));
        assert_eq!(s.language, Some(Lang::Ja));
        assert_eq!(s.hints, HintMode::Differing, "unmentioned settings stay");
    }
}
