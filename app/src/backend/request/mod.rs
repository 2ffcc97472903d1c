//! The request: who is asking (context), their session, the one-time outcome of a plain
//! form post (flash), safe redirects and the personal header of kept pages.

pub mod context;
pub mod flash;
pub mod personal;
pub mod redirect;
pub mod session;
