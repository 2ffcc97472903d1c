//! Saved cards (promises P1 and P5): each card's brand, last 4 and expiry, removable; "Add a card"
//! goes to the payment processor's own card page and comes back here.

use super::AccountLayout;
use crate::{
    api::account::cards::{AddSavedCard, RemoveSavedCard, get_saved_cards},
    components::{
        form::{FormMessage, action_error, successes},
        page_meta::PageMeta,
    },
    domain::ids::CardEntryId,
    error::ShopError,
    i18n::{Key, tr},
    model::order::SavedCardView,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CardsPage() -> impl IntoView {
    // Made here, not inside the guard: see `AccountLayout`.
    let query = use_query_map();
    let add = ServerAction::<AddSavedCard>::new();
    let remove = ServerAction::<RemoveSavedCard>::new();
    let removed = successes(remove);
    let cards = Resource::new(
        move || {
            (
                query.with(|q| q.get("card_entry").and_then(|e| CardEntryId::parse(&e))),
                removed.get(),
            )
        },
        |(entry, _)| get_saved_cards(entry),
    );
    view! {
        <PageMeta title=Key::AccountCards />
        <AccountLayout title=Key::AccountCards>
            <SavedCards add remove cards />
        </AccountLayout>
    }
}

#[component]
fn SavedCards(
    add: ServerAction<AddSavedCard>,
    remove: ServerAction<RemoveSavedCard>,
    cards: Resource<Result<Vec<SavedCardView>, ShopError>>,
) -> impl IntoView {
    Effect::new(move |_| {
        if let Some(Ok(page)) = add.value().get() {
            let _ = window().location().set_href(&page);
        }
    });
    let error = Signal::derive(move || {
        action_error(add)
            .get()
            .or_else(|| action_error(remove).get())
    });
    view! {
        <FormMessage error />
        <Suspense>
            {move || Suspend::new(async move {
                let cards = match cards.await {
                    Ok(cards) => cards,
                    Err(e) => return view! {
                        <p class="form-message form-message-error" role="alert">
                            {move || crate::components::form::error_text(crate::i18n::use_i18n().lang(), &e)}
                        </p>
                    }.into_any(),
                };
                let empty = cards.is_empty();
                view! {
                    {empty.then(|| view! { <p class="empty-state">{tr(Key::CardsEmpty)}</p> })}
                    <ul class="saved-cards" data-testid="saved-cards">
                        {cards.into_iter().map(|c| view! {
                            <li class="card saved-card">
                                <span>
                                    <strong>{c.card.brand.label()} " •••• " {c.card.last4.clone()}</strong>
                                    " · " {tr(Key::CardsExpires)} " "
                                    {format!("{:02}/{:02}", c.card.exp_month, c.card.exp_year % 100)}
                                </span>
                                <ActionForm action=remove>
                                    <input type="hidden" name="id" value=c.id.to_string() />
                                    <button type="submit" class="button button-link">{tr(Key::CardsRemove)}</button>
                                </ActionForm>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </Suspense>
        <ActionForm action=add>
            <button type="submit" class="button button-primary">{tr(Key::CardsAdd)}</button>
        </ActionForm>
    }
}
