//! The only place where the server converts between LSP positions and the library's byte offsets, in the
//! negotiated encoding (UTF-8 when the client offers it, UTF-16 otherwise).

use crate::diagnostics::{self, Lang, Severity};
use crate::text::{LineIndex, Span};
use ropey::Rope;
use tower_lsp_server::ls_types::{self as lsp, Position, Range, Uri};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
}

/// A position in the rope as a char index, clamped to the line's end (a client may send a column past it)
/// and to the document's end.
pub fn char_index(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    let line_slice = rope.line(line);
    // The line's content without its break: a column never reaches into the break.
    let mut content = line_slice.len_chars();
    while content > 0 && matches!(line_slice.char(content - 1), '\n' | '\r') {
        content -= 1;
    }
    let col = pos.character as usize;
    let within = match enc {
        Encoding::Utf16 => {
            let base = line_slice.char_to_utf16_cu(0);
            let max = line_slice.char_to_utf16_cu(content);
            line_slice.utf16_cu_to_char((base + col).min(max))
        }
        Encoding::Utf8 => {
            let max = line_slice.char_to_byte(content);
            line_slice.byte_to_char(col.min(max))
        }
    };
    start + within.min(content)
}

pub fn position(text: &str, index: &LineIndex, offset: usize, enc: Encoding) -> Position {
    let lc = index.line_col(text, offset);
    let character = match enc {
        Encoding::Utf8 => lc.utf8,
        Encoding::Utf16 => lc.utf16,
    };
    Position::new(lc.line as u32, character as u32)
}

pub fn range(text: &str, index: &LineIndex, span: Span, enc: Encoding) -> Range {
    Range::new(position(text, index, span.start, enc), position(text, index, span.end, enc))
}

/// A byte offset of the analysed text from an LSP position.
pub fn offset(text: &str, index: &LineIndex, pos: Position, enc: Encoding) -> usize {
    let Some(start) = index.line_start(pos.line as usize) else { return text.len() };
    let line_end = text[start..].find(['\n', '\r']).map_or(text.len(), |i| start + i);
    let line = &text[start..line_end];
    let col = pos.character as usize;
    let within = match enc {
        Encoding::Utf8 => {
            let mut b = col.min(line.len());
            while !line.is_char_boundary(b) {
                b -= 1;
            }
            b
        }
        Encoding::Utf16 => {
            let mut units = 0;
            let mut bytes = line.len();
            for (i, c) in line.char_indices() {
                if units >= col {
                    bytes = i;
                    break;
                }
                units += c.len_utf16();
            }
            bytes
        }
    };
    start + within
}

pub fn span(text: &str, index: &LineIndex, range: Range, enc: Encoding) -> Span {
    let (a, b) = (offset(text, index, range.start, enc), offset(text, index, range.end, enc));
    Span::new(a.min(b), a.max(b))
}

/// Where the rule's documentation is: a `senshin-lint:` URI that the editor integrations open with
/// `senshin-lint explain`.
pub fn rule_uri(rule: &str) -> Option<Uri> {
    format!("senshin-lint:rules/{rule}").parse().ok()
}

pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// `previous`: last year's draft (its URI, text and index), where the labels marked `in_previous` point.
pub fn diagnostic(
    d: &diagnostics::Diagnostic,
    uri: &Uri,
    text: &str,
    index: &LineIndex,
    previous: Option<(&Uri, &str, &LineIndex)>,
    enc: Encoding,
    lang: Lang,
) -> lsp::Diagnostic {
    let mut message = d.message.get(lang).to_owned();
    for note in &d.notes {
        message.push('\n');
        message.push_str(note.get(lang));
    }
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| {
            let (uri, text, index) = match previous.filter(|_| l.in_previous) {
                Some(p) => p,
                None => (uri, text, index),
            };
            lsp::DiagnosticRelatedInformation {
                location: lsp::Location { uri: uri.clone(), range: range(text, index, l.span, enc) },
                message: l.message.get(lang).to_owned(),
            }
        })
        .collect();
    lsp::Diagnostic {
        range: range(text, index, d.span, enc),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.rule.name().to_owned())),
        code_description: rule_uri(d.rule.name()).map(|href| lsp::CodeDescription { href }),
        source: Some("senshin-lint".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_in_both_encodings() {
        let text = "a: 陽子線\r\nb: 𠮷x\n";
        let rope = Rope::from_str(text);
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        let p16 = position(text, &index, x, Encoding::Utf16);
        let p8 = position(text, &index, x, Encoding::Utf8);
        assert_eq!((p16.line, p16.character), (1, 5));
        assert_eq!((p8.line, p8.character), (1, 7));
        assert_eq!(offset(text, &index, p16, Encoding::Utf16), x);
        assert_eq!(offset(text, &index, p8, Encoding::Utf8), x);
        assert_eq!(rope.char_to_byte(char_index(&rope, p16, Encoding::Utf16)), x);
        assert_eq!(rope.char_to_byte(char_index(&rope, p8, Encoding::Utf8)), x);
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "ab\r\ncd";
        let rope = Rope::from_str(text);
        assert_eq!(char_index(&rope, Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(char_index(&rope, Position::new(9, 0), Encoding::Utf16), 6);
        let index = LineIndex::new(text);
        assert_eq!(offset(text, &index, Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(offset(text, &index, Position::new(9, 0), Encoding::Utf8), 6);
    }
}
