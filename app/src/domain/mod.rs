//! Plain Rust domain logic, compiled into both the server and the browser so that both
//! compute and validate the same way. No I/O here.

pub mod category;
pub mod money;
