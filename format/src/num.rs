//! Numbers written into SVG attributes and messages without Rust's float formatting: the
//! reader's wasm does not carry `core::fmt`'s float printing (Grisu/Dragon, several KB) for what
//! is only ever a coordinate with one or two decimals. [`Fixed`] rounds to a given number of
//! decimals through integers and leaves out trailing zeros.

use std::fmt;

/// `x` rounded to `decimals` digits after the point (0 to 6), trailing zeros dropped:
/// `Fixed(12.25, 1)` is `12.3`, `Fixed(16.0, 2)` is `16`. Non-finite values print as `0`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fixed(pub f64, pub u8);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let decimals = u32::from(self.1.min(6));
        let scale = 10u64.pow(decimals);
        let scaled = self.0 * scale as f64;
        // Half away from zero, in integers; beyond ±2^63 the value saturates (never in a map).
        let n = if scaled.is_finite() { (scaled.abs() + 0.5) as u64 } else { 0 };
        if n == 0 {
            return f.write_str("0");
        }
        if self.0 < 0.0 {
            f.write_str("-")?;
        }
        write!(f, "{}", n / scale)?;
        let mut frac = n % scale;
        if frac == 0 {
            return Ok(());
        }
        let mut digits = decimals;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        write!(f, ".{frac:0width$}", width = digits as usize)
    }
}

/// [`Fixed`] as a string.
pub fn fixed(x: f64, decimals: u8) -> String {
    Fixed(x, decimals).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_like_the_float_formatter_and_drops_trailing_zeros() {
        for (x, d, want) in [
            (12.25, 1, "12.3"),
            (16.0, 2, "16"),
            (-3.04, 1, "-3"),
            (-0.04, 1, "0"),
            (0.05, 1, "0.1"),
            (1208.0, 0, "1208"),
            (7.125, 2, "7.13"),
            (0.001, 3, "0.001"),
            (-66.9, 1, "-66.9"),
            (f64::NAN, 2, "0"),
            (1.5, 0, "2"),
        ] {
            assert_eq!(fixed(x, d), want, "{x} to {d}");
        }
        // Agrees with `{:.N}` up to trailing zeros, on many values.
        let mut x = -500.0;
        while x < 500.0 {
            for d in 0..3u8 {
                let std = format!("{:.*}", d as usize, x);
                let std =
                    if std.contains('.') { std.trim_end_matches('0').trim_end_matches('.').to_owned() } else { std };
                let std = if std == "-0" { "0".to_owned() } else { std };
                let ours = fixed(x, d);
                // Ties may round differently (std rounds the exact binary value): allow one unit.
                let diff = (ours.parse::<f64>().unwrap() - std.parse::<f64>().unwrap()).abs();
                assert!(diff <= 10f64.powi(-(d as i32)) * 1.0001, "{x} {d}: {ours} vs {std}");
            }
            x += 1.37;
        }
    }
}

/// Cosine, by its Taylor series after reducing the angle to [-π, π]: accurate to about 1e-15,
/// a few dozen instructions where libm's `cos` brings several KB of range reduction into the
/// reader's wasm for the handful of angles a map needs (the projection's latitude, label rings).
pub fn cos(x: f64) -> f64 {
    use std::f64::consts::{PI, TAU};
    if !x.is_finite() {
        return f64::NAN;
    }
    let mut x = x % TAU;
    if x > PI {
        x -= TAU;
    } else if x < -PI {
        x += TAU;
    }
    let x2 = x * x;
    // 1 - x²/2! + x⁴/4! - …, to x²⁸/28!, by Horner's rule.
    let mut sum = 1.0;
    let mut k = 28.0;
    while k > 0.0 {
        sum = 1.0 - x2 / (k * (k - 1.0)) * sum;
        k -= 2.0;
    }
    sum
}

/// Sine, as the cosine a quarter turn earlier.
pub fn sin(x: f64) -> f64 {
    cos(x - std::f64::consts::FRAC_PI_2)
}

#[cfg(test)]
mod trig_tests {
    #[test]
    fn agrees_with_libm() {
        let mut x = -20.0;
        while x < 20.0 {
            assert!((super::cos(x) - x.cos()).abs() < 1e-13, "cos {x}");
            assert!((super::sin(x) - x.sin()).abs() < 1e-13, "sin {x}");
            x += 0.0137;
        }
    }
}
