//! The account overview: profile details and the form that changes them.

use super::AccountLayout;
use crate::{
    api::account::{
        auth::ResendVerification,
        profile::{UpdateProfile, get_account, get_recommendations},
    },
    components::{
        form::{Checkbox, Field, FormMessage, WithFlash, action_done, action_error, successes},
        page_meta::PageMeta,
        product_card::ProductCard,
    },
    domain::{account::check_phone, limits, time},
    error::ShopError,
    i18n::{Key, Lang, Msg, tr, use_i18n},
    model::{account::AccountView, catalog::ProductCard as Card},
};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

fn name(v: &str) -> Option<crate::error::Problem> {
    crate::domain::account::check_text(v, limits::NAME)
}

#[component]
pub fn AccountPage() -> impl IntoView {
    // Made here, not inside the guard: see `AccountLayout`.
    let update = ServerAction::<UpdateProfile>::new();
    let saved = successes(update);
    let account = Resource::new(move || saved.get(), |_| get_account());
    let picks = Resource::new(|| (), |_| get_recommendations());
    view! {
        <PageMeta title=Key::AccountTitle />
        <AccountLayout title=Key::AccountTitle>
            <AccountOverview update account />
            <Recommendations picks />
        </AccountLayout>
    }
}

/// Products picked from what the shopper viewed and bought (only with analytics consent;
/// nothing is shown without it, or when there is nothing to pick from).
#[component]
fn Recommendations(picks: Resource<Result<Vec<Card>, ShopError>>) -> impl IntoView {
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                picks.await.ok().filter(|p| !p.is_empty()).map(|products| view! {
                    <section class="card recommendations" data-testid="recommendations">
                        <h2>{tr(Key::RecommendedTitle)}</h2>
                        <p class="muted">
                            {tr(Key::RecommendedWhy)} " "
                            <A href="/privacy/choices">{tr(Key::ConsentChoicesLink)}</A>
                        </p>
                        <div class="product-grid">
                            {products.into_iter().map(|product| view! { <ProductCard product /> }).collect_view()}
                        </div>
                    </section>
                })
            })}
        </Suspense>
    }
}

#[component]
fn AccountOverview(
    update: ServerAction<UpdateProfile>,
    account: Resource<Result<AccountView, ShopError>>,
) -> impl IntoView {
    let query = use_query_map();
    let just_verified = move || query.read().get("verified").is_some();
    view! {
        {move || just_verified().then(|| view! {
            <p class="form-message form-message-success" role="status">{tr(Key::VerifyDone)}</p>
        })}
        <Suspense>
            {move || Suspend::new(async move {
                account.await.ok().map(|a| view! {
                    <VerifyReminder account=a.clone() />
                    <ProfileForm account=a update />
                })
            })}
        </Suspense>
    }
}

#[component]
fn VerifyReminder(account: AccountView) -> impl IntoView {
    let i18n = use_i18n();
    let resend = ServerAction::<ResendVerification>::new();
    let error = action_error(resend);
    let sent = action_done(resend);
    (!account.email_verified).then(|| {
        let email = account.email.clone();
        view! {
            <div class="notice">
                <p>{move || i18n.msg(Msg::VerifyReminder { email: &email })}</p>
                <ActionForm action=resend>
                    <FormMessage error success=(sent, Key::VerifyResent) />
                    <button type="submit" class="button button-secondary">{tr(Key::VerifyResend)}</button>
                </ActionForm>
            </div>
        }
    })
}

#[component]
fn ProfileForm(account: AccountView, update: ServerAction<UpdateProfile>) -> impl IntoView {
    let i18n = use_i18n();
    // (The header's name updates on the next page load: refreshing the signed-in user here
    // would rebuild this page and lose the confirmation.)
    let error = action_error(update);
    let saved = action_done(update);
    let since = time::date(account.member_since);
    view! {
        <div class="card">
            <h2>{tr(Key::ProfileHeading)}</h2>
            <dl class="facts">
                <dt>{tr(Key::FieldEmail)}</dt>
                <dd>{account.email.clone()}</dd>
                <dt>{tr(Key::ProfileMemberSince)}</dt>
                <dd>{since}</dd>
            </dl>
            <WithFlash
                form="profile".to_string()
                view=move |values| {
                    let a = account.clone();
                    let marketing = if values.is_empty() { a.marketing } else { values.get("marketing") == "on" };
                    let language = values.get_or("language", a.language.code());
                    view! {
                        <ActionForm action=update attr:class="form-stack" attr:novalidate=true>
                            <FormMessage error success=(saved, Key::ProfileSaved) />
                            <Field name="full_name" form="form" label=Key::FieldFullName error autocomplete="name" value=values.get_or("full_name", &a.full_name) check=name maxlength=limits::NAME />
                            <Field name="phone" form="form" label=Key::FieldPhone kind="tel" error autocomplete="tel" value=values.get_or("phone", &a.phone) check=check_phone maxlength=limits::PHONE />
                            <div class="field">
                                <label for="f-form-language">{tr(Key::LanguageLabel)}</label>
                                <select id="f-form-language" name="form[language]">
                                    {Lang::ALL.into_iter().map(|l| view! {
                                        <option value=l.code() selected=language == l.code()>{l.native_name()}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <Checkbox name="marketing" form="form" label=Key::FieldMarketing error checked=marketing />
                            <button type="submit" class="button button-primary">{move || i18n.t(Key::SaveChanges)}</button>
                        </ActionForm>
                    }
                }
            />
        </div>
    }
}
