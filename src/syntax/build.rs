//! Events to tree, iteratively, with limits. What YAML allows but a report draft must not contain
//! (several documents, anchors and aliases, duplicate keys) is reported here, with its position.

use super::chars::CharToByte;
use super::comments;
use super::events::{self, Batch, Kind};
use super::tree::{Entry, NodeId, ScalarStyle, Tree};
use crate::diagnostics::RuleId;
use crate::diagnostics::{Diagnostic, Found, Message};
use crate::text::Span;
use saphyr_parser::ScanError;

/// Deepest nesting accepted. A report nests six levels; anything far deeper is a mistake or an attack.
pub const MAX_DEPTH: usize = 64;
/// Most nodes accepted: a 100,000-row draft has about two million.
pub const MAX_NODES: usize = 8_000_000;

/// An open collection. Its children wait in the builder's `items` or `entries` from `first` on, shared by
/// all open collections, so that no collection needs a vector of its own.
enum Frame {
    Sequence { start: usize, first: usize },
    Mapping { start: usize, first: usize, key: Option<NodeId> },
}

struct Builder<'a> {
    text: &'a str,
    pos: CharToByte<'a>,
    tree: Tree,
    stack: Vec<Frame>,
    items: Vec<NodeId>,
    entries: Vec<Entry>,
    hashes: comments::Hashes,
    diags: Found,
    documents: usize,
}

/// Parses `text`; the tree holds everything read up to the first fatal problem.
pub fn parse(text: &str) -> (Tree, Found) {
    parse_with(text, text.len() >= events::PARALLEL_FROM)
}

/// `parse`, on one thread or two; both give the same result (public for the fuzzer, which compares them).
#[doc(hidden)]
pub fn parse_with(text: &str, parallel: bool) -> (Tree, Found) {
    let mut b = Builder {
        text,
        pos: CharToByte::new(text),
        tree: Tree::default(),
        stack: Vec::new(),
        items: Vec::new(),
        entries: Vec::new(),
        hashes: comments::Hashes::new(text),
        diags: Found::default(),
        documents: 0,
    };
    // Room for what a draft of this size holds, so the arenas are not copied while they grow.
    b.tree.reserve(text.len());
    b.run(parallel);
    b.tree.comments = b.hashes.comments(text);
    (b.tree, b.diags)
}

impl Builder<'_> {
    fn run(&mut self, parallel: bool) {
        if let Some(at) = self.non_ascii_directive() {
            let end = self.text[at..].find(['\n', '\r']).map_or(self.text.len(), |n| at + n);
            self.diags.push(Diagnostic::new(
                RuleId::YamlSyntax,
                Span::new(at, end),
                Message::new(
                    "「%」で始まる行（YAML のディレクティブ）に ASCII 以外の文字があります。報告書の下書きには不要な行です",
                    "a line starting with `%` (a YAML directive) contains non-ASCII characters; a draft needs no such line",
                ),
            ));
            return;
        }
        events::stream(self.text, parallel, |batch| self.batch(batch));
    }

    /// Adds a batch of events to the tree; false at the first fatal problem.
    fn batch(&mut self, batch: &Batch) -> bool {
        for item in &batch.items {
            let span = Span::new(self.pos.byte(item.start), self.pos.byte(item.end));
            let go_on = match item.kind {
                Kind::DocumentStart => self.document_start(span),
                Kind::Scalar { style, first, len, tagged } => {
                    self.anchor(item.anchor, span);
                    let value = batch.value(first, len);
                    // An anchor or tag stands before the value inside its span.
                    if item.anchor == 0 && !tagged && !self.located(value, style, span) {
                        return false;
                    }
                    self.hashes.scalar(span);
                    self.leaf(span, |tree| tree.push_scalar(value, style, span))
                }
                Kind::Alias => {
                    self.diags.push(Diagnostic::new(
                        RuleId::Schema,
                        span,
                        Message::new(
                            "「*」の記号で別の値を参照する書き方は、報告書の下書きでは使えません。値をそのまま書いてください。",
                            "aliases (*name) are not allowed in a report draft: write the value itself",
                        ),
                    ));
                    self.leaf(span, |tree| tree.push_alias(span))
                }
                Kind::SequenceStart => {
                    self.anchor(item.anchor, span);
                    self.open(Frame::Sequence { start: span.start, first: self.items.len() }, span)
                }
                Kind::MappingStart => {
                    self.anchor(item.anchor, span);
                    self.open(Frame::Mapping { start: span.start, first: self.entries.len(), key: None }, span)
                }
                Kind::SequenceEnd | Kind::MappingEnd => self.close(span),
                Kind::StreamEnd => false,
                Kind::Other => true,
            };
            if !go_on {
                return false;
            }
        }
        if let Some(e) = &batch.error {
            self.syntax_error(e);
            return false;
        }
        true
    }

    /// The parser miscounts positions after a directive with non-ASCII characters (it counts its bytes as
    /// characters), so such a line is refused before parsing.
    fn non_ascii_directive(&self) -> Option<usize> {
        let mut at = 0;
        for line in self.text.split_inclusive(['\n', '\r']) {
            if line.starts_with('%') && !line.is_ascii() {
                return Some(at);
            }
            at += line.len();
        }
        None
    }

    /// Whether a plain scalar stands where the parser says: its text must begin with the value's first
    /// character. A mismatch means positions can no longer be trusted, so reading stops there with a
    /// diagnostic rather than point at (or fix) the wrong place.
    fn located(&mut self, value: &str, style: ScalarStyle, span: Span) -> bool {
        let Some(first) = value.chars().next() else { return true };
        if style != ScalarStyle::Plain || self.text[span.range()].starts_with(first) {
            return true;
        }
        self.diags.push(Diagnostic::new(
            RuleId::YamlSyntax,
            Span::empty(span.start),
            Message::new(
                "この位置から先は文字の位置を正しく求められないため読みません",
                "positions cannot be determined reliably from here on, so the rest is not read",
            ),
        ));
        false
    }

    fn syntax_error(&mut self, e: &ScanError) {
        let at = self.pos.byte(e.marker().index());
        let end = self.text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
        let mut d = Diagnostic::new(
            RuleId::YamlSyntax,
            Span::new(at, end),
            Message::new(super::parser_words::japanese(e.info()), format!("YAML syntax error: {}", e.info())),
        )
        .note(Message::new(
            format!("読み取り処理の原文：{}", e.info()),
            "the fault is often in the indentation of this line or of the lines above it",
        ));
        // `key: -` is the most likely way to meet this: a bare `-` starts a list in YAML.
        if self.text[..at].ends_with(": ") && self.text[at..].starts_with('-') {
            d = d.note(Message::new(
                "「-」だけを値にするときは \"-\" と引用符で囲んでください",
                "a lone `-` as a value must be quoted: \"-\"",
            ));
        }
        self.diags.push(d);
    }

    fn document_start(&mut self, span: Span) -> bool {
        self.documents += 1;
        if self.documents == 1 {
            return true;
        }
        self.diags.push(Diagnostic::new(
            RuleId::YamlSyntax,
            span,
            Message::new(
                "報告書の下書きは1ファイルに1文書です。2つ目以降の文書は読みません",
                "a report draft is one YAML document; this second document and what follows are not read",
            ),
        ));
        false
    }

    fn anchor(&mut self, anchor: usize, span: Span) {
        if anchor == 0 {
            return;
        }
        let end = self.text[span.range()].find([' ', '\t', '\n', '\r']).map_or(span.end, |n| span.start + n);
        self.diags.push(Diagnostic::new(
            RuleId::Schema,
            Span::new(span.start, end),
            Message::new(
                "「&」の記号で値に名前を付ける書き方は、報告書の下書きでは使えません。",
                "anchors (&name) are not allowed in a report draft",
            ),
        ));
    }

    /// Adds a node made by `make` and attaches it to the open collection, within the node limit.
    fn leaf(&mut self, span: Span, make: impl FnOnce(&mut Tree) -> NodeId) -> bool {
        if !self.room(span) {
            return false;
        }
        let id = make(&mut self.tree);
        self.attach(id);
        true
    }

    /// Whether another node fits within `MAX_NODES`; if not, says so at `span`.
    fn room(&mut self, span: Span) -> bool {
        if self.tree.nodes.len() >= MAX_NODES {
            self.diags.push(Diagnostic::new(
                RuleId::YamlSyntax,
                span,
                Message::new(
                    format!("ノード数が上限 {MAX_NODES} を超えたため、ここから先は読みません"),
                    format!("more than {MAX_NODES} nodes: the rest of the file is not read"),
                ),
            ));
            return false;
        }
        true
    }

    fn open(&mut self, frame: Frame, span: Span) -> bool {
        if self.stack.len() >= MAX_DEPTH {
            self.diags.push(Diagnostic::new(
                RuleId::YamlSyntax,
                span,
                Message::new(
                    format!("入れ子が深すぎます（上限 {MAX_DEPTH} 段）。ここから先は読みません"),
                    format!("nesting deeper than {MAX_DEPTH} levels: the rest of the file is not read"),
                ),
            ));
            return false;
        }
        self.stack.push(frame);
        true
    }

    fn close(&mut self, end_span: Span) -> bool {
        let Some(frame) = self.stack.pop() else {
            return true;
        };
        // A flow collection ends at its bracket; a block one at its last child (its end event sits on the
        // next token, which may be lines away).
        let is_flow = !self.text[end_span.range()].is_empty();
        let span = |start: usize, last: Option<usize>| {
            let end = if is_flow { end_span.end } else { last.unwrap_or(start) };
            Span::new(start, end.max(start))
        };
        match frame {
            Frame::Sequence { start, first } => {
                let last = self.items[first..].last().map(|&i| self.tree.span(i).end);
                let span = span(start, last);
                if !self.room(span) {
                    return false;
                }
                let id = self.tree.push_sequence(&self.items[first..], span);
                self.items.truncate(first);
                self.attach(id);
                true
            }
            Frame::Mapping { start, first, .. } => {
                self.check_duplicates(first);
                let last =
                    self.entries[first..].last().map(|e| self.tree.span(e.value).end.max(self.tree.span(e.key).end));
                let span = span(start, last);
                if !self.room(span) {
                    return false;
                }
                let id = self.tree.push_mapping(&self.entries[first..], span);
                self.entries.truncate(first);
                self.attach(id);
                true
            }
        }
    }

    fn attach(&mut self, id: NodeId) {
        match self.stack.last_mut() {
            None => self.tree.root = Some(id),
            Some(Frame::Sequence { .. }) => self.items.push(id),
            Some(Frame::Mapping { key, .. }) => match key.take() {
                None => *key = Some(id),
                Some(k) => self.entries.push(Entry { key: k, value: id }),
            },
        }
    }

    fn check_duplicates(&mut self, first: usize) {
        let entries = &self.entries[first..];
        // Most mappings are small, and comparing every pair is cheaper than sorting their keys.
        if entries.len() <= 16 {
            let keys = entries.iter().map(|e| self.tree.scalar(e.key));
            let mut seen: [Option<&str>; 16] = [None; 16];
            let mut duplicate = false;
            for (i, k) in keys.enumerate() {
                duplicate |= k.is_some() && seen[..i].contains(&k);
                seen[i] = k;
            }
            if !duplicate {
                return;
            }
        }
        let mut keys: Vec<(&str, usize)> =
            entries.iter().enumerate().filter_map(|(i, e)| self.tree.scalar(e.key).map(|k| (k, i))).collect();
        keys.sort();
        for pair in keys.windows(2) {
            let ((key, first), (_, again)) = (pair[0], pair[1]);
            if pair[0].0 != pair[1].0 {
                continue;
            }
            // `{yen: 2,000,000}` splits the number at its commas into keys `000`: the lowering reports the split
            // once; the same group twice is part of it, not a key typed twice.
            let digit_group = key.len() == 3 && key.bytes().all(|b| b.is_ascii_digit());
            if digit_group && self.tree.is_null(entries[again].value) {
                continue;
            }
            let (first, again) = (self.tree.span(entries[first].key), self.tree.span(entries[again].key));
            self.diags.push(
                Diagnostic::new(
                    RuleId::Schema,
                    again,
                    Message::new(
                        format!("項目名「{key}」が、同じまとまりの中に2回書かれています。"),
                        format!("The item name \"{key}\" is written twice in the same group."),
                    ),
                )
                .label(first, Message::new("1回目", "the first"))
                .note(Message::new(
                    "2回目の値は、どの検査にも使われません。どちらが正しいか確かめて、もう一方を削除してください。",
                    "The second value is not used by any check. Keep the right one and delete the other.",
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of<'a>(text: &'a str, tree: &Tree, id: NodeId) -> &'a str {
        &text[tree.span(id).range()]
    }

    #[test]
    fn spans_are_bytes_on_japanese_text() {
        let text = "a: 陽子線治療 # c\nb: \"x\"\nc:\n  - 1\n  - 2\n";
        let (tree, diags) = parse(text);
        assert!(diags.is_empty());
        let root = tree.root.unwrap();
        assert_eq!(text_of(text, &tree, tree.get(root, "a").unwrap().value), "陽子線治療");
        assert_eq!(text_of(text, &tree, tree.get(root, "b").unwrap().value), "\"x\"");
        assert_eq!(text_of(text, &tree, tree.get(root, "c").unwrap().value), "- 1\n  - 2");
        assert_eq!(tree.comments.len(), 1);
        assert_eq!(&text[tree.comments[0].span.range()], "# c");
    }

    #[test]
    fn hash_inside_scalars_is_not_a_comment() {
        let text = "a: \"x # y\"\nb: |\n  z # w\nc: d#e\n";
        let (tree, _) = parse(text);
        assert!(tree.comments.is_empty());
    }

    #[test]
    fn a_directive_with_non_ascii_text_is_refused() {
        let (tree, diags) = parse("%sum \u{fffd}\u{fffd} x\n---\nreporcts: 1\n");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].span, Span::new(0, 13));
        assert!(tree.root.is_none());
        let (_, diags) = parse("%YAML 1.2\n---\nreport: 1\n");
        assert!(diags.is_empty());
    }

    #[test]
    fn depth_limit_stops_without_recursion() {
        let text = "[".repeat(100_000);
        let (_, diags) = parse(&text);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].rule, RuleId::YamlSyntax);
    }

    #[test]
    fn duplicates_aliases_and_second_documents_are_reported() {
        let (_, diags) = parse("a: 1\na: 2\n");
        assert_eq!(diags[0].rule, RuleId::Schema);
        let (_, diags) = parse("a: &x 1\nb: *x\n");
        assert_eq!(diags.len(), 2);
        let (_, diags) = parse("a: 1\n---\nb: 2\n");
        assert_eq!(diags[0].rule, RuleId::YamlSyntax);
    }

    #[test]
    fn one_thread_and_two_agree() {
        let r6 = include_str!("../../examples/r6/report.yaml");
        let mut texts: Vec<String> =
            vec![r6.into(), include_str!("../../examples/broken/report.yaml").into(), String::new(), "[".repeat(100)];
        // Cut anywhere, the parse stops at a syntax error, a second document, an anchor or a limit.
        texts.extend((0..r6.len()).step_by(997).filter(|&i| r6.is_char_boundary(i)).map(|i| r6[..i].to_owned()));
        texts.push(format!("{r6}\n---\nsecond: document\n"));
        texts.push(r6.replacen("summary:", "summary: &a", 1));
        texts.push(r6.replacen("    technologies:", "  \t technologies: [", 1));
        for text in &texts {
            let one = parse_with(text, false);
            let two = parse_with(text, true);
            assert_eq!(format!("{one:?}"), format!("{two:?}"), "on {} bytes", text.len());
        }
    }
}
