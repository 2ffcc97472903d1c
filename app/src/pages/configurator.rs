//! The LED wall configurator: choose a cabinet and a size (cabinets across × down, or metres),
//! see the wall's size, resolution, power, weight, viewing distance and price. The browser
//! recomputes as you type with the same function the server uses; submitting asks the server
//! for the priced wall, controller included.

use crate::{
    api::catalog::{configurator_cabinets, quote_wall},
    components::page_meta::PageMeta,
    domain::{
        catalog::{parse_thousandths, pitch_mm},
        configurator::{WallPlan, WallRequest, plan_wall},
        pricing::{line_total, tier_for},
    },
    i18n::{Key, Msg, tr, use_i18n},
    model::catalog::CabinetOption,
};
use leptos::{either::Either, prelude::*};
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
    view! {
        <PageMeta title=Key::ConfiguratorTitle description=Key::ConfiguratorIntro />
        <section class="container section">
            <h1>{tr(Key::ConfiguratorTitle)}</h1>
            <p class="section-intro">{tr(Key::ConfiguratorIntro)}</p>
            <Suspense>
                {move || Suspend::new(async move {
                    let options = options.await.unwrap_or_default();
                    view! { <Configurator options /> }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Configurator(options: Vec<CabinetOption>) -> impl IntoView {
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
        <div class="configurator">
            <Form method="GET" action="/configurator" attr:class="form-card configurator-form">
                <div class="field">
                    <label for="cfg-product">{tr(Key::ConfiguratorCabinet)}</label>
                    <select id="cfg-product" name="product" on:change=move |ev| product.set(event_target_value(&ev))>
                        {move || options.read_value().iter().map(|o| {
                            let label = format!("{} — {}", o.card.name, o.card.brand);
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
                <div class="field-row">
                    <div class="field">
                        <label for="cfg-cols">{tr(Key::ConfiguratorAcross)}</label>
                        <input id="cfg-cols" name="cols" type="number" min="1" max="200" value=cols.get_untracked() on:input=move |ev| cols.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="cfg-rows">{tr(Key::ConfiguratorDown)}</label>
                        <input id="cfg-rows" name="rows" type="number" min="1" max="200" value=rows.get_untracked() on:input=move |ev| rows.set(event_target_value(&ev)) />
                    </div>
                </div>
                <div class="field-row">
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
                    None => Either::Left(view! { <p class="empty-state">{tr(Key::ConfiguratorChoose)}</p> }),
                    Some(Err(())) => Either::Left(view! {
                        <p class="form-message form-message-error" role="alert">{tr(Key::ConfiguratorInvalid)}</p>
                    }),
                    Some(Ok(plan)) => {
                        let option = selected.get();
                        let tiers = option.as_ref().map(|o| o.tiers.clone()).unwrap_or_default();
                        let qty = i64::from(plan.cabinets);
                        let tier = tier_for(&tiers, qty);
                        let total = line_total(&tiers, qty);
                        let pitch = option.as_ref().map(|o| pitch_mm(o.cabinet.pitch_um)).unwrap_or_default();
                        Either::Right(view! {
                            <h2>{tr(Key::ConfiguratorYourWall)}</h2>
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
                                </div>
                            }
                        })
                    })}
                </Suspense>
            </div>
        </div>
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
