//! Server functions: the shop's HTTP API. Each is thin: it reads the state and the session
//! from the context, checks who is asking, and calls domain or `backend` code. Endpoints are
//! fixed (`/api/<area>/<name>`) so tests and middleware can name them.

pub mod account;
pub mod admin;
pub mod cart;
pub mod catalog;
pub mod checkout;
pub mod contact;
pub mod language;
pub mod marketing;
pub mod privacy;
pub mod reviews;
pub mod shop;
