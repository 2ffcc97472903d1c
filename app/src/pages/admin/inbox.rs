//! Staff: the inbox of questions sent through the contact form (`/admin/inbox`, by status)
//! and one conversation (`/admin/inbox/:id`) with its reply form and status.

use super::{AdminLayout, use_id_param};
use crate::{
    api::admin::inbox::{ReplyThread, SetThreadStatus, get_inbox, get_thread},
    components::form::{FormMessage, TextArea, WithFlash, action_done, action_error, successes},
    domain::{
        contact::{MESSAGE_MAX, ThreadStatus},
        ids::ThreadId,
        stored::Stored,
        time,
    },
    i18n::{Key, Msg, tr, use_i18n},
    model::contact::ThreadView,
    pages::not_found::NotFound,
};
use leptos::{either::Either, prelude::*};
use leptos_router::{components::A, hooks::use_query_map};

pub fn status_key(status: ThreadStatus) -> Key {
    match status {
        ThreadStatus::Open => Key::ThreadOpen,
        ThreadStatus::Waiting => Key::ThreadWaiting,
        ThreadStatus::Closed => Key::ThreadClosed,
    }
}

#[component]
pub fn AdminInboxPage() -> impl IntoView {
    let query = use_query_map();
    let status = move || {
        query
            .read()
            .get("status")
            .and_then(|s| ThreadStatus::from_stored(&s))
    };
    let inbox = Resource::new(status, |status| get_inbox(status.map(Into::into)));
    view! {
        <AdminLayout title=Key::AdminInbox>
            <p class="field-hint">{tr(Key::AdminInboxText)}</p>
            <nav class="tabs" aria-label=tr(Key::AdminInbox)>
                <A href="/admin/inbox" exact=true>{tr(Key::AdminInboxAll)}</A>
                {ThreadStatus::ALL.iter().map(|&s| view! {
                    <A href=format!("/admin/inbox?status={}", s.as_str()) exact=true>{tr(status_key(s))}</A>
                }).collect_view()}
            </nav>
            <Suspense>
                {move || Suspend::new(async move {
                    let Ok(inbox) = inbox.await else { return Either::Left(view! { <NotFound /> }) };
                    Either::Right(view! {
                        {inbox.threads.is_empty().then(|| view! { <p class="empty-state">{tr(Key::AdminInboxEmpty)}</p> })}
                        <ul class="inbox" data-testid="inbox">
                            {inbox.threads.into_iter().map(|t| view! {
                                <li class="card">
                                    <p>
                                        <A href=format!("/admin/inbox/{}", t.id)><strong>{t.name.clone()}</strong></A>
                                        " · " {t.email.clone()}
                                        {(!t.order_number.is_empty()).then(|| view! { " · " {t.order_number.clone()} })}
                                    </p>
                                    <p class="field-hint">
                                        <span class=format!("badge status-{}", t.status.as_str())>{tr(status_key(t.status))}</span>
                                        " " {time::date_time(t.updated_at)}
                                    </p>
                                </li>
                            }).collect_view()}
                        </ul>
                    })
                })}
            </Suspense>
        </AdminLayout>
    }
}

#[component]
pub fn AdminThreadPage() -> impl IntoView {
    let id = use_id_param::<ThreadId>();
    let reply = ServerAction::<ReplyThread>::new();
    let status = ServerAction::<SetThreadStatus>::new();
    let (replied, set) = (successes(reply), successes(status));
    let thread = Resource::new(
        move || (id(), replied.get(), set.get()),
        |(id, ..)| get_thread(id),
    );
    view! {
        <AdminLayout title=Key::AdminInbox>
            <Suspense>
                {move || Suspend::new(async move {
                    match thread.await {
                        Ok(thread) => Either::Left(view! { <Conversation thread reply status /> }),
                        Err(_) => Either::Right(view! { <NotFound /> }),
                    }
                })}
            </Suspense>
        </AdminLayout>
    }
}

#[component]
fn Conversation(
    thread: ThreadView,
    reply: ServerAction<ReplyThread>,
    status: ServerAction<SetThreadStatus>,
) -> impl IntoView {
    let i18n = use_i18n();
    let number = thread.id.get();
    let id = thread.id.to_string();
    let reply_error = action_error(reply);
    // A reply that went leaves an empty box (a second press must not send it again).
    let reply_form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if matches!(reply.value().get(), Some(Ok(())))
            && let Some(form) = reply_form.get()
        {
            form.reset();
        }
    });
    let status_error = action_error(status);
    let current = thread.status;
    view! {
        <h2>{move || i18n.msg(Msg::ThreadTitle { number })}</h2>
        <dl class="thread-facts">
            <dt>{tr(Key::FieldFullName)}</dt><dd>{thread.name.clone()}</dd>
            <dt>{tr(Key::FieldEmail)}</dt><dd>{thread.email.clone()}</dd>
            {(!thread.order_number.is_empty()).then(|| view! {
                <dt>{tr(Key::AdminThreadOrder)}</dt><dd>{thread.order_number.clone()}</dd>
            })}
            {thread.account.map(|account| view! {
                <dt>{tr(Key::AdminThreadAccount)}</dt>
                <dd><A href=format!("/admin/customers/{account}")>{format!("#{account}")}</A></dd>
            })}
            <dt>{tr(Key::AdminThreadSetStatus)}</dt><dd>{tr(status_key(current))}</dd>
        </dl>
        <ol class="thread">
            {thread.messages.into_iter().map(|m| {
                let who = match (m.from_staff, m.staff_name) {
                    (false, _) => thread.name.clone(),
                    (true, Some(staff)) => staff,
                    (true, None) => i18n.t(Key::AdminThreadFromShop).to_string(),
                };
                view! {
                    <li class="card message" class:message-staff=m.from_staff>
                        <p class="field-hint"><strong>{who}</strong> " · " {time::date_time(m.at)}</p>
                        <p class="message-body" dir="auto">{m.body}</p>
                    </li>
                }
            }).collect_view()}
        </ol>
        <section class="card">
            <h3>{tr(Key::AdminThreadReply)}</h3>
            <WithFlash form=format!("reply-{id}") view={
                let id = id.clone();
                move |values| view! {
                    <ActionForm action=reply node_ref=reply_form attr:class="form-stack" attr:novalidate=true>
                        <FormMessage error=reply_error success=(action_done(reply), Key::AdminThreadReplied) />
                        <input type="hidden" name="id" value=id />
                        <TextArea name="text" label=Key::AdminThreadReply error=reply_error value=values.get_or("text", "") rows=8 maxlength=MESSAGE_MAX />
                        <button type="submit" class="button button-primary">{tr(Key::AdminThreadReplySend)}</button>
                    </ActionForm>
                }
            } />
        </section>
        <section class="card">
            <h3>{tr(Key::AdminThreadSetStatus)}</h3>
            <ActionForm action=status attr:class="inline-form">
                <FormMessage error=status_error success=(action_done(status), Key::AdminThreadStatusSaved) />
                <input type="hidden" name="id" value=id.clone() />
                {ThreadStatus::ALL.iter().map(|&s| view! {
                    <button type="submit" name="status" value=s.as_str() class="button button-secondary" disabled=s == current>
                        {tr(status_key(s))}
                    </button>
                }).collect_view()}
            </ActionForm>
        </section>
    }
}
