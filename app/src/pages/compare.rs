//! Up to four products side by side: specification rows aligned, differences highlighted.

use crate::{
    api::catalog::{ToggleCompare, compared_products},
    components::{cart::AddToCartForm, page_meta::PageMeta, specs::spec_rows},
    i18n::{Key, tr, use_i18n},
};
use leptos::{either::Either, prelude::*};
use leptos_router::components::A;

#[component]
pub fn ComparePage() -> impl IntoView {
    let i18n = use_i18n();
    let toggle = ServerAction::<ToggleCompare>::new();
    let products = Resource::new(move || toggle.version().get(), |_| compared_products());
    view! {
        <PageMeta title=Key::CompareTitle />
        <section class="container section">
            <h1>{tr(Key::CompareTitle)}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    let list = products.await.unwrap_or_default();
                    if list.is_empty() {
                        return Either::Left(view! {
                            <div class="empty-state">
                                <p>{tr(Key::CompareEmpty)}</p>
                                <A href="/catalog" attr:class="button button-primary">{tr(Key::HeroCtaBrowse)}</A>
                            </div>
                        });
                    }
                    let lang = i18n.lang();
                    let rows: Vec<(Key, Vec<Option<String>>)> = {
                        let per_product: Vec<_> = list.iter().map(|p| spec_rows(&p.specs, lang)).collect();
                        per_product[0]
                            .iter()
                            .enumerate()
                            .map(|(i, (key, _))| (*key, per_product.iter().map(|r| r[i].1.clone()).collect::<Vec<_>>()))
                            .filter(|(_, values)| values.iter().any(Option::is_some))
                            .collect()
                    };
                    Either::Right(view! {
                        <div class="table-scroll">
                            <table class="table compare-table">
                                <thead>
                                    <tr>
                                        <td></td>
                                        {list.clone().into_iter().map(|p| view! {
                                            <th scope="col">
                                                <img src=p.card.image.clone() alt="" width="160" height="100" />
                                                <A href=format!("/products/{}", p.card.slug)>{p.card.name.clone()}</A>
                                                <p class="price">{p.card.price.format(lang)}</p>
                                                <AddToCartForm product=p.card.id stock=p.card.stock />
                                                <ActionForm action=toggle>
                                                    <input type="hidden" name="id" value=p.card.id.to_string() />
                                                    <button type="submit" class="button button-secondary button-small">{tr(Key::CompareRemove)}</button>
                                                </ActionForm>
                                            </th>
                                        }).collect_view()}
                                    </tr>
                                </thead>
                                <tbody>
                                    {rows.into_iter().map(|(key, values)| {
                                        let differs = values.windows(2).any(|w| w[0] != w[1]);
                                        view! {
                                            <tr class:differs=differs>
                                                <th scope="row">{tr(key)}</th>
                                                {values.into_iter().map(|v| view! { <td>{v.unwrap_or_else(|| "—".into())}</td> }).collect_view()}
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <p class="field-hint">{tr(Key::CompareDiffersHint)}</p>
                    })
                })}
            </Suspense>
        </section>
    }
}
