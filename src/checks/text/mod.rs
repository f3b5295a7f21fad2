//! Free text: names, reasons and plans.

pub mod mixed_punctuation;
