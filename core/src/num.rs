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
                let std = if std.contains('.') { std.trim_end_matches('0').trim_end_matches('.').to_owned() } else { std };
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
