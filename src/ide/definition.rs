//! Go to definition between a zero-case entry and its technology's row in the cost table, both ways.

use crate::Analysis;
use crate::model::Part;
use crate::syntax::locate;
use crate::text::Span;

/// From a zero-case entry's 告示番号 to the first cost-table row of that technology, or from a cost-table
/// row's 告示番号 to its zero-case entry.
pub fn definition(analysis: &Analysis, offset: usize) -> Option<Span> {
    let at = locate(&analysis.tree, offset);
    let keys = at.keys();
    let report = &analysis.report;
    let part = |p: &str| Part::from_key(p).unwrap_or(Part::A);
    match keys.as_slice() {
        ["zero_cases", p, "-", "notice"] => {
            let span = analysis.tree.span(at.node?);
            let entry =
                report.zero_cases.get(part(p))?.iter().find(|z| z.notice.as_ref().is_some_and(|n| n.span == span))?;
            let number = entry.notice.as_ref()?.value.number;
            let rows = &report.costs.get(part(p))?.rows;
            rows.iter().filter_map(|r| r.notice.as_ref()).find(|n| n.value.number == number).map(|n| n.span)
        }
        ["costs", p, "rows", "-", "notice"] => {
            let span = analysis.tree.span(at.node?);
            let row =
                report.costs.get(part(p))?.rows.iter().find(|r| r.notice.as_ref().is_some_and(|n| n.span == span))?;
            let number = row.notice.as_ref()?.value.number;
            let entries = report.zero_cases.get(part(p))?;
            entries.iter().filter_map(|z| z.notice.as_ref()).find(|n| n.value.number == number).map(|n| n.span)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_ways() {
        let text = include_str!("../../examples/r6/report.yaml");
        let analysis = crate::analyze(text);
        let entry =
            text.find("    - notice: \"26\"\n      name: \"血中循環腫瘍DNA").unwrap() + "    - notice: ".len() + 1;
        let row = definition(&analysis, entry).expect("to the row");
        assert_eq!(&text[row.range()], "\"26\"");
        assert!(row.start < entry);
        let back = definition(&analysis, row.start + 1).expect("back to the entry");
        assert_eq!(back.start, entry - 1);
    }
}
