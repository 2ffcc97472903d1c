//! A product's reviews on its page (kept for every visitor, so nothing here is personal):
//! the rating summary with a bar per star, the published reviews in the order chosen, page
//! by page through the address, and the way to write one (`/account/reviews/<slug>`, which
//! sends a guest to sign in first). Review text is shown as typed: plain text, wrapped,
//! in its own direction.

use crate::{
    api::reviews::{ReportReview, VoteReview},
    components::form::{FormMessage, action_done, action_error},
    domain::{
        review::{ReportReason, ReviewSort, ReviewStatus},
        time,
    },
    error::ShopError,
    i18n::{Key, Msg, tr, use_i18n},
    model::review::{ProductReviews, ReviewView},
};
use leptos::prelude::*;
use leptos_router::components::A;

/// "★★★★☆" for a rating, named for screen readers.
#[component]
pub fn Stars(rating: i64) -> impl IntoView {
    let i18n = use_i18n();
    let rating = rating.clamp(0, 5);
    let drawn = format!(
        "{}{}",
        "★".repeat(rating as usize),
        "☆".repeat(5 - rating as usize)
    );
    view! {
        <span class="stars" role="img" aria-label=move || i18n.msg(Msg::StarsLabel { rating })>
            {drawn}
        </span>
    }
}

/// The name of a review's state, as its author and staff see it.
pub fn status_key(status: ReviewStatus) -> Key {
    match status {
        ReviewStatus::Published => Key::ReviewStatusPublished,
        ReviewStatus::Held => Key::ReviewStatusHeld,
        ReviewStatus::Hidden => Key::ReviewStatusHidden,
    }
}

fn sort_key(sort: ReviewSort) -> Key {
    match sort {
        ReviewSort::Newest => Key::ReviewSortNewest,
        ReviewSort::Helpful => Key::ReviewSortHelpful,
        ReviewSort::Highest => Key::ReviewSortHighest,
        ReviewSort::Lowest => Key::ReviewSortLowest,
    }
}

#[component]
pub fn ReviewsSection(
    slug: String,
    reviews: Resource<Result<ProductReviews, ShopError>>,
) -> impl IntoView {
    let write = format!("/account/reviews/{slug}");
    let vote = ServerAction::<VoteReview>::new();
    let report = ServerAction::<ReportReview>::new();
    // The reviews this page's votes counted, added to the counts the page came with.
    let counted = RwSignal::new(Vec::<i64>::new());
    Effect::new(move |_| {
        if let Some(Ok(outcome)) = vote.value().get()
            && outcome.counted
        {
            counted.update(|ids| ids.push(outcome.review));
        }
    });
    let actions = ReviewActions {
        vote,
        report,
        counted,
    };
    view! {
        <section class="section reviews" aria-labelledby="reviews-heading" data-testid="reviews">
            <div class="reviews-head">
                <h2 id="reviews-heading">{tr(Key::ReviewsHeading)}</h2>
                <A href=write attr:class="button button-secondary">{tr(Key::ReviewWrite)}</A>
            </div>
            <FormMessage error=action_error(vote) success=(action_done(vote), Key::ReviewVoted) />
            <FormMessage error=action_error(report) success=(action_done(report), Key::ReviewReported) />
            <Suspense>
                {move || Suspend::new(async move {
                    reviews.await.ok().map(|r| view! { <ReviewList r actions /> })
                })}
            </Suspense>
        </section>
    }
}

/// The helpful and report buttons' actions, one pair for the whole list: their outcome
/// shows above the list (with JavaScript, and after a plain post).
#[derive(Clone, Copy)]
struct ReviewActions {
    vote: ServerAction<VoteReview>,
    report: ServerAction<ReportReview>,
    counted: RwSignal<Vec<i64>>,
}

#[component]
fn ReviewList(r: ProductReviews, actions: ReviewActions) -> impl IntoView {
    let i18n = use_i18n();
    let s = r.summary;
    if s.count == 0 {
        return view! { <p class="muted">{tr(Key::ReviewsNone)}</p> }.into_any();
    }
    let sort = r.sort;
    let page_href = move |page: i64| format!("?sort={}&page={page}", sort.code());
    view! {
        <div class="rating-summary" data-testid="rating-summary">
            <p class="rating-average">
                <strong>{move || i18n.msg(Msg::RatingOutOfFive { tenths: s.average_tenths })}</strong>
                " · " {move || i18n.msg(Msg::ReviewCount { count: s.count })}
            </p>
            <ul class="rating-bars">
                {(1..=5i64).rev().map(|stars| {
                    let n = s.distribution[(stars - 1) as usize];
                    view! {
                        <li>
                            <span>{stars} "★"</span>
                            <meter min="0" max=s.count.to_string() value=n.to_string()></meter>
                            <span class="num">{n}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
        <nav class="review-sorts" aria-label=tr(Key::ReviewSortLabel)>
            {ReviewSort::ALL.into_iter().map(|option| view! {
                <a href=format!("?sort={}", option.code())
                    aria-current=(option == sort).then_some("true")>{tr(sort_key(option))}</a>
            }).collect_view()}
        </nav>
        <div class="review-list">
            {r.reviews.into_iter().map(|review| view! { <ReviewItem review actions /> }).collect_view()}
        </div>
        {(r.pages > 1).then(|| view! {
            <nav class="pagination" aria-label=tr(Key::ReviewPages)>
                {(r.page > 1).then(|| view! { <a href=page_href(r.page - 1) rel="prev">{tr(Key::PagePrevious)}</a> })}
                <span>{move || i18n.msg(Msg::PageOf { page: r.page as u32, pages: r.pages as u32 })}</span>
                {(r.page < r.pages).then(|| view! { <a href=page_href(r.page + 1) rel="next">{tr(Key::PageNext)}</a> })}
            </nav>
        })}
    }
    .into_any()
}

/// The name of a reason to report a review.
pub fn report_key(reason: ReportReason) -> Key {
    match reason {
        ReportReason::OffTopic => Key::ReportOffTopic,
        ReportReason::PersonalData => Key::ReportPersonalData,
        ReportReason::Advertising => Key::ReportAdvertising,
        ReportReason::Abuse => Key::ReportAbuse,
        ReportReason::Other => Key::ReportOther,
    }
}

#[component]
fn ReviewItem(review: ReviewView, actions: ReviewActions) -> impl IntoView {
    let i18n = use_i18n();
    let id = review.id;
    let select = format!("report-{id}");
    let helpful = move || review.helpful + actions.counted.with(|ids| ids.contains(&id)) as i64;
    view! {
        <article class="review" data-testid="review">
            <Stars rating=review.rating />
            <h3 dir="auto">{review.title}</h3>
            <p class="review-meta">
                <span dir="auto">{review.author}</span>
                " · " {time::date(review.created_at)}
                {review.verified.then(|| view! { " · " <span class="badge">{tr(Key::ReviewVerified)}</span> })}
            </p>
            <p class="review-body" dir="auto">{review.body}</p>
            {(!review.pros.is_empty() || !review.cons.is_empty()).then(|| view! {
                <dl class="review-pros-cons">
                    {(!review.pros.is_empty()).then(|| view! {
                        <dt>{tr(Key::ReviewPros)}</dt><dd class="review-body" dir="auto">{review.pros.clone()}</dd>
                    })}
                    {(!review.cons.is_empty()).then(|| view! {
                        <dt>{tr(Key::ReviewCons)}</dt><dd class="review-body" dir="auto">{review.cons.clone()}</dd>
                    })}
                </dl>
            })}
            <div class="review-actions">
                {move || (helpful() > 0).then(|| view! {
                    <span class="muted">{move || i18n.msg(Msg::ReviewHelpfulCount { count: helpful() })}</span>
                })}
                <ActionForm action=actions.vote>
                    <input type="hidden" name="id" value=id.to_string() />
                    <button type="submit" class="button button-secondary button-small">{tr(Key::ReviewHelpful)}</button>
                </ActionForm>
                <details class="review-report">
                    <summary>{tr(Key::ReviewReport)}</summary>
                    <ActionForm action=actions.report attr:class="inline-form">
                        <input type="hidden" name="id" value=id.to_string() />
                        <label for=select.clone()>{tr(Key::ReviewReportReason)}</label>
                        <select id=select name="reason">
                            {ReportReason::ALL.into_iter().map(|r| view! {
                                <option value=r.code()>{tr(report_key(r))}</option>
                            }).collect_view()}
                        </select>
                        <button type="submit" class="button button-secondary button-small">{tr(Key::ReviewReportSend)}</button>
                    </ActionForm>
                </details>
            </div>
        </article>
    }
}
