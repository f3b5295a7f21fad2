//! Text at the edges of the pipeline: decoding input bytes, byte spans, the one place where byte offsets
//! become lines and columns (UTF-8, UTF-16 or characters), and text a person reads, in both languages.

mod decode;
mod distance;
mod line_index;
mod message;
mod span;
mod spans;

pub use decode::{DecodeError, Decoded, Encoding, decode, decode_owned, encode, splice};
pub use distance::edit_distance;
pub use line_index::{LineCol, LineIndex};
pub use message::{Lang, Message, unquoted};
pub use span::Span;
pub use spans::SpanIndex;
