//! Staff: the local mailbox and the outbox's delivery state.

use super::AdminLayout;
use crate::{
    api::admin::mail::list_mail,
    domain::time,
    i18n::{Key, tr},
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MailPage() -> impl IntoView {
    let query = use_query_map();
    let to = move || query.read().get("to").filter(|t| !t.is_empty());
    let mail = Resource::new(to, list_mail);
    view! {
        <AdminLayout title=Key::AdminMail>
            <p class="field-hint">{tr(Key::AdminMailText)}</p>
            <form class="inline-form" method="get" action="/admin/mail">
                <label for="mail-to">{tr(Key::AdminMailTo)}</label>
                <input id="mail-to" type="search" name="to" value=move || to().unwrap_or_default() />
                <button type="submit" class="button button-secondary">{tr(Key::SearchButton)}</button>
            </form>
            <Suspense>
                {move || Suspend::new(async move {
                    let list = mail.await.unwrap_or_default();
                    view! {
                        {list.is_empty().then(|| view! { <p class="empty-state">{tr(Key::AdminMailEmpty)}</p> })}
                        <ul class="mail-list">
                            {list.into_iter().map(|m| view! {
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
                                    <pre class="mail-body">{m.body.clone()}</pre>
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                })}
            </Suspense>
        </AdminLayout>
    }
}
