//! Bytes to text. Drafts should be UTF-8 (a byte-order mark is accepted and dropped, so that offsets and
//! columns count from the first visible character); drafts saved on Windows in Shift_JIS (CP932) or UTF-16 are
//! read too, and the caller warns about them. Text can be encoded back in the file's own encoding.

use encoding_rs::SHIFT_JIS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// Shift_JIS as Windows writes it (CP932, which the WHATWG calls Shift_JIS).
    ShiftJis,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::ShiftJis => "Shift_JIS (CP932)",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }
}

/// Decoded text, the encoding it came in, and whether a byte-order mark was removed in front of it.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub had_bom: bool,
    pub encoding: Encoding,
}

/// The input is in no encoding we read; `offset` is the byte position of the first invalid UTF-8 sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub offset: usize,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn utf16(body: &[u8], little: bool) -> Option<String> {
    if !body.len().is_multiple_of(2) {
        return None;
    }
    let units = body
        .chunks_exact(2)
        .map(|p| if little { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) });
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE")
        && let Some(text) = utf16(body, true)
    {
        return Ok(Decoded { text, had_bom: true, encoding: Encoding::Utf16Le });
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF")
        && let Some(text) = utf16(body, false)
    {
        return Ok(Decoded { text, had_bom: true, encoding: Encoding::Utf16Be });
    }
    let (body, had_bom) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Decoded { text: text.to_owned(), had_bom, encoding: Encoding::Utf8 }),
        Err(e) => {
            // Not UTF-8: a Japanese draft that is not is almost always Shift_JIS from Windows.
            if !had_bom && let Some(text) = SHIFT_JIS.decode_without_bom_handling_and_without_replacement(body) {
                return Ok(Decoded { text: text.into_owned(), had_bom: false, encoding: Encoding::ShiftJis });
            }
            Err(DecodeError { offset: e.valid_up_to() + if had_bom { BOM.len() } else { 0 } })
        }
    }
}

/// `decode`, taking the bytes: UTF-8 without a byte-order mark, by far the most common, becomes the text
/// without a copy. On failure the bytes come back with the error.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, (DecodeError, Vec<u8>)> {
    if bytes.starts_with(BOM) || bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return decode(&bytes).map_err(|e| (e, bytes));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text, had_bom: false, encoding: Encoding::Utf8 }),
        Err(e) => decode(e.as_bytes()).map_err(|d| (d, e.into_bytes())),
    }
}

/// `text` in the encoding it was read in, with its byte-order mark; `None` when a character cannot be
/// written in that encoding.
pub fn encode(text: &str, like: &Decoded) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() + 3);
    match like.encoding {
        Encoding::Utf8 => {
            if like.had_bom {
                out.extend_from_slice(BOM);
            }
            out.extend_from_slice(text.as_bytes());
        }
        Encoding::ShiftJis => {
            let (bytes, _, unmappable) = SHIFT_JIS.encode(text);
            if unmappable {
                return None;
            }
            out.extend_from_slice(&bytes);
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let little = like.encoding == Encoding::Utf16Le;
            out.extend_from_slice(if little { b"\xFF\xFE" } else { b"\xFE\xFF" });
            for unit in text.encode_utf16() {
                out.extend_from_slice(&if little { unit.to_le_bytes() } else { unit.to_be_bytes() });
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_reported() {
        let d = decode(b"\xEF\xBB\xBFa: 1").unwrap();
        assert_eq!(d.text, "a: 1");
        assert!(d.had_bom);
        assert_eq!(encode(&d.text, &d).unwrap(), b"\xEF\xBB\xBFa: 1");
    }

    #[test]
    fn invalid_utf8_gives_the_byte_offset_in_the_input() {
        assert_eq!(decode(b"ab\xFFc").unwrap_err().offset, 2);
        assert_eq!(decode(b"\xEF\xBB\xBFab\xFF").unwrap_err().offset, 5);
    }

    #[test]
    fn shift_jis_and_utf16_round_trip() {
        let text = "name: 陽子線治療\r\ncases: 827\n";
        let (sjis, _, _) = SHIFT_JIS.encode(text);
        let d = decode(&sjis).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, Encoding::ShiftJis));
        assert_eq!(encode(&d.text, &d).unwrap(), sjis.into_owned());
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, Encoding::Utf16Le));
        assert_eq!(encode(&d.text, &d).unwrap(), le);
        assert_eq!(encode("𠮷", &Decoded { text: String::new(), had_bom: false, encoding: Encoding::ShiftJis }), None);
    }

    #[test]
    fn owned_and_borrowed_agree() {
        let inputs: [&[u8]; 7] =
            [b"a: 1\n", b"\xEF\xBB\xBFa: 1", b"\xFF\xFEa\x00", b"\xFE\xFF\x00a", b"\x82\xa0", b"\xff\xfe\xfd", b""];
        for bytes in inputs {
            let owned = decode_owned(bytes.to_vec()).map_err(|(e, b)| (e.offset, b));
            let borrowed = decode(bytes).map_err(|e| (e.offset, bytes.to_vec()));
            assert_eq!(format!("{owned:?}"), format!("{borrowed:?}"));
        }
    }
}
