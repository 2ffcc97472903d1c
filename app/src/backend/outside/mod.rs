//! The outside parties the shop talks to that are pretend ones, built in so the shop works
//! end to end without accounts anywhere: the sandbox card processor. Each is reached only
//! through its interface (`payments`), so a real party's module sits beside it.

pub mod sandbox_processor;
