//! The parser counts characters; the library counts bytes. This converts once, here, without a table as
//! large as the text: a checkpoint every `STRIDE` characters, then a short walk.

const STRIDE: usize = 256;

pub struct CharToByte<'a> {
    text: &'a str,
    checkpoints: Vec<usize>,
}

impl<'a> CharToByte<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % STRIDE == 0 {
                checkpoints.push(byte);
            }
        }
        CharToByte { text, checkpoints }
    }

    /// Byte offset of the character at `index`; the end of the text for an index past it.
    pub fn byte(&self, index: usize) -> usize {
        let Some(&base) = self.checkpoints.get(index / STRIDE) else {
            return self.text.len();
        };
        self.text[base..].char_indices().nth(index % STRIDE).map_or(self.text.len(), |(b, _)| base + b)
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
    }
}
