//! Text at the edges of the pipeline: decoding input bytes, byte spans, and the one place where byte
//! offsets become lines and columns (UTF-8, UTF-16 or characters).

mod decode;
mod line_index;
mod span;

pub use decode::{DecodeError, Decoded, Encoding, decode, decode_owned, encode, splice};
pub use line_index::{LineCol, LineIndex};
pub use span::Span;
