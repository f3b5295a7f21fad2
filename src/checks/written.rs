//! A replacement written as the value it replaces was: a fix that says 「1,270 にする」 writes `1,270` where the
//! draft groups its digits and `1270` where it does not, keeps the value's quotes, and quotes a grouped number
//! inside `{…}` or `[…]`, where an unquoted comma would split it.

use crate::text::Span;

/// `shown` (a figure as the report prints it: `1,270`, `約911.2億円`, `12.9%`) written as the value at `span`.
pub fn like(text: &str, span: Span, shown: &str) -> String {
    let source = &text[span.range()];
    let quote = source.chars().next().filter(|&q| (q == '"' || q == '\'') && source.len() > 1 && source.ends_with(q));
    let inner = match quote {
        Some(_) => &source[1..source.len() - 1],
        None => source,
    };
    let digits_only = shown.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'-');
    let value = if digits_only && !inner.contains([',', '，']) { shown.replace(',', "") } else { shown.to_owned() };
    let in_flow = text[span.end..].trim_start_matches([' ', '\t']).starts_with([',', '}', ']']);
    match quote {
        Some(q) => format!("{q}{value}{q}"),
        None if in_flow && value.contains(',') => format!("\"{value}\""),
        None => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, value: &str, shown: &str) -> String {
        let start = text.find(value).unwrap();
        like(text, Span::new(start, start + value.len()), shown)
    }

    #[test]
    fn grouping_and_quotes_are_kept() {
        assert_eq!(at("cases: 1,271\n", "1,271", "1,270"), "1,270");
        assert_eq!(at("cases: 1271\n", "1271", "1,270"), "1270");
        assert_eq!(at("total_yen: \"1,691,356,905\"\n", "\"1,691,356,905\"", "1,691,356,904"), "\"1,691,356,904\"");
        assert_eq!(at("t: '911'\n", "'911'", "912"), "'912'");
        assert_eq!(at("a: {cases: \"1,271\", b: 2}\n", "\"1,271\"", "1,270"), "\"1,270\"");
        assert_eq!(at("a: {cases: 1271, b: 2}\n", "1271", "1,270"), "1270");
        assert_eq!(at("total_cost: 約911.1億円\n", "約911.1億円", "約911.2億円"), "約911.2億円");
    }
}
