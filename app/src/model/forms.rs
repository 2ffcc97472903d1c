//! What the page after a plain form post (JavaScript off, or the app not started yet) shows
//! about that post: the page is rendered on the server with it, and the browser app reads
//! the same value when it takes the page over (see `components/form.rs`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AfterPlainPost {
    /// The server function (its path) the post ran successfully.
    pub done: Option<String>,
    /// The form whose post failed, with what was typed into it (never a password).
    pub kept: Option<KeptForm>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptForm {
    pub form: String,
    pub values: BTreeMap<String, String>,
}
