//! Admins: the privacy policy's versions. A new version starts as a draft (filled with the
//! text in effect), is previewed as the changes a shopper will see, and is published with
//! the day it takes effect.

use super::AdminLayout;
use crate::{
    api::admin::privacy::{DeletePolicyDraft, PublishPolicy, SavePolicyDraft, get_policy_admin},
    components::form::{
        Field, FormMessage, FormValues, TextArea, WithFlash, action_done, action_error,
    },
    domain::{
        policy::{PolicyDraft, SUMMARY_MAX, TEXT_MAX, blocks, diff},
        time,
    },
    i18n::{Key, Lang, Msg, tr, use_i18n},
    model::policy::{PolicyAdmin, PolicyVersionAdmin},
    pages::{not_found::NotFound, privacy::PolicyDiffView},
};
use leptos::{either::Either, prelude::*};
use leptos_router::components::A;

#[component]
pub fn AdminPrivacyPage() -> impl IntoView {
    let save = ServerAction::<SavePolicyDraft>::new();
    let policy = Resource::new(move || save.version().get(), |_| get_policy_admin());
    view! {
        <AdminLayout title=Key::AdminPrivacy>
            <p class="field-hint">{tr(Key::AdminPrivacyText)}</p>
            <Suspense>
                {move || Suspend::new(async move {
                    match policy.await {
                        Err(_) => Either::Right(view! { <NotFound /> }),
                        Ok(admin) => Either::Left(view! { <VersionList admin=admin.clone() /> <NewDraft admin save /> }),
                    }
                })}
            </Suspense>
        </AdminLayout>
    }
}

#[component]
fn VersionList(admin: PolicyAdmin) -> impl IntoView {
    view! {
        <ul class="policy-admin-list">
            {admin.versions.into_iter().map(|v| {
                let version = v.version;
                view! {
                    <li class="card">
                        <p>
                            <A href=format!("/admin/privacy/{version}")><VersionName version /></A>
                            " · " <VersionState version=v.clone() current=admin.current />
                        </p>
                        <p class="field-hint">{v.summary_en.clone()}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn VersionName(version: i64) -> impl IntoView {
    let i18n = use_i18n();
    move || i18n.msg(Msg::PolicyVersionName { version })
}

/// Draft, takes effect on a later day, or effective since a day (and whether it is the one
/// in effect); notices still going out.
#[component]
fn VersionState(version: PolicyVersionAdmin, current: i64) -> impl IntoView {
    let i18n = use_i18n();
    let v = version.version;
    let pending = version.notices_pending;
    move || {
        let mut parts = vec![match version.effective_at {
            None => i18n.t(Key::AdminPolicyDraft).to_string(),
            Some(at) if v > current => i18n.msg(Msg::PolicyEffectiveLater {
                date: &time::date(at),
            }),
            Some(at) => i18n.msg(Msg::PolicyEffective {
                date: &time::date(at),
            }),
        }];
        if v == current {
            parts.push(i18n.t(Key::PolicyInEffect).to_string());
        }
        if pending {
            parts.push(i18n.t(Key::AdminPolicyNoticesPending).to_string());
        }
        parts.join(" · ")
    }
}

/// A new draft, filled with the texts in effect.
#[component]
fn NewDraft(admin: PolicyAdmin, save: ServerAction<SavePolicyDraft>) -> impl IntoView {
    let start = admin
        .versions
        .iter()
        .find(|v| v.version == admin.current)
        .map(|v| PolicyDraft {
            summary_en: String::new(),
            summary_zh: String::new(),
            text_en: v.text_en.clone(),
            text_zh: v.text_zh.clone(),
        })
        .unwrap_or_default();
    let error = action_error(save);
    view! {
        <section class="card">
            <h2>{tr(Key::AdminPolicyNewDraft)}</h2>
            <WithFlash form="policy-new".to_string() view=move |values| view! {
                <ActionForm action=save attr:class="form-stack" attr:novalidate=true>
                    <FormMessage error />
                    <DraftFields values start=start.clone() error />
                    <button type="submit" class="button button-primary">{tr(Key::AdminPolicySave)}</button>
                </ActionForm>
            } />
        </section>
    }
}

/// The four fields of a draft, each with the kept value after a failed plain post.
#[component]
fn DraftFields(
    values: FormValues,
    start: PolicyDraft,
    error: Signal<Option<crate::error::ShopError>>,
) -> impl IntoView {
    view! {
        <Field name="summary_en" form="draft" label=Key::AdminPolicySummaryEn error value=values.get_or("summary_en", &start.summary_en) maxlength=SUMMARY_MAX />
        <Field name="summary_zh" form="draft" label=Key::AdminPolicySummaryZh error value=values.get_or("summary_zh", &start.summary_zh) maxlength=SUMMARY_MAX />
        <p class="field-hint">{tr(Key::AdminPolicyTextHint)}</p>
        <TextArea name="text_en" form="draft" label=Key::AdminPolicyTextEn error value=values.get_or("text_en", &start.text_en) rows=16 maxlength=TEXT_MAX />
        <TextArea name="text_zh" form="draft" label=Key::AdminPolicyTextZh error value=values.get_or("text_zh", &start.text_zh) rows=16 maxlength=TEXT_MAX />
    }
}

#[component]
pub fn AdminPolicyVersionPage() -> impl IntoView {
    let id = super::use_id_param::<i64>();
    let save = ServerAction::<SavePolicyDraft>::new();
    let publish = ServerAction::<PublishPolicy>::new();
    let delete = ServerAction::<DeletePolicyDraft>::new();
    let policy = Resource::new(
        move || (save.version().get(), publish.version().get()),
        |_| get_policy_admin(),
    );
    view! {
        <AdminLayout title=Key::AdminPrivacy>
            <p><A href="/admin/privacy">{tr(Key::AdminPrivacy)}</A></p>
            <Suspense>
                {move || Suspend::new(async move {
                    let admin = policy.await.ok();
                    let found = admin.as_ref().and_then(|a| {
                        let shown = a.versions.iter().find(|v| v.version == id())?.clone();
                        // A draft is compared with the version in effect, a published
                        // version with the one published before it.
                        let current = match shown.effective_at {
                            None => a.versions.iter().find(|v| v.version == a.current),
                            Some(_) => a.versions.iter().find(|v| v.version < shown.version && v.effective_at.is_some()),
                        }
                        .cloned();
                        Some((shown, current, a.current, time::date(a.now)))
                    });
                    match found {
                        None => Either::Right(view! { <NotFound /> }),
                        Some((shown, current, current_number, today)) => Either::Left(view! {
                            <VersionEditor shown current current_number today save publish delete />
                        }),
                    }
                })}
            </Suspense>
        </AdminLayout>
    }
}

#[component]
fn VersionEditor(
    shown: PolicyVersionAdmin,
    current: Option<PolicyVersionAdmin>,
    current_number: i64,
    /// Today (UTC), the earliest day a version can take effect.
    today: String,
    save: ServerAction<SavePolicyDraft>,
    publish: ServerAction<PublishPolicy>,
    delete: ServerAction<DeletePolicyDraft>,
) -> impl IntoView {
    let i18n = use_i18n();
    let version = shown.version;
    let is_draft = shown.effective_at.is_none();
    let save_error = action_error(save);
    let publish_error = action_error(publish);
    let delete_error = action_error(delete);
    let draft = PolicyDraft {
        summary_en: shown.summary_en.clone(),
        summary_zh: shown.summary_zh.clone(),
        text_en: shown.text_en.clone(),
        text_zh: shown.text_zh.clone(),
    };
    let preview_of = shown.clone();
    let preview = move || {
        let lang = i18n.lang();
        let text = |v: &PolicyVersionAdmin| match lang {
            Lang::En => v.text_en.clone(),
            Lang::Zh => v.text_zh.clone(),
        };
        let old = current
            .as_ref()
            .map(|c| blocks(&text(c)))
            .unwrap_or_default();
        view! { <PolicyDiffView blocks=diff(&old, &blocks(&text(&preview_of))) /> }
    };
    view! {
        <h2><VersionName version /> " · " <VersionState version=shown.clone() current=current_number /></h2>
        {is_draft.then(|| view! {
            <section class="card">
                <WithFlash form=format!("policy-{version}") view=move |values| view! {
                    <ActionForm action=save attr:class="form-stack" attr:novalidate=true>
                        <FormMessage error=save_error success=(action_done(save), Key::AdminPolicySaved) />
                        <input type="hidden" name="version" value=version.to_string() />
                        <DraftFields values start=draft.clone() error=save_error />
                        <button type="submit" class="button button-primary">{tr(Key::AdminPolicySave)}</button>
                    </ActionForm>
                } />
                <ActionForm action=delete>
                    <FormMessage error=delete_error />
                    <input type="hidden" name="version" value=version.to_string() />
                    <button type="submit" class="button button-danger">{tr(Key::AdminPolicyDelete)}</button>
                </ActionForm>
            </section>
        })}
        <section class="card policy">
            <h2>{tr(if is_draft { Key::AdminPolicyPreview } else { Key::AdminPolicyChangesFromPrevious })}</h2>
            <div class="prose">{preview}</div>
        </section>
        {is_draft.then(|| view! {
            <section class="card">
                <ActionForm action=publish attr:class="form-stack" attr:novalidate=true>
                    <FormMessage error=publish_error success=(action_done(publish), Key::AdminPolicyPublishedNote) />
                    <input type="hidden" name="version" value=version.to_string() />
                    <Field name="effective_on" kind="date" label=Key::AdminPolicyEffectiveOn error=publish_error value=today.clone() maxlength=10 />
                    <button type="submit" class="button button-primary">{tr(Key::AdminPolicyPublish)}</button>
                </ActionForm>
            </section>
        })}
    }
}
