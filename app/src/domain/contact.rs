//! Questions to the shop (promise P12): the contact form, the staff's replies, and where a
//! conversation stands.

use super::{
    account::{check_email, check_text},
    limits,
    order::parse_order_number,
    policy::check_long_text,
};
use crate::error::{Problem, ShopError};
use serde::{Deserialize, Serialize};

/// The longest message or reply, in characters.
pub const MESSAGE_MAX: usize = 5_000;

/// How long a closed conversation is kept, in days (then deleted, with its messages).
pub const CLOSED_KEPT_DAYS: u32 = 365;

super::stored::stored_enum! {
    /// Where a conversation stands: waiting for staff (`Open`), for the shopper (`Waiting`,
    /// after a reply), or done (`Closed`).
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ThreadStatus: as_str {
        Open = "open",
        Waiting = "waiting",
        Closed = "closed",
    }
}

/// The contact form. `website` is a trap for robots: hidden from people, and a message that
/// fills it is thanked for and dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactForm {
    pub name: String,
    pub email: String,
    #[serde(default)]
    pub order: String,
    pub message: String,
    #[serde(default)]
    pub website: String,
}

impl ContactForm {
    pub fn validate(&self) -> Result<(), ShopError> {
        let order = self.order.trim();
        let order_problem = if order.is_empty() {
            None
        } else if order.chars().count() > limits::NUMBER {
            Some(Problem::TooLong {
                max: limits::NUMBER,
            })
        } else if parse_order_number(order).is_none() {
            Some(Problem::Invalid)
        } else {
            None
        };
        ShopError::check_fields([
            ("name", check_text(&self.name, limits::NAME)),
            ("email", check_email(&self.email)),
            ("order", order_problem),
            ("message", check_long_text(&self.message, MESSAGE_MAX)),
        ])
    }

    /// True when the robot trap was filled in.
    pub fn is_robot(&self) -> bool {
        !self.website.is_empty()
    }
}

/// A staff reply: required, within [`MESSAGE_MAX`], line breaks allowed.
pub fn check_reply(text: &str) -> Result<(), ShopError> {
    match check_long_text(text, MESSAGE_MAX) {
        Some(problem) => Err(ShopError::invalid("text", problem)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ContactForm {
        ContactForm {
            name: "Mei Lin".into(),
            email: "mei@example.com".into(),
            order: String::new(),
            message: "Does the P3.9 cabinet fit\nthe curved frame?".into(),
            website: String::new(),
        }
    }

    #[test]
    fn a_message_needs_a_name_an_address_and_text() {
        assert!(form().validate().is_ok());
        assert!(
            ContactForm {
                order: "LW-000012".into(),
                ..form()
            }
            .validate()
            .is_ok()
        );
        let bad = ContactForm {
            name: "Mei\u{7}".into(),
            email: "mei".into(),
            order: "12; DROP".into(),
            message: "x".repeat(MESSAGE_MAX + 1),
            website: String::new(),
        };
        let Err(ShopError::Invalid { fields }) = bad.validate() else {
            panic!("accepted");
        };
        let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, ["name", "email", "order", "message"]);
        assert!(!form().is_robot());
        assert!(
            ContactForm {
                website: "http://spam".into(),
                ..form()
            }
            .is_robot()
        );
    }

    #[test]
    fn replies_are_required_and_bounded() {
        assert!(check_reply("Yes, it fits.\n\nSam").is_ok());
        assert!(check_reply("  ").is_err());
        assert!(check_reply(&"x".repeat(MESSAGE_MAX + 1)).is_err());
    }
}
