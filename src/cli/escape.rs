//! Text from a draft (values, keys, file names) made safe to print: a control character is spelled out as
//! `\u{1b}` instead of reaching a terminal, which would obey an escape sequence, or a CI log, which reads a
//! line break followed by `::error` as a command. The line and paragraph separators count as control here.

use std::borrow::Cow;

/// Whether a character is printed spelled out.
pub fn is_hidden(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// Appends `c`, spelled out when it is hidden.
pub fn push_visible(out: &mut String, c: char) {
    if is_hidden(c) {
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
    } else {
        out.push(c);
    }
}

/// `s` with every hidden character spelled out.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    s.chars().for_each(|c| push_visible(&mut out, c));
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_spelled_out() {
        assert_eq!(visible("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(visible("k\n::error::x"), "k\\u{a}::error::x");
        assert_eq!(visible("\u{85}\u{2028}"), "\\u{85}\\u{2028}");
        assert!(matches!(visible("陽子線 tab\tless"), Cow::Owned(_)));
        assert!(matches!(visible("陽子線"), Cow::Borrowed(_)));
    }
}
