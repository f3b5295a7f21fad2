//! The YAML parser's events, compacted into batches: each scalar's value is copied into the batch's buffer
//! and the parser's own string is freed on the thread that allocated it. On a large draft the parser runs on
//! a thread of its own (see `PARALLEL_FROM`) while the tree is built from the batches it hands over; batches
//! go back to the parser to be refilled, so their buffers are allocated once.

use super::ScalarStyle;
use saphyr_parser::{Event, Input, Parser, ScanError, StrInput};
use std::sync::mpsc;

/// From this size on, the parser runs on a thread of its own and the tree is built beside it: on a large
/// draft building the tree costs a third of parsing, and the two overlap. Below it, a thread costs more than
/// it saves.
pub const PARALLEL_FROM: usize = 1 << 20;
/// Events per batch.
const BATCH: usize = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    DocumentStart,
    /// The value is `Batch::value(first, len)`; `tagged` when a tag (`!t`) stands before it.
    Scalar {
        style: ScalarStyle,
        first: u32,
        len: u32,
        tagged: bool,
    },
    Alias,
    SequenceStart,
    MappingStart,
    SequenceEnd,
    MappingEnd,
    StreamEnd,
    /// Events the tree has no use for (stream start, document end).
    Other,
}

/// One event, its anchor (0 for none) and its position in characters, as the parser counts.
#[derive(Debug, Clone, Copy)]
pub struct Item {
    pub kind: Kind,
    pub anchor: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Default)]
pub struct Batch {
    pub items: Vec<Item>,
    values: String,
    /// The syntax error that ended the events, after `items`.
    pub error: Option<ScanError>,
}

impl Batch {
    pub fn value(&self, first: u32, len: u32) -> &str {
        &self.values[first as usize..(first + len) as usize]
    }

    /// Refills the batch with up to `BATCH` events; false once the events have ended.
    fn fill<'i, T: Input>(&mut self, parser: &mut Parser<'i, T>) -> bool {
        self.items.clear();
        self.values.clear();
        while self.items.len() < BATCH {
            let (event, span) = match parser.next_event() {
                None => return false,
                Some(Err(e)) => {
                    self.error = Some(e);
                    return false;
                }
                Some(Ok(ok)) => ok,
            };
            let (kind, anchor) = match event {
                Event::DocumentStart(_) => (Kind::DocumentStart, 0),
                Event::Scalar(value, style, anchor, tag) => {
                    let style = match style {
                        saphyr_parser::ScalarStyle::Plain => ScalarStyle::Plain,
                        saphyr_parser::ScalarStyle::SingleQuoted => ScalarStyle::SingleQuoted,
                        saphyr_parser::ScalarStyle::DoubleQuoted => ScalarStyle::DoubleQuoted,
                        saphyr_parser::ScalarStyle::Literal => ScalarStyle::Literal,
                        saphyr_parser::ScalarStyle::Folded => ScalarStyle::Folded,
                    };
                    let first = self.values.len() as u32;
                    self.values.push_str(&value);
                    (Kind::Scalar { style, first, len: value.len() as u32, tagged: tag.is_some() }, anchor)
                }
                Event::Alias(_) => (Kind::Alias, 0),
                Event::SequenceStart(anchor, _) => (Kind::SequenceStart, anchor),
                Event::MappingStart(anchor, _) => (Kind::MappingStart, anchor),
                Event::SequenceEnd => (Kind::SequenceEnd, 0),
                Event::MappingEnd => (Kind::MappingEnd, 0),
                Event::StreamEnd => (Kind::StreamEnd, 0),
                _ => (Kind::Other, 0),
            };
            self.items.push(Item { kind, anchor, start: span.start.index(), end: span.end.index() });
            if kind == Kind::StreamEnd {
                return false;
            }
        }
        true
    }
}

/// Parses `text`, handing each batch of events to `take` until it returns false or the events end.
pub fn stream(text: &str, parallel: bool, mut take: impl FnMut(&Batch) -> bool) {
    if !parallel {
        let mut parser = Parser::new_from_str(text);
        let mut batch = Batch::default();
        loop {
            let more = batch.fill(&mut parser);
            if !take(&batch) || !more {
                return;
            }
        }
    }
    std::thread::scope(|scope| {
        let (full, filled) = mpsc::sync_channel::<Batch>(4);
        let (empty, emptied) = mpsc::channel::<Batch>();
        scope.spawn(move || {
            let mut parser: Parser<StrInput> = Parser::new_from_str(text);
            loop {
                let mut batch = emptied.try_recv().unwrap_or_default();
                let more = batch.fill(&mut parser);
                // The builder hangs up when it stops at a fatal problem: parse no further.
                if full.send(batch).is_err() || !more {
                    return;
                }
            }
        });
        for batch in filled {
            if !take(&batch) {
                return;
            }
            let _ = empty.send(batch);
        }
    });
}
