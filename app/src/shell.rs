//! The HTML document (`shell`, server only) and the root component with the routes (`App`).

use crate::{
    components::{
        analytics::collect_clicks,
        auth::provide_auth,
        cart::provide_cart,
        consent::provide_consent,
        form::provide_after_plain_post,
        head::{StartApp, Stylesheet},
        layout::Layout,
    },
    i18n::provide_i18n,
    pages::{
        account::{
            addresses::AddressesPage,
            cards::CardsPage,
            data::{DataPage, DeactivatedPage, ErasedPage},
            profile::AccountPage,
            register::{CheckEmailPage, RegisterPage},
            reviews::{MyReviewsPage, WriteReviewPage},
            security::SecurityPage,
            sign_in::{ForgotPasswordPage, ResetPasswordPage, SignInPage, VerifyEmailPage},
        },
        admin::{
            AdminHomePage,
            analytics::AdminAnalyticsPage,
            customers::{CustomerPage, CustomersPage},
            disclosures::AdminDisclosuresPage,
            inbox::{AdminInboxPage, AdminThreadPage},
            mail::MailPage,
            newsletters::AdminNewslettersPage,
            orders::{AdminOrderPage, AdminOrdersPage},
            privacy::{AdminPolicyVersionPage, AdminPrivacyPage},
            products::{EditProductPage, NewProductPage, ProductsAdminPage},
            reviews::{AdminReviewPage, AdminReviewsPage},
        },
        cart::CartPage,
        catalog::{CatalogPage, CategoryPage, SearchPage},
        checkout::CheckoutPage,
        compare::ComparePage,
        configurator::ConfiguratorPage,
        contact::ContactPage,
        home::HomePage,
        legal::TermsPage,
        not_found::NotFound,
        orders::{InvoicePage, OrderPage, OrdersPage},
        privacy::{ConsentChoicesPage, PolicyChangesPage, PrivacyPage},
        product::ProductPage,
        unsubscribe::UnsubscribePage,
    },
};
use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, MetaTags, provide_meta_context};
use leptos_router::{
    Lazy, LazyRoute, SsrMode,
    components::{Route, Router, Routes},
    lazy_route, path,
};

/// The whole HTML document, rendered on the server. It sets a fresh CSP nonce for the
/// hydration scripts of this response.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    provide_csp_nonce();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                <StartApp options=options.clone() />
                <Stylesheet options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Generates the nonce that Leptos puts on its inline scripts and sends the matching
/// Content-Security-Policy header (see docs/ARCHITECTURE.md, "Security headers").
#[cfg(feature = "ssr")]
fn provide_csp_nonce() {
    use axum::http::{HeaderValue, header::CONTENT_SECURITY_POLICY};
    use leptos::nonce::{provide_nonce, use_nonce};
    provide_nonce();
    let card_pages = use_context::<crate::backend::AppState>()
        .map(|state| state.settings.gateway.card_page_origin())
        .unwrap_or_default();
    if let (Some(nonce), Some(response)) =
        (use_nonce(), use_context::<leptos_axum::ResponseOptions>())
        && let Ok(value) = HeaderValue::from_str(&crate::csp::policy(Some(&nonce), card_pages))
    {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // First: what it holds must take the same place in the page's data on both sides.
    provide_after_plain_post();
    let i18n = provide_i18n();
    provide_auth();
    provide_consent();
    collect_clicks();
    provide_cart();

    view! {
        <Html attr:lang=move || i18n.lang().html_tag() />
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg" />
        <Meta name="theme-color" content="#0b1220" />
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    // Every page streams in order, so that it is complete without JavaScript
                    // (out-of-order streaming needs a script to put the pieces in place).
                    // Product pages render whole (Async) because their title and metadata
                    // come from the product. Pages behind a sign-in render completely before
                    // answering, so that a visitor can be redirected to the sign-in page with
                    // a real 302.
                    //
                    // The catalog pages and the cart, where most visits start, are in the
                    // main wasm; every other page is a lazy route, its code in chunks fetched
                    // when it is first shown (see `lazy_pages!` below).
                    <Route path=path!("") view=HomePage ssr=SsrMode::InOrder />
                    <Route path=path!("catalog") view=CatalogPage ssr=SsrMode::InOrder />
                    <Route path=path!("catalog/:category") view=CategoryPage ssr=SsrMode::InOrder />
                    <Route path=path!("search") view=SearchPage ssr=SsrMode::InOrder />
                    <Route path=path!("products/:slug") view=ProductPage ssr=SsrMode::Async />
                    <Route path=path!("compare") view=ComparePage ssr=SsrMode::InOrder />
                    <Route path=path!("configurator") view={Lazy::<ConfiguratorPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("cart") view=CartPage ssr=SsrMode::InOrder />
                    <Route path=path!("checkout") view={Lazy::<CheckoutPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("orders/:id") view={Lazy::<OrderPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("orders/:id/invoice") view={Lazy::<InvoicePageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("privacy") view={Lazy::<PrivacyPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("privacy/versions/:version") view={Lazy::<PolicyVersionPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("privacy/changes") view={Lazy::<PolicyChangesPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("privacy/choices") view={Lazy::<ConsentChoicesPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("terms") view={Lazy::<TermsPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("contact") view={Lazy::<ContactPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("unsubscribe/:key") view={Lazy::<UnsubscribePageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/register") view={Lazy::<RegisterPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/check-email") view={Lazy::<CheckEmailPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/sign-in") view={Lazy::<SignInPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/forgot") view={Lazy::<ForgotPasswordPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/reset/:token") view={Lazy::<ResetPasswordPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/verify/:token") view={Lazy::<VerifyEmailPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/deactivated") view={Lazy::<DeactivatedPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/erased/:receipt") view={Lazy::<ErasedPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account") view={Lazy::<AccountPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("account/addresses") view={Lazy::<AddressesPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("account/orders") view={Lazy::<OrdersPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("account/reviews") view={Lazy::<MyReviewsPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("account/reviews/:slug") view={Lazy::<WriteReviewPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("account/cards") view={Lazy::<CardsPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("account/security") view={Lazy::<SecurityPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("account/data") view={Lazy::<DataPageRoute>::new()} ssr=SsrMode::Async />
                    // The back office: its routes are named `Admin…Route`, and its chunks a
                    // shopper's browser never downloads (end2end/tests/split.hydrate.spec.ts).
                    <Route path=path!("admin") view={Lazy::<AdminHomePageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/analytics") view={Lazy::<AdminAnalyticsPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/customers") view={Lazy::<AdminCustomersPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/customers/:id") view={Lazy::<AdminCustomerPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/disclosures") view={Lazy::<AdminDisclosuresPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/inbox") view={Lazy::<AdminInboxPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/inbox/:id") view={Lazy::<AdminThreadPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/mail") view={Lazy::<AdminMailPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/newsletters") view={Lazy::<AdminNewslettersPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/orders") view={Lazy::<AdminOrdersPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/orders/:id") view={Lazy::<AdminOrderPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/privacy") view={Lazy::<AdminPrivacyPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/privacy/:id") view={Lazy::<AdminPolicyVersionPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/products") view={Lazy::<AdminProductsPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/reviews") view={Lazy::<AdminReviewsPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/reviews/:id") view={Lazy::<AdminReviewPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/products/new") view={Lazy::<AdminNewProductPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/products/:id") view={Lazy::<AdminEditProductPageRoute>::new()} ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}

/// A lazily loaded route per page: in the browser the page's code is in its own wasm
/// chunks, fetched when the page is first shown (built with `cargo leptos --split`; see
/// docs/ARCHITECTURE.md, "First load"). On the server a lazy route renders at once, exactly
/// like an eager one. A lazy page makes its resources at its top like any page ("Data a page
/// loads"). A back-office route's name starts with `Admin`: the manifest of the split build
/// names each chunk's route that way, and the split test tells the back office's apart by it.
macro_rules! lazy_pages {
    ($($page:ident => $route:ident,)*) => {$(
        struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(this: Self) -> AnyView {
                let _ = this;
                view! { <$page /> }.into_any()
            }
        }
    )*};
}

lazy_pages! {
    ConfiguratorPage => ConfiguratorPageRoute,
    CheckoutPage => CheckoutPageRoute,
    OrderPage => OrderPageRoute,
    InvoicePage => InvoicePageRoute,
    PrivacyPage => PrivacyPageRoute,
    PrivacyPage => PolicyVersionPageRoute,
    PolicyChangesPage => PolicyChangesPageRoute,
    ConsentChoicesPage => ConsentChoicesPageRoute,
    TermsPage => TermsPageRoute,
    ContactPage => ContactPageRoute,
    UnsubscribePage => UnsubscribePageRoute,
    RegisterPage => RegisterPageRoute,
    CheckEmailPage => CheckEmailPageRoute,
    SignInPage => SignInPageRoute,
    ForgotPasswordPage => ForgotPasswordPageRoute,
    ResetPasswordPage => ResetPasswordPageRoute,
    VerifyEmailPage => VerifyEmailPageRoute,
    DeactivatedPage => DeactivatedPageRoute,
    ErasedPage => ErasedPageRoute,
    AccountPage => AccountPageRoute,
    AddressesPage => AddressesPageRoute,
    OrdersPage => OrdersPageRoute,
    MyReviewsPage => MyReviewsPageRoute,
    WriteReviewPage => WriteReviewPageRoute,
    CardsPage => CardsPageRoute,
    SecurityPage => SecurityPageRoute,
    DataPage => DataPageRoute,
    AdminHomePage => AdminHomePageRoute,
    AdminAnalyticsPage => AdminAnalyticsPageRoute,
    CustomersPage => AdminCustomersPageRoute,
    CustomerPage => AdminCustomerPageRoute,
    AdminDisclosuresPage => AdminDisclosuresPageRoute,
    AdminInboxPage => AdminInboxPageRoute,
    AdminThreadPage => AdminThreadPageRoute,
    MailPage => AdminMailPageRoute,
    AdminNewslettersPage => AdminNewslettersPageRoute,
    AdminOrdersPage => AdminOrdersPageRoute,
    AdminOrderPage => AdminOrderPageRoute,
    AdminPrivacyPage => AdminPrivacyPageRoute,
    AdminPolicyVersionPage => AdminPolicyVersionPageRoute,
    AdminReviewsPage => AdminReviewsPageRoute,
    AdminReviewPage => AdminReviewPageRoute,
    ProductsAdminPage => AdminProductsPageRoute,
    NewProductPage => AdminNewProductPageRoute,
    EditProductPage => AdminEditProductPageRoute,
}
