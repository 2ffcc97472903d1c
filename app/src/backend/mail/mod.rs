//! Outgoing mail. Messages are composed here in the recipient's language and written to the
//! outbox in the same transaction as the change that causes them; `worker.rs` delivers them.

use crate::domain::ids::{MailId, UserId};

pub mod mailbox;
pub mod worker;

use crate::backend::{db::outbox, security::keys::is_token};
use crate::{
    domain::account::LinkPurpose,
    i18n::{Lang, Msg},
};

/// What replaces the token of a one-time link that a reader may not use.
pub const HIDDEN_TOKEN: &str = "[hidden]";

/// `body` with the token of every one-time link replaced by [`HIDDEN_TOKEN`], and whether
/// there was one.
pub fn hide_link_tokens(body: &str) -> (String, bool) {
    let mut out = body.to_string();
    let mut hidden = false;
    for path in LinkPurpose::ALL.map(LinkPurpose::path) {
        let mut from = 0;
        while let Some(at) = out[from..].find(path) {
            let start = from + at + path.len();
            let end = start + 64;
            if out.get(start..end).is_some_and(is_token) {
                out.replace_range(start..end, HIDDEN_TOKEN);
                hidden = true;
            }
            from = start;
        }
    }
    (out, hidden)
}

/// The mails the shop writes, each with the values it shows. Subject and body come from
/// `i18n::Msg`, so a mail cannot name a value it was not given.
#[derive(Clone, Copy, Debug)]
pub enum Letter<'a> {
    /// Confirm the address of a new account.
    Verify {
        name: &'a str,
        link: &'a str,
    },
    /// Confirm a new address for an existing account.
    ChangeEmail {
        name: &'a str,
        link: &'a str,
    },
    ResetPassword {
        name: &'a str,
        link: &'a str,
    },
    /// Someone tried to register with an address that has an account: its owner is told.
    AddressTaken {
        name: &'a str,
        signin: &'a str,
        reset: &'a str,
    },
    /// The account's address was changed (sent to the old one).
    EmailChanged {
        name: &'a str,
        email: &'a str,
    },
    /// An order was handed to its carrier.
    OrderShipped {
        name: &'a str,
        number: &'a str,
        carrier: &'a str,
        tracking: &'a str,
        link: &'a str,
    },
    /// An order was cancelled and its payment refunded.
    OrderCancelled {
        name: &'a str,
        number: &'a str,
        total: &'a str,
        link: &'a str,
    },
    /// A new version of the privacy policy was published.
    PolicyChanged {
        name: &'a str,
        version: i64,
        date: &'a str,
        summary: &'a str,
        link: &'a str,
    },
    /// A newsletter to an account that opted in to marketing mail (`subject` and `text` as
    /// staff wrote them).
    Newsletter {
        subject: &'a str,
        name: &'a str,
        text: &'a str,
        link: &'a str,
        profile: &'a str,
    },
    /// Staff answered a question sent through the contact form.
    ContactReply {
        name: &'a str,
        number: &'a str,
        text: &'a str,
        link: &'a str,
    },
    /// An order was placed but held for review before the card is charged.
    OrderHeld {
        name: &'a str,
        number: &'a str,
        link: &'a str,
    },
    /// A held order was cancelled after review; nothing was charged.
    HeldOrderCancelled {
        name: &'a str,
        number: &'a str,
        link: &'a str,
    },
    /// Staff hid the author's review, for this reason.
    ReviewHidden {
        name: &'a str,
        product: &'a str,
        reason: &'a str,
        link: &'a str,
    },
    /// An order was placed and paid.
    OrderPlaced {
        name: &'a str,
        number: &'a str,
        total: &'a str,
        link: &'a str,
    },
}

impl Letter<'_> {
    /// Which mail this is, as the outbox and the ledger name it.
    pub fn kind(self) -> &'static str {
        match self {
            Letter::Verify { .. } => "verify_email",
            Letter::ChangeEmail { .. } => "change_email",
            Letter::ResetPassword { .. } => "reset_password",
            Letter::AddressTaken { .. } => "address_taken",
            Letter::EmailChanged { .. } => "email_changed",
            Letter::OrderShipped { .. } => "order_shipped",
            Letter::OrderCancelled { .. } | Letter::HeldOrderCancelled { .. } => "order_cancelled",
            Letter::OrderHeld { .. } => "order_held",
            Letter::PolicyChanged { .. } => "policy_changed",
            Letter::OrderPlaced { .. } => "order_placed",
            Letter::Newsletter { .. } => "newsletter",
            Letter::ContactReply { .. } => "contact_reply",
            Letter::ReviewHidden { .. } => "review_hidden",
        }
    }

    /// Subject and body in `lang`, signed by `shop`.
    pub fn texts(self, lang: Lang, shop: &str) -> (String, String) {
        let (subject, body) = match self {
            Letter::Verify { name, link } => (
                Msg::MailVerifySubject { shop },
                Msg::MailVerifyBody { shop, name, link },
            ),
            Letter::ChangeEmail { name, link } => (
                Msg::MailChangeEmailSubject { shop },
                Msg::MailChangeEmailBody { shop, name, link },
            ),
            Letter::ResetPassword { name, link } => (
                Msg::MailResetSubject { shop },
                Msg::MailResetBody { shop, name, link },
            ),
            Letter::AddressTaken {
                name,
                signin,
                reset,
            } => (
                Msg::MailExistingSubject { shop },
                Msg::MailExistingBody {
                    shop,
                    name,
                    signin,
                    reset,
                },
            ),
            Letter::EmailChanged { name, email } => (
                Msg::MailEmailChangedSubject { shop },
                Msg::MailEmailChangedBody { shop, name, email },
            ),
            Letter::OrderShipped {
                name,
                number,
                carrier,
                tracking,
                link,
            } => (
                Msg::MailOrderShippedSubject { shop, number },
                Msg::MailOrderShippedBody {
                    shop,
                    name,
                    number,
                    carrier,
                    tracking,
                    link,
                },
            ),
            Letter::OrderHeld { name, number, link } => (
                Msg::MailOrderHeldSubject { shop, number },
                Msg::MailOrderHeldBody {
                    shop,
                    name,
                    number,
                    link,
                },
            ),
            Letter::HeldOrderCancelled { name, number, link } => (
                Msg::MailOrderCancelledSubject { shop, number },
                Msg::MailHeldOrderCancelledBody {
                    shop,
                    name,
                    number,
                    link,
                },
            ),
            Letter::OrderCancelled {
                name,
                number,
                total,
                link,
            } => (
                Msg::MailOrderCancelledSubject { shop, number },
                Msg::MailOrderCancelledBody {
                    shop,
                    name,
                    number,
                    total,
                    link,
                },
            ),
            Letter::OrderPlaced {
                name,
                number,
                total,
                link,
            } => (
                Msg::MailOrderPlacedSubject { shop, number },
                Msg::MailOrderPlacedBody {
                    shop,
                    name,
                    number,
                    total,
                    link,
                },
            ),
            Letter::Newsletter {
                subject,
                name,
                text,
                link,
                profile,
            } => (
                Msg::MailNewsletterSubject { shop, subject },
                Msg::MailNewsletterBody {
                    shop,
                    name,
                    text,
                    link,
                    profile,
                },
            ),
            Letter::ContactReply {
                name,
                number,
                text,
                link,
            } => (
                Msg::MailContactReplySubject { shop, number },
                Msg::MailContactReplyBody {
                    shop,
                    name,
                    number,
                    text,
                    link,
                },
            ),
            Letter::ReviewHidden {
                name,
                product,
                reason,
                link,
            } => (
                Msg::MailReviewHiddenSubject { shop },
                Msg::MailReviewHiddenBody {
                    shop,
                    name,
                    product,
                    reason,
                    link,
                },
            ),
            Letter::PolicyChanged {
                name,
                version,
                date,
                summary,
                link,
            } => (
                Msg::MailPolicySubject { shop, version },
                Msg::MailPolicyBody {
                    shop,
                    name,
                    version,
                    date,
                    summary,
                    link,
                },
            ),
        };
        (lang.msg(subject), lang.msg(body))
    }
}

/// One message, ready for the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    pub user_id: Option<UserId>,
    pub to: String,
    pub kind: &'static str,
    pub subject: String,
    pub body: String,
    /// Extra header lines, `Name: value` each (see [`Mail::with_unsubscribe`]).
    pub headers: String,
}

impl Mail {
    /// A letter to `to` in `lang`, signed by `shop`.
    pub fn compose(
        lang: Lang,
        shop: &str,
        user_id: Option<UserId>,
        to: &str,
        letter: Letter<'_>,
    ) -> Mail {
        let (subject, body) = letter.texts(lang, shop);
        Mail {
            user_id,
            to: to.to_string(),
            kind: letter.kind(),
            subject,
            body,
            headers: String::new(),
        }
    }

    /// The mail with RFC 8058's one-click unsubscribe headers pointing at `url` (every
    /// marketing mail has them; the link is in its text too).
    pub fn with_unsubscribe(mut self, url: &str) -> Mail {
        self.headers =
            format!("List-Unsubscribe: <{url}>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click");
        self
    }

    /// Writes the message to the outbox (call inside the transaction of the change).
    pub async fn enqueue(
        &self,
        conn: &mut sqlx::AnyConnection,
        now: i64,
    ) -> Result<MailId, sqlx::Error> {
        let mail = outbox::NewMail {
            user_id: self.user_id,
            recipient: &self.to,
            kind: self.kind,
            subject: &self.subject,
            body: &self.body,
            headers: &self.headers,
        };
        outbox::insert(&mut *conn, mail, now).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_time_link_tokens_can_be_hidden() {
        let token = "ab".repeat(32);
        let body = format!(
            "Reset: https://shop.test/account/reset/{token}\nVerify: https://shop.test/account/verify/{token}?x\nCatalog: https://shop.test/account/verify/short"
        );
        let (hidden, any) = hide_link_tokens(&body);
        assert!(any);
        assert!(!hidden.contains(&token), "{hidden}");
        assert!(hidden.contains("/account/reset/[hidden]\nVerify"));
        assert!(hidden.contains("/account/verify/[hidden]?x"));
        assert!(hidden.contains("/account/verify/short"));
        assert_eq!(
            hide_link_tokens("no links"),
            ("no links".to_string(), false)
        );
    }

    #[test]
    fn mail_is_composed_in_the_recipients_language() {
        let link = "https://shop.test/account/verify/abc";
        let letter = Letter::Verify { name: "Mei", link };
        let en = Mail::compose(Lang::En, "Lumenwall", Some(UserId(1)), "a@b.co", letter);
        assert!(en.subject.contains("Lumenwall"));
        assert!(en.body.contains(link) && en.body.contains("Mei"));
        assert!(!en.body.contains('{'), "unfilled placeholder: {}", en.body);
        let zh = Mail::compose(Lang::Zh, "Lumenwall", Some(UserId(1)), "a@b.co", letter);
        assert_ne!(en.body, zh.body);
        assert!(zh.body.contains(link));
    }
}
