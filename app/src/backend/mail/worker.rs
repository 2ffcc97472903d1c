//! Delivers the outbox: a background job (`jobs/outbox.rs`) claims due messages (one worker per message even
//! with many app servers) and sends them through SMTP, deleting their text once sent. In
//! development without SMTP they are kept, text and all, in the local mailbox that admins
//! read at /admin/mail (production refuses to start without SMTP). Failures are retried with
//! growing delays; the message and its last error stay visible to admins.

use crate::{
    backend::{
        db::{Db, outbox},
        now,
    },
    domain::outbox::{MAX_ATTEMPTS, retry_delay},
};
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{
        Mailbox, MessageBuilder,
        header::{ContentType, HeaderName, HeaderValue},
    },
};

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
                let message = with_headers(Message::builder(), &row.headers)?
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

/// The message with the outbox row's extra header lines (`Name: value` each).
fn with_headers(mut builder: MessageBuilder, lines: &str) -> Result<MessageBuilder, String> {
    for line in lines.lines().filter(|l| !l.trim().is_empty()) {
        let (name, value) = line
            .split_once(": ")
            .ok_or_else(|| format!("malformed header line: {line}"))?;
        let name = HeaderName::new_from_ascii(name.to_string()).map_err(|e| e.to_string())?;
        builder = builder.raw_header(HeaderValue::new(name, value.to_string()));
    }
    Ok(builder)
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
                let now = crate::backend::now();
                let mut tx = db.begin_write().await?;
                outbox::mark_delivered(
                    &mut *tx,
                    row.id,
                    transport.name(),
                    now,
                    transport.keeps_mail(),
                )
                .await?;
                // Mail that left through the relay is in its recipient's ledger (the
                // development mailbox keeps mail inside the shop: no one else got it).
                if let (Transport::Smtp(_), Some(user)) = (transport, row.user_id) {
                    crate::backend::db::orders::disclose_mail(&mut tx, user, &row.kind, now)
                        .await?;
                }
                tx.commit().await?;
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
