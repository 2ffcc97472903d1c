//! Staff: the product list and the product editor (fields, price tiers, stock with a reason,
//! archive, picture upload).

use super::AdminLayout;
use crate::{
    api::admin::products::{
        AdjustStock, SaveProduct, SetProductStatus, get_admin_product, list_admin_products,
    },
    components::confirm::{ConfirmPanel, confirm_href, confirming},
    components::form::{
        Field, FormMessage, FormValues, SelectField, TextArea, WithFlash, action_done,
        action_error, problem_text,
    },
    domain::{
        catalog::{IP_RATINGS, ProductStatus},
        category::Category,
        ids::ProductId,
        image::MAX_IMAGE_BYTES,
        limits,
        product_form::{ProductForm, field_max},
        time,
    },
    error::{Problem, ShopError},
    i18n::{Key, Msg, tr, use_i18n},
    model::admin::AdminProduct,
    pages::not_found::NotFound,
};
use leptos::{either::Either, prelude::*};
use leptos_router::{components::A, hooks::use_query_map};
use std::collections::BTreeMap;

#[component]
pub fn ProductsAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(|| (), |_| list_admin_products());
    view! {
        <AdminLayout title=Key::AdminProducts>
            <p><A href="/admin/products/new" attr:class="button button-primary">{tr(Key::AdminProductNew)}</A></p>
            <Suspense>
                {move || Suspend::new(async move {
                    let rows = list.await.unwrap_or_default();
                    view! {
                        <table class="table">
                            <thead>
                                <tr>
                                    <th scope="col">{tr(Key::AdminProductName)}</th>
                                    <th scope="col">{tr(Key::FilterCategory)}</th>
                                    <th scope="col">{tr(Key::TierUnitPrice)}</th>
                                    <th scope="col">{tr(Key::AdminStock)}</th>
                                    <th scope="col">{tr(Key::AdminStatus)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|p| {
                                    let archived = p.status == ProductStatus::Archived;
                                    view! {
                                        <tr>
                                            <td><A href=format!("/admin/products/{}", p.id)>{p.name.clone()}</A></td>
                                            <td>{tr(p.category.name())}</td>
                                            <td>{move || p.price.format(i18n.lang())}</td>
                                            <td>{p.stock}</td>
                                            <td>{if archived { tr(Key::AdminArchived).into_any() } else { tr(Key::StatusActive).into_any() }}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                })}
            </Suspense>
        </AdminLayout>
    }
}

#[component]
pub fn NewProductPage() -> impl IntoView {
    let save = ServerAction::<SaveProduct>::new();
    view! {
        <AdminLayout title=Key::AdminProductNew>
            <p><A href="/admin/products">{tr(Key::AdminBackToProducts)}</A></p>
            <WithFlash
                form="product-new".to_string()
                view=move |kept: FormValues| view! { <ProductEditor id=None form=form_of(&kept, ProductForm::default()) save /> }
            />
        </AdminLayout>
    }
}

#[component]
pub fn EditProductPage() -> impl IntoView {
    let id = super::use_id_param::<ProductId>();
    let save = ServerAction::<SaveProduct>::new();
    let status = ServerAction::<SetProductStatus>::new();
    let stock = ServerAction::<AdjustStock>::new();
    let product = Resource::new(
        move || {
            (
                id(),
                save.version().get(),
                status.version().get(),
                stock.version().get(),
            )
        },
        |(id, ..)| get_admin_product(id),
    );
    view! {
        <AdminLayout title=Key::AdminProductEdit>
            <p><A href="/admin/products">{tr(Key::AdminBackToProducts)}</A></p>
            <Suspense>
                {move || Suspend::new(async move {
                    match product.await {
                        Ok(p) => Either::Left(view! { <ProductAdmin product=p save status stock /> }),
                        Err(_) => Either::Right(view! { <NotFound /> }),
                    }
                })}
            </Suspense>
        </AdminLayout>
    }
}

/// The kept values of a failed plain post, else the product's own.
fn form_of(kept: &FormValues, current: ProductForm) -> ProductForm {
    if kept.is_empty() {
        return current;
    }
    let map: serde_json::Map<String, serde_json::Value> = kept
        .0
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
        .collect();
    serde_json::from_value(serde_json::Value::Object(map)).unwrap_or(current)
}

#[component]
fn ProductAdmin(
    product: AdminProduct,
    save: ServerAction<SaveProduct>,
    status: ServerAction<SetProductStatus>,
    stock: ServerAction<AdjustStock>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = product.id;
    let archived = product.status == ProductStatus::Archived;
    let archiving = confirming(|| "archive".to_string());
    let stock_error = action_error(stock);
    let query = use_query_map();
    let upload_result = move || query.read().get("image");
    let current = product.form.clone();
    view! {
        <div class="admin-product">
            <div class="admin-product-side">
            <div class="card">
                <h2>{product.form.name.clone()}</h2>
                <p>
                    <A href=format!("/products/{}", product.form.slug)>{tr(Key::AdminViewInShop)}</A>
                </p>
                <FormMessage error=action_error(status) />
                <p>{if archived { tr(Key::AdminArchived).into_any() } else { tr(Key::StatusActive).into_any() }}</p>
                {move || if archived {
                    // Restoring is not destructive: one step.
                    view! {
                        <ActionForm action=status attr:class="inline-form">
                            <input type="hidden" name="id" value=id.to_string() />
                            <input type="hidden" name="status" value="active" />
                            <button type="submit" class="button button-secondary">{tr(Key::AdminRestore)}</button>
                        </ActionForm>
                    }
                    .into_any()
                } else if archiving.get() {
                    view! {
                        <ConfirmPanel question=Signal::derive(move || i18n.t(Key::ArchiveQuestion).to_string())>
                            <ActionForm action=status>
                                <input type="hidden" name="id" value=id.to_string() />
                                <input type="hidden" name="status" value="archived" />
                                <button type="submit" class="button button-danger">{tr(Key::AdminArchive)}</button>
                            </ActionForm>
                        </ConfirmPanel>
                    }
                    .into_any()
                } else {
                    view! { <a class="button button-secondary" href=confirm_href("archive")>{tr(Key::AdminArchive)}</a> }.into_any()
                }}
            </div>
            <div class="card">
                <h2>{tr(Key::AdminStock)}</h2>
                <p>{move || i18n.msg(Msg::AdminStockNow { count: product.stock })}</p>
                <ActionForm action=stock attr:class="form-stack" attr:novalidate=true>
                    <FormMessage error=stock_error success=(action_done(stock), Key::AdminStockSaved) />
                    <input type="hidden" name="id" value=id.to_string() />
                    <div class="field-row">
                        <Field name="delta" scope="stock" label=Key::AdminStockDelta error=stock_error hint=Key::AdminStockDeltaHint maxlength=limits::NUMBER />
                        <Field name="reason" scope="stock" label=Key::AdminStockReason error=stock_error maxlength=limits::STOCK_REASON />
                    </div>
                    <button type="submit" class="button button-secondary">{tr(Key::AdminStockSubmit)}</button>
                </ActionForm>
                {(!product.stock_log.is_empty()).then(|| view! {
                    <table class="table">
                        <caption>{tr(Key::AdminStockLog)}</caption>
                        <tbody>
                            {product.stock_log.iter().map(|c| view! {
                                <tr>
                                    <td>{time::date_time(c.at)}</td>
                                    <td>{format!("{:+}", c.delta)}</td>
                                    <td>{c.stock_after}</td>
                                    <td>{c.reason.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })}
            </div>
            <div class="card">
                <h2>{tr(Key::AdminImage)}</h2>
                <img class="admin-image" src=product.image.clone() alt="" width="320" height="200" />
                {move || upload_result().map(|r| {
                    let (class, problem) = match r.as_str() {
                        "saved" => ("form-message form-message-success", None),
                        "too_large" => ("form-message form-message-error", Some(Problem::FileTooLarge { max_kib: MAX_IMAGE_BYTES / 1024 })),
                        "missing" => ("form-message form-message-error", Some(Problem::Required)),
                        _ => ("form-message form-message-error", Some(Problem::NotAnImage)),
                    };
                    let text = move || match &problem {
                        None => i18n.t(Key::AdminImageSaved).to_string(),
                        Some(problem) => problem_text(i18n.lang(), problem),
                    };
                    view! { <p class=class role="status">{text}</p> }
                })}
                <form method="post" enctype="multipart/form-data" action=format!("/admin/products/{id}/image") class="inline-form">
                    <label for="image-file">{tr(Key::AdminImageChoose)}</label>
                    <input id="image-file" type="file" name="image" accept="image/png,image/jpeg,image/webp" required />
                    <button type="submit" class="button button-secondary">{tr(Key::AdminImageUpload)}</button>
                </form>
                <p class="field-hint">{tr(Key::AdminImageHint)}</p>
            </div>
            </div>
            <WithFlash
                form=format!("product-{id}")
                view=move |kept: FormValues| view! { <ProductEditor id=Some(id) form=form_of(&kept, current.clone()) save /> }
            />
        </div>
    }
}

fn ip_options() -> Vec<(String, String)> {
    IP_RATINGS
        .iter()
        .map(|ip| (ip.to_string(), ip.to_string()))
        .collect()
}

/// The form of all a product's fields; `form[...]` names match `ProductForm`.
#[component]
fn ProductEditor(
    id: Option<ProductId>,
    form: ProductForm,
    save: ServerAction<SaveProduct>,
) -> impl IntoView {
    let error: Signal<Option<ShopError>> = action_error(save);
    let done = action_done(save);
    let values: BTreeMap<String, String> = serde_json::to_value(&form)
        .ok()
        .and_then(|v| v.as_object().cloned())
        .map(|m| {
            m.into_iter()
                .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_string())))
                .collect()
        })
        .unwrap_or_default();
    let v = move |name: &str| values.get(name).cloned().unwrap_or_default();
    let category = form.category.clone();
    let maintenance = form.maintenance.clone();
    let text_field = move |name: &'static str, label: Key, required: bool| {
        view! { <Field name form="form" label error value=v(name) required maxlength=field_max(name) /> }
    };
    view! {
        <ActionForm action=save attr:class="form-card product-editor" attr:novalidate=true>
            <FormMessage error success=(done, Key::ProfileSaved) />
            {id.map(|id| view! { <input type="hidden" name="id" value=id.to_string() /> })}
            <fieldset>
                <legend>{tr(Key::AdminProductIdentity)}</legend>
                <div class="field-row">
                    {text_field("name", Key::AdminProductName, true)}
                    {text_field("slug", Key::AdminProductSlug, true)}
                </div>
                <div class="field-row">
                    {text_field("brand", Key::AdminProductBrand, true)}
                    {text_field("model", Key::AdminProductModel, true)}
                </div>
                <div class="field">
                    <label for="f-form-category">{tr(Key::FilterCategory)}</label>
                    <select
                        id="f-form-category"
                        name="form[category]"
                        required=true
                        aria-invalid=move || error.get().and_then(|e| e.field("category").cloned()).map(|_| "true")
                    >
                        <option value="" selected=category.is_empty()>{tr(Key::FieldCountryChoose)}</option>
                        {Category::ALL.into_iter().map(|c| view! {
                            <option value=c.slug() selected={category == c.slug()}>{tr(c.name())}</option>
                        }).collect_view()}
                    </select>
                    <p class="field-error" aria-live="polite">
                        {move || error.get().and_then(|e| e.field("category").cloned()).map(|_| tr(Key::ProblemRequired)())}
                    </p>
                </div>
                {text_field("summary_en", Key::AdminSummaryEn, true)}
                {text_field("summary_zh", Key::AdminSummaryZh, true)}
                <TextArea name="description_en" form="form" label=Key::AdminDescriptionEn error value=form.description_en.clone() maxlength=limits::DESCRIPTION />
                <TextArea name="description_zh" form="form" label=Key::AdminDescriptionZh error value=form.description_zh.clone() maxlength=limits::DESCRIPTION />
            </fieldset>
            <fieldset>
                <legend>{tr(Key::AdminPrices)}</legend>
                <div class="field-row">
                    {text_field("price_1", Key::AdminPrice1, true)}
                    {id.is_none().then(|| text_field("stock", Key::AdminOpeningStock, false))}
                </div>
                <div class="field-row">
                    {text_field("tier_2_qty", Key::AdminTier2Qty, false)}
                    {text_field("price_2", Key::AdminTier2Price, false)}
                </div>
                <div class="field-row">
                    {text_field("tier_3_qty", Key::AdminTier3Qty, false)}
                    {text_field("price_3", Key::AdminTier3Price, false)}
                </div>
            </fieldset>
            <fieldset>
                <legend>{tr(Key::SpecsHeading)}</legend>
                <div class="field-row">
                    {text_field("pitch_mm", Key::AdminPitchMm, false)}
                    {text_field("brightness_nits", Key::SpecBrightness, false)}
                </div>
                <div class="field-row">
                    <SelectField name="ip_front" form="form" label=Key::AdminIpFront error value=form.ip_front.clone() options=ip_options() required=false />
                    <SelectField name="ip_back" form="form" label=Key::AdminIpBack error value=form.ip_back.clone() options=ip_options() required=false />
                </div>
                <div class="field-row">
                    {text_field("refresh_hz", Key::SpecRefresh, false)}
                    {text_field("led_type", Key::SpecLedType, false)}
                </div>
                <div class="field-row">
                    {text_field("cabinet_width_mm", Key::AdminCabinetWidth, false)}
                    {text_field("cabinet_height_mm", Key::AdminCabinetHeight, false)}
                </div>
                <div class="field-row">
                    {text_field("cabinet_depth_mm", Key::AdminCabinetDepth, false)}
                    {text_field("cabinet_weight_kg", Key::AdminCabinetWeight, false)}
                </div>
                <div class="field-row">
                    {text_field("cabinet_px_w", Key::AdminPxW, false)}
                    {text_field("cabinet_px_h", Key::AdminPxH, false)}
                </div>
                <div class="field-row">
                    {text_field("power_max_w", Key::AdminPowerMax, false)}
                    {text_field("power_typical_w", Key::AdminPowerTypical, false)}
                </div>
                <div class="field-row">
                    {text_field("viewing_angle_h", Key::AdminAngleH, false)}
                    {text_field("viewing_angle_v", Key::AdminAngleV, false)}
                </div>
                <div class="field-row">
                    {text_field("temp_min_c", Key::AdminTempMin, false)}
                    {text_field("temp_max_c", Key::AdminTempMax, false)}
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="f-form-maintenance">{tr(Key::SpecMaintenance)}</label>
                        <select id="f-form-maintenance" name="form[maintenance]">
                            <option value="" selected=maintenance.is_empty()>"—"</option>
                            <option value="front" selected={maintenance == "front"}>{tr(Key::MaintenanceFront)}</option>
                            <option value="rear" selected={maintenance == "rear"}>{tr(Key::MaintenanceRear)}</option>
                            <option value="front and rear" selected={maintenance == "front and rear"}>{tr(Key::MaintenanceBoth)}</option>
                        </select>
                    </div>
                    {text_field("controller_capacity_px", Key::SpecControllerCapacity, false)}
                </div>
            </fieldset>
            <fieldset>
                <legend>{tr(Key::AdminDelivery)}</legend>
                <div class="field-row">
                    {text_field("warranty_months", Key::AdminWarrantyMonths, true)}
                    {text_field("lead_time_days", Key::AdminLeadDays, true)}
                </div>
                <div class="field-row">
                    {text_field("ship_weight_kg", Key::AdminShipWeight, true)}
                    {text_field("ship_length_mm", Key::AdminShipLength, true)}
                </div>
                <div class="field-row">
                    {text_field("ship_width_mm", Key::AdminShipWidth, true)}
                    {text_field("ship_height_mm", Key::AdminShipHeight, true)}
                </div>
            </fieldset>
            <button type="submit" class="button button-primary">{tr(Key::SaveChanges)}</button>
        </ActionForm>
    }
}
