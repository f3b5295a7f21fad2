//! Each output format's emitter: the one place that knows them all (`emit` holds the interface they share).

use super::emit::{Emitter, to_bytes};
use super::{Checked, Format};
use crate::diagnostics::Lang;

/// The emitter of a format.
pub fn emitter(format: Format, lang: Lang, color: bool) -> Box<dyn Emitter> {
    match format {
        Format::Human => Box::new(super::human::Human::new(lang, color)),
        Format::Json => Box::new(super::json::Json::new(lang)),
        Format::Sarif => Box::new(super::sarif::Sarif::new(lang)),
        Format::Github => Box::new(super::github::Github::new(lang)),
        Format::Junit => Box::new(super::junit::Junit::new(lang)),
    }
}

/// Renders whole files in a format into memory, without colour: every format through one call, for tests,
/// benches and the fuzzer.
pub fn render(format: Format, lang: Lang, checked: &[Checked]) -> Vec<u8> {
    to_bytes(&mut *emitter(format, lang, false), checked)
}
