//! Hover: a key's Japanese label, a derived figure's derivation, a yen amount in 億円, the technology a
//! zero-case 告示番号 refers to, and a rule's documentation on its id in a suppression comment.

use super::yen::yen_cells;
use crate::Analysis;
use crate::catalogue;
use crate::diagnostics::{Lang, oku_near};
use crate::model::{Part, Rounding, fields};
use crate::syntax::locate;
use crate::text::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverInfo {
    pub span: Span,
    /// Markdown.
    pub text: String,
}

pub fn hover(analysis: &Analysis, text: &str, offset: usize, lang: Lang) -> Option<HoverInfo> {
    if let Some(h) = rule_in_comment(analysis, text, offset, lang) {
        return Some(h);
    }
    let at = locate(&analysis.tree, offset);
    let keys = at.keys();
    if let Some(span) = at.on_key {
        let field = fields::field(&keys)?;
        return Some(HoverInfo { span, text: format!("**{}** (`{}`)", field.ja, field.key) });
    }
    let node = at.node?;
    let span = analysis.tree.span(node);
    let label = fields::field(&keys).map(|f| format!("**{}**\n\n", f.ja)).unwrap_or_default();
    if let Some(d) = analysis.figures.iter().find(|d| d.span == span) {
        return Some(HoverInfo { span, text: format!("{label}{}", d.derivation.get(lang)) });
    }
    if let Some((_, yen)) = yen_cells(&analysis.report).into_iter().find(|(s, _)| *s == span) {
        return Some(HoverInfo {
            span,
            text: format!("{label}{} 億円", oku_near(yen, 1, analysis.report.meta.rounding == Rounding::HalfUp)),
        });
    }
    if let ["zero_cases", p, "-", "notice"] = keys.as_slice() {
        return technology(analysis, Part::from_key(p).unwrap_or(Part::A), span, lang);
    }
    (!label.is_empty()).then(|| HoverInfo { span, text: label.trim_end().to_owned() })
}

/// The cost-table rows of the technology whose zero-case 告示番号 is at `span`.
fn technology(analysis: &Analysis, part: Part, span: Span, lang: Lang) -> Option<HoverInfo> {
    let entry =
        analysis.report.zero_cases.get(part)?.iter().find(|z| z.notice.as_ref().is_some_and(|n| n.span == span))?;
    let number = entry.notice.as_ref()?.value.number;
    let table = analysis.report.costs.get(part)?;
    let rows: Vec<String> = table
        .rows
        .iter()
        .filter(|r| r.notice.as_ref().is_some_and(|n| n.value.number == number))
        .map(|r| {
            let notice = r.notice.as_ref().map_or(String::new(), |n| n.value.to_string());
            let name = r.name.as_ref().map_or("", |n| n.value.as_str());
            let effective = r.effective.as_ref().map_or(String::new(), |e| crate::model::read::era_text(e.value));
            let cases = r.cases.as_ref().map_or(String::new(), |c| c.value.count().to_string());
            match lang {
                Lang::Ja => format!("- 告示番号 {notice} {name}（適用 {effective}、年間実施件数 {cases}件）"),
                Lang::En => format!("- 告示番号 {notice} {name} (effective {effective}, {cases} cases)"),
            }
        })
        .collect();
    let head = match lang {
        Lang::Ja => format!("{} 費用の表", part.label()),
        Lang::En => format!("{} cost table", part.label()),
    };
    (!rows.is_empty()).then(|| HoverInfo { span, text: format!("**{head}**\n\n{}", rows.join("\n")) })
}

/// The documentation of the rule id under the cursor in `# senshin-lint: ignore[…]` or `ignore-file[…]`.
fn rule_in_comment(analysis: &Analysis, text: &str, offset: usize, lang: Lang) -> Option<HoverInfo> {
    let c = analysis.tree.comments.iter().find(|c| c.span.start <= offset && offset <= c.span.end)?;
    let found = crate::suppress::suppressions(text, std::slice::from_ref(c));
    let (id, span) = found.first()?.ids.iter().find(|(_, s)| s.start <= offset && offset <= s.end)?;
    Some(HoverInfo { span: *span, text: catalogue::explain(catalogue::find(id)?, lang) })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUBLISHED: &str = include_str!("../../examples/r6/report.yaml");

    fn at(text: &str, needle: &str, lang: Lang) -> String {
        let analysis = crate::analyze(text);
        hover(&analysis, text, text.find(needle).unwrap() + 1, lang).unwrap().text
    }

    #[test]
    fn keys_figures_notices_and_rules() {
        assert_eq!(
            at(PUBLISHED, "insured_cost", Lang::Ja),
            "**④ 保険外併用療養費の総額（保険診療分）** (`insured_cost`)"
        );
        assert!(
            at(PUBLISHED, "約911.1億円", Lang::Ja)
                .ends_with("Σ 総合計 = 91,117,710,124 円 ≈ 911.18 億円 → 約911.2億円")
        );
        assert_eq!(at(PUBLISHED, "2,794,008,117", Lang::En), "**総合計（円）**\n\n≈ 27.94 億円");
        let notice = "    - notice: \"9\"\n      name: \"糖鎖";
        let analysis = crate::analyze(PUBLISHED);
        let value = PUBLISHED.find(notice).unwrap() + "    - notice: ".len() + 1;
        let h = hover(&analysis, PUBLISHED, value, Lang::Ja).unwrap();
        assert!(
            h.text.contains(
                "告示番号 9 糖鎖ナノテクノロジーを用いた高感度ウイルス検査（適用 平成30年1月1日、年間実施件数 0件）"
            ),
            "{}",
            h.text
        );
        let with_comment = format!("{PUBLISHED}# senshin-lint: ignore[column-sum, prior-cases]\n");
        assert!(at(&with_comment, "prior-cases]", Lang::En).starts_with("# prior-cases"));
        let file_wide = format!("# senshin-lint: ignore-file[mixed-punctuation]\n{PUBLISHED}");
        assert!(at(&file_wide, "mixed-punctuation]", Lang::Ja).starts_with("# mixed-punctuation"));
    }
}
