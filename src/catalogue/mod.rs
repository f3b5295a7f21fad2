//! The rule catalogue: every rule's identity — id, group, default severity, whether it has fixes, a summary and
//! documentation in Japanese and English — as plain data, below every stage that reports one. The parser and
//! the lowering report `yaml-syntax` or `schema` by `RuleId` without knowing any check; the checks that read
//! the model are registered above it (`checks::ALL`).
//!
//! A check's documentation sits beside its code (`src/checks/<group>/<rule>.md` and `.ja.md`); a rule reported
//! while the text is read has its documentation here, in `reading/`.

mod rules;

pub use rules::RuleId;

use crate::text::{Lang, Message, edit_distance};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The word the Japanese outputs use: エラー, 警告, 情報.
    pub fn name_ja(self) -> &'static str {
        match self {
            Severity::Error => "エラー",
            Severity::Warning => "警告",
            Severity::Info => "情報",
        }
    }

    /// The word in `lang`: エラー or error.
    pub fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.name_ja(),
            Lang::En => self.as_str(),
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = Message;

    /// The severity's English word, or the Japanese one the messages use (エラー, 警告, 情報).
    fn from_str(s: &str) -> Result<Severity, Message> {
        match s.trim() {
            "error" | "エラー" => Ok(Severity::Error),
            "warning" | "警告" => Ok(Severity::Warning),
            "info" | "情報" => Ok(Severity::Info),
            other => Err(Message::new(
                format!(
                    "重大度「{other}」は使えません。「エラー」「警告」「情報」のいずれかを書いてください（「error」「warning」「info」でも構いません）。"
                ),
                format!("`{other}` is not a severity: error, warning or info"),
            )),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Syntax,
    Sums,
    Summary,
    Changes,
    ZeroCases,
    Numbering,
    Dates,
    Text,
    Previous,
}

impl Group {
    pub fn name(self) -> &'static str {
        match self {
            Group::Syntax => "syntax",
            Group::Sums => "sums",
            Group::Summary => "summary",
            Group::Changes => "changes",
            Group::ZeroCases => "zero_cases",
            Group::Numbering => "numbering",
            Group::Dates => "dates",
            Group::Text => "text",
            Group::Previous => "previous",
        }
    }

    /// The group as an official knows it: the part of the report it checks.
    pub fn name_ja(self) -> &'static str {
        match self {
            Group::Syntax => "書式",
            Group::Sums => "合計",
            Group::Summary => "実績の概要・過去５年間の実績",
            Group::Changes => "技術数の推移",
            Group::ZeroCases => "０件の説明（先－１－２）",
            Group::Numbering => "番号",
            Group::Dates => "日付",
            Group::Text => "文章",
            Group::Previous => "前年度の報告との照合",
        }
    }
}

/// One rule's identity.
#[derive(Debug)]
pub struct Rule {
    pub rule: RuleId,
    /// What users write: `column-sum`.
    pub id: &'static str,
    pub group: Group,
    pub severity: Severity,
    /// Whether some of its diagnostics carry a fix.
    pub fixable: bool,
    /// Whether a check reads the model for it (`checks::ALL`); otherwise a stage reports it while reading.
    pub checked: bool,
    /// One line in Japanese and in English.
    pub summary: (&'static str, &'static str),
    /// Markdown: what it checks, why it matters, an example that fails and one that passes.
    pub docs: &'static str,
    /// The same in Japanese.
    pub docs_ja: &'static str,
}

impl RuleId {
    pub fn rule(self) -> &'static Rule {
        &rules::ALL[self as usize]
    }

    /// The id users write.
    pub fn name(self) -> &'static str {
        self.rule().id
    }

    pub fn severity(self) -> Severity {
        self.rule().severity
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// Every rule, in catalogue order.
pub fn all() -> &'static [Rule] {
    rules::ALL
}

/// The rule a user names.
pub fn find(id: &str) -> Option<RuleId> {
    rules::ALL.iter().find(|r| r.id == id).map(|r| r.rule)
}

/// The rule a user named, or why not, with the nearest rule's id when it looks like a typo: one wording for the
/// configuration file, the editor's settings, suppression comments and `explain`.
pub fn named(id: &str) -> Result<RuleId, Message> {
    find(id).ok_or_else(|| match nearest(id) {
        Some(near) => Message::new(
            format!("検査「{id}」はありません。「{near}」のことと思われます。"),
            format!("there is no rule `{id}`; did you mean `{near}`?"),
        ),
        None => Message::new(
            format!("検査「{id}」はありません。一覧は senshin-lint rules で表示できます。"),
            format!("there is no rule `{id}` (senshin-lint rules lists them)"),
        ),
    })
}

/// The rule id nearest to a mistyped one, when one is near enough: for a did-you-mean.
pub fn nearest(id: &str) -> Option<RuleId> {
    let id = id.trim().to_ascii_lowercase().replace('_', "-");
    // A pasted paragraph is no typo of an id: it is not compared at all.
    if id.chars().count() > 64 {
        return None;
    }
    rules::ALL
        .iter()
        .map(|r| (edit_distance(&id, r.id), r.rule))
        .filter(|&(d, r)| d <= 3.max(r.name().len() / 3))
        .min_by_key(|&(d, _)| d)
        .map(|(_, r)| r)
}

/// The rule table of the README, generated from the catalogue.
pub fn markdown_table() -> String {
    let mut out =
        String::from("| rule | group | severity | fix | checks (ja) | checks (en) |\n|---|---|---|---|---|---|\n");
    for r in rules::ALL {
        let fix = if r.fixable { "yes" } else { "" };
        out.push_str(&format!(
            "| `{}` | {} | {} | {fix} | {} | {} |\n",
            r.id,
            r.group.name(),
            r.severity.as_str(),
            r.summary.0,
            r.summary.1.replace('|', "\\|")
        ));
    }
    out
}

/// What `senshin-lint explain` prints.
pub fn explain(rule: RuleId, lang: Lang) -> String {
    let rule = rule.rule();
    let (summary, docs) = match lang {
        Lang::Ja => (rule.summary.0, rule.docs_ja),
        Lang::En => (rule.summary.1, rule.docs),
    };
    let line = match lang {
        Lang::Ja => format!(
            "分類：{}　重大度：{}　修正案：{}{}",
            rule.group.name_ja(),
            rule.severity.name_ja(),
            if rule.fixable { "あり" } else { "なし" },
            if rule.checked { "" } else { "　下書きを読み取る段階で検査" }
        ),
        Lang::En => format!(
            "{} · {} · {}{}",
            rule.group.name(),
            rule.severity.as_str(),
            if rule.fixable { "fixable" } else { "no fix" },
            if rule.checked { "" } else { " · reported while reading the draft" }
        ),
    };
    format!("# {}\n\n{}\n\n{line}\n\n{}", rule.id, summary, docs.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_in_catalogue_order_and_a_typo_finds_its_rule() {
        for (i, r) in all().iter().enumerate() {
            assert_eq!(r.rule as usize, i, "{}", r.id);
            assert_eq!(find(r.id), Some(r.rule));
        }
        assert_eq!(nearest("column-summ"), Some(RuleId::ColumnSum));
        assert_eq!(nearest("colum_sum"), Some(RuleId::ColumnSum));
        assert_eq!(nearest("zero-case-mising"), Some(RuleId::ZeroCaseMissing));
        assert_eq!(nearest("something-else-entirely"), None);
    }
}
