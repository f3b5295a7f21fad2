//! The parser counts characters; the library counts bytes. This converts once, here, without a table as
//! large as the text: events arrive in source order, so a cursor walks forward from the last answer; a jump
//! backwards (an error position) starts from a checkpoint. Checkpoints, about one every `STRIDE` characters,
//! are laid as the cursor first passes them, so the text is walked once, not once more to prepare.

const STRIDE: usize = 256;

pub struct CharToByte<'a> {
    text: &'a str,
    /// (character index, byte offset) about every `STRIDE` characters, up to the furthest point walked.
    checkpoints: Vec<(usize, usize)>,
    /// The last answer: (character index, byte offset).
    cursor: (usize, usize),
}

impl<'a> CharToByte<'a> {
    pub fn new(text: &'a str) -> Self {
        CharToByte { text, checkpoints: vec![(0, 0)], cursor: (0, 0) }
    }

    /// The byte offset of character `index`; the text's length past its end.
    pub fn byte(&mut self, index: usize) -> usize {
        let (mut at_char, mut at_byte) = self.cursor;
        let bytes = self.text.as_bytes();
        if index < at_char && at_char - index <= 16 {
            // The end of one token and the start of the next often overlap by a few characters: step back.
            while at_char > index {
                at_byte -= 1;
                while bytes[at_byte] & 0xC0 == 0x80 {
                    at_byte -= 1;
                }
                at_char -= 1;
            }
        } else if index < at_char || index - at_char > STRIDE {
            let k = self.checkpoints.partition_point(|&(c, _)| c <= index) - 1;
            if index < at_char || self.checkpoints[k].0 > at_char {
                (at_char, at_byte) = self.checkpoints[k];
            }
        }
        let mut next_checkpoint = self.checkpoints.last().map_or(0, |&(c, _)| c) + STRIDE;
        while at_char < index && at_byte < bytes.len() {
            // Eight ASCII bytes at a time: most of a draft's bytes are ASCII.
            if index - at_char >= 8
                && let Some(chunk) = bytes.get(at_byte..at_byte + 8)
                && u64::from_le_bytes(chunk.try_into().unwrap_or_default()) & 0x8080_8080_8080_8080 == 0
            {
                at_byte += 8;
                at_char += 8;
            } else {
                at_byte += match bytes[at_byte] {
                    b if b < 0x80 => 1,
                    b if b >= 0xF0 => 4,
                    b if b >= 0xE0 => 3,
                    _ => 2,
                };
                at_char += 1;
            }
            if at_char >= next_checkpoint && at_byte <= bytes.len() {
                self.checkpoints.push((at_char, at_byte));
                next_checkpoint = at_char + STRIDE;
            }
        }
        let at_byte = at_byte.min(bytes.len());
        self.cursor = (at_char, at_byte);
        at_byte
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_across_checkpoints() {
        let text = "陽".repeat(600) + "x";
        let mut c = CharToByte::new(&text);
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
        let mut c = CharToByte::new(mixed);
        let expected: Vec<usize> = mixed.char_indices().map(|(b, _)| b).collect();
        assert_eq!((0..5).map(|i| c.byte(i)).collect::<Vec<_>>(), expected);
        assert_eq!(c.byte(5), mixed.len());
    }

    #[test]
    fn agrees_with_char_indices_in_any_order() {
        let text: String = (0..600).map(|i| ["a", "é", "陽", "𠮷", "\n", "ascii run of twenty!"][i * 7 % 6]).collect();
        let expected: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let mut c = CharToByte::new(&text);
        // Forward, then backward over checkpoints, then forward in jumps longer than a stride.
        let order = (0..expected.len()).chain((0..expected.len()).rev()).chain((0..expected.len()).step_by(700));
        for i in order {
            assert_eq!(c.byte(i), expected[i], "character {i}");
        }
        let mut c = CharToByte::new(&text);
        let n = expected.len() - 1;
        for i in [n, 5, 1000, 260, n, 0, n - 9, n - 19, 1500] {
            assert_eq!(c.byte(i), expected[i], "character {i}");
        }
    }
}
