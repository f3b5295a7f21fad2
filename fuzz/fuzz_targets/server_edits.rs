//! The server's edit path: a document, then edits at arbitrary LSP positions (inside lines, past their end,
//! past the document) in UTF-16 or UTF-8 coordinates, with arbitrary text. Invariants: no panic, and the
//! rope always holds valid text that analyses without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use senshin_lint::server::Encoding;
use senshin_lint::server::document::Document;
use tower_lsp_server::ls_types::{Position, Range};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let enc = if first & 1 == 0 { Encoding::Utf16 } else { Encoding::Utf8 };
    let mut doc = Document::new("f.yaml".into(), 1, 1, "report:\r\n  title: 陽子線𠮷\nsummary: {}\r".into());
    for op in rest.chunks(8) {
        if op.len() < 8 {
            break;
        }
        let start = Position::new(u32::from(op[0] % 8), u32::from(op[1] % 40));
        let end = Position::new(u32::from(op[2] % 8), u32::from(op[3] % 40));
        let pieces = ["", "a", "陽", "𠮷", "\r\n", "\n", "\r", "é\u{301}", "- ", ": "];
        let text = pieces[usize::from(op[4]) % pieces.len()].repeat(usize::from(op[5] % 4));
        let range = if op[6] % 16 == 0 { None } else { Some(Range::new(start, end)) };
        doc.apply(range, &text, enc);
    }
    let text = doc.rope.to_string();
    let _ = senshin_lint::lint(&text);
});
