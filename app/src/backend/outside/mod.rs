//! The outside parties the shop talks to: Stripe, a real card processor, and the pretend
//! ones built in so the shop works end to end without accounts anywhere: the sandbox card
//! processor and the invented carriers. Each is reached only through its interface (`payments::Gateway` for the
//! processor, `carriers::book` for the carriers), so a real party's module sits beside it.

pub mod carriers;
pub mod sandbox_processor;
pub mod stripe;
