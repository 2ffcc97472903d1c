//! The staff dashboard's figures for a range of days: page views and visitors per day
//! (raw rows while they are kept, then the daily totals they became, so a range reaching
//! past the retention still adds up), the most viewed pages, languages, consent choices,
//! the way from product page to payment, and paid orders with their revenue per day.

use crate::backend::{
    AppState,
    db::analytics_report::{self as report, RawColumn},
};
use crate::{
    domain::{analytics::kept_path, money::Currency, time::parse_date},
    error::{Problem, ShopError, ShopResult},
    model::analytics::{ConsentFigures, Counted, Dashboard, DayFigures, Funnel, TOP_PAGES},
};
use std::collections::BTreeMap;

const DAY: i64 = 86_400;
/// The longest range shown, in days.
pub const MAX_DAYS: i64 = 366;
/// The range shown when none is asked for, in days up to today.
pub const DEFAULT_DAYS: i64 = 30;

/// The range of days asked for as `2026-11-24` texts, as (first day, last day): by default
/// the last [`DEFAULT_DAYS`] days up to today; the two ends swapped when given the wrong
/// way round; at most [`MAX_DAYS`] days ending on the last.
pub fn range(from: &str, to: &str, now: i64) -> ShopResult<(i64, i64)> {
    let day = |field: &str, text: &str| -> ShopResult<Option<i64>> {
        match text.trim() {
            "" => Ok(None),
            text => parse_date(text)
                .map(Some)
                .ok_or_else(|| ShopError::invalid(field, Problem::Invalid)),
        }
    };
    let (from, to) = (day("from", from)?, day("to", to)?);
    let to = to.unwrap_or(now - now.rem_euclid(DAY));
    let from = from.unwrap_or(to - (DEFAULT_DAYS - 1) * DAY);
    let (from, to) = (from.min(to), from.max(to));
    Ok((from.max(to - (MAX_DAYS - 1) * DAY), to))
}

/// The dashboard for the days `from` to `to` (first seconds of both).
pub async fn dashboard(state: &AppState, from: i64, to: i64) -> ShopResult<Dashboard> {
    let pool = state.db.pool();
    let end = to + DAY;
    let sources = Sources {
        raw_days: report::raw_days(pool, from, end).await?,
        raw_paths: report::raw_by(pool, RawColumn::Path, from, end).await?,
        raw_languages: report::raw_by(pool, RawColumn::Language, from, end).await?,
        daily_views: report::daily(pool, "views", from, end).await?,
        daily_visitors: report::daily(pool, "visitors", from, end).await?,
        daily_languages: report::daily(pool, "languages", from, end).await?,
        paid: report::paid_days(pool, from, end).await?,
        consent: report::consent_choices(pool, from, end).await?,
    };
    Ok(assemble(from, to, state.settings.currency, sources))
}

/// What the dashboard is made of, as the queries give it.
#[derive(Default)]
struct Sources {
    /// (day, views, visitors)
    raw_days: Vec<(i64, i64, i64)>,
    /// (path or language, views)
    raw_paths: Vec<(String, i64)>,
    raw_languages: Vec<(String, i64)>,
    /// (day, name, count)
    daily_views: Vec<(i64, String, i64)>,
    daily_visitors: Vec<(i64, String, i64)>,
    daily_languages: Vec<(i64, String, i64)>,
    /// (day, orders, revenue)
    paid: Vec<(i64, i64, i64)>,
    /// (purpose, granted, count)
    consent: Vec<(String, i64, i64)>,
}

fn assemble(from: i64, to: i64, currency: Currency, s: Sources) -> Dashboard {
    let mut days: BTreeMap<i64, DayFigures> = (0..=(to - from) / DAY)
        .map(|i| from + i * DAY)
        .map(|day| {
            (
                day,
                DayFigures {
                    day,
                    ..Default::default()
                },
            )
        })
        .collect();
    let mut on = |day: i64, add: &dyn Fn(&mut DayFigures)| {
        if let Some(figures) = days.get_mut(&day) {
            add(figures);
        }
    };
    for &(day, views, visitors) in &s.raw_days {
        on(day, &|f| {
            f.views += views;
            f.visitors += visitors;
        });
    }
    for (day, _, count) in &s.daily_views {
        on(*day, &|f| f.views += count);
    }
    for (day, _, count) in &s.daily_visitors {
        on(*day, &|f| f.visitors += count);
    }
    for &(day, orders, revenue) in &s.paid {
        on(day, &|f| {
            f.paid_orders += orders;
            f.revenue_minor += revenue;
        });
    }
    let pages = merged(&s.raw_paths, &s.daily_views);
    let views_of = |wanted: &dyn Fn(&str) -> bool| -> i64 {
        pages
            .iter()
            .filter(|(path, _)| wanted(path))
            .map(|(_, n)| n)
            .sum()
    };
    let funnel = Funnel {
        product_views: views_of(&|p| p.starts_with("/products/")),
        cart_views: views_of(&|p| p == "/cart"),
        checkout_views: views_of(&|p| p == "/checkout" || p.starts_with("/checkout/")),
        paid_orders: s.paid.iter().map(|(_, orders, _)| orders).sum(),
    };
    Dashboard {
        from,
        to,
        days: days.into_values().collect(),
        top_pages: ranked(pages, TOP_PAGES),
        languages: ranked(merged(&s.raw_languages, &s.daily_languages), usize::MAX),
        consent: consent(&s.consent),
        funnel,
        currency,
    }
}

/// Counts by name from raw rows and daily totals together; a key in a path (from rows kept
/// before keys were cut at collection) is never shown.
fn merged(raw: &[(String, i64)], daily: &[(i64, String, i64)]) -> BTreeMap<String, i64> {
    let mut counts = BTreeMap::new();
    let daily = daily.iter().map(|(_, name, count)| (name, count));
    for (name, count) in raw.iter().map(|(n, c)| (n, c)).chain(daily) {
        *counts.entry(kept_path(name)).or_default() += count;
    }
    counts
}

/// The `most` largest counts, largest first (ties by name).
fn ranked(counts: BTreeMap<String, i64>, most: usize) -> Vec<Counted> {
    let mut list: Vec<Counted> = counts
        .into_iter()
        .map(|(name, count)| Counted { name, count })
        .collect();
    list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    list.truncate(most);
    list
}

fn consent(rows: &[(String, i64, i64)]) -> Vec<ConsentFigures> {
    let mut by_purpose: BTreeMap<&str, ConsentFigures> = BTreeMap::new();
    for (purpose, granted, count) in rows {
        let figures = by_purpose.entry(purpose).or_insert_with(|| ConsentFigures {
            purpose: purpose.clone(),
            granted: 0,
            refused: 0,
        });
        if *granted != 0 {
            figures.granted += count;
        } else {
            figures.refused += count;
        }
    }
    by_purpose.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const D1: i64 = 20_000 * DAY;

    #[test]
    fn the_range_defaults_to_the_last_thirty_days_and_is_bounded() {
        let now = D1 + 3600;
        assert_eq!(range("", "", now).unwrap(), (D1 - 29 * DAY, D1));
        let day = crate::domain::time::date;
        assert_eq!(
            range(&day(D1), &day(D1 - 2 * DAY), now).unwrap(),
            (D1 - 2 * DAY, D1),
            "swapped"
        );
        assert_eq!(
            range(&day(D1 - 900 * DAY), &day(D1), now).unwrap(),
            (D1 - 365 * DAY, D1),
            "at most a year"
        );
        assert!(matches!(
            range("2026-02-30", "", now),
            Err(ShopError::Invalid { .. })
        ));
        assert!(range("", "yesterday", now).is_err());
    }

    #[test]
    fn raw_rows_and_daily_totals_add_up_per_day_and_page() {
        let sources = Sources {
            raw_days: vec![(D1 + DAY, 3, 2)],
            raw_paths: vec![("/products/a".into(), 2), ("/cart".into(), 1)],
            raw_languages: vec![("en".into(), 3)],
            daily_views: vec![
                (D1, "/products/a".into(), 4),
                (D1, "/checkout".into(), 1),
                (D1, "/".into(), 5),
            ],
            daily_visitors: vec![(D1, String::new(), 4)],
            daily_languages: vec![(D1, "zh".into(), 6), (D1, "en".into(), 4)],
            paid: vec![(D1 + DAY, 1, 72_000), (D1 + 9 * DAY, 5, 1)],
            consent: vec![
                ("analytics".into(), 1, 3),
                ("analytics".into(), 0, 1),
                ("marketing".into(), 0, 2),
            ],
        };
        let d = assemble(D1, D1 + 2 * DAY, Currency::Usd, sources);
        let per_day: Vec<_> = d
            .days
            .iter()
            .map(|f| (f.views, f.visitors, f.paid_orders, f.revenue_minor))
            .collect();
        assert_eq!(per_day, [(10, 4, 0, 0), (3, 2, 1, 72_000), (0, 0, 0, 0)]);
        assert_eq!(
            d.top_pages
                .iter()
                .map(|c| (c.name.as_str(), c.count))
                .collect::<Vec<_>>(),
            [("/products/a", 6), ("/", 5), ("/cart", 1), ("/checkout", 1)]
        );
        assert_eq!(
            d.languages
                .iter()
                .map(|c| (c.name.as_str(), c.count))
                .collect::<Vec<_>>(),
            [("en", 7), ("zh", 6)]
        );
        assert_eq!(
            d.funnel,
            Funnel {
                product_views: 6,
                cart_views: 1,
                checkout_views: 1,
                // Rows outside the range never come from the query; the funnel counts
                // what it is given.
                paid_orders: 6,
            }
        );
        assert_eq!(
            d.consent,
            [
                ConsentFigures {
                    purpose: "analytics".into(),
                    granted: 3,
                    refused: 1
                },
                ConsentFigures {
                    purpose: "marketing".into(),
                    granted: 0,
                    refused: 2
                },
            ]
        );
    }
}
