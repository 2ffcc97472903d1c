//! Outgoing mail. Messages are composed here in the recipient's language and written to the
//! outbox in the same transaction as the change that causes them; `worker.rs` delivers them.

pub mod worker;

use super::db::outbox;
use crate::i18n::{Key, Lang, fill};

/// One message, ready for the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    pub user_id: Option<i64>,
    pub to: String,
    pub subject: String,
    pub body: String,
}

impl Mail {
    /// Composes a message from a subject and body text, filling `{shop}` and `args`.
    pub fn compose(
        lang: Lang,
        shop: &str,
        user_id: Option<i64>,
        to: &str,
        subject: Key,
        body: Key,
        args: &[(&str, &str)],
    ) -> Mail {
        let mut all = vec![("shop", shop)];
        all.extend_from_slice(args);
        Mail {
            user_id,
            to: to.to_string(),
            subject: fill(lang.text(subject), &all),
            body: fill(lang.text(body), &all),
        }
    }

    /// Writes the message to the outbox (call inside the transaction of the change).
    pub async fn enqueue(
        &self,
        conn: &mut sqlx::AnyConnection,
        now: i64,
    ) -> Result<i64, sqlx::Error> {
        outbox::insert(
            &mut *conn,
            self.user_id,
            &self.to,
            &self.subject,
            &self.body,
            now,
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_is_composed_in_the_recipients_language() {
        let link = "https://shop.test/account/verify/abc";
        let en = Mail::compose(
            Lang::En,
            "Lumenwall",
            Some(1),
            "a@b.co",
            Key::MailVerifySubject,
            Key::MailVerifyBody,
            &[("name", "Mei"), ("link", link)],
        );
        assert!(en.subject.contains("Lumenwall"));
        assert!(en.body.contains(link) && en.body.contains("Mei"));
        assert!(!en.body.contains('{'), "unfilled placeholder: {}", en.body);
        let zh = Mail::compose(
            Lang::Zh,
            "Lumenwall",
            Some(1),
            "a@b.co",
            Key::MailVerifySubject,
            Key::MailVerifyBody,
            &[("name", "Mei"), ("link", link)],
        );
        assert_ne!(en.body, zh.body);
        assert!(zh.body.contains(link));
    }
}
