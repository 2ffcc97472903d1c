//! The visitor's consent on every page (promise P2): the banner that asks on a first visit
//! ("Accept all" as easy as "Reject all", or choose per purpose), and the one-time notice of
//! a policy change for a visitor who chose under an earlier version. Both are plain forms,
//! so they work without JavaScript; the choice is changed later at `/privacy/choices`.

use crate::{
    api::privacy::{SetConsent, get_consent},
    domain::{consent::VisitorNotice, time},
    error::ShopError,
    i18n::{Key, Msg, tr, use_i18n},
    model::policy::ConsentView,
};
use leptos::prelude::*;
use leptos_router::components::A;

#[derive(Clone, Copy)]
pub struct ConsentCtx {
    pub view: Resource<Result<ConsentView, ShopError>>,
    pub set: ServerAction<SetConsent>,
}

/// Call once in `App`, after `provide_auth`.
pub fn provide_consent() -> ConsentCtx {
    let set = ServerAction::<SetConsent>::new();
    let view = Resource::new(move || set.version().get(), |_| get_consent());
    let ctx = ConsentCtx { view, set };
    provide_context(ctx);
    ctx
}

pub fn use_consent() -> ConsentCtx {
    expect_context::<ConsentCtx>()
}

/// The buttons that answer for every purpose at once.
#[component]
pub fn AcceptOrReject() -> impl IntoView {
    view! {
        <button type="submit" name="answer" value="accept" class="button button-primary">{tr(Key::ConsentAcceptAll)}</button>
        <button type="submit" name="answer" value="reject" class="button button-primary">{tr(Key::ConsentRejectAll)}</button>
    }
}

#[component]
pub fn ConsentBanner() -> impl IntoView {
    let consent = use_consent();
    let i18n = use_i18n();
    let location = leptos_router::hooks::use_location();
    view! {
        <Transition>
            {move || {
                // The choices page asks the same itself.
                let on_choices = location.pathname.with(|p| p == "/privacy/choices");
                Suspend::new(async move {
                let view = consent.view.await.ok()?;
                match view.notice {
                    VisitorNotice::None => None,
                    VisitorNotice::AskConsent if on_choices => None,
                    VisitorNotice::AskConsent => Some(view! {
                        <section class="consent-banner" aria-labelledby="consent-title">
                            <div class="container">
                                <h2 id="consent-title">{tr(Key::ConsentTitle)}</h2>
                                <p>{tr(Key::ConsentText)}</p>
                                <ActionForm action=consent.set attr:class="consent-actions">
                                    <AcceptOrReject />
                                    <A href="/privacy/choices" attr:class="button button-secondary">{tr(Key::ConsentChoose)}</A>
                                </ActionForm>
                            </div>
                        </section>
                    }.into_any()),
                    VisitorNotice::PolicyChanged => {
                        let date = time::date(view.policy_effective_at);
                        Some(view! {
                            <div class="banner" role="note">
                                <div class="container consent-notice">
                                    <span>{move || i18n.msg(Msg::PolicyBanner { date: &date })} " "
                                    <A href=format!("/privacy/versions/{}", view.policy_version)>{tr(Key::PolicyReadFull)}</A></span>
                                    <ActionForm action=consent.set>
                                        <button type="submit" name="answer" value="keep" class="button button-secondary">{tr(Key::ConsentNoticeOk)}</button>
                                    </ActionForm>
                                </div>
                            </div>
                        }.into_any())
                    }
                }
            })
            }}
        </Transition>
    }
}
