//! The catalog listing (all products, one category, or search results): facets, sorting and
//! pagination, all in the URL, through GET forms that work without JavaScript.

use super::{home::CategoryGrid, not_found::NotFound};
use crate::{
    api::catalog::list_products,
    components::{form::without_unnamed, page_meta::PageMeta, product_card::ProductGrid},
    domain::{
        catalog::{CatalogQuery, IP_FILTERS, Sort, pitch_mm},
        category::Category,
    },
    i18n::{Key, Msg, tr, use_i18n},
    model::catalog::CatalogPage as Page,
};
use leptos::{either::Either, prelude::*};
use leptos_router::{
    components::{A, Form},
    hooks::{use_params_map, use_query_map},
};
use std::collections::BTreeMap;

const PARAMS: [&str; 12] = [
    "q",
    "category",
    "pitch_min",
    "pitch_max",
    "brightness",
    "ip",
    "price_min",
    "price_max",
    "in_stock",
    "rating",
    "sort",
    "page",
];

/// The listing query in the current URL (a fixed category overrides the parameter).
fn use_catalog_query(category: Option<Category>) -> Memo<(CatalogQuery, Vec<String>)> {
    let query = use_query_map();
    Memo::new(move |_| {
        let map = query.read();
        let params: BTreeMap<String, String> = PARAMS
            .iter()
            .filter_map(|k| map.get(k).map(|v| (k.to_string(), v)))
            .collect();
        let (mut q, ignored) = CatalogQuery::from_params(&params);
        if category.is_some() {
            q.category = category;
        }
        (q, ignored)
    })
}

#[component]
pub fn CatalogPage() -> impl IntoView {
    view! {
        <PageMeta title=Key::CatalogTitle description=Key::HomeDescription />
        <section class="container section">
            <h1>{tr(Key::CatalogTitle)}</h1>
            <Listing path="/catalog".to_string() category=None />
        </section>
    }
}

#[component]
pub fn CategoryPage() -> impl IntoView {
    let params = use_params_map();
    let category = move || {
        params
            .read()
            .get("category")
            .and_then(|s| Category::from_slug(&s))
    };
    move || match category() {
        None => Either::Left(view! { <NotFound /> }),
        Some(category) => Either::Right(view! {
            <PageMeta title=category.name() description=category.blurb() />
            <section class="container section">
                <nav class="breadcrumbs" aria-label=tr(Key::Breadcrumbs)>
                    <A href="/catalog">{tr(Key::CatalogTitle)}</A>
                </nav>
                <h1>{tr(category.name())}</h1>
                <p class="section-intro">{tr(category.blurb())}</p>
                <Listing path=format!("/catalog/{}", category.slug()) category=Some(category) />
            </section>
        }),
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_catalog_query(None);
    let q = move || query.read().0.q.clone();
    view! {
        <PageMeta title=Key::SearchTitle />
        <section class="container section">
            <h1>
                {move || {
                    let q = q();
                    if q.is_empty() {
                        i18n.t(Key::SearchTitle).to_string()
                    } else {
                        i18n.msg(Msg::SearchResultsFor { query: &q })
                    }
                }}
            </h1>
            {move || q().is_empty().then(|| view! {
                <p class="section-intro">{tr(Key::SearchEmptyQuery)}</p>
                <CategoryGrid />
            })}
            {move || (!q().is_empty()).then(|| view! { <Listing path="/search".to_string() category=None /> })}
        </section>
    }
}

/// Filters beside results, for the products matching the URL's query.
#[component]
fn Listing(path: String, category: Option<Category>) -> impl IntoView {
    let query = use_catalog_query(category);
    let results = Resource::new(move || query.get().0, list_products);
    let path = StoredValue::new(path);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{tr(Key::Loading)}</p> }>
            {move || Suspend::new(async move {
                let (q, ignored) = query.get();
                match results.await {
                    Ok(page) => Either::Left(view! {
                        <ListingBody page q ignored path=path.get_value() fixed_category=category />
                    }),
                    Err(_) => Either::Right(view! { <p class="form-message form-message-error" role="alert">{tr(Key::ErrorGeneric)}</p> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ListingBody(
    page: Page,
    q: CatalogQuery,
    ignored: Vec<String>,
    path: String,
    fixed_category: Option<Category>,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = page.total;
    let empty = page.products.is_empty();
    let searching = !q.q.is_empty();
    let q_text = q.q.clone();
    let corrected = page.corrected.clone().map(|shown| {
        let typed = q.q.clone();
        view! {
            <p class="search-corrected" role="status" data-testid="search-corrected">
                {move || i18n.msg(Msg::SearchCorrected { typed: &typed, shown: &shown })}
            </p>
        }
    });
    view! {
        <div class="listing">
            <FilterPanel q=q.clone() page=page.clone() path=path.clone() fixed_category />
            <div class="listing-results">
                {(!ignored.is_empty()).then(|| view! {
                    <p class="form-message form-message-error" role="status">{tr(Key::FilterIgnored)}</p>
                })}
                {corrected}
                <div class="listing-bar">
                    <p class="result-count" role="status">
                        {move || i18n.msg(Msg::ResultCount { count: total })}
                    </p>
                    <SortForm q=q.clone() path=path.clone() />
                </div>
                {if empty {
                    Either::Left(view! {
                        <div class="empty-state">
                            <p>
                                {move || if searching {
                                    i18n.msg(Msg::SearchNoResults { query: &q_text })
                                } else {
                                    i18n.t(Key::FilterNoResults).to_string()
                                }}
                            </p>
                            <A href=path.clone() attr:class="button button-secondary">{tr(Key::FilterClear)}</A>
                        </div>
                        {searching.then(|| view! { <CategoryGrid /> })}
                    })
                } else {
                    Either::Right(view! {
                        <ProductGrid products=page.products.clone() top=true />
                        <Pager q=q.clone() pages=page.pages path=path.clone() />
                    })
                }}
            </div>
        </div>
    }
}

/// Hidden inputs carrying the parts of the query a form does not edit.
fn carry(q: &CatalogQuery, skip: &[&str]) -> impl IntoView + use<> {
    q.to_params()
        .into_iter()
        .filter(|(k, _)| !skip.contains(k) && *k != "page")
        .map(|(k, v)| view! { <input type="hidden" name=k value=v /> })
        .collect_view()
}

/// With JavaScript, choosing a sort order applies it at once (the button is for everyone else).
fn submit_own_form(_ev: leptos::ev::Event) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(form) = _ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .and_then(|select| select.form())
        {
            let _ = form.request_submit();
        }
    }
}

#[component]
fn SortForm(q: CatalogQuery, path: String) -> impl IntoView {
    let current = q.sort;
    let searching = !q.q.is_empty();
    view! {
        <Form method="GET" action=path attr:class="sort-form" on_form_data=without_unnamed()>
            {carry(&q, &["sort"])}
            <label for="sort-select">{tr(Key::SortLabel)}</label>
            <select id="sort-select" name="sort" on:change=submit_own_form>
                {Sort::ALL
                    .into_iter()
                    .map(|s| {
                        let key = match s {
                            Sort::Relevance if searching => Key::SortRelevance,
                            Sort::Relevance => Key::SortFeatured,
                            Sort::PriceLow => Key::SortPriceLow,
                            Sort::PriceHigh => Key::SortPriceHigh,
                            Sort::PitchFine => Key::SortPitchFine,
                            Sort::PitchCoarse => Key::SortPitchCoarse,
                            Sort::Newest => Key::SortNewest,
                            Sort::Rating => Key::SortRating,
                        };
                        view! { <option value=s.code() selected={s == current} prop:selected={s == current}>{tr(key)}</option> }
                    })
                    .collect_view()}
            </select>
            <button type="submit" class="button button-secondary button-small">{tr(Key::SortApply)}</button>
        </Form>
    }
}

/// The filter and sort controls say `prop:checked`/`prop:selected`/`prop:value` as well as the
/// attribute: when Back changes the address, the same elements are updated, and a control the
/// shopper has touched follows its property, not its attribute.
#[component]
fn FilterPanel(
    q: CatalogQuery,
    page: Page,
    path: String,
    fixed_category: Option<Category>,
) -> impl IntoView {
    let facets = page.facets.clone();
    let brightness_steps = [4_500u32, 5_000, 5_500, 6_000, 7_000];
    let category_counts: Vec<(Category, i64)> = Category::ALL
        .iter()
        .map(|c| {
            (
                *c,
                facets
                    .categories
                    .iter()
                    .find(|(x, _)| x == c)
                    .map(|(_, n)| *n)
                    .unwrap_or(0),
            )
        })
        .collect();
    let ip_counts: Vec<(&'static str, i64)> = IP_FILTERS
        .iter()
        .map(|ip| {
            (
                *ip,
                facets
                    .ip_ratings
                    .iter()
                    .find(|(x, _)| x == ip)
                    .map(|(_, n)| *n)
                    .unwrap_or(0),
            )
        })
        .collect();
    view! {
        <details class="filters">
            <summary>{tr(Key::FiltersHeading)}</summary>
            <Form method="GET" action=path.clone() attr:class="filter-form" on_form_data=without_unnamed()>
                {carry(&q, &["category", "pitch_min", "pitch_max", "brightness", "ip", "price_min", "price_max", "in_stock", "rating"])}
                {fixed_category.is_none().then(|| view! {
                    <fieldset>
                        <legend>{tr(Key::FilterCategory)}</legend>
                        <label class="choice">
                            <input type="radio" name="category" value="" checked=q.category.is_none() prop:checked=q.category.is_none() />
                            {tr(Key::FilterAny)}
                        </label>
                        {category_counts.into_iter().map(|(c, n)| view! {
                            <label class="choice">
                                <input type="radio" name="category" value=c.slug() checked={q.category == Some(c)} prop:checked={q.category == Some(c)} />
                                {tr(c.name())} <span class="count">{format!("({n})")}</span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                })}
                <fieldset>
                    <legend>{tr(Key::FilterPitch)}</legend>
                    <div class="range">
                        <label>
                            <span class="visually-hidden">{tr(Key::FilterFrom)}</span>
                            <input type="text" inputmode="decimal" name="pitch_min" maxlength=crate::domain::limits::NUMBER.to_string() placeholder="1.5" size="5"
                                value=q.pitch_min_um.map(pitch_mm).unwrap_or_default() prop:value=q.pitch_min_um.map(pitch_mm).unwrap_or_default() />
                        </label>
                        "–"
                        <label>
                            <span class="visually-hidden">{tr(Key::FilterTo)}</span>
                            <input type="text" inputmode="decimal" name="pitch_max" maxlength=crate::domain::limits::NUMBER.to_string() placeholder="16" size="5"
                                value=q.pitch_max_um.map(pitch_mm).unwrap_or_default() prop:value=q.pitch_max_um.map(pitch_mm).unwrap_or_default() />
                        </label>
                        " mm"
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{tr(Key::FilterBrightness)}</legend>
                    <select name="brightness" aria-label=tr(Key::FilterBrightness)>
                        <option value="" selected=q.brightness_min.is_none() prop:selected=q.brightness_min.is_none()>{tr(Key::FilterAny)}</option>
                        {brightness_steps.into_iter().map(|b| view! {
                            <option value=b.to_string() selected={q.brightness_min == Some(b)} prop:selected={q.brightness_min == Some(b)}>{format!("≥ {b} nits")}</option>
                        }).collect_view()}
                    </select>
                </fieldset>
                <fieldset>
                    <legend>{tr(Key::FilterIp)}</legend>
                    <label class="choice">
                        <input type="radio" name="ip" value="" checked=q.ip.is_none() prop:checked=q.ip.is_none() />
                        {tr(Key::FilterAny)}
                    </label>
                    {ip_counts.into_iter().map(|(ip, n)| view! {
                        <label class="choice">
                            <input type="radio" name="ip" value=ip checked={q.ip.as_deref() == Some(ip)} prop:checked={q.ip.as_deref() == Some(ip)} />
                            {ip} <span class="count">{format!("({n})")}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <fieldset>
                    <legend>{tr(Key::FilterPrice)}</legend>
                    <div class="range">
                        "$"
                        <label>
                            <span class="visually-hidden">{tr(Key::FilterFrom)}</span>
                            <input type="text" inputmode="numeric" name="price_min" maxlength=crate::domain::limits::NUMBER.to_string() size="6"
                                value=q.price_min.map(|p| p.to_string()).unwrap_or_default() prop:value=q.price_min.map(|p| p.to_string()).unwrap_or_default() />
                        </label>
                        "–"
                        <label>
                            <span class="visually-hidden">{tr(Key::FilterTo)}</span>
                            <input type="text" inputmode="numeric" name="price_max" maxlength=crate::domain::limits::NUMBER.to_string() size="6"
                                value=q.price_max.map(|p| p.to_string()).unwrap_or_default() prop:value=q.price_max.map(|p| p.to_string()).unwrap_or_default() />
                        </label>
                    </div>
                </fieldset>
                <label class="choice">
                    <input type="checkbox" name="in_stock" value="1" checked=q.in_stock prop:checked=q.in_stock />
                    {tr(Key::FilterInStock)} <span class="count">{format!("({})", facets.in_stock)}</span>
                </label>
                <label class="choice">
                    <input type="checkbox" name="rating" value="4" checked=q.rating_4_up prop:checked=q.rating_4_up />
                    {tr(Key::FacetRatingFourUp)} <span class="count">{format!("({})", facets.rating_4_up)}</span>
                </label>
                <div class="filter-actions">
                    <button type="submit" class="button button-primary">{tr(Key::FilterApply)}</button>
                    <A href=path.clone()>{tr(Key::FilterClear)}</A>
                </div>
            </Form>
        </details>
    }
}

#[component]
fn Pager(q: CatalogQuery, pages: u32, path: String) -> impl IntoView {
    let i18n = use_i18n();
    let current = q.page.max(1);
    (pages > 1).then(|| {
        let prev = (current > 1).then(|| q.with_page(current - 1).href(&path));
        let next = (current < pages).then(|| q.with_page(current + 1).href(&path));
        view! {
            <nav class="pager" aria-label=tr(Key::Pagination)>
                {prev.map(|href| view! { <A href=href attr:rel="prev">{tr(Key::PagePrevious)}</A> })}
                <span>{move || i18n.msg(Msg::PageOf { page: current, pages })}</span>
                {next.map(|href| view! { <A href=href attr:rel="next">{tr(Key::PageNext)}</A> })}
            </nav>
        }
    })
}
