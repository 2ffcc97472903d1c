//! The HTML document (`shell`, server only) and the root component with the routes (`App`).

use crate::{
    components::{auth::provide_auth, cart::provide_cart, hydration::StartApp, layout::Layout},
    i18n::provide_i18n,
    pages::{
        account::{
            addresses::AddressesPage,
            cards::CardsPage,
            data::{DataPage, DeactivatedPage, ErasedPage},
            profile::AccountPage,
            register::{CheckEmailPage, RegisterPage},
            security::SecurityPage,
            sign_in::{ForgotPasswordPage, ResetPasswordPage, SignInPage, VerifyEmailPage},
        },
        admin::{
            AdminHomePage,
            customers::{CustomerPage, CustomersPage},
            mail::MailPage,
            orders::{AdminOrderPage, AdminOrdersPage},
            products::{EditProductPage, NewProductPage, ProductsAdminPage},
        },
        cart::CartPage,
        catalog::{CatalogPage, CategoryPage, SearchPage},
        checkout::CheckoutPage,
        compare::ComparePage,
        configurator::ConfiguratorPage,
        contact::ContactPage,
        home::HomePage,
        legal::{PrivacyPage, TermsPage},
        not_found::NotFound,
        orders::{InvoicePage, OrderPage, OrdersPage},
        product::ProductPage,
    },
};
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, Html, Link, Meta, MetaTags, provide_meta_context};
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
                <HashedStylesheet options id="leptos" />
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
    if let (Some(nonce), Some(response)) =
        (use_nonce(), use_context::<leptos_axum::ResponseOptions>())
        && let Ok(value) = HeaderValue::from_str(&crate::csp::policy(Some(&nonce)))
    {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = provide_i18n();
    provide_auth();
    provide_cart();
    // `frontend/src/lib.rs` marks the page once the wasm app has taken over.

    view! {
        <Html attr:lang=move || i18n.lang().html_tag() />
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg" />
        <Meta name="theme-color" content="#0b1220" />
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("") view=HomePage ssr=SsrMode::InOrder />
                    <Route path=path!("catalog") view=CatalogPage ssr=SsrMode::InOrder />
                    <Route path=path!("catalog/:category") view=CategoryPage ssr=SsrMode::InOrder />
                    <Route path=path!("search") view=SearchPage ssr=SsrMode::InOrder />
                    <Route path=path!("products/:slug") view=ProductPage ssr=SsrMode::Async />
                    // The pages above are in the main wasm (visitors land on them); the
                    // ones below are lazy: each is a chunk fetched when it is first shown.
                    <Route path=path!("compare") view={Lazy::<ComparePageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("configurator") view={Lazy::<ConfiguratorPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("cart") view={Lazy::<CartPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("checkout") view={Lazy::<CheckoutPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("orders/:id") view={Lazy::<OrderPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("orders/:id/invoice") view={Lazy::<InvoicePageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("privacy") view={Lazy::<PrivacyPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("terms") view={Lazy::<TermsPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("contact") view={Lazy::<ContactPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/register") view={Lazy::<RegisterPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/check-email") view={Lazy::<CheckEmailPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/sign-in") view={Lazy::<SignInPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/forgot") view={Lazy::<ForgotPasswordPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/reset/:token") view={Lazy::<ResetPasswordPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/verify/:token") view={Lazy::<VerifyEmailPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/deactivated") view={Lazy::<DeactivatedPageRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("account/erased/:receipt") view={Lazy::<ErasedPageRoute>::new()} ssr=SsrMode::InOrder />
                    // Every page streams in order, so that it is complete without JavaScript
                    // (out-of-order streaming needs a script to put the pieces in place).
                    // Product pages render whole (Async) because their title and metadata
                    // come from the product.
                    // Pages behind a sign-in render completely before answering, so that a
                    // visitor can be redirected to the sign-in page with a real 302.
                    <Route path=path!("account") view={Lazy::<AccountPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("account/addresses") view={Lazy::<AddressesPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("account/orders") view={Lazy::<OrdersPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("account/cards") view={Lazy::<CardsPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("account/security") view={Lazy::<SecurityPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("account/data") view={Lazy::<DataPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin") view={Lazy::<AdminHomePageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/customers") view={Lazy::<CustomersPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/customers/:id") view={Lazy::<CustomerPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/mail") view={Lazy::<MailPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/orders") view={Lazy::<AdminOrdersPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/orders/:id") view={Lazy::<AdminOrderPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/products") view={Lazy::<ProductsAdminPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/products/new") view={Lazy::<NewProductPageRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("admin/products/:id") view={Lazy::<EditProductPageRoute>::new()} ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}

/// One lazily loaded route per page: in the browser each page's code is its own wasm chunk,
/// fetched when the page is first shown (see docs/ARCHITECTURE.md, "Code splitting"). On the
/// server a lazy route renders at once, exactly like an eager one.
macro_rules! lazy_pages {
    ($($route:ident => $page:ident,)*) => {$(
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
    ComparePageRoute => ComparePage,
    ConfiguratorPageRoute => ConfiguratorPage,
    CartPageRoute => CartPage,
    CheckoutPageRoute => CheckoutPage,
    OrderPageRoute => OrderPage,
    InvoicePageRoute => InvoicePage,
    PrivacyPageRoute => PrivacyPage,
    TermsPageRoute => TermsPage,
    ContactPageRoute => ContactPage,
    RegisterPageRoute => RegisterPage,
    CheckEmailPageRoute => CheckEmailPage,
    SignInPageRoute => SignInPage,
    ForgotPasswordPageRoute => ForgotPasswordPage,
    ResetPasswordPageRoute => ResetPasswordPage,
    VerifyEmailPageRoute => VerifyEmailPage,
    DeactivatedPageRoute => DeactivatedPage,
    ErasedPageRoute => ErasedPage,
    AccountPageRoute => AccountPage,
    AddressesPageRoute => AddressesPage,
    OrdersPageRoute => OrdersPage,
    CardsPageRoute => CardsPage,
    SecurityPageRoute => SecurityPage,
    DataPageRoute => DataPage,
    AdminHomePageRoute => AdminHomePage,
    CustomersPageRoute => CustomersPage,
    CustomerPageRoute => CustomerPage,
    MailPageRoute => MailPage,
    AdminOrdersPageRoute => AdminOrdersPage,
    AdminOrderPageRoute => AdminOrderPage,
    ProductsAdminPageRoute => ProductsAdminPage,
    NewProductPageRoute => NewProductPage,
    EditProductPageRoute => EditProductPage,
}
