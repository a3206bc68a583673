//! A calendar month (`YYYY-MM`): the key of monthly billing data.

use std::fmt;

/// A calendar month, ordered in time; stored as months since year 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Month(pub i32);

impl Month {
    /// The month of `year` and `month` (1–12).
    pub fn new(year: i32, month: u32) -> Option<Month> {
        (1..=12).contains(&month).then(|| Month(year * 12 + month as i32 - 1))
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// The month of the year, 1–12.
    pub fn month(self) -> u32 {
        (self.0.rem_euclid(12) + 1) as u32
    }

    /// Parses `YYYY-MM`.
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        Month::new(y.parse().ok()?, m.parse().ok()?)
    }

    /// The month a `YYYY-MM-DD` date (optionally followed by a time) falls in, and its day.
    pub fn of_date(s: &str) -> Option<(Month, u32)> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let m = Month::parse(&s[..7])?;
        let d: u32 = s[8..10].parse().ok().filter(|d| (1..=31).contains(d))?;
        (d <= m.days()).then_some((m, d))
    }

    /// The month a timestamp falls in (UTC).
    pub fn of_timestamp(t: crate::model::Timestamp) -> Month {
        let days = t.millis().div_euclid(86_400_000);
        let (y, m, _) = crate::model::time::civil_from_days(days);
        Month(y as i32 * 12 + m as i32 - 1)
    }

    /// Days in the month.
    pub fn days(self) -> u32 {
        match self.month() {
            2 if (self.year() % 4 == 0 && self.year() % 100 != 0) || self.year() % 400 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// The month `n` months later (earlier when negative).
    pub fn plus(self, n: i32) -> Month {
        Month(self.0 + n)
    }

    /// Its first day, `YYYY-MM-01`.
    pub fn first_day(self) -> String {
        format!("{self}-01")
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_print_and_step() {
        let m = Month::parse("2026-01").unwrap();
        assert_eq!(m.to_string(), "2026-01");
        assert_eq!(m.plus(-1).to_string(), "2025-12");
        assert_eq!(Month::of_date("2024-02-29"), Some((Month::new(2024, 2).unwrap(), 29)));
        assert_eq!(Month::of_date("2025-02-29"), None);
        assert_eq!(Month::parse("2026-13"), None);
        assert_eq!(crate::model::costexplorer::format_amount(12.5), "12.5");
        assert_eq!(crate::model::costexplorer::format_amount(-0.0), "0");
    }
}
