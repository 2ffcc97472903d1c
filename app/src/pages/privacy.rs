//! The privacy policy (promise P11): the version in effect or an earlier one
//! (`/privacy`, `/privacy/versions/:version`), with the list of versions, and what changed
//! between any two (`/privacy/changes?from=&to=`), where a signed-in shopper acknowledges a
//! new version; and the visitor's consent choices (`/privacy/choices`, promise P2).

use super::not_found::NotFound;
use crate::{
    api::privacy::{AcknowledgePolicy, ForgetVisits, get_policy, get_policy_changes},
    components::{
        auth::use_auth,
        consent::{AcceptOrReject, use_consent},
        form::{FormMessage, action_done, action_error},
        page_meta::PageMeta,
    },
    domain::{
        policy::{Block, Change, Piece, fold_unchanged},
        time,
    },
    i18n::{Key, Msg, tr, use_i18n},
    model::policy::PolicyVersionItem,
};
use leptos::{either::Either, prelude::*};
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    // `/privacy` is the version in effect; a version that is not a number is no version.
    let version = move || {
        params
            .read()
            .get("version")
            .map(|v| v.parse::<i64>().unwrap_or(0))
    };
    let policy = Resource::new(
        move || (version(), i18n.lang()),
        |(version, _)| get_policy(version),
    );
    view! {
        <PageMeta title=Key::PrivacyTitle description=Key::PrivacyIntro />
        <Suspense>
            {move || Suspend::new(async move {
                let Ok(page) = policy.await else {
                    return Either::Right(view! { <NotFound /> });
                };
                let line = version_line(page.version, page.effective_at, page.current);
                Either::Left(view! {
                    <article class="container section prose policy">
                        <h1>{tr(Key::PrivacyTitle)}</h1>
                        <p class="policy-meta">{line}</p>
                        {(page.version != page.current).then(|| view! {
                            <p><A href="/privacy">{move || i18n.msg(Msg::PolicyVersionName { version: page.current })} " · " {tr(Key::PolicyInEffect)}</A></p>
                        })}
                        <section class="policy-summary" aria-labelledby="policy-summary">
                            <h2 id="policy-summary">{tr(Key::PolicyWhatChanged)}</h2>
                            <p>{page.summary.clone()}</p>
                        </section>
                        <PolicyText blocks=page.blocks.clone() />
                        <Versions versions=page.versions.clone() current=page.current shown=page.version />
                        <CompareForm versions=page.versions.clone() from=page.version - 1 to=page.version />
                    </article>
                })
            })}
        </Suspense>
    }
}

#[component]
pub fn PolicyChangesPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let query = use_query_map();
    let number = move |name: &str| {
        query
            .read()
            .get(name)
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let acknowledge = ServerAction::<AcknowledgePolicy>::new();
    let changes = Resource::new(
        move || (number("from"), number("to"), i18n.lang()),
        |(from, to, _)| get_policy_changes(from, to),
    );
    // The banner goes as soon as the account has the acknowledgement.
    Effect::new(move |_| {
        if acknowledge.value().with(|v| matches!(v, Some(Ok(())))) {
            auth.refresh();
        }
    });
    let error = action_error(acknowledge);
    view! {
        <PageMeta title=Key::PolicyChangesTitle />
        <Suspense>
            {move || Suspend::new(async move {
                let Ok(diff) = changes.await else {
                    return Either::Right(view! { <NotFound /> });
                };
                let to = diff.to.version;
                let unchanged = diff.blocks.iter().all(|(c, _)| *c == Change::Same);
                Either::Left(view! {
                    <article class="container section prose policy">
                        <h1>{tr(Key::PolicyChangesTitle)}</h1>
                        <p class="policy-meta">
                            {move || i18n.msg(Msg::PolicyDiffHeading { from: diff.from.version, to })}
                        </p>
                        <section class="policy-summary" aria-labelledby="policy-summary">
                            <h2 id="policy-summary">{tr(Key::PolicyWhatChanged)}</h2>
                            <p>{diff.to.summary.clone()}</p>
                            <p><A href=format!("/privacy/versions/{to}")>{tr(Key::PolicyReadFull)}</A></p>
                        </section>
                        {unchanged.then(|| view! { <p class="empty-state">{tr(Key::PolicyNoChanges)}</p> })}
                        <PolicyDiffView blocks=diff.blocks.clone() />
                        <Transition>
                            {move || Suspend::new(async move {
                                let notice = auth.user.await.ok().flatten().and_then(|u| u.policy_notice);
                                notice.filter(|n| n.current == to).map(|_| view! {
                                    <ActionForm action=acknowledge attr:class="policy-acknowledge">
                                        <input type="hidden" name="version" value=to.to_string() />
                                        <button type="submit" class="button button-primary">{tr(Key::PolicyAcknowledge)}</button>
                                    </ActionForm>
                                })
                            })}
                        </Transition>
                        <FormMessage error success=(action_done(acknowledge), Key::PolicyAcknowledged) />
                        <CompareForm versions=diff.versions.clone() from=diff.from.version to />
                    </article>
                })
            })}
        </Suspense>
    }
}

/// "Version 2, in effect since 2026-12-07" (or "takes effect on" for a later one).
fn version_line(version: i64, effective_at: i64, current: i64) -> impl Fn() -> String {
    let i18n = use_i18n();
    let date = time::date(effective_at);
    move || {
        if version > current {
            i18n.msg(Msg::PolicyTakesEffect {
                version,
                date: &date,
            })
        } else {
            i18n.msg(Msg::PolicyVersionLine {
                version,
                date: &date,
            })
        }
    }
}

/// A policy text: its headings, paragraphs and lists (escaped as any text).
#[component]
pub fn PolicyText(blocks: Vec<Block>) -> impl IntoView {
    view! {
        <div class="policy-text">
            {blocks.into_iter().map(|block| view! { <BlockView block /> }).collect_view()}
        </div>
    }
}

#[component]
fn BlockView(block: Block) -> impl IntoView {
    match block {
        Block::Heading(text) => view! { <h2>{text}</h2> }.into_any(),
        Block::Paragraph(text) => view! { <p>{text}</p> }.into_any(),
        Block::List(items) => view! {
            <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
        }
        .into_any(),
    }
}

/// A comparison: what was added or removed, in its section, with the unchanged text between
/// folded away (opened with a click, no JavaScript needed).
#[component]
pub fn PolicyDiffView(blocks: Vec<(Change, Block)>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="policy-diff">
            {fold_unchanged(blocks).into_iter().map(|piece| match piece {
                Piece::Block(change, block) => Either::Left(view! { <DiffBlock change block /> }),
                Piece::Unchanged(blocks) => {
                    let count = blocks.len() as i64;
                    Either::Right(view! {
                        <details class="policy-unchanged">
                            <summary>{move || i18n.msg(Msg::PolicyUnchanged { count })}</summary>
                            {blocks.into_iter().map(|block| view! { <BlockView block /> }).collect_view()}
                        </details>
                    })
                }
            }).collect_view()}
        </div>
    }
}

/// One block of a comparison: kept as it was, or marked (in words, not only in colour) as
/// added or removed.
#[component]
fn DiffBlock(change: Change, block: Block) -> impl IntoView {
    let (class, tag) = match change {
        Change::Same => ("policy-block", None),
        Change::Added => ("policy-block policy-added", Some(Key::PolicyAdded)),
        Change::Removed => ("policy-block policy-removed", Some(Key::PolicyRemoved)),
    };
    let body = view! { <BlockView block /> };
    view! {
        <div class=class>
            {tag.map(|key| view! { <span class="policy-tag">{tr(key)}</span> })}
            {match change {
                Change::Added => Either::Left(view! { <ins>{body}</ins> }),
                Change::Removed => Either::Right(Either::Left(view! { <del>{body}</del> })),
                Change::Same => Either::Right(Either::Right(body)),
            }}
        </div>
    }
}

#[component]
fn Versions(versions: Vec<PolicyVersionItem>, current: i64, shown: i64) -> impl IntoView {
    view! {
        <section class="policy-aside" aria-labelledby="policy-versions">
            <h2 id="policy-versions">{tr(Key::PolicyVersionsHeading)}</h2>
            <ol class="policy-versions" reversed=true>
                {versions.into_iter().rev().map(|v| {
                    let version = v.version;
                    let line = version_line(version, v.effective_at, current);
                    view! {
                        <li>
                            {if version == shown {
                                Either::Left(view! { <strong aria-current="page">{line}</strong> })
                            } else {
                                Either::Right(view! { <A href=format!("/privacy/versions/{version}")>{line}</A> })
                            }}
                            {(version == current).then(|| view! { " · " {tr(Key::PolicyInEffect)} })}
                            <br />
                            <span class="field-hint">{v.summary.clone()}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// Two versions to compare, as a plain GET form (works without JavaScript).
#[component]
fn CompareForm(versions: Vec<PolicyVersionItem>, from: i64, to: i64) -> impl IntoView {
    if versions.len() < 2 {
        return None;
    }
    let i18n = use_i18n();
    let options = move |selected: i64| {
        versions
            .iter()
            .rev()
            .map(|v| {
                let version = v.version;
                view! {
                    <option value=version.to_string() selected=version == selected>
                        {move || i18n.msg(Msg::PolicyVersionName { version })}
                    </option>
                }
            })
            .collect_view()
    };
    Some(view! {
        <section class="policy-aside" aria-labelledby="policy-compare">
            <h2 id="policy-compare">{tr(Key::PolicyCompareHeading)}</h2>
            <form class="inline-form policy-compare" method="get" action="/privacy/changes">
                <label for="policy-from">{tr(Key::PolicyCompareFrom)}</label>
                <select id="policy-from" name="from">{options(from)}</select>
                <label for="policy-to">{tr(Key::PolicyCompareTo)}</label>
                <select id="policy-to" name="to">{options(to)}</select>
                <button type="submit" class="button button-secondary">{tr(Key::PolicyCompareButton)}</button>
            </form>
        </section>
    })
}

/// The visitor's consent, changed at any time: per purpose, or all at once.
#[component]
pub fn ConsentChoicesPage() -> impl IntoView {
    let consent = use_consent();
    let error = action_error(consent.set);
    let forget = ServerAction::<ForgetVisits>::new();
    let forget_error = action_error(forget);
    view! {
        <PageMeta title=Key::ConsentTitle />
        <article class="container section prose">
            <h1>{tr(Key::ConsentTitle)}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    let view = consent.view.await.unwrap_or_default();
                    view! {
                        {view.browser_refuses.then(|| view! { <p class="notice">{tr(Key::ConsentBrowserRefuses)}</p> })}
                        {(!view.chosen).then(|| view! { <p>{tr(Key::ConsentNoChoiceYet)}</p> })}
                        <ActionForm action=consent.set attr:class="form-stack consent-choices">
                            <FormMessage error success=(action_done(consent.set), Key::ConsentSaved) />
                            <fieldset>
                                <legend class="visually-hidden">{tr(Key::ConsentTitle)}</legend>
                                <div class="consent-purpose">
                                    <input id="consent-necessary" type="checkbox" checked=true disabled=true />
                                    <label for="consent-necessary">{tr(Key::ConsentNecessary)}</label>
                                    <p class="field-hint">{tr(Key::ConsentNecessaryText)}</p>
                                </div>
                                <div class="consent-purpose">
                                    <input id="consent-analytics" type="checkbox" name="analytics" value="on" checked=view.analytics />
                                    <label for="consent-analytics">{tr(Key::ConsentAnalytics)}</label>
                                    <p class="field-hint">{tr(Key::ConsentAnalyticsText)}</p>
                                </div>
                                <div class="consent-purpose">
                                    <input id="consent-marketing" type="checkbox" name="marketing" value="on" checked=view.marketing />
                                    <label for="consent-marketing">{tr(Key::ConsentMarketing)}</label>
                                    <p class="field-hint">{tr(Key::ConsentMarketingText)}</p>
                                </div>
                            </fieldset>
                            <div class="consent-actions">
                                <button type="submit" name="answer" value="save" class="button button-secondary">{tr(Key::ConsentSave)}</button>
                                <AcceptOrReject />
                            </div>
                        </ActionForm>
                        <ActionForm action=forget attr:class="consent-forget">
                            <FormMessage error=forget_error success=(action_done(forget), Key::ConsentForgotten) />
                            <button type="submit" class="button button-secondary">{tr(Key::ConsentForget)}</button>
                        </ActionForm>
                        <p><A href="/privacy">{tr(Key::PrivacyTitle)}</A></p>
                    }
                })}
            </Suspense>
        </article>
    }
}
