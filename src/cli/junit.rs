//! `--format junit`: JUnit XML, one test suite per file and one failing test case per diagnostic (a file
//! without diagnostics is one passing case), for CI systems that show test reports.

use super::Checked;
use crate::diagnostics::Lang;
use crate::text::LineIndex;

fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

pub fn render(checked: &[Checked], lang: Lang) -> String {
    let total: usize = checked.iter().map(|c| c.diagnostics.len().max(1)).sum();
    let failures: usize = checked.iter().map(|c| c.diagnostics.len()).sum();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"senshin-lint\" tests=\"{total}\" failures=\"{failures}\">\n"
    );
    for c in checked {
        let path = xml(&c.path);
        let n = c.diagnostics.len();
        out.push_str(&format!("  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{n}\" errors=\"0\">\n", n.max(1)));
        if n == 0 {
            out.push_str(&format!("    <testcase name=\"senshin-lint\" classname=\"{path}\"/>\n"));
        }
        let index = LineIndex::new(&c.text);
        for d in &c.diagnostics {
            let at = index.line_col(&c.text, d.span.start);
            let (line, col) = (at.line + 1, at.chars + 1);
            let message = xml(d.message.get(lang));
            out.push_str(&format!(
                "    <testcase name=\"{} {line}:{col}\" classname=\"{path}\">\n      <failure type=\"{}\" message=\"{message}\">{path}:{line}:{col}: {} [{}] {message}</failure>\n    </testcase>\n",
                d.rule,
                d.rule,
                d.severity.as_str(),
                d.rule,
            ));
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
