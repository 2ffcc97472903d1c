//! The shopper's reviews: the list with where each stands (published, awaiting approval,
//! hidden with the reason) at `/account/reviews`, and writing, editing or deleting one at
//! `/account/reviews/<product slug>` (not under `/products/`, whose pages are kept for
//! every visitor). Plain forms: all of it works without JavaScript.

use super::AccountLayout;
use crate::{
    api::{
        catalog::get_product,
        reviews::{DeleteReview, WriteReview, get_my_reviews},
    },
    components::{
        form::{
            Field, FormMessage, SelectField, TextArea, WithFlash, action_done, action_error,
            successes,
        },
        page_meta::PageMeta,
        reviews::{Stars, status_key},
    },
    domain::{limits, review::ReviewStatus, time},
    i18n::{Key, Msg, tr, use_i18n},
    model::review::MyReview,
};
use leptos::{either::Either, prelude::*};
use leptos_router::{components::A, hooks::use_params_map};

#[component]
pub fn MyReviewsPage() -> impl IntoView {
    // Made here, not inside the guard: see `AccountLayout`.
    let reviews = Resource::new(|| (), |_| get_my_reviews());
    view! {
        <PageMeta title=Key::AccountReviews />
        <AccountLayout title=Key::AccountReviews>
            <Suspense>
                {move || Suspend::new(async move {
                    let list = reviews.await.unwrap_or_default();
                    if list.is_empty() {
                        return Either::Left(view! { <p class="empty-state">{tr(Key::MyReviewsEmpty)}</p> });
                    }
                    Either::Right(view! {
                        <ul class="my-reviews" data-testid="my-reviews">
                            {list.into_iter().map(|r| view! { <MyReviewItem r /> }).collect_view()}
                        </ul>
                    })
                })}
            </Suspense>
        </AccountLayout>
    }
}

#[component]
fn MyReviewItem(r: MyReview) -> impl IntoView {
    let i18n = use_i18n();
    let reason = r.hidden_reason.clone();
    view! {
        <li class="card review">
            <h2><A href=format!("/products/{}", r.slug)>{r.product_name.clone()}</A></h2>
            <p>
                <Stars rating=r.rating /> " "
                <span class="badge" data-testid="review-status">{tr(status_key(r.status))}</span>
                " · " {time::date(r.updated_at)}
            </p>
            <h3 dir="auto">{r.title.clone()}</h3>
            <p class="review-body" dir="auto">{r.body.clone()}</p>
            {(r.status == ReviewStatus::Hidden).then(|| view! {
                <p class="form-message">{move || i18n.msg(Msg::ReviewHiddenBecause { reason: &reason })}</p>
            })}
            <A href=format!("/account/reviews/{}", r.slug) attr:class="button button-secondary">{tr(Key::ReviewEdit)}</A>
        </li>
    }
}

#[component]
pub fn WriteReviewPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let write = ServerAction::<WriteReview>::new();
    let delete = ServerAction::<DeleteReview>::new();
    let (written, deleted) = (successes(write), successes(delete));
    // Made here, not inside the guard: see `AccountLayout`.
    let product = Resource::new(slug, get_product);
    let mine = Resource::new(move || (written.get(), deleted.get()), |_| get_my_reviews());
    view! {
        <PageMeta title=Key::ReviewWriteTitle />
        <AccountLayout title=Key::ReviewWriteTitle>
            <Suspense>
                {move || Suspend::new(async move {
                    let Ok(product) = product.await else {
                        return Either::Left(view! { <p class="empty-state">{tr(Key::ReviewNoProduct)}</p> });
                    };
                    let slug = product.card.slug.clone();
                    let own = mine.await.unwrap_or_default().into_iter().find(|r| r.slug == slug);
                    Either::Right(view! {
                        <ReviewForm slug name=product.card.name.clone() own write delete />
                    })
                })}
            </Suspense>
        </AccountLayout>
    }
}

#[component]
fn ReviewForm(
    slug: String,
    name: String,
    own: Option<MyReview>,
    write: ServerAction<WriteReview>,
    delete: ServerAction<DeleteReview>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(write);
    let delete_error = action_error(delete);
    let saved = action_done(write);
    let removed = action_done(delete);
    let current = |f: fn(&MyReview) -> String| own.as_ref().map(f).unwrap_or_default();
    let rating = current(|r| r.rating.to_string());
    let title = current(|r| r.title.clone());
    let body = current(|r| r.body.clone());
    let pros = current(|r| r.pros.clone());
    let cons = current(|r| r.cons.clone());
    let status = own.as_ref().map(|r| r.status);
    let has_review = own.is_some();
    let options: Vec<(String, String)> = (1..=5)
        .rev()
        .map(|n| (n.to_string(), i18n.msg(Msg::StarsLabel { rating: n })))
        .collect();
    let back = format!("/products/{slug}");
    let slug_for_delete = slug.clone();
    view! {
        <p class="lead">
            {move || i18n.msg(Msg::ReviewOf { product: &name })} " "
            <A href=back>{tr(Key::ReviewBackToProduct)}</A>
        </p>
        {status.map(|s| view! {
            <p>{tr(Key::ReviewCurrentState)} " " <span class="badge" data-testid="review-status">{tr(status_key(s))}</span></p>
        })}
        <WithFlash form="review".to_string() view=move |values| view! {
            <ActionForm action=write attr:class="form-stack card" attr:novalidate=true>
                <FormMessage error success=(saved, Key::ReviewSaved) />
                <input type="hidden" name="slug" value=slug.clone() />
                <SelectField name="rating" form="form" label=Key::ReviewRating error value=values.get_or("rating", &rating) options=options.clone() />
                <Field name="title" form="form" label=Key::ReviewTitle error value=values.get_or("title", &title) maxlength=limits::REVIEW_TITLE />
                <TextArea name="body" form="form" label=Key::ReviewBody error value=values.get_or("body", &body) rows=6 maxlength=limits::REVIEW_BODY />
                <TextArea name="pros" form="form" label=Key::ReviewPros error required=false value=values.get_or("pros", &pros) rows=2 maxlength=limits::REVIEW_PROS />
                <TextArea name="cons" form="form" label=Key::ReviewCons error required=false value=values.get_or("cons", &cons) rows=2 maxlength=limits::REVIEW_PROS />
                <p class="field-hint">{tr(Key::ReviewRules)}</p>
                <button type="submit" class="button button-primary">{tr(Key::ReviewPublish)}</button>
            </ActionForm>
        } />
        {has_review.then(|| view! {
            <ActionForm action=delete attr:class="card">
                <FormMessage error=delete_error success=(removed, Key::ReviewDeleted) />
                <input type="hidden" name="slug" value=slug_for_delete.clone() />
                <button type="submit" class="button button-danger">{tr(Key::ReviewDelete)}</button>
            </ActionForm>
        })}
        {move || (removed.get() && !has_review).then(|| view! {
            <p class="form-message form-message-success" role="status">{tr(Key::ReviewDeleted)}</p>
        })}
    }
}
