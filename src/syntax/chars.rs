//! The parser counts characters; the library counts bytes. This converts once, here, without a table as
//! large as the text: events arrive in source order, so a cursor walks forward from the last answer; a jump
//! backwards (an error position) starts from a checkpoint kept every `STRIDE` characters.

use std::cell::Cell;

const STRIDE: usize = 256;

pub struct CharToByte<'a> {
    text: &'a str,
    checkpoints: Vec<usize>,
    /// The last answer: (character index, byte offset).
    cursor: Cell<(usize, usize)>,
}

impl<'a> CharToByte<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % STRIDE == 0 {
                checkpoints.push(byte);
            }
        }
        CharToByte { text, checkpoints, cursor: Cell::new((0, 0)) }
    }

    /// Byte offset of the character at `index`; the end of the text for an index past it.
    pub fn byte(&self, index: usize) -> usize {
        let (mut at_char, mut at_byte) = self.cursor.get();
        if index < at_char || index - at_char > STRIDE {
            let Some(&base) = self.checkpoints.get(index / STRIDE) else {
                return self.text.len();
            };
            (at_char, at_byte) = (index / STRIDE * STRIDE, base);
        }
        let bytes = self.text.as_bytes();
        while at_char < index && at_byte < bytes.len() {
            // Step over one UTF-8 sequence: its length is in the lead byte.
            at_byte += match bytes[at_byte] {
                b if b < 0x80 => 1,
                b if b >= 0xF0 => 4,
                b if b >= 0xE0 => 3,
                _ => 2,
            };
            at_char += 1;
        }
        let at_byte = at_byte.min(bytes.len());
        self.cursor.set((at_char, at_byte));
        at_byte
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_across_checkpoints() {
        let text = "陽".repeat(600) + "x";
        let c = CharToByte::new(&text);
        assert_eq!(c.byte(0), 0);
        assert_eq!(c.byte(300), 900);
        assert_eq!(c.byte(600), 1800);
        assert_eq!(c.byte(601), 1801);
        assert_eq!(c.byte(10_000), 1801);
        // Forward, then back again.
        assert_eq!(c.byte(2), 6);
        assert_eq!(c.byte(3), 9);
        assert_eq!(c.byte(1), 3);
        let mixed = "a𠮷é陽x";
        let c = CharToByte::new(mixed);
        let expected: Vec<usize> = mixed.char_indices().map(|(b, _)| b).collect();
        assert_eq!((0..5).map(|i| c.byte(i)).collect::<Vec<_>>(), expected);
        assert_eq!(c.byte(5), mixed.len());
    }
}
