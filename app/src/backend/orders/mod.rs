//! Orders: the checkout steps, placing an order and settling it with the processor's
//! answer (by the request, a retry or the recovery job), the links that reach an order, what
//! buyers and staff see, fulfilment, and the handoff of a parcel to its carrier.

pub mod checkout;
pub mod fraud;
pub mod fulfilment;
pub mod handoff;
pub mod holds;
pub mod links;
pub mod placing;
pub mod processor_events;
pub mod settling;
pub mod views;
