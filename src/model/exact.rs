//! Exact arithmetic for money and ratios: rationals of `i128` and intervals of them. A printed rounded figure
//! stands for every exact value that rounds to it; comparing two printed figures means asking whether their
//! intervals can meet (the approach of XBRL Calculations 1.1). No floating point anywhere.
//!
//! Bounds: the readers cap an amount at 15 digits of yen and a decimal at 6 places, so every product formed
//! here stays far inside `i128`.

use std::cmp::Ordering;

/// A rational `n / d` with `d > 0`, kept in lowest terms.
#[derive(Debug, Clone, Copy)]
pub struct Q {
    n: i128,
    d: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

impl Q {
    /// `n / d`; a zero `d` is treated as 1, since callers only divide by positive quantities.
    pub fn new(n: i128, d: i128) -> Q {
        let (n, d) = if d < 0 {
            (-n, -d)
        } else if d == 0 {
            (n, 1)
        } else {
            (n, d)
        };
        let g = gcd(n, d);
        Q { n: n / g, d: d / g }
    }

    pub fn int(n: i128) -> Q {
        Q { n, d: 1 }
    }

    pub fn mul_int(self, k: i128) -> Q {
        Q::new(self.n * k, self.d)
    }

    /// `self / o`, or `None` when `o` is zero.
    pub fn checked_div(self, o: Q) -> Option<Q> {
        (o.n != 0).then(|| Q::new(self.n * o.d, self.d * o.n))
    }

    pub fn is_positive(self) -> bool {
        self.n > 0
    }

    /// The integer `floor(self)`.
    pub fn floor(self) -> i128 {
        self.n.div_euclid(self.d)
    }
}

impl std::ops::Add for Q {
    type Output = Q;
    fn add(self, o: Q) -> Q {
        let g = gcd(self.d, o.d);
        Q::new(self.n * (o.d / g) + o.n * (self.d / g), self.d / g * o.d)
    }
}

impl std::ops::Sub for Q {
    type Output = Q;
    fn sub(self, o: Q) -> Q {
        self + Q { n: -o.n, d: o.d }
    }
}

impl PartialEq for Q {
    fn eq(&self, o: &Q) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Q {}
impl PartialOrd for Q {
    fn partial_cmp(&self, o: &Q) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Q {
    /// Compared by continued fractions, so no product is ever formed.
    fn cmp(&self, o: &Q) -> Ordering {
        let (mut a, mut b, mut c, mut d) = (self.n, self.d, o.n, o.d);
        loop {
            let (q1, r1) = (a.div_euclid(b), a.rem_euclid(b));
            let (q2, r2) = (c.div_euclid(d), c.rem_euclid(d));
            let ord = if q1 != q2 {
                q1.cmp(&q2)
            } else if r1 == 0 || r2 == 0 {
                (r1 != 0).cmp(&(r2 != 0))
            } else {
                // r1/b < r2/d exactly when d/r2 < b/r1.
                (a, b, c, d) = (d, r2, b, r1);
                continue;
            };
            return ord;
        }
    }
}

/// A closed interval of rationals. Printed figures are compared with closed intervals, which errs on the side
/// of silence exactly at a rounding boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub lo: Q,
    pub hi: Q,
}

impl Interval {
    pub fn point(q: Q) -> Interval {
        Interval { lo: q, hi: q }
    }

    pub fn overlaps(self, o: Interval) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }

    /// `{ x / y · k | x ∈ self, y ∈ den }` for non-negative `self` and positive `den`; `None` when `den`
    /// reaches zero.
    pub fn ratio(self, den: Interval, k: i128) -> Option<Interval> {
        if !den.lo.is_positive() {
            return None;
        }
        Some(Interval { lo: self.lo.checked_div(den.hi)?.mul_int(k), hi: self.hi.checked_div(den.lo)?.mul_int(k) })
    }
}

impl std::ops::Add for Interval {
    type Output = Interval;
    fn add(self, o: Interval) -> Interval {
        Interval { lo: self.lo + o.lo, hi: self.hi + o.hi }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparison_is_exact_and_never_overflows() {
        assert!(Q::new(1, 3) < Q::new(334, 1000));
        assert!(Q::new(-1, 2) < Q::new(-1, 3));
        assert_eq!(Q::new(2, 4), Q::new(1, 2));
        let big = i128::MAX / 3;
        assert!(Q::new(big, big - 1) < Q::new(big - 1, big - 2));
        assert!(Q::new(i128::MAX - 1, i128::MAX) < Q::int(1));
    }

    #[test]
    fn intervals_meet_or_not() {
        let a = Interval { lo: Q::int(1), hi: Q::int(2) };
        let b = Interval { lo: Q::int(2), hi: Q::int(3) };
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Interval::point(Q::new(5, 2))));
        assert_eq!(a + b, Interval { lo: Q::int(3), hi: Q::int(5) });
    }
}
