//! Admins: the outbox's delivery state, and in development the local mailbox.

use super::AdminLayout;
use crate::{
    api::admin::mail::list_mail,
    components::form::error_text,
    domain::{limits, time},
    i18n::{Key, tr, use_i18n},
};
use leptos::{either::Either, prelude::*};
use leptos_router::hooks::use_query_map;

#[component]
pub fn MailPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let to = move || query.read().get("to").filter(|t| !t.is_empty());
    let mail = Resource::new(to, list_mail);
    view! {
        <AdminLayout title=Key::AdminMail>
            <p class="field-hint">{tr(Key::AdminMailText)}</p>
            <form class="inline-form" method="get" action="/admin/mail">
                <label for="mail-to">{tr(Key::AdminMailTo)}</label>
                <input id="mail-to" type="search" name="to" value=move || to().unwrap_or_default() maxlength=limits::EMAIL.to_string() />
                <button type="submit" class="button button-secondary">{tr(Key::SearchButton)}</button>
            </form>
            <Suspense>
                {move || Suspend::new(async move {
                    match mail.await {
                        Err(error) => Either::Left(view! {
                            <p class="form-message form-message-error" role="alert">{error_text(i18n.lang(), &error)}</p>
                        }),
                        Ok(mailbox) => Either::Right(view! {
                            {(!mailbox.local).then(|| view! { <p class="field-hint">{tr(Key::AdminMailSmtp)}</p> })}
                            {mailbox.mail.is_empty().then(|| view! { <p class="empty-state">{tr(Key::AdminMailEmpty)}</p> })}
                            <ul class="mail-list">
                                {mailbox.mail.into_iter().map(|m| view! {
                                    <li class="card mail">
                                        <p class="mail-meta">
                                            <strong>{m.subject.clone()}</strong><br />
                                            {tr(Key::AdminMailTo)} ": " {m.to.clone()} " · " {time::date_time(m.written_at)} " · "
                                            {match m.delivered_at {
                                                Some(_) => tr(Key::AdminMailDelivered).into_any(),
                                                None => view! { {tr(Key::AdminMailQueued)} " (" {m.attempts} ")" }.into_any(),
                                            }}
                                        </p>
                                        {m.last_error.clone().map(|e| view! { <p class="form-message form-message-error">{e}</p> })}
                                        {m.links_hidden.then(|| view! { <p class="field-hint">{tr(Key::AdminMailLinksHidden)}</p> })}
                                        {m.headers.clone().map(|h| view! { <pre class="mail-headers">{h}</pre> })}
                                        {m.body.clone().map(|body| view! { <pre class="mail-body">{linkified(&body)}</pre> })}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }),
                    }
                })}
            </Suspense>
        </AdminLayout>
    }
}

/// The mail's text with its web addresses as links, so a developer can follow them.
fn linkified(body: &str) -> impl IntoView + use<> {
    pieces(body)
        .into_iter()
        .map(|(text, is_link)| {
            if is_link {
                let href = text.clone();
                Either::Left(view! { <a href=href rel="noopener noreferrer">{text}</a> })
            } else {
                Either::Right(text)
            }
        })
        .collect_view()
}

/// `body` cut into plain text and `http(s)://` addresses (an address ends at white space).
fn pieces(body: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(at) = rest
        .find("http://")
        .into_iter()
        .chain(rest.find("https://"))
        .min()
    {
        if at > 0 {
            out.push((rest[..at].to_string(), false));
        }
        let end = rest[at..]
            .find(char::is_whitespace)
            .map_or(rest.len(), |e| at + e);
        out.push((rest[at..end].to_string(), true));
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out.push((rest.to_string(), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn addresses_in_mail_become_links() {
        assert_eq!(
            pieces("Open\nhttps://shop.test/account/verify/ab12\nthanks"),
            [
                ("Open\n".to_string(), false),
                ("https://shop.test/account/verify/ab12".to_string(), true),
                ("\nthanks".to_string(), false),
            ]
        );
        assert_eq!(pieces("no links"), [("no links".to_string(), false)]);
    }
}
