//! Delivers the outbox: a background task (`server/src/startup.rs`) claims due messages (one worker per message even
//! with many app servers) and sends them through SMTP, deleting their text once sent. In
//! development without SMTP they are kept, text and all, in the local mailbox that admins
//! read at /admin/mail (production refuses to start without SMTP). Failures are retried with
//! growing delays; the message and its last error stay visible to admins.

use crate::backend::{
    db::{Db, outbox},
    now,
};
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Mailbox, header::ContentType},
};

/// After this many attempts a message is left for staff to look at.
pub const MAX_ATTEMPTS: i64 = 10;

/// How the shop sends mail.
#[derive(Clone)]
pub enum Transport {
    /// No SMTP server configured (development only): delivered mail is kept for admins at
    /// /admin/mail.
    Mailbox,
    Smtp(Box<Smtp>),
}

#[derive(Clone)]
pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Transport {
    /// An SMTP transport from a URL such as `smtps://user:password@mail.example.com:465`.
    pub fn smtp(url: &str, from: &str) -> Result<Transport, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("invalid SMTP URL: {e}"))?
            .build();
        let from = from
            .parse::<Mailbox>()
            .map_err(|e| format!("invalid sender address: {e}"))?;
        Ok(Transport::Smtp(Box::new(Smtp { transport, from })))
    }

    /// True when delivered mail stays readable in the shop (the development mailbox).
    pub fn keeps_mail(&self) -> bool {
        matches!(self, Transport::Mailbox)
    }

    fn name(&self) -> &'static str {
        match self {
            Transport::Mailbox => "mailbox",
            Transport::Smtp(_) => "smtp",
        }
    }

    async fn send(&self, row: &outbox::OutboxRow) -> Result<(), String> {
        match self {
            Transport::Mailbox => Ok(()),
            Transport::Smtp(smtp) => {
                let Smtp { transport, from } = smtp.as_ref();
                let to = row
                    .recipient
                    .parse::<Mailbox>()
                    .map_err(|e| e.to_string())?;
                let message = Message::builder()
                    .from(from.clone())
                    .to(to)
                    .subject(&row.subject)
                    .header(ContentType::TEXT_PLAIN)
                    .body(row.body.clone())
                    .map_err(|e| e.to_string())?;
                transport
                    .send(message)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
        }
    }
}

/// Seconds before retry number `attempts` (30 s, 1 min, 2 min… capped at 6 h).
pub fn retry_delay(attempts: i64) -> i64 {
    let exp = attempts.clamp(0, 20) as u32;
    (30 * 2i64.pow(exp)).min(6 * 3600)
}

/// One pass over the due messages; returns how many were delivered.
pub async fn deliver_due(db: &Db, transport: &Transport) -> Result<usize, sqlx::Error> {
    let now = now();
    let mut delivered = 0;
    for row in outbox::due(db.pool(), now, 50).await? {
        if row.attempts >= MAX_ATTEMPTS {
            continue;
        }
        if !outbox::claim(db.pool(), &row, now + retry_delay(row.attempts)).await? {
            continue;
        }
        match transport.send(&row).await {
            Ok(()) => {
                outbox::mark_delivered(
                    db.pool(),
                    row.id,
                    transport.name(),
                    crate::backend::now(),
                    transport.keeps_mail(),
                )
                .await?;
                delivered += 1;
            }
            Err(error) => {
                // The error text names the server, never the recipient or the content.
                tracing::warn!(message_id = %row.id, attempts = row.attempts + 1, %error, "mail delivery failed");
                outbox::mark_failed(db.pool(), row.id, &error).await?;
            }
        }
    }
    Ok(delivered)
}

#[cfg(test)]
mod tests {
    use super::retry_delay;

    #[test]
    fn retries_back_off_up_to_six_hours() {
        assert_eq!(retry_delay(0), 30);
        assert_eq!(retry_delay(1), 60);
        assert_eq!(retry_delay(3), 240);
        assert_eq!(retry_delay(15), 6 * 3600);
    }
}
