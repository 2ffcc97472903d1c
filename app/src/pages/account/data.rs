//! "Your data": everything the shop holds about the shopper, field by field (the same
//! document as the download), and cancelling or erasing the account (P9).

use super::AccountLayout;
use crate::{
    api::account::data::{
        DeactivateAccount, DeleteAccount, get_erasure_receipt, my_data, my_ledger,
    },
    components::{
        auth::use_auth,
        form::{Field, FormMessage, action_done, action_error},
        ledger::LedgerList,
        page_meta::PageMeta,
    },
    domain::{ids::ReceiptId, time},
    error::ShopError,
    i18n::{Key, Msg, export_field, tr, use_i18n},
};
use leptos::{either::Either, prelude::*};
use leptos_router::{components::A, hooks::use_params_map};
use serde_json::Value;

/// The export's sections in the order the page shows them.
const SECTIONS: [&str; 19] = [
    "profile",
    "addresses",
    "orders",
    "shared_with_others",
    "saved_cards",
    "cart",
    "consent_choices",
    "privacy_policy_acknowledgements",
    "emails_sent_to_you",
    "questions_to_the_shop",
    "messages_to_and_from_the_shop",
    "reviews",
    "helpful_votes",
    "review_reports",
    "email_links",
    "signed_in_sessions",
    "analytics_visits",
    "analytics_page_views",
    "analytics_clicks",
];

/// The heading of an export section (the keys of the export document).
fn section_title(section: &str) -> Option<Key> {
    Some(match section {
        "profile" => Key::DataProfile,
        "addresses" => Key::DataAddresses,
        "cart" => Key::DataCart,
        "orders" => Key::DataOrders,
        "saved_cards" => Key::AccountCards,
        "shared_with_others" => Key::DataShared,
        "privacy_policy_acknowledgements" => Key::DataPolicy,
        "consent_choices" => Key::DataConsents,
        "email_links" => Key::DataEmailLinks,
        "emails_sent_to_you" => Key::DataEmails,
        "questions_to_the_shop" => Key::DataQuestions,
        "messages_to_and_from_the_shop" => Key::DataMessages,
        "reviews" => Key::DataReviews,
        "helpful_votes" => Key::DataHelpfulVotes,
        "review_reports" => Key::DataReviewReports,
        "signed_in_sessions" => Key::DataSessions,
        "analytics_visits" => Key::DataVisits,
        "analytics_page_views" => Key::DataPageViews,
        "analytics_clicks" => Key::DataClicks,
        _ => return None,
    })
}

fn humanize(field: &str) -> String {
    let text = field.replace('_', " ");
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn cell(value: &Value) -> String {
    match value {
        Value::Null => "—".to_string(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => if *b { "✓" } else { "✗" }.to_string(),
        other => other.to_string(),
    }
}

#[component]
pub fn DataPage() -> impl IntoView {
    // Made here, not inside the guard: see `AccountLayout`.
    let data = Resource::new(|| (), |_| my_data());
    view! {
        <PageMeta title=Key::AccountData />
        <AccountLayout title=Key::AccountData>
            <Ledger />
            <HeldData data />
            <CancelCard />
            <DeleteCard />
        </AccountLayout>
    }
}

/// Who received the shopper's data (P10), newest first.
#[component]
fn Ledger() -> impl IntoView {
    let ledger = Resource::new(|| (), |_| my_ledger());
    view! {
        <div class="card">
            <h2>{tr(Key::LedgerHeading)}</h2>
            <p class="field-hint">{tr(Key::LedgerIntro)}</p>
            <Suspense>
                {move || Suspend::new(async move {
                    let entries = ledger.await.unwrap_or_default();
                    if entries.is_empty() {
                        Either::Left(view! { <p class="empty-state">{tr(Key::LedgerEmpty)}</p> })
                    } else {
                        Either::Right(view! { <LedgerList entries orders=true /> })
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn HeldData(data: Resource<Result<serde_json::Value, ShopError>>) -> impl IntoView {
    view! {
        <div class="card">
            <h2>{tr(Key::DataHeading)}</h2>
            <p class="field-hint">{tr(Key::DataIntro)}</p>
            <p>
                <a class="button button-secondary" href="/api/account/export" download="my-data.json">
                    {tr(Key::DataDownload)}
                </a>
            </p>
            <Suspense>
                {move || Suspend::new(async move {
                    let Ok(Value::Object(mut doc)) = data.await else {
                        return None;
                    };
                    let about = doc.remove("purposes_and_retention").unwrap_or_default();
                    let sections = SECTIONS
                        .iter()
                        .filter_map(|name| Some((name, section_title(name)?, doc.remove(*name)?)))
                        .map(|(name, key, value)| {
                            let about = about.get(*name).cloned().unwrap_or_default();
                            view! { <DataSection title=key value about /> }
                        })
                        .collect_view();
                    Some(sections)
                })}
            </Suspense>
        </div>
    }
}

/// Why a section is held, in the reader's language (the registry's purpose code).
fn purpose_text(code: &str) -> Option<Key> {
    Some(match code {
        "account" => Key::PurposeAccount,
        "delivery" => Key::PurposeDelivery,
        "orders" => Key::PurposeOrders,
        "payment" => Key::PurposePayment,
        "cart" => Key::PurposeCart,
        "choices" => Key::PurposeChoices,
        "mail" => Key::PurposeMail,
        "security" => Key::PurposeSecurity,
        "ledger" => Key::PurposeLedger,
        "analytics" => Key::PurposeAnalytics,
        "questions" => Key::PurposeQuestions,
        "reviews" => Key::PurposeReviews,
        _ => return None,
    })
}

/// How long a section is kept, in the reader's language (the registry's retention code,
/// with the days a setting gives).
fn retention_text(lang: crate::i18n::Lang, code: &str, days: i64) -> Option<String> {
    let key = match code {
        "until_erased" => Key::RetentionUntilErased,
        "accounting" => Key::RetentionAccounting,
        "until_ordered" => Key::RetentionUntilOrdered,
        "until_used" => Key::RetentionUntilUsed,
        "session" => Key::RetentionSession,
        "mail_days" => return Some(lang.msg(Msg::RetentionMailDays { days })),
        "analytics_days" => return Some(lang.msg(Msg::RetentionAnalyticsDays { days })),
        "closed_days" => return Some(lang.msg(Msg::RetentionClosedDays { days })),
        _ => return None,
    };
    Some(lang.text(key).to_string())
}

#[component]
fn DataSection(title: Key, value: Value, about: Value) -> impl IntoView {
    let i18n = use_i18n();
    let purpose = about["purpose"].as_str().and_then(purpose_text);
    let kept = about["kept"].as_str().unwrap_or_default().to_string();
    let days = about["days"].as_i64().unwrap_or_default();
    let rows: Vec<serde_json::Map<String, Value>> = match value {
        Value::Object(o) => vec![o],
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| match v {
                Value::Object(o) => Some(o),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let count = rows.len();
    view! {
        <details class="data-section">
            <summary>{tr(title)} <span class="count">{format!(" ({count})")}</span></summary>
            <p class="field-hint data-about">
                {purpose.map(|p| view! { <span>{tr(Key::DataWhy)} ": " {tr(p)}</span> })}
                " · " {tr(Key::DataKept)} ": "
                {move || retention_text(i18n.lang(), &kept, days)}
            </p>
            {if rows.is_empty() {
                Either::Left(view! { <p class="field-hint">{tr(Key::DataNone)}</p> })
            } else {
                Either::Right(
                    rows.into_iter()
                        .map(|row| view! {
                            <dl class="facts">
                                {row.iter().map(|(k, v)| {
                                    let field = k.clone();
                                    view! {
                                    <dt>{move || export_field(i18n.lang(), &field).map(String::from).unwrap_or_else(|| humanize(&field))}</dt>
                                    <dd class="pre">{cell(v)}</dd>
                                }}).collect_view()}
                            </dl>
                        })
                        .collect_view(),
                )
            }}
        </details>
    }
}

#[component]
fn CancelCard() -> impl IntoView {
    let auth = use_auth();
    let action = ServerAction::<DeactivateAccount>::new();
    let error = action_error(action);
    Effect::new(move |_| {
        if action_done(action).get() {
            auth.refresh();
        }
    });
    view! {
        <div class="card">
            <h2>{tr(Key::CancelHeading)}</h2>
            <p>{tr(Key::CancelText)}</p>
            <ActionForm action attr:class="form-stack" attr:novalidate=true>
                <FormMessage error />
                <Field name="password" scope="cancel" label=Key::FieldCurrentPassword kind="password" error autocomplete="current-password" maxlength=crate::domain::limits::PASSWORD />
                <button type="submit" class="button button-secondary">{tr(Key::CancelSubmit)}</button>
            </ActionForm>
        </div>
    }
}

#[component]
fn DeleteCard() -> impl IntoView {
    let auth = use_auth();
    let action = ServerAction::<DeleteAccount>::new();
    let error = action_error(action);
    Effect::new(move |_| {
        if action_done(action).get() {
            auth.refresh();
        }
    });
    view! {
        <div class="card card-danger">
            <h2>{tr(Key::DeleteHeading)}</h2>
            <p>{tr(Key::DeleteText)}</p>
            <ActionForm action attr:class="form-stack" attr:novalidate=true>
                <FormMessage error />
                <Field name="password" scope="delete" label=Key::FieldCurrentPassword kind="password" error autocomplete="current-password" maxlength=crate::domain::limits::PASSWORD />
                <button type="submit" class="button button-danger">{tr(Key::DeleteSubmit)}</button>
            </ActionForm>
        </div>
    }
}

#[component]
pub fn DeactivatedPage() -> impl IntoView {
    view! {
        <PageMeta title=Key::DeactivatedTitle />
        <section class="container section narrow status-page">
            <h1>{tr(Key::DeactivatedTitle)}</h1>
            <p>{tr(Key::DeactivatedText)}</p>
            <p class="actions"><A href="/" attr:class="button button-primary">{tr(Key::NotFoundHome)}</A></p>
        </section>
    }
}

/// The erasure receipt: what was erased, what is kept in anonymised form and why.
#[component]
pub fn ErasedPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    // A malformed receipt address is no receipt (not a request the server would refuse).
    let receipt = Resource::new(
        move || {
            params
                .read()
                .get("receipt")
                .and_then(|r| ReceiptId::parse(&r))
        },
        |id| async move {
            match id {
                Some(id) => get_erasure_receipt(id).await,
                None => Err(ShopError::NotFound),
            }
        },
    );
    view! {
        <PageMeta title=Key::ErasedTitle />
        <section class="container section narrow">
            <h1>{tr(Key::ErasedTitle)}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    match receipt.await {
                        Ok(r) => Either::Left(view! {
                            <div class="card">
                                <p>{move || i18n.msg(Msg::ErasedWhen { when: &time::date_time(r.erased_at) })}</p>
                                <h2>{tr(Key::ErasedWhat)}</h2>
                                <ul>
                                    {r.erased.iter().filter_map(|(section, rows)| {
                                        section_title(section).map(|k| view! { <li>{tr(k)} ": " {*rows}</li> })
                                    }).collect_view()}
                                </ul>
                                <h2>{tr(Key::ErasedKept)}</h2>
                                <p>{tr(Key::ErasedKeptText)}</p>
                            </div>
                        }),
                        Err(_) => Either::Right(view! { <p class="empty-state">{tr(Key::ErrorNotFound)}</p> }),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn every_export_section_has_a_title() {
        for table in crate::backend::privacy::registry::PERSONAL {
            assert!(
                section_title(table.section).is_some(),
                "no title for export section {}",
                table.section
            );
        }
    }

    #[test]
    fn field_names_read_as_words() {
        assert_eq!(humanize("address_line_1"), "Address line 1");
        assert_eq!(cell(&serde_json::json!(null)), "—");
    }
}
