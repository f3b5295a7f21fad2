//! Rules emitted while reading the text: the YAML itself, the shape of the format, and the values.

pub mod config;
pub mod diagnostic_limit;
pub mod encoding;
pub mod fullwidth_digits;
pub mod schema;
pub mod unused_suppression;
pub mod value_format;
pub mod yaml_syntax;
