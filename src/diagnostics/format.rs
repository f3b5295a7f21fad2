//! Numbers as the report prints them, for messages: `91,117,710,124` and `911.18 億円`.

/// `1234567` → `"1,234,567"`.
pub fn group_digits(n: i128) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Yen as 億円 with two decimals (half up), enough to show which way a figure rounds at one decimal
/// (`91,117,710,124` → `"911.18"`).
pub fn oku_text(yen: i128) -> String {
    let sign = if yen < 0 { "-" } else { "" };
    let h = (yen.unsigned_abs() + 500_000) / 1_000_000;
    format!("{sign}{}.{:02}", group_digits((h / 100) as i128), h % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_oku() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(-1234), "-1,234");
        assert_eq!(group_digits(91_117_710_124), "91,117,710,124");
        assert_eq!(oku_text(91_117_710_124), "911.18");
        assert_eq!(oku_text(5_000_000), "0.05");
    }
}
