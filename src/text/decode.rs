//! Bytes to text. Drafts should be UTF-8 (a byte-order mark is accepted and dropped, so that offsets and
//! columns count from the first visible character); drafts saved on Windows in Shift_JIS (CP932) or UTF-16 are
//! read too, and the caller warns about them. Text can be encoded back in the file's own encoding.

use super::Span;
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

impl DecodeError {
    /// Bytes that are no text we read, and what to do: one wording for a draft, a configuration and last
    /// year's draft.
    pub fn message(&self) -> super::Message {
        super::Message::new(
            format!("UTF-8 として読めないバイトがあります（{} バイト目）。UTF-8 で保存してください", self.offset),
            format!("invalid UTF-8 at byte {}: save the draft as UTF-8", self.offset),
        )
    }
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
        Encoding::Utf8 if like.had_bom => out.extend_from_slice(BOM),
        Encoding::Utf16Le => out.extend_from_slice(b"\xFF\xFE"),
        Encoding::Utf16Be => out.extend_from_slice(b"\xFE\xFF"),
        _ => {}
    }
    out.extend(encode_bare(text, like.encoding)?);
    Some(out)
}

/// `text` in `encoding`, without a byte-order mark.
fn encode_bare(text: &str, encoding: Encoding) -> Option<Vec<u8>> {
    Some(match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::ShiftJis => {
            let (bytes, _, unmappable) = SHIFT_JIS.encode(text);
            if unmappable {
                return None;
            }
            bytes.into_owned()
        }
        Encoding::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        Encoding::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
    })
}

/// The bytes of one character of `encoding` starting at `at` in `bytes`, for character `c` decoded from them.
fn width(encoding: Encoding, bytes: &[u8], at: usize, c: char) -> usize {
    match encoding {
        Encoding::Utf8 => c.len_utf8(),
        Encoding::Utf16Le | Encoding::Utf16Be => 2 * c.len_utf16(),
        // A lead byte starts a two-byte character; every other byte is one.
        Encoding::ShiftJis => match bytes.get(at) {
            Some(0x81..=0x9F | 0xE0..=0xFC) => 2,
            _ => 1,
        },
    }
}

/// The original `bytes` (decoded as `decoded`) with `changes` (spans of the decoded text, in order, not
/// overlapping) replaced: every byte outside a change is kept as it was, so a Shift_JIS file's own choice
/// among equivalent codes and its byte-order mark survive. `None` when a replacement cannot be written in the
/// file's encoding.
pub fn splice(bytes: &[u8], decoded: &Decoded, changes: &[(Span, &str)]) -> Option<Vec<u8>> {
    let bom = match (decoded.encoding, decoded.had_bom) {
        (Encoding::Utf8, true) => BOM.len(),
        (Encoding::Utf16Le | Encoding::Utf16Be, _) => 2,
        _ => 0,
    };
    let mut out = Vec::with_capacity(bytes.len());
    let (mut text_at, mut byte_at) = (0, bom);
    let mut chars = decoded.text.char_indices().peekable();
    // Moves through the text to `to`, returning the byte offset there.
    let mut advance = |to: usize, text_at: &mut usize, byte_at: &mut usize| {
        while let Some(&(i, c)) = chars.peek() {
            if i >= to {
                break;
            }
            *byte_at += width(decoded.encoding, bytes, *byte_at, c);
            chars.next();
        }
        *text_at = to;
    };
    out.extend_from_slice(&bytes[..bom]);
    for (span, replacement) in changes {
        let from = byte_at;
        advance(span.start, &mut text_at, &mut byte_at);
        out.extend_from_slice(bytes.get(from..byte_at)?);
        out.extend(encode_bare(replacement, decoded.encoding)?);
        advance(span.end, &mut text_at, &mut byte_at);
    }
    out.extend_from_slice(bytes.get(byte_at..)?);
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
    fn splicing_keeps_every_byte_outside_the_changes() {
        // IBM and NEC extension codes (FA4A, ED40) decode to the same characters as other codes (8754, FA5C):
        // re-encoding the whole text would change them.
        let mut sjis = b"a: \xFA\x4A\xED\x40\r\nb: ".to_vec();
        sjis.extend(SHIFT_JIS.encode("１２").0.iter());
        sjis.extend(b"\r\nc: \xFA\x4A\n");
        let d = decode(&sjis).unwrap();
        assert_eq!(d.encoding, Encoding::ShiftJis);
        let at = d.text.find("１２").unwrap();
        let out = splice(&sjis, &d, &[(Span::new(at, at + "１２".len()), "12")]).unwrap();
        assert_eq!(out, b"a: \xFA\x4A\xED\x40\r\nb: 12\r\nc: \xFA\x4A\n");
        assert_ne!(encode(&d.text, &d).unwrap(), sjis, "the whole text re-encoded is not the file");
        // UTF-16 and UTF-8 with a byte-order mark keep it.
        for bytes in [
            encode("x: １\n", &Decoded { text: String::new(), had_bom: true, encoding: Encoding::Utf16Le }).unwrap(),
            b"\xEF\xBB\xBFx: \xEF\xBC\x91\n".to_vec(),
        ] {
            let d = decode(&bytes).unwrap();
            let at = d.text.find('１').unwrap();
            let out = splice(&bytes, &d, &[(Span::new(at, at + 3), "1")]).unwrap();
            assert_eq!(decode(&out).unwrap().text, "x: 1\n");
            assert_eq!(&out[..2], &bytes[..2]);
        }
        let none: &[(Span, &str)] = &[];
        assert_eq!(splice(&sjis, &d, none).unwrap(), sjis);
        assert_eq!(splice(&sjis, &d, &[(Span::new(0, 0), "𠮷")]), None);
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
