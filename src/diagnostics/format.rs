//! Numbers as the report prints them, for messages: `91,117,710,124`, `911.177… 億円` and `≈ 911.18 億円`.

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

/// What a draft was found to have, as the commands say it: 「エラー2件、警告3件」, "2 errors, 3 warnings".
/// How many errors and warnings a list holds.
pub fn tally(diagnostics: &[super::Diagnostic]) -> (usize, usize) {
    let count = |s: super::Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    (count(super::Severity::Error), count(super::Severity::Warning))
}

pub fn found(errors: usize, warnings: usize) -> crate::text::Message {
    crate::text::Message::new(
        format!("エラー{errors}件、警告{warnings}件"),
        format!(
            "{}, {}",
            count_of(errors as i128, "error", "errors"),
            count_of(warnings as i128, "warning", "warnings")
        ),
    )
}

/// A count with its English noun: `1 row`, `27 rows`, `1,764 cases`.
pub fn count_of(n: impl Into<i128>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{} {}", group_digits(n), if n == 1 { one } else { many })
}

/// Yen as 億円 one place finer than a figure printed to `scale` places: enough to see how it rounds, with `=` when
/// exact and `≈` when not. Half up (`half_up`), the last place is rounded — `91,117,710,124` → `"≈ 911.18"` —
/// except that a value rounded onto the halfway mark would leave the rounding in doubt (911.149… is not 911.15,
/// which would print 911.2), so places are added until it is off the mark: `"≈ 911.149"`. Rounded down, the places are cut off: `"≈ 911.17…"`.
pub fn oku_near(yen: i128, scale: u32, half_up: bool) -> String {
    near(yen, 100_000_000, scale, half_up)
}

/// `num / den` one place finer than a figure printed to `scale` places, as [`oku_near`] writes 億円: a
/// percentage's `≈ 12.449` (which rounds to 12.4, not 12.5). Six places past the printed ones at most, then `…`.
pub fn near(num: i128, den: i128, scale: u32, half_up: bool) -> String {
    let text = |m: i128, places: u32| {
        let p = 10i128.pow(places);
        let sign = if m < 0 { "-" } else { "" };
        format!("{sign}{}.{:0w$}", group_digits(m.abs() / p), m.abs() % p, w = places as usize)
    };
    let last = scale + 6;
    for places in scale + 1..=last {
        let scaled = num * 10i128.pow(places);
        let m = if half_up { (2 * scaled + den).div_euclid(2 * den) } else { scaled.div_euclid(den) };
        if m * den == scaled {
            return format!("= {}", text(m, places));
        }
        let finer = 10i128.pow(places - scale);
        if !half_up || places == last {
            // Cut toward zero, so that `…` always means "and more digits of the same": -48.707… is `-48.70…`.
            return format!("≈ {}…", text(scaled / den, places));
        }
        if m.rem_euclid(finer) != finer / 2 {
            return format!("≈ {}", text(m, places));
        }
    }
    unreachable!("the last place returns")
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

    #[test]
    fn oku_near_shows_how_it_rounds() {
        assert_eq!(oku_near(91_117_710_124, 1, true), "≈ 911.18");
        assert_eq!(oku_near(91_117_710_124, 1, false), "≈ 911.17…");
        assert_eq!(oku_near(1_075_000_000, 1, true), "= 10.75");
        // 911.149… rounds to 911.1; 911.15 would suggest 911.2.
        assert_eq!(oku_near(91_114_900_001, 1, true), "≈ 911.149");
        assert_eq!(oku_near(91_114_900_000, 1, true), "= 911.149");
        assert_eq!(oku_near(91_115_000_000, 1, true), "= 911.15");
        assert_eq!(oku_near(91_114_999_999, 1, true), "≈ 911.1499999…");
        assert_eq!(oku_near(2_794_008_117, 1, true), "≈ 27.94");
        assert_eq!(oku_near(-2_794_008_117, 1, true), "≈ -27.94");
        assert_eq!(oku_near(-4_870_710_809, 1, false), "≈ -48.70…");
        assert_eq!(oku_near(0, 1, true), "= 0.00");
        // 1,000 / 8,033 = 12.4486…%: 12.45 would suggest 12.5.
        assert_eq!(near(100_000, 8_033, 1, true), "≈ 12.449");
        assert_eq!(near(100, 3, 1, true), "≈ 33.33");
        assert_eq!(near(1, 8, 0, true), "≈ 0.1");
        assert_eq!(near(1, 8, 2, true), "= 0.125");
    }
}
