//! The back office (`/admin`), for staff. Pages check the role for display; every server
//! function behind them checks it again.

pub mod analytics;
pub mod customers;
pub mod disclosures;
pub mod inbox;
pub mod mail;
pub mod newsletters;
pub mod orders;
pub mod privacy;
pub mod products;
pub mod reviews;

use super::guard::RequireStaff;
use crate::{
    components::{auth::use_auth, page_meta::PageMeta},
    domain::account::Role,
    i18n::{Key, tr},
};
use leptos::prelude::*;
use leptos_router::components::A;

/// The `:id` of the route as the record's id type (id 0 when it is not a number, which no
/// record has).
pub(crate) fn use_id_param<Id>() -> impl Fn() -> Id + Copy + Send + Sync + 'static
where
    Id: std::str::FromStr + Default,
{
    let params = leptos_router::hooks::use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<Id>().ok())
            .unwrap_or_default()
    }
}

/// True when the signed-in user is an admin (read inside `RequireStaff`, once the user is known).
fn is_admin() -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let auth = use_auth();
    move || matches!(auth.user.get(), Some(Ok(Some(user))) if user.role == Role::Admin)
}

#[component]
pub fn AdminLayout(title: Key, children: ChildrenFn) -> impl IntoView {
    let children = StoredValue::new(children);
    let is_admin = is_admin();
    view! {
        <PageMeta title=title />
        <RequireStaff>
            <section class="container section admin">
                <nav class="admin-menu" aria-label=tr(Key::AdminMenu)>
                    <A href="/admin" exact=true>{tr(Key::AdminHome)}</A>
                    <A href="/admin/orders">{tr(Key::AdminOrders)}</A>
                    <A href="/admin/products">{tr(Key::AdminProducts)}</A>
                    <A href="/admin/customers">{tr(Key::AdminCustomers)}</A>
                    <A href="/admin/inbox">{tr(Key::AdminInbox)}</A>
                    <A href="/admin/reviews">{tr(Key::AdminReviews)}</A>
                    <A href="/admin/newsletters">{tr(Key::AdminNewsletters)}</A>
                    <A href="/admin/analytics">{tr(Key::AdminAnalytics)}</A>
                    {move || is_admin().then(|| view! {
                        <A href="/admin/mail">{tr(Key::AdminMail)}</A>
                        <A href="/admin/privacy">{tr(Key::AdminPrivacy)}</A>
                        <A href="/admin/disclosures">{tr(Key::AdminDisclosures)}</A>
                    })}
                </nav>
                <h1>{tr(title)}</h1>
                {children.read_value()()}
            </section>
        </RequireStaff>
    }
}

#[component]
pub fn AdminHomePage() -> impl IntoView {
    let is_admin = is_admin();
    view! {
        <AdminLayout title=Key::AdminHome>
            <ul class="feature-list">
                <li class="feature">
                    <h2><A href="/admin/orders">{tr(Key::AdminOrders)}</A></h2>
                    <p>{tr(Key::AdminOrdersText)}</p>
                </li>
                <li class="feature">
                    <h2><A href="/admin/products">{tr(Key::AdminProducts)}</A></h2>
                    <p>{tr(Key::AdminProductsText)}</p>
                </li>
                <li class="feature">
                    <h2><A href="/admin/customers">{tr(Key::AdminCustomers)}</A></h2>
                    <p>{tr(Key::AdminCustomersText)}</p>
                </li>
                <li class="feature">
                    <h2><A href="/admin/inbox">{tr(Key::AdminInbox)}</A></h2>
                    <p>{tr(Key::AdminInboxText)}</p>
                </li>
                <li class="feature">
                    <h2><A href="/admin/reviews">{tr(Key::AdminReviews)}</A></h2>
                    <p>{tr(Key::AdminReviewsText)}</p>
                </li>
                <li class="feature">
                    <h2><A href="/admin/newsletters">{tr(Key::AdminNewsletters)}</A></h2>
                    <p>{tr(Key::AdminNewslettersText)}</p>
                </li>
                <li class="feature">
                    <h2><A href="/admin/analytics">{tr(Key::AdminAnalytics)}</A></h2>
                    <p>{tr(Key::AdminAnalyticsText)}</p>
                </li>
                {move || is_admin().then(|| view! {
                    <li class="feature">
                        <h2><A href="/admin/mail">{tr(Key::AdminMail)}</A></h2>
                        <p>{tr(Key::AdminMailText)}</p>
                    </li>
                })}
            </ul>
        </AdminLayout>
    }
}
