//! Bytes to text. Drafts are UTF-8, possibly with a byte-order mark (Windows editors write one); the mark
//! is dropped so that every offset and column is counted from the first visible character.

/// Decoded text, and whether a byte-order mark was removed in front of it.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub had_bom: bool,
}

/// The input is not UTF-8; `offset` is the byte position of the first invalid sequence in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub offset: usize,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (body, had_bom) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Decoded { text: text.to_owned(), had_bom }),
        Err(e) => Err(DecodeError { offset: e.valid_up_to() + if had_bom { BOM.len() } else { 0 } }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_reported() {
        let d = decode(b"\xEF\xBB\xBFa: 1").unwrap();
        assert_eq!(d.text, "a: 1");
        assert!(d.had_bom);
    }

    #[test]
    fn invalid_utf8_gives_the_byte_offset_in_the_input() {
        assert_eq!(decode(b"ab\xFFc").unwrap_err().offset, 2);
        assert_eq!(decode(b"\xEF\xBB\xBFab\xFF").unwrap_err().offset, 5);
    }
}
