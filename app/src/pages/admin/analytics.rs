//! Staff: the analytics dashboard (`/admin/analytics`): visitors and page views per day,
//! revenue per day, the most viewed pages, languages, consent choices and the way from
//! product page to payment, for a range of days chosen with a plain form (no script).

use super::AdminLayout;
use crate::{
    api::admin::analytics::get_dashboard,
    components::{
        chart::{BarChart, Point, Shape, TimeChart},
        form::FormMessage,
    },
    domain::{
        consent::{PURPOSE_ANALYTICS, PURPOSE_OFFERS},
        time,
    },
    i18n::{Key, tr, use_i18n},
    model::analytics::Dashboard,
};
use leptos::{either::Either, prelude::*};
use leptos_router::hooks::use_query_map;

#[component]
pub fn AdminAnalyticsPage() -> impl IntoView {
    let query = use_query_map();
    let from = move || query.read().get("from").unwrap_or_default();
    let to = move || query.read().get("to").unwrap_or_default();
    let dashboard = Resource::new(move || (from(), to()), |(from, to)| get_dashboard(from, to));
    view! {
        <AdminLayout title=Key::AdminAnalytics>
            <Suspense>
                {move || Suspend::new(async move {
                    match dashboard.await {
                        Ok(d) => Either::Left(view! {
                            <RangeForm from=time::date(d.from) to=time::date(d.to) />
                            <Charts d />
                        }),
                        Err(e) => Either::Right(view! {
                            <RangeForm from=from() to=to() />
                            <FormMessage error=Signal::derive(move || Some(e.clone())) />
                        }),
                    }
                })}
            </Suspense>
        </AdminLayout>
    }
}

#[component]
fn RangeForm(from: String, to: String) -> impl IntoView {
    view! {
        <form class="inline-form" method="get" action="/admin/analytics">
            <label for="analytics-from">{tr(Key::AnalyticsFrom)}</label>
            <input id="analytics-from" type="date" name="from" value=from maxlength="10" />
            <label for="analytics-to">{tr(Key::AnalyticsTo)}</label>
            <input id="analytics-to" type="date" name="to" value=to maxlength="10" />
            <button type="submit" class="button button-secondary">{tr(Key::AnalyticsShow)}</button>
        </form>
    }
}

#[component]
fn Charts(d: Dashboard) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let per_day = |value: &dyn Fn(&crate::model::analytics::DayFigures) -> i64| -> Vec<Point> {
        d.days
            .iter()
            .map(|f| {
                Point::count(
                    time::date(f.day),
                    time::date(f.day)[5..].to_string(),
                    value(f),
                )
            })
            .collect()
    };
    let views = per_day(&|f| f.views);
    let visitors = per_day(&|f| f.visitors);
    let unit = d.currency.minor_per_major();
    let revenue: Vec<Point> = d
        .days
        .iter()
        .map(|f| Point {
            name: time::date(f.day),
            short: time::date(f.day)[5..].to_string(),
            value: f.revenue_minor / unit,
            shown: crate::domain::money::Money::new(f.revenue_minor, d.currency).format(lang),
        })
        .collect();
    let ranked = |list: &[crate::model::analytics::Counted]| -> Vec<Point> {
        list.iter()
            .map(|c| Point::count(c.name.clone(), c.name.clone(), c.count))
            .collect()
    };
    let pages = ranked(&d.top_pages);
    let languages = ranked(&d.languages);
    let mut consent = Vec::new();
    for c in &d.consent {
        let purpose = match purpose_key(&c.purpose) {
            Some(key) => i18n.t(key).to_string(),
            None => c.purpose.clone(),
        };
        for (choice, count) in [
            (Key::AnalyticsGranted, c.granted),
            (Key::AnalyticsRefused, c.refused),
        ] {
            let name = format!("{purpose}: {}", i18n.t(choice));
            consent.push(Point::count(name.clone(), name, count));
        }
    }
    let funnel: Vec<Point> = [
        (Key::AnalyticsFunnelProduct, d.funnel.product_views),
        (Key::AnalyticsFunnelCart, d.funnel.cart_views),
        (Key::AnalyticsFunnelCheckout, d.funnel.checkout_views),
        (Key::AnalyticsFunnelPaid, d.funnel.paid_orders),
    ]
    .into_iter()
    .map(|(key, n)| {
        let name = i18n.t(key).to_string();
        Point::count(name.clone(), name, n)
    })
    .collect();
    view! {
        <p class="muted">{tr(Key::AnalyticsNote)}</p>
        <div class="charts">
            <TimeChart caption=Key::AnalyticsViews label_header=Key::AnalyticsDay
                value_header=Key::AnalyticsCount points=views shape=Shape::Columns test_id="chart-views" />
            <TimeChart caption=Key::AnalyticsVisitors label_header=Key::AnalyticsDay
                value_header=Key::AnalyticsCount points=visitors shape=Shape::Columns test_id="chart-visitors" />
            <TimeChart caption=Key::AnalyticsRevenue label_header=Key::AnalyticsDay
                value_header=Key::OrderTotal points=revenue shape=Shape::Line test_id="chart-revenue" />
            <BarChart caption=Key::AnalyticsFunnel label_header=Key::AnalyticsStep
                value_header=Key::AnalyticsCount points=funnel test_id="chart-funnel" />
            <BarChart caption=Key::AnalyticsTopPages label_header=Key::AnalyticsPage
                value_header=Key::AnalyticsCount points=pages test_id="chart-pages" />
            <BarChart caption=Key::AnalyticsLanguages label_header=Key::AnalyticsLanguage
                value_header=Key::AnalyticsCount points=languages test_id="chart-languages" />
            <BarChart caption=Key::AnalyticsConsent label_header=Key::AnalyticsChoice
                value_header=Key::AnalyticsCount points=consent test_id="chart-consent" />
        </div>
    }
}

/// The name of a consent purpose as the dashboard shows it (an unknown one as its code).
fn purpose_key(purpose: &str) -> Option<Key> {
    match purpose {
        PURPOSE_ANALYTICS => Some(Key::ConsentAnalytics),
        PURPOSE_OFFERS => Some(Key::ConsentMarketing),
        "marketing" => Some(Key::AnalyticsMarketingMail),
        _ => None,
    }
}
