//! Staff: reviews to moderate (`/admin/reviews`: those awaiting approval or reported, or the
//! hidden ones) and one review (`/admin/reviews/:id`) with its open reports, the log of
//! decisions and the forms to approve, hide with a reason, or restore.

use super::{AdminLayout, use_id_param};
use crate::{
    api::admin::reviews::{DecideReview, get_review, get_review_queue},
    components::{
        form::{FormMessage, TextArea, WithFlash, action_done, action_error, successes},
        reviews::{Stars, report_key, status_key},
    },
    domain::{
        limits,
        review::{Decision, ReviewStatus},
        time,
    },
    i18n::{Key, tr, use_i18n},
    model::review::{QueueView, QueuedReview},
    pages::not_found::NotFound,
};
use leptos::{either::Either, prelude::*};
use leptos_router::{components::A, hooks::use_query_map};

fn decision_key(decision: Decision) -> Key {
    match decision {
        Decision::Approve => Key::DecisionApprove,
        Decision::Hide => Key::DecisionHide,
        Decision::Restore => Key::DecisionRestore,
    }
}

#[component]
pub fn AdminReviewsPage() -> impl IntoView {
    let query = use_query_map();
    let view = move || match query.read().get("view").as_deref() {
        Some("hidden") => QueueView::Hidden,
        _ => QueueView::Waiting,
    };
    let queue = Resource::new(view, get_review_queue);
    view! {
        <AdminLayout title=Key::AdminReviews>
            <p class="field-hint">{tr(Key::AdminReviewsText)}</p>
            <nav class="tabs" aria-label=tr(Key::AdminReviews)>
                <A href="/admin/reviews" exact=true>{tr(Key::AdminReviewsWaiting)}</A>
                <A href="/admin/reviews?view=hidden" exact=true>{tr(Key::AdminReviewsHidden)}</A>
            </nav>
            <Suspense>
                {move || Suspend::new(async move {
                    let Ok(reviews) = queue.await else { return Either::Left(view! { <NotFound /> }) };
                    Either::Right(view! {
                        {reviews.is_empty().then(|| view! { <p class="empty-state">{tr(Key::AdminReviewsEmpty)}</p> })}
                        <ul class="inbox" data-testid="review-queue">
                            {reviews.into_iter().map(|r| view! { <QueueItem r /> }).collect_view()}
                        </ul>
                    })
                })}
            </Suspense>
        </AdminLayout>
    }
}

#[component]
fn QueueItem(r: QueuedReview) -> impl IntoView {
    let reports: i64 = r.reports.iter().map(|(_, n)| n).sum();
    view! {
        <li class="card">
            <p>
                <A href=format!("/admin/reviews/{}", r.id)><strong dir="auto">{r.title.clone()}</strong></A>
                " · " {r.product_name.clone()}
            </p>
            <p class="field-hint">
                <Stars rating=r.rating /> " "
                <span class="badge">{tr(status_key(r.status))}</span>
                {(reports > 0).then(|| view! {
                    " " <span class="badge status-open">{tr(Key::AdminReviewReports)} ": " {reports}</span>
                })}
                " · " <span dir="auto">{r.author.clone()}</span> " · " {time::date_time(r.created_at)}
            </p>
        </li>
    }
}

#[component]
pub fn AdminReviewPage() -> impl IntoView {
    let id = use_id_param::<i64>();
    let decide = ServerAction::<DecideReview>::new();
    let decided = successes(decide);
    let review = Resource::new(move || (id(), decided.get()), |(id, _)| get_review(id));
    view! {
        <AdminLayout title=Key::AdminReviews>
            <p><A href="/admin/reviews">{tr(Key::AdminReviewsWaiting)}</A></p>
            <Suspense>
                {move || Suspend::new(async move {
                    match review.await {
                        Ok(review) => Either::Left(view! { <ReviewDecision review decide /> }),
                        Err(_) => Either::Right(view! { <NotFound /> }),
                    }
                })}
            </Suspense>
        </AdminLayout>
    }
}

#[component]
fn ReviewDecision(review: QueuedReview, decide: ServerAction<DecideReview>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(decide);
    let id = review.id;
    let seen = review.updated_at;
    let status = review.status;
    view! {
        <article class="card review" data-testid="moderated-review">
            <h2 dir="auto">{review.title.clone()}</h2>
            <p class="field-hint">
                <Stars rating=review.rating /> " "
                <span class="badge" data-testid="review-status">{tr(status_key(status))}</span>
                " · " <A href=format!("/products/{}", review.slug)>{review.product_name.clone()}</A>
                " · " <span dir="auto">{review.author.clone()}</span>
                " · " {time::date_time(review.created_at)}
            </p>
            {(!review.author_active).then(|| view! { <p class="form-message">{tr(Key::AdminReviewAuthorInactive)}</p> })}
            <p class="review-body" dir="auto">{review.body.clone()}</p>
            {(!review.pros.is_empty() || !review.cons.is_empty()).then(|| view! {
                <dl class="review-pros-cons">
                    <dt>{tr(Key::ReviewPros)}</dt><dd class="review-body" dir="auto">{review.pros.clone()}</dd>
                    <dt>{tr(Key::ReviewCons)}</dt><dd class="review-body" dir="auto">{review.cons.clone()}</dd>
                </dl>
            })}
            {(status == ReviewStatus::Hidden).then(|| view! {
                <p class="form-message" dir="auto">{tr(Key::AdminReviewHideReason)} ": " {review.hidden_reason.clone()}</p>
            })}
        </article>
        {(!review.reports.is_empty()).then(|| view! {
            <section class="card">
                <h3>{tr(Key::AdminReviewReports)}</h3>
                <ul data-testid="review-reports">
                    {review.reports.iter().map(|&(reason, n)| view! {
                        <li>{tr(report_key(reason))} ": " {n}</li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section class="card">
            <FormMessage error success=(action_done(decide), Key::AdminReviewSaved) />
            {(status != ReviewStatus::Hidden).then(|| view! {
                <ActionForm action=decide attr:class="inline-form">
                    <input type="hidden" name="id" value=id.to_string() />
                    <input type="hidden" name="seen" value=seen.to_string() />
                    <button type="submit" name="decision" value=Decision::Approve.code() class="button button-primary" disabled=status == ReviewStatus::Published && review.reports.is_empty()>
                        {tr(Key::AdminReviewApprove)}
                    </button>
                </ActionForm>
            })}
            {(status == ReviewStatus::Hidden).then(|| view! {
                <ActionForm action=decide attr:class="inline-form">
                    <input type="hidden" name="id" value=id.to_string() />
                    <input type="hidden" name="seen" value=seen.to_string() />
                    <button type="submit" name="decision" value=Decision::Restore.code() class="button button-primary">
                        {tr(Key::AdminReviewRestore)}
                    </button>
                </ActionForm>
            })}
            {(status != ReviewStatus::Hidden).then(|| view! {
                <WithFlash form="decision".to_string() view={
                    move |values| view! {
                        <ActionForm action=decide attr:class="form-stack" attr:novalidate=true>
                            <input type="hidden" name="id" value=id.to_string() />
                    <input type="hidden" name="seen" value=seen.to_string() />
                            <input type="hidden" name="decision" value=Decision::Hide.code() />
                            <TextArea name="reason" label=Key::AdminReviewHideReason error value=values.get_or("reason", "") rows=3 maxlength=limits::REVIEW_HIDE_REASON />
                            <button type="submit" class="button button-danger">{tr(Key::AdminReviewHide)}</button>
                        </ActionForm>
                    }
                } />
            })}
        </section>
        {(!review.actions.is_empty()).then(|| view! {
            <section class="card">
                <h3>{tr(Key::AdminReviewLog)}</h3>
                <ol class="timeline" data-testid="review-log">
                    {review.actions.into_iter().map(|a| {
                        let who = a.staff.unwrap_or_else(|| i18n.t(Key::AdminReviewFormerStaff).to_string());
                        view! {
                            <li>
                                <strong>{tr(decision_key(a.decision))}</strong>
                                " · " {time::date_time(a.at)} " · " {who}
                                {(!a.reason.is_empty()).then(|| view! { <p class="review-body" dir="auto">{a.reason.clone()}</p> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        })}
    }
}
