//! What became of one draft: what the run reports and writes for it.

use super::Checked;

/// One draft done: its diagnostics, and for `--fix` what else there is to say.
pub struct Done {
    pub checked: Checked,
    /// Bytes for standard output before the report goes on: standard input's whole resulting text, or a diff.
    pub output: Option<Vec<u8>>,
    /// Fixes applied and written.
    pub applied: usize,
    /// Whether fixing changed the text.
    pub changed: bool,
    /// Why a fixed draft was not written.
    pub problem: Option<String>,
}

impl Done {
    pub fn checked(checked: Checked) -> Done {
        Done { checked, output: None, applied: 0, changed: false, problem: None }
    }
}
