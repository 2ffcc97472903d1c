//! Marketing mail (promise P4): only to accounts that opted in (`db/audience.rs` checks it
//! for every bulk read), each mail with a one-click unsubscribe link that needs no sign-in.

pub mod newsletters;
pub mod unsubscribe;
