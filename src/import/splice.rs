//! Where a table's new text goes in the draft: in place of the value of `costs.A` (or `.B`), the key's own
//! line kept with its comment; after the other tables when the draft has no such key; at the end when it has no
//! `costs`. Everything else stays byte for byte.

use crate::diagnostics::Message;
use crate::syntax::{NodeKind, Tree};
use crate::text::Span;

/// The end of the line holding `offset`, after its line break.
fn next_line(text: &str, offset: usize) -> usize {
    // A value's last byte may be inside a character (`plan: 未記入`): its line is the same.
    let offset = text.floor_char_boundary(offset);
    text[offset..].find('\n').map_or(text.len(), |i| offset + i + 1)
}

/// The start of the line holding `offset`.
fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// The column of `offset` in its line, in characters (YAML indents with spaces, so bytes would do too).
fn column(text: &str, offset: usize) -> usize {
    text[line_start(text, offset)..offset].chars().count()
}

/// The edit that writes `block(indent)` as the value of `<section>.<part>` (`costs.A`, `zero_cases.B`); `block`
/// gives the value's lines for a key indented `indent` columns.
pub fn table_edit(
    text: &str,
    tree: &Tree,
    section: &str,
    part: &str,
    block: &dyn Fn(usize) -> String,
) -> Result<(Span, String), Message> {
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let root = tree.root.filter(|&r| tree.node(r).kind == NodeKind::Mapping).ok_or_else(|| {
        Message::new(
            "下書きの最上位が項目の並びになっていないため、取り込めません。",
            "the draft's top level is not a mapping of sections: nothing imported",
        )
    })?;
    let Some(costs) = tree.get(root, section) else {
        // No such section yet: a new one at the end.
        let end = text.len();
        let sep = if text.is_empty() || text.ends_with('\n') { "" } else { eol };
        return Ok((Span::new(end, end), format!("{sep}{section}:{eol}  {part}:{eol}{}", block(2))));
    };
    let costs_value = costs.value;
    let entries = tree.entries(costs_value).unwrap_or_default();
    let Some(entry) = entries.iter().find(|e| tree.scalar(e.key) == Some(part)) else {
        if tree.is_null(costs_value) {
            // `costs:` with nothing (a new line below it), or `costs: ~` (from its colon to the end of its line).
            let key = tree.span(costs.key);
            let at = next_line(text, key.end);
            let body = format!("  {part}:{eol}{}", block(2));
            if tree.span(costs_value).is_empty() {
                return Ok((Span::new(at, at), body));
            }
            let colon = key.end + text[key.end..].find(':').map_or(0, |i| i + 1);
            let broken = if text[..at].ends_with("\r\n") { 2 } else { usize::from(text[..at].ends_with('\n')) };
            return Ok((Span::new(colon, at - broken), format!("{eol}{}", body.strip_suffix(eol).unwrap_or(&body))));
        }
        // After the last table, at the tables' indentation.
        let last = entries.last().ok_or_else(not_tables)?;
        let indent = column(text, tree.span(last.key).start);
        let at = next_line(text, tree.span(last.value).end.max(tree.span(last.key).end));
        let sep = if text[..at].ends_with('\n') { "" } else { eol };
        return Ok((Span::new(at, at), format!("{sep}{}{part}:{eol}{}", " ".repeat(indent), block(indent))));
    };
    let key = tree.span(entry.key);
    let indent = column(text, key.start);
    let value = tree.span(entry.value);
    let after_key = next_line(text, key.end);
    // The end of the value's last line, after its line break.
    let value_end = next_line(text, value.end.saturating_sub(1).max(value.start));
    let sep = if text[..after_key].ends_with('\n') { "" } else { eol };
    if tree.is_null(entry.value) && value.is_empty() {
        return Ok((Span::new(after_key, after_key), format!("{sep}{}", block(indent))));
    }
    if value.start >= after_key {
        // A block below the key: its lines are replaced, the key's line (and its comment) stays.
        return Ok((Span::new(after_key, value_end), format!("{sep}{}", block(indent))));
    }
    // A value on the key's own line (`A: []`): from the colon to the end of the value's last line; a comment
    // after the value (`A: []   # none this year`) stays on the key's line.
    let colon = key.end + text[key.end..].find(':').map_or(0, |i| i + 1);
    let broken = if text[..value_end].ends_with("\r\n") { 2 } else { usize::from(text[..value_end].ends_with('\n')) };
    let rest = text[value.end.min(value_end - broken)..value_end - broken].trim();
    let comment = if rest.starts_with('#') { format!(" {rest}") } else { String::new() };
    let body = block(indent);
    Ok((Span::new(colon, value_end - broken), format!("{comment}{eol}{}", body.strip_suffix(eol).unwrap_or(&body))))
}

fn not_tables() -> Message {
    Message::new(
        "下書きの表の書き方が読み取れないため、取り込めません。ほかの表と同じ形に直してから取り込んでください。",
        "the draft's tables cannot be read: write them in the same form as the others, then import again",
    )
}
