//! The LED wall configurator: choose a cabinet and a size (cabinets across × down, or metres),
//! see the wall's size, resolution, power, weight, viewing distance and price. The browser
//! recomputes as you type with the same function the server uses; submitting asks the server
//! for the priced wall, controller included.

use crate::{
    api::{
        cart::AddWallToCart,
        catalog::{configurator_cabinets, quote_wall},
    },
    components::{
        cart::{cart_error_text, refresh_cart_after},
        form::without_unnamed,
        page_meta::PageMeta,
    },
    domain::{
        catalog::{parse_thousandths, pitch_mm},
        configurator::{WallPlan, WallRequest, plan_wall},
        pricing::{line_total, tier_for},
    },
    error::{Problem, ShopError},
    i18n::{Key, Msg, tr, use_i18n},
    model::catalog::{CabinetOption, WallQuote},
};
use leptos::{
    either::{Either, EitherOf3},
    prelude::*,
};
use leptos_router::{
    components::{A, Form},
    hooks::use_query_map,
};

/// The wall asked for by the form's values; `None` when they do not describe one.
fn request_of(
    mode: &str,
    cols: &str,
    rows: &str,
    width: &str,
    height: &str,
) -> Option<WallRequest> {
    if mode == "size" {
        Some(WallRequest::Size {
            width_mm: parse_thousandths(width)?,
            height_mm: parse_thousandths(height)?,
        })
    } else {
        Some(WallRequest::Cabinets {
            cols: cols.trim().parse().ok()?,
            rows: rows.trim().parse().ok()?,
        })
    }
}

fn metres(mm: u32) -> String {
    format!("{:.2} m", f64::from(mm) / 1000.0)
}

#[component]
pub fn ConfiguratorPage() -> impl IntoView {
    let options = OnceResource::new(configurator_cabinets());
    // Made here, not inside the Suspense below (which the server may build more than once):
    // a resource's place in the page's serialized data must be the same in the browser.
    let query = use_query_map();
    // The server's priced wall for the submitted form (the address).
    let submitted = Memo::new(move |_| {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        let slug = q.get("product")?;
        request_of(
            &get("mode"),
            &get("cols"),
            &get("rows"),
            &get("width"),
            &get("height"),
        )
        .map(|r| (slug, r))
    });
    let quote = Resource::new(
        move || submitted.get(),
        |s| async move {
            match s {
                Some((slug, request)) => quote_wall(slug, request).await.ok(),
                None => None,
            }
        },
    );

    view! {
        <PageMeta title=Key::ConfiguratorTitle description=Key::ConfiguratorIntro />
        <section class="container section">
            <h1>{tr(Key::ConfiguratorTitle)}</h1>
            <p class="section-intro">{tr(Key::ConfiguratorIntro)}</p>
            <Suspense>
                {move || Suspend::new(async move {
                    let options = options.await.unwrap_or_default();
                    view! { <Configurator options quote /> }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Configurator(options: Vec<CabinetOption>, quote: Resource<Option<WallQuote>>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let param = move |name: &str, default: &str| {
        query
            .read_untracked()
            .get(name)
            .unwrap_or_else(|| default.to_string())
    };
    let first = options
        .first()
        .map(|o| o.card.slug.clone())
        .unwrap_or_default();
    // The form's state, starting from the address (so a configured wall can be shared).
    let product = RwSignal::new(param("product", &first));
    let mode = RwSignal::new(param("mode", "cabinets"));
    let cols = RwSignal::new(param("cols", "4"));
    let rows = RwSignal::new(param("rows", "3"));
    let width = RwSignal::new(param("width", "4"));
    let height = RwSignal::new(param("height", "2.25"));
    let options = StoredValue::new(options);

    let selected = Memo::new(move |_| {
        options
            .read_value()
            .iter()
            .find(|o| o.card.slug == product.get())
            .cloned()
    });
    let live: Memo<Option<Result<WallPlan, ()>>> = Memo::new(move |_| {
        let option = selected.get()?;
        let request = request_of(
            &mode.get(),
            &cols.get(),
            &rows.get(),
            &width.get(),
            &height.get(),
        );
        Some(
            request
                .ok_or(())
                .and_then(|r| plan_wall(&option.cabinet, r).map_err(|_| ())),
        )
    });
    // With the app running, only the fields of the chosen way of sizing are shown (without
    // it the visitor may switch ways before submitting, so both stay).
    let live_app = RwSignal::new(false);
    Effect::new(move |_| live_app.set(true));
    view! {
        <div class="configurator">
            <Form method="GET" action="/configurator" attr:class="form-card configurator-form" on_form_data=without_unnamed()>
                <div class="field">
                    <label for="cfg-product">{tr(Key::ConfiguratorCabinet)}</label>
                    <select id="cfg-product" name="product" on:change=move |ev| product.set(event_target_value(&ev))>
                        {move || options.read_value().iter().map(|o| {
                            let stock = i18n.msg(Msg::CabinetStock { count: o.card.stock, days: o.lead_time_days });
                            let label = format!("{} — {} ({stock})", o.card.name, o.card.brand);
                            let slug = o.card.slug.clone();
                            view! { <option value=slug.clone() selected={slug == product.get_untracked()}>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <fieldset>
                    <legend>{tr(Key::ConfiguratorSizeBy)}</legend>
                    <label class="choice">
                        <input type="radio" name="mode" value="cabinets" checked={mode.get_untracked() != "size"} on:change=move |_| mode.set("cabinets".into()) />
                        {tr(Key::ConfiguratorByCabinets)}
                    </label>
                    <label class="choice">
                        <input type="radio" name="mode" value="size" checked={mode.get_untracked() == "size"} on:change=move |_| mode.set("size".into()) />
                        {tr(Key::ConfiguratorByMetres)}
                    </label>
                </fieldset>
                <div class="field-row" hidden=move || live_app.get() && mode.get() == "size">
                    <div class="field">
                        <label for="cfg-cols">{tr(Key::ConfiguratorAcross)}</label>
                        <input id="cfg-cols" name="cols" type="number" min="1" max="200" value=cols.get_untracked() on:input=move |ev| cols.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="cfg-rows">{tr(Key::ConfiguratorDown)}</label>
                        <input id="cfg-rows" name="rows" type="number" min="1" max="200" value=rows.get_untracked() on:input=move |ev| rows.set(event_target_value(&ev)) />
                    </div>
                </div>
                <div class="field-row" hidden=move || live_app.get() && mode.get() != "size">
                    <div class="field">
                        <label for="cfg-width">{tr(Key::ConfiguratorWidth)}</label>
                        <input id="cfg-width" name="width" type="text" inputmode="decimal" maxlength=crate::domain::limits::NUMBER.to_string() value=width.get_untracked() on:input=move |ev| width.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="cfg-height">{tr(Key::ConfiguratorHeight)}</label>
                        <input id="cfg-height" name="height" type="text" inputmode="decimal" maxlength=crate::domain::limits::NUMBER.to_string() value=height.get_untracked() on:input=move |ev| height.set(event_target_value(&ev)) />
                    </div>
                </div>
                <button type="submit" class="button button-primary">{tr(Key::ConfiguratorSubmit)}</button>
            </Form>
            <div class="configurator-result" aria-live="polite">
                {move || match live.get() {
                    None => EitherOf3::A(view! { <p class="empty-state">{tr(Key::ConfiguratorChoose)}</p> }),
                    Some(Err(())) => EitherOf3::B(view! {
                        <p class="form-message form-message-error" role="alert">{tr(Key::ConfiguratorInvalid)}</p>
                    }),
                    Some(Ok(plan)) => {
                        let option = selected.get();
                        let tiers = option.as_ref().map(|o| o.tiers.clone()).unwrap_or_default();
                        let qty = i64::from(plan.cabinets);
                        let tier = tier_for(&tiers, qty);
                        let total = line_total(&tiers, qty);
                        let pitch = option.as_ref().map(|o| pitch_mm(o.cabinet.pitch_um)).unwrap_or_default();
                        EitherOf3::C(view! {
                            <h2>{tr(Key::ConfiguratorYourWall)}</h2>
                            <WallDrawing plan />
                            <dl class="facts wall-facts">
                                <dt>{tr(Key::ConfiguratorCabinets)}</dt>
                                <dd data-testid="wall-cabinets">{format!("{} × {} = {}", plan.cols, plan.rows, plan.cabinets)}</dd>
                                <dt>{tr(Key::ConfiguratorSize)}</dt>
                                <dd data-testid="wall-size">{format!("{} × {}", metres(plan.width_mm), metres(plan.height_mm))}</dd>
                                <dt>{tr(Key::ConfiguratorResolution)}</dt>
                                <dd data-testid="wall-resolution">{format!("{} × {} px (P{pitch})", plan.px_w, plan.px_h)}</dd>
                                <dt>{tr(Key::ConfiguratorPixels)}</dt>
                                <dd>{plan.pixels.to_string()}</dd>
                                <dt>{tr(Key::ConfiguratorAspect)}</dt>
                                <dd>{format!("{}:{} ({}.{:02}:1)", plan.aspect_w, plan.aspect_h, plan.aspect_hundredths / 100, plan.aspect_hundredths % 100)}</dd>
                                <dt>{tr(Key::ConfiguratorPower)}</dt>
                                <dd>{move || i18n.msg(Msg::SpecPowerValue { max: plan.power_max_w, typical: plan.power_typical_w })}</dd>
                                <dt>{tr(Key::ConfiguratorWeight)}</dt>
                                <dd>{format!("{:.1} kg", plan.weight_g as f64 / 1000.0)}</dd>
                                <dt>{tr(Key::ConfiguratorDistance)}</dt>
                                <dd>{metres(plan.min_viewing_distance_mm)}</dd>
                                <dt>{tr(Key::ConfiguratorCabinetPrice)}</dt>
                                <dd data-testid="wall-cabinet-price">
                                    {move || match (tier, total) {
                                        (Some(t), Some(total)) => i18n.msg(Msg::ConfiguratorTierValue {
                                            count: i64::from(plan.cabinets),
                                            unit: &t.unit_price.format(i18n.lang()),
                                            total: &total.format(i18n.lang()),
                                        }),
                                        _ => "—".to_string(),
                                    }}
                                </dd>
                            </dl>
                        })
                    }
                }}
                <Suspense>
                    {move || Suspend::new(async move {
                        quote.await.map(|q| {
                            let controller = q.controller.clone();
                            let whole = q.clone();
                            view! {
                                <div class="card quote">
                                    <h3>{tr(Key::ConfiguratorQuote)}</h3>
                                    <dl class="facts">
                                        <dt>{tr(Key::ConfiguratorCabinets)}</dt>
                                        <dd>
                                            <A href=format!("/products/{}", q.cabinet.slug)>{q.cabinet.name.clone()}</A>
                                            {format!(" × {}", q.plan.cabinets)}
                                        </dd>
                                        {controller.map(|(c, n)| view! {
                                            <dt>{tr(Key::ConfiguratorController)}</dt>
                                            <dd><A href=format!("/products/{}", c.slug)>{c.name.clone()}</A>{format!(" × {n}")}</dd>
                                        })}
                                        <dt>{tr(Key::ConfiguratorTotal)}</dt>
                                        <dd class="price" data-testid="quote-total">{move || q.total.format(i18n.lang())}</dd>
                                    </dl>
                                    <p class="field-hint">{tr(Key::ConfiguratorQuoteHint)}</p>
                                    <WallStock quote=whole.clone() />
                                    // A wall the stock cannot cover is not offered for the cart.
                                    {short_items(&whole).is_empty().then(|| view! { <AddWallForm quote=whole.clone() /> })}
                                </div>
                            }
                        })
                    })}
                </Suspense>
            </div>
        </div>
    }
}

/// The items of a quoted wall the stock does not cover, each named (the whole wall cannot
/// be put in the cart until it does).
#[component]
fn WallStock(quote: WallQuote) -> impl IntoView {
    let i18n = use_i18n();
    let short = short_items(&quote);
    (!short.is_empty()).then(|| {
        view! {
            <ul class="form-message form-message-error wall-short" data-testid="wall-short">
                {short.into_iter().map(|(name, count)| view! {
                    <li>{move || i18n.msg(Msg::ItemShort { name: &name, count })}</li>
                }).collect_view()}
            </ul>
        }
    })
}

/// (name, stock) of each item of the wall asking for more than the stock.
fn short_items(quote: &WallQuote) -> Vec<(String, i64)> {
    let cabinets = i64::from(quote.plan.cabinets);
    let mut short = Vec::new();
    if cabinets > quote.cabinet.stock {
        short.push((quote.cabinet.name.clone(), quote.cabinet.stock.max(0)));
    }
    if let Some((c, n)) = &quote.controller
        && i64::try_from(*n).unwrap_or(i64::MAX) > c.stock
    {
        short.push((c.name.clone(), c.stock.max(0)));
    }
    short
}

/// "Add the whole wall": the cabinets and the controller of the server's quote, as one group.
/// A refusal names the item the stock cannot cover.
#[component]
fn AddWallForm(quote: WallQuote) -> impl IntoView {
    let i18n = use_i18n();
    let (product, cols, rows) = (quote.cabinet.slug.clone(), quote.plan.cols, quote.plan.rows);
    let cabinet = quote.cabinet.name.clone();
    let controller = quote.controller.as_ref().map(|(c, _)| c.name.clone());
    let refusal = move |e: &ShopError| match e {
        ShopError::Invalid { fields } => fields
            .iter()
            .find_map(|f| match (&f.problem, f.field.as_str()) {
                (Problem::NotEnoughStock { available }, "size") => {
                    Some((cabinet.clone(), *available))
                }
                (Problem::NotEnoughStock { available }, "controller") => {
                    controller.clone().map(|c| (c, *available))
                }
                _ => None,
            })
            .map(|(name, count)| i18n.msg(Msg::ItemShort { name: &name, count }))
            .unwrap_or_else(|| cart_error_text(i18n.lang(), e)),
        other => cart_error_text(i18n.lang(), other),
    };
    let add = ServerAction::<AddWallToCart>::new();
    refresh_cart_after(add);
    view! {
        <ActionForm action=add attr:class="add-to-cart">
            <input type="hidden" name="product" value=product />
            <input type="hidden" name="cols" value=cols.to_string() />
            <input type="hidden" name="rows" value=rows.to_string() />
            <button type="submit" class="button button-primary">{tr(Key::AddWallToCart)}</button>
        </ActionForm>
        <div aria-live="polite">
            {move || match add.value().get() {
                Some(Ok(())) => Some(Either::Left(view! {
                    <p class="form-message form-message-success">
                        {tr(Key::WallAddedToCart)} " " <A href="/cart">{tr(Key::ViewCart)}</A>
                    </p>
                })),
                Some(Err(e)) => Some(Either::Right(view! {
                    <p class="form-message form-message-error" role="alert">{refusal(&e)}</p>
                })),
                None => None,
            }}
        </div>
    }
}

/// A person's height in the drawing, in millimetres.
const PERSON_MM: u32 = 1750;

/// The wall drawn to scale, cabinet by cabinet, with a person beside it for size.
#[component]
fn WallDrawing(plan: WallPlan) -> impl IntoView {
    let i18n = use_i18n();
    let (w, h) = (f64::from(plan.width_mm), f64::from(plan.height_mm));
    let person = f64::from(PERSON_MM);
    let margin = (w.max(h) * 0.04).max(150.0);
    // The person stands left of the wall, both on the ground (y = 0, up is negative).
    let left = -(700.0 + margin);
    let top = -(h.max(person) + margin);
    let view_box = format!("{left} {top} {} {}", w - left + margin, -top + margin);
    let (cols, rows) = (plan.cols, plan.rows);
    let cell_w = w / f64::from(cols);
    let cell_h = h / f64::from(rows);
    let verticals = (1..cols).map(move |c| {
        let x = cell_w * f64::from(c);
        view! { <line x1=x y1=-h x2=x y2=0 /> }
    });
    let horizontals = (1..rows).map(move |r| {
        let y = -cell_h * f64::from(r);
        view! { <line x1=0 y1=y x2=w y2=y /> }
    });
    let label = move || {
        i18n.msg(Msg::WallDrawingLabel {
            cols: i64::from(cols),
            rows: i64::from(rows),
            width: &metres(plan.width_mm),
            height: &metres(plan.height_mm),
            person: &metres(PERSON_MM),
        })
    };
    view! {
        <figure class="wall-drawing">
            <svg viewBox=view_box aria-hidden="true" preserveAspectRatio="xMidYMax meet" data-testid="wall-drawing">
                <line class="wall-ground" x1=left y1=0 x2=w + margin y2=0 />
                <rect class="wall-face" x=0 y=-h width=w height=h />
                <g class="wall-seams">{verticals.collect_view()}{horizontals.collect_view()}</g>
                <g class="wall-person" transform="translate(-500 0)">
                    <circle cx="-200" cy="-1630" r="115" />
                    <rect x="-400" y="-1500" width="400" height="680" rx="90" />
                    <rect x="-470" y="-1480" width="60" height="560" rx="30" />
                    <rect x="10" y="-1480" width="60" height="560" rx="30" />
                    <rect x="-360" y="-860" width="140" height="860" rx="50" />
                    <rect x="-180" y="-860" width="140" height="860" rx="50" />
                </g>
            </svg>
            <figcaption>{label}</figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_values_become_requests() {
        assert_eq!(
            request_of("cabinets", "4", "3", "", ""),
            Some(WallRequest::Cabinets { cols: 4, rows: 3 })
        );
        assert_eq!(
            request_of("size", "", "", "4", "2.25"),
            Some(WallRequest::Size {
                width_mm: 4000,
                height_mm: 2250
            })
        );
        assert_eq!(request_of("size", "", "", "wide", "2"), None);
        assert_eq!(request_of("cabinets", "-1", "3", "", ""), None);
    }
}
