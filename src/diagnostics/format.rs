//! Numbers as the report prints them, for messages: `91,117,710,124` and `911.177… 億円`.

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

/// Yen as 億円, `places` decimals cut off (never rounded, so that an approximation never contradicts the
/// rounding beside it), with `…` when more digits follow: `91,117,710,124` → `"911.177…"` at 3 places,
/// `1,075,000,000` → `"10.750"`.
pub fn oku_text(yen: i128, places: u32) -> String {
    let sign = if yen < 0 { "-" } else { "" };
    let unit = 100_000_000u128;
    let (whole, rest) = (yen.unsigned_abs() / unit, yen.unsigned_abs() % unit);
    let step = unit / 10u128.pow(places.min(8));
    let more = if rest % step == 0 { "" } else { "…" };
    let width = places as usize;
    match places {
        0 => format!("{sign}{}{more}", group_digits(whole as i128)),
        _ => format!("{sign}{}.{:0width$}{more}", group_digits(whole as i128), rest / step),
    }
}

/// A count with its English noun: `1 row`, `27 rows`, `1,764 cases`.
pub fn count_of(n: impl Into<i128>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{} {}", group_digits(n), if n == 1 { one } else { many })
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
        assert_eq!(oku_text(91_117_710_124, 3), "911.177…");
        assert_eq!(oku_text(1_075_000_000, 3), "10.750");
        assert_eq!(oku_text(1_074_999_999, 3), "10.749…");
        assert_eq!(oku_text(5_000_000, 2), "0.05");
        assert_eq!(oku_text(2_794_008_117, 2), "27.94…");
    }
}
