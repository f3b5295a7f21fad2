//! Which files are report drafts. A workspace holds other YAML (CI configurations, say) that must never get
//! report diagnostics, so a file lights up only when it looks like a draft.

/// The top-level sections of a draft.
const SECTIONS: [&str; 6] = ["report:", "summary:", "changes:", "history:", "costs:", "zero_cases:"];

/// The marker that makes any YAML file a draft, for a draft not yet written.
pub const MARKER: &str = "# senshin-lint: draft";

/// Whether a file's name says YAML (`.yaml` or `.yml`, in any case).
pub fn is_yaml_name(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".yaml") || lower.ends_with(".yml")
}

/// A file is a draft when it is YAML (by name) and either has two of the six top-level sections (`report:`,
/// `summary:`, `changes:`, `history:`, `costs:`, `zero_cases:`, at the start of a line) or contains the line
/// `# senshin-lint: draft`.
pub fn is_report_draft(path: &str, text: &str) -> bool {
    if !is_yaml_name(path) {
        return false;
    }
    let mut found = 0;
    for line in text.lines() {
        let line = line.trim_start_matches('\u{feff}');
        if line.trim_end() == MARKER {
            return true;
        }
        if SECTIONS.iter().any(|s| line.starts_with(s)) {
            found += 1;
            if found >= 2 {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_and_other_yaml() {
        assert!(is_report_draft("r.yaml", "report:\n  title: x\nsummary:\n"));
        assert!(is_report_draft("R.YML", "# senshin-lint: draft\n"));
        assert!(!is_report_draft("ci.yml", "jobs:\n  test:\n    steps: []\n"));
        assert!(!is_report_draft("ci.yml", "report: x\n"));
        assert!(!is_report_draft("notes.txt", "report:\nsummary:\n"));
    }
}
