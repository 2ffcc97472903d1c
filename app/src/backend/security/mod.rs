//! Keys and tokens, password hashing, throttling, and the equal-work counters that keep
//! answers from telling which accounts exist.

pub mod keys;
pub mod passwords;
pub mod throttle;
pub mod work;
