//! What an analysis is asked for besides the draft: the language of its messages, the rounding of a draft that
//! does not state its own, and a level per rule. One resolution for every front end: the `senshin-lint.toml`
//! found from the draft's own folder upward (`config`), with the command line's flags or the editor's settings
//! on top (`Settings::with`). Each setting has one parser (`FromStr` on `Lang`, `Rounding`, `Severity` and
//! `Level`), so a word accepted in one place is accepted in all.

use crate::diagnostics::{Diagnostic, Lang, Message, RuleId, Severity};
use crate::model::Rounding;
use std::collections::BTreeMap;

/// How loudly a rule speaks: not at all, or at a severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

impl std::str::FromStr for Level {
    type Err = Message;

    fn from_str(s: &str) -> Result<Level, Message> {
        match s.trim() {
            "off" | "無効" | "オフ" => Ok(Level::Off),
            other => other.parse().map(Level::On).map_err(|_| {
                Message::new(
                    format!(
                        "扱い「{other}」は使えません。「無効」「情報」「警告」「エラー」のいずれかを書いてください（「off」「info」「warning」「error」でも構いません）。"
                    ),
                    format!("`{other}` is not a level: off, info, warning or error"),
                )
            }),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub language: Option<Lang>,
    /// For a draft that does not state its own (`report.rounding`).
    pub rounding: Option<Rounding>,
    pub levels: BTreeMap<RuleId, Level>,
    /// Last year's draft, for the `previous-*` rules.
    pub previous: Option<PreviousPath>,
}

/// Where last year's draft is, as a configuration file (from its folder) or the command line names it. The
/// draft's own `report.previous` wins over a configuration's, the command line's over both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousPath {
    pub path: std::path::PathBuf,
    /// Given on the command line (or by the editor), so it wins over the draft's own `report.previous`.
    pub overrides_draft: bool,
}

impl Settings {
    /// These settings with what `over` sets on top: its language and rounding when it has them, its level for
    /// each rule it names.
    pub fn with(&self, over: &Settings) -> Settings {
        let mut levels = self.levels.clone();
        levels.extend(over.levels.iter().map(|(&r, &l)| (r, l)));
        Settings {
            language: over.language.or(self.language),
            rounding: over.rounding.or(self.rounding),
            levels,
            previous: over.previous.clone().or_else(|| self.previous.clone()),
        }
    }

    /// The rule a user named, or why not (`catalogue::named`).
    pub fn rule(id: &str) -> Result<RuleId, Message> {
        crate::catalogue::named(id)
    }

    /// Diagnostics as the levels want them: rules turned off are dropped, severities overridden.
    pub fn apply_levels(&self, diagnostics: &mut Vec<Diagnostic>) {
        if self.levels.is_empty() {
            return;
        }
        diagnostics.retain_mut(|d| match self.levels.get(&d.rule) {
            Some(Level::Off) => false,
            Some(Level::On(s)) => {
                d.severity = *s;
                true
            }
            None => true,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_front_end_reads_the_same_words() {
        for (word, rounding) in [("half_up", Rounding::HalfUp), ("四捨五入", Rounding::HalfUp)].into_iter().chain([
            ("down", Rounding::Down),
            ("切り捨て", Rounding::Down),
            ("切捨て", Rounding::Down),
        ]) {
            assert_eq!(word.parse::<Rounding>(), Ok(rounding));
        }
        assert!("round".parse::<Rounding>().unwrap_err().ja.contains("四捨五入"));
        assert_eq!("警告".parse::<Level>(), Ok(Level::On(Severity::Warning)));
        assert_eq!("off".parse::<Level>(), Ok(Level::Off));
        assert_eq!("日本語".parse::<Lang>(), Ok(Lang::Ja));
        assert!(Settings::rule("column-summ").unwrap_err().en.contains("did you mean `column-sum`"));
    }

    #[test]
    fn the_upper_layer_wins_rule_by_rule() {
        let mut file = Settings { language: Some(Lang::Ja), rounding: Some(Rounding::Down), ..Settings::default() };
        file.levels.insert(RuleId::ColumnSum, Level::Off);
        file.levels.insert(RuleId::PriorCases, Level::On(Severity::Error));
        let mut editor = Settings { language: Some(Lang::En), ..Settings::default() };
        editor.levels.insert(RuleId::ColumnSum, Level::On(Severity::Info));
        let both = file.with(&editor);
        assert_eq!((both.language, both.rounding), (Some(Lang::En), Some(Rounding::Down)));
        assert_eq!(both.levels[&RuleId::ColumnSum], Level::On(Severity::Info));
        assert_eq!(both.levels[&RuleId::PriorCases], Level::On(Severity::Error));
    }
}
