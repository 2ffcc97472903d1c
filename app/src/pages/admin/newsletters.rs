//! Staff: newsletters. One goes only to the shoppers who opted in to marketing mail, in
//! each one's language, with a one-click unsubscribe link; the page says how many that is
//! and how far each newsletter has gone.

use super::AdminLayout;
use crate::{
    api::admin::newsletters::{SendNewsletter, get_newsletters},
    components::form::{
        Field, FormMessage, TextArea, WithFlash, action_done, action_error, error_text, successes,
    },
    domain::{
        marketing::{BODY_MAX, SUBJECT_MAX},
        time,
    },
    i18n::{Key, Msg, tr, use_i18n},
    model::marketing::NewsletterAdmin,
};
use leptos::{either::Either, prelude::*};

#[component]
pub fn AdminNewslettersPage() -> impl IntoView {
    let i18n = use_i18n();
    let send = ServerAction::<SendNewsletter>::new();
    let sent = successes(send);
    let admin = Resource::new(move || sent.get(), |_| get_newsletters());
    view! {
        <AdminLayout title=Key::AdminNewsletters>
            <p class="field-hint">{tr(Key::AdminNewslettersText)}</p>
            <Suspense>
                {move || Suspend::new(async move {
                    match admin.await {
                        Err(error) => Either::Left(view! {
                            <p class="form-message form-message-error" role="alert">{error_text(i18n.lang(), &error)}</p>
                        }),
                        Ok(admin) => Either::Right(view! { <Compose admin=admin.clone() send /> <Sent admin /> }),
                    }
                })}
            </Suspense>
        </AdminLayout>
    }
}

#[component]
fn Compose(admin: NewsletterAdmin, send: ServerAction<SendNewsletter>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(send);
    let audience = admin.audience;
    view! {
        <section class="card">
            <h2>{tr(Key::AdminNewsletterNew)}</h2>
            <p>{move || i18n.msg(Msg::NewsletterAudience { count: audience })}</p>
            <WithFlash form="newsletter".to_string() view=move |values| view! {
                <ActionForm action=send attr:class="form-stack" attr:novalidate=true>
                    <FormMessage error success=(action_done(send), Key::AdminNewsletterSent) />
                    <Field name="subject_en" form="form" label=Key::AdminNewsletterSubjectEn error value=values.get_or("subject_en", "") maxlength=SUBJECT_MAX />
                    <TextArea name="body_en" form="form" label=Key::AdminNewsletterBodyEn error value=values.get_or("body_en", "") rows=10 maxlength=BODY_MAX />
                    <Field name="subject_zh" form="form" label=Key::AdminNewsletterSubjectZh error value=values.get_or("subject_zh", "") required=false maxlength=SUBJECT_MAX />
                    <TextArea name="body_zh" form="form" label=Key::AdminNewsletterBodyZh error value=values.get_or("body_zh", "") rows=10 required=false maxlength=BODY_MAX />
                    <p class="field-hint">{tr(Key::AdminNewsletterHint)}</p>
                    <button type="submit" class="button button-primary">{tr(Key::AdminNewsletterSend)}</button>
                </ActionForm>
            } />
        </section>
    }
}

#[component]
fn Sent(admin: NewsletterAdmin) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section>
            <h2>{tr(Key::AdminNewslettersSent)}</h2>
            {admin.newsletters.is_empty().then(|| view! { <p class="empty-state">{tr(Key::AdminNewslettersNone)}</p> })}
            <ul class="policy-admin-list">
                {admin.newsletters.into_iter().map(|n| {
                    let (count, sending) = (n.recipients, n.sending);
                    view! {
                        <li class="card newsletter">
                            <p><strong>{n.subject.clone()}</strong></p>
                            <p class="field-hint">
                                {time::date_time(n.written_at)} " · "
                                {move || i18n.msg(Msg::NewsletterRecipients { count })}
                                {sending.then(|| view! { " · " {tr(Key::AdminNewsletterSending)} })}
                            </p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
