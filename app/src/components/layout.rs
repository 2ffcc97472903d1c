//! The frame around every page: skip link, header (logo, catalog, search, language, cart),
//! the main landmark and the footer.

use super::{
    auth::use_auth,
    cart::CartLink,
    icons,
    language_picker::LanguagePicker,
    personal::{Slot, account_parts, template_mode},
    search_box::SearchBox,
};
use crate::{
    api::shop::get_shop_info,
    domain::money::Currency,
    i18n::{Key, Msg, tr, use_i18n},
};
use leptos::{either::Either, prelude::*};
use leptos_router::components::A;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    super::form::forget_plain_post_on_navigation();
    view! {
        <a class="skip-link" href="#main">{tr(Key::SkipToContent)}</a>
        <Header />
        <VerifyBanner />
        <PolicyBanner />
        <super::consent::ConsentBanner />
        <main id="main" tabindex="-1">{children()}</main>
        <Footer />
    }
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="container header-bar">
                <A href="/" attr:class="logo" attr:aria-label=tr(Key::ShopName)>
                    <icons::Logo />
                    <span class="logo-text">{tr(Key::ShopName)}</span>
                </A>
                <nav class="main-nav" aria-label=tr(Key::NavMenu)>
                    <A href="/catalog">{tr(Key::NavCatalog)}</A>
                    <A href="/configurator" attr:class="nav-secondary">{tr(Key::NavConfigurator)}</A>
                </nav>
                <SearchBox />
                <div class="header-actions">
                    <LanguagePicker />
                    <AccountLink />
                    <CartLink />
                </div>
            </div>
        </header>
    }
}

/// "Sign in" for visitors; the shopper's first name (and the back office for staff) once
/// signed in. In a kept page's template, the visitor's shape with slots for the values (see
/// `personal.rs`).
#[component]
fn AccountLink() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    view! {
        <Transition fallback=|| view! { <span class="icon-link"><icons::User /></span> }>
            {move || Suspend::new(async move {
                let user = auth.user.await.ok().flatten();
                let (href, label, text, marker) = match &user {
                    _ if template_mode() => (
                        Slot::AccountHref.text(),
                        Slot::AccountLabel.text(),
                        Slot::AccountText.text(),
                        Some(Slot::Personal.text()),
                    ),
                    Some(user) if user.role.is_staff() => {
                        let parts = account_parts(i18n.lang(), Some(&user.full_name));
                        return Either::Left(view! {
                            <A href="/admin" attr:class="icon-link staff-link">{tr(Key::AdminShort)}</A>
                            <A href=parts.href attr:class="icon-link account-link" attr:aria-label=parts.label>
                                <icons::User />
                                <span class="icon-link-label">{parts.text}</span>
                            </A>
                        });
                    }
                    user => {
                        let parts = account_parts(i18n.lang(), user.as_ref().map(|u| u.full_name.as_str()));
                        (parts.href.to_string(), parts.label.to_string(), parts.text, None)
                    }
                };
                // A plain link (the router still takes its clicks): `A` would resolve a slot
                // mark as a relative path.
                Either::Right(view! {
                    <a href=href class="icon-link account-link" aria-label=label data-personal=marker>
                        <icons::User />
                        <span class="icon-link-label">{text}</span>
                    </a>
                })
            })}
        </Transition>
    }
}

/// A reminder on every page while the shopper's email address is unconfirmed.
#[component]
fn VerifyBanner() -> impl IntoView {
    let auth = use_auth();
    view! {
        <Transition>
            {move || Suspend::new(async move {
                auth.user.await.ok().flatten().filter(|u| !u.email_verified).map(|_| view! {
                    <div class="banner" role="note">
                        <div class="container">
                            {tr(Key::VerifyBanner)} " "
                            <A href="/account">{tr(Key::VerifyBannerLink)}</A>
                        </div>
                    </div>
                })
            })}
        </Transition>
    }
}

/// A signed-in shopper with a newer privacy policy version in effect than the one they
/// acknowledged sees this on every page until they acknowledge it (on the changes page).
#[component]
fn PolicyBanner() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    view! {
        <Transition>
            {move || Suspend::new(async move {
                let notice = auth.user.await.ok().flatten().and_then(|u| u.policy_notice)?;
                let date = crate::domain::time::date(notice.effective_at);
                let href = if notice.acknowledged > 0 {
                    format!("/privacy/changes?from={}&to={}", notice.acknowledged, notice.current)
                } else {
                    format!("/privacy/versions/{}", notice.current)
                };
                Some(view! {
                    <div class="banner banner-policy" role="note">
                        <div class="container">
                            {move || i18n.msg(Msg::PolicyBanner { date: &date })} " "
                            <A href=href>{tr(Key::PolicyBannerLink)}</A>
                        </div>
                    </div>
                })
            })}
        </Transition>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let info = OnceResource::new(get_shop_info());
    view! {
        <footer class="site-footer">
            <div class="container footer-grid">
                <section class="footer-about">
                    <p class="footer-brand">
                        <icons::Logo />
                        <span>{tr(Key::ShopName)}</span>
                    </p>
                    <p>{tr(Key::FooterAbout)}</p>
                </section>
                <nav aria-label=tr(Key::FooterShopHeading)>
                    <h2>{tr(Key::FooterShopHeading)}</h2>
                    <ul>
                        <li>
                            <A href="/catalog">{tr(Key::NavCatalog)}</A>
                        </li>
                        <li>
                            <A href="/configurator">{tr(Key::NavConfigurator)}</A>
                        </li>
                        <li>
                            <A href="/compare">{tr(Key::CompareTitle)}</A>
                        </li>
                        <li>
                            <A href="/cart">{tr(Key::NavCart)}</A>
                        </li>
                    </ul>
                </nav>
                <nav aria-label=tr(Key::FooterHelpHeading)>
                    <h2>{tr(Key::FooterHelpHeading)}</h2>
                    <ul>
                        <li>
                            <A href="/privacy">{tr(Key::FooterPrivacy)}</A>
                        </li>
                        <li>
                            <A href="/privacy/choices">{tr(Key::ConsentChoicesLink)}</A>
                        </li>
                        <li>
                            <A href="/terms">{tr(Key::FooterTerms)}</A>
                        </li>
                        <li>
                            <A href="/contact">{tr(Key::FooterContact)}</A>
                        </li>
                    </ul>
                </nav>
            </div>
            <div class="container footer-note">
                <Suspense>
                    {move || Suspend::new(async move {
                        let currency = info.await.map(|i| i.currency).unwrap_or(Currency::Usd);
                        view! { <p>{move || i18n.msg(Msg::FooterPrices { currency: i18n.t(currency.name()) })}</p> }
                    })}
                </Suspense>
            </div>
        </footer>
    }
}
