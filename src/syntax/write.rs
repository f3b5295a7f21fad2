//! YAML as the draft format writes it, for every edit that writes new values or entries (a fix that adds a
//! zero-case entry, an imported table): one way to quote a text, one way to lay out a list of mappings.

/// YAML's printable characters (1.2, §5.1); the tab and line breaks are escaped apart.
fn printable(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7E}' | '\u{85}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// A text as a double-quoted YAML scalar: `"陽子線治療"`, line breaks as `\n`.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            // What YAML cannot print as it is (controls, U+FFFE, U+FFFF) is escaped, never written raw.
            c if !printable(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A mapping's fields in the order written.
pub type Mapping = Vec<(&'static str, Field)>;

/// A field's value: a scalar as it is to be written (already quoted where it needs to be), or a list of
/// mappings below its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Scalar(String),
    List(Vec<Mapping>),
}

/// A block list of mappings with its dashes at `indent` columns, each line ended by `eol`:
///
/// ```text
/// - notice: "9"
///   facilities:
///     - name: "…"
/// ```
pub fn block_list(items: &[Mapping], indent: usize, eol: &str) -> String {
    let mut out = String::new();
    for item in items {
        mapping_item(&mut out, item, indent, eol);
    }
    out
}

fn mapping_item(out: &mut String, item: &Mapping, indent: usize, eol: &str) {
    for (i, (key, field)) in item.iter().enumerate() {
        let lead = if i == 0 { format!("{}- ", " ".repeat(indent)) } else { " ".repeat(indent + 2) };
        match field {
            Field::Scalar(v) => out.push_str(&format!("{lead}{key}: {v}{eol}")),
            Field::List(items) if items.is_empty() => out.push_str(&format!("{lead}{key}: []{eol}")),
            Field::List(items) => {
                out.push_str(&format!("{lead}{key}:{eol}"));
                for it in items {
                    mapping_item(out, it, indent + 4, eol);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_quoted_and_lists_laid_out_as_the_draft_writes_them() {
        assert_eq!(quoted("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(quoted("a\u{FFFE}b\u{1}\n"), "\"a\\uFFFEb\\u0001\\n\"");
        let s = |v: &str| Field::Scalar(v.to_owned());
        let facility = vec![("name", s("\"病院\"")), ("reason", s("\"理由\""))];
        let items = vec![
            vec![("notice", s("\"9\"")), ("facilities", Field::List(vec![facility]))],
            vec![("notice", s("\"26\"")), ("facilities", Field::List(Vec::new()))],
        ];
        assert_eq!(
            block_list(&items, 2, "\n"),
            "  - notice: \"9\"\n    facilities:\n      - name: \"病院\"\n        reason: \"理由\"\n  - notice: \"26\"\n    facilities: []\n"
        );
    }
}
