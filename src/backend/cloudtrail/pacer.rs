//! Pacing calls to a rate limit: CloudTrail's LookupEvents allows 2 requests per second per
//! account and Region, and answers `ThrottlingException` past it. The pacer hands out start
//! times at least one interval apart, doubles the interval on a throttle and eases it back
//! after successes. It is pure (times are offsets from any fixed start), so a test drives it
//! with a fake clock; `AwsCloudTrail` drives it with tokio's.

use std::time::Duration;

/// The longest interval a run of throttles can push the pacer to.
pub const MAX_INTERVAL: Duration = Duration::from_secs(8);

/// Start times for calls under a requests-per-second limit, with adaptive backoff.
#[derive(Debug, Clone, PartialEq)]
pub struct Pacer {
    base: Duration,
    interval: Duration,
    /// The earliest start of the next call (an offset from the clock's start).
    next: Option<Duration>,
}

impl Pacer {
    /// A pacer allowing `per_second` calls a second (at least one).
    pub fn per_second(per_second: u32) -> Pacer {
        let base = Duration::from_secs(1) / per_second.max(1);
        Pacer { base, interval: base, next: None }
    }

    /// Reserves the next start for a call wanting to go at `now`: how long it must wait.
    pub fn reserve(&mut self, now: Duration) -> Duration {
        let at = self.next.map_or(now, |n| n.max(now));
        self.next = Some(at + self.interval);
        at - now
    }

    /// The last call was throttled: slow down (double the interval, up to `MAX_INTERVAL`)
    /// and push the next start one new interval further.
    pub fn throttled(&mut self) {
        self.interval = (self.interval * 2).min(MAX_INTERVAL);
        self.next = self.next.map(|n| n + self.interval);
    }

    /// The last call went through: ease back a quarter of the way toward the base rate.
    pub fn succeeded(&mut self) {
        let excess = self.interval.saturating_sub(self.base) * 3 / 4;
        self.interval = if excess < Duration::from_millis(10) { self.base } else { self.base + excess };
    }

    /// The current rate in calls per second.
    pub fn rate(&self) -> f64 {
        1.0 / self.interval.as_secs_f64()
    }

    /// The current interval between starts.
    pub fn interval(&self) -> Duration {
        self.interval
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Drives the pacer with a fake clock: each call waits what the pacer says, then takes
    /// `took` to answer; returns the start times.
    fn run(
        pacer: &mut Pacer,
        calls: usize,
        took: impl Fn(usize) -> Duration,
        throttled: impl Fn(usize) -> bool,
    ) -> Vec<Duration> {
        let mut now = Duration::ZERO;
        let mut starts = Vec::new();
        for i in 0..calls {
            now += pacer.reserve(now);
            starts.push(now);
            now += took(i);
            if throttled(i) {
                pacer.throttled();
            } else {
                pacer.succeeded();
            }
        }
        starts
    }

    /// The most starts within any one-second window.
    fn most_per_second(starts: &[Duration]) -> usize {
        starts
            .iter()
            .map(|&s| starts.iter().filter(|&&t| t >= s && t < s + Duration::from_secs(1)).count())
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn at_most_two_calls_start_in_any_second() {
        for took_ms in [0, 30, 120, 499, 700] {
            let mut p = Pacer::per_second(2);
            let starts =
                run(&mut p, 40, |i| Duration::from_millis(took_ms + (i as u64 * 37) % 90), |_| false);
            assert!(most_per_second(&starts) <= 2, "answers of {took_ms} ms: {starts:?}");
            // Fast answers are paced to exactly the limit: 40 calls take about 20 s.
            if took_ms == 0 {
                assert_eq!(starts[39], Duration::from_millis(500 * 39));
                assert_eq!(most_per_second(&starts), 2);
            }
        }
    }

    #[test]
    fn throttles_slow_the_pace_and_successes_restore_it() {
        let mut p = Pacer::per_second(2);
        let starts = run(&mut p, 3, |_| Duration::ZERO, |_| true);
        assert_eq!(p.interval(), Duration::from_secs(4), "three throttles: 0.5 s doubled three times");
        // After a throttle the next start waits out the slot taken and the new interval.
        assert_eq!(starts, [0, 1500, 4500].map(Duration::from_millis));
        assert_eq!(p.reserve(starts[2]), Duration::from_secs(6));
        for _ in 0..3 {
            p.throttled();
        }
        assert_eq!(p.interval(), MAX_INTERVAL, "the backoff is bounded");
        run(&mut p, 40, |_| Duration::ZERO, |_| false);
        assert_eq!(p.interval(), Duration::from_millis(500), "successes ease back to the limit");
        assert!((p.rate() - 2.0).abs() < 1e-9);
        let starts = run(&mut p, 30, |_| Duration::ZERO, |i| i % 7 == 3);
        assert!(most_per_second(&starts) <= 2);
    }
}
