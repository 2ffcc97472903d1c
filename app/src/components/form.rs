//! Form building blocks: labelled fields that show their error next to them (announced to
//! screen readers), the form-level message, and refilling a form after a failed post without
//! JavaScript.

use crate::{
    domain::country::COUNTRIES,
    error::{Problem, ShopError},
    i18n::{Key, Lang, Msg, tr, use_i18n},
};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The text for a field problem, in a language.
pub fn problem_text(lang: Lang, problem: &Problem) -> String {
    match problem {
        Problem::Required => lang.text(Key::ProblemRequired).to_string(),
        Problem::TooShort { min } => lang.msg(Msg::ProblemTooShort { min: *min }),
        Problem::TooLong { max } => lang.msg(Msg::ProblemTooLong { max: *max }),
        Problem::Invalid => lang.text(Key::ProblemInvalid).to_string(),
        Problem::InvalidEmail => lang.text(Key::ProblemInvalidEmail).to_string(),
        Problem::InvalidPhone => lang.text(Key::ProblemInvalidPhone).to_string(),
        Problem::PasswordTooCommon => lang.text(Key::ProblemPasswordTooCommon).to_string(),
        Problem::PasswordsDiffer => lang.text(Key::ProblemPasswordsDiffer).to_string(),
        Problem::MustAccept => lang.text(Key::ProblemMustAccept).to_string(),
        Problem::UnknownCountry => lang.text(Key::ProblemUnknownCountry).to_string(),
        Problem::WrongPassword => lang.text(Key::ProblemWrongPassword).to_string(),
        Problem::EmailTaken => lang.text(Key::ProblemEmailTaken).to_string(),
        Problem::Taken => lang.text(Key::ProblemTaken).to_string(),
        Problem::TierOrder => lang.text(Key::ProblemTierOrder).to_string(),
        Problem::NotAnImage => lang.text(Key::ProblemNotAnImage).to_string(),
        Problem::FileTooLarge { max_kib } => lang.msg(Msg::ProblemFileTooLarge { max: *max_kib }),
        Problem::StockBelowZero => lang.text(Key::ProblemStockBelowZero).to_string(),
        Problem::OutOfRange { min, max } => lang.msg(Msg::ProblemOutOfRange {
            min: *min,
            max: *max,
        }),
    }
}

/// The message for a whole-form error.
pub fn error_text(lang: Lang, error: &ShopError) -> String {
    match error {
        ShopError::Suspended { reason } if !reason.is_empty() => {
            lang.msg(Msg::ErrorSuspendedWithReason { reason })
        }
        ShopError::RateLimited { retry_after_secs } => lang.msg(Msg::ErrorRateLimitedFor {
            seconds: *retry_after_secs,
        }),
        other => lang.text(other.message_key()).to_string(),
    }
}

/// The error of the last submission of an action, if it failed.
pub fn action_error<I, O>(action: ServerAction<I>) -> Signal<Option<ShopError>>
where
    I: server_fn::ServerFn<Output = O, Error = ShopError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(|r| r.err()))
}

/// True once the last submission of an action succeeded.
pub fn action_done<I, O>(action: ServerAction<I>) -> Signal<bool>
where
    I: server_fn::ServerFn<Output = O, Error = ShopError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || matches!(action.value().get(), Some(Ok(_))))
}

/// A message above a form: the form-level error (role=alert) or a success note.
#[component]
pub fn FormMessage(
    error: Signal<Option<ShopError>>,
    #[prop(optional)] success: Option<(Signal<bool>, Key)>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {move || {
            error
                .get()
                .map(|e| {
                    view! {
                        <p class="form-message form-message-error" role="alert">
                            {error_text(i18n.lang(), &e)}
                        </p>
                    }
                })
        }}
        {move || {
            success
                .filter(|(done, _)| done.get() && error.get().is_none())
                .map(|(_, key)| {
                    view! {
                        <p class="form-message form-message-success" role="status">
                            {i18n.t(key)}
                        </p>
                    }
                })
        }}
    }
}

/// Values typed into a form before a failed post without JavaScript.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormValues(pub BTreeMap<String, String>);

impl FormValues {
    /// The kept value of a field, else `default`.
    pub fn get_or(&self, name: &str, default: &str) -> String {
        self.0
            .get(name)
            .cloned()
            .unwrap_or_else(|| default.to_string())
    }

    pub fn get(&self, name: &str) -> String {
        self.get_or(name, "")
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Renders a form with the values kept for it (see `backend/flash.rs`). Only a page rendered
/// by the server can need them; in the browser the form is built at once with none.
#[component]
pub fn WithFlash<F, V>(form: String, view: F) -> impl IntoView
where
    F: Fn(FormValues) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let kept = Resource::new(
        move || form.clone(),
        |form| async move {
            #[cfg(feature = "ssr")]
            {
                crate::api::account::take_form_flash(form)
                    .await
                    .ok()
                    .flatten()
                    .unwrap_or_default()
            }
            #[cfg(not(feature = "ssr"))]
            {
                let _ = form;
                BTreeMap::new()
            }
        },
    );
    view! {
        <Suspense>
            {move || {
                let view = view.clone();
                Suspend::new(async move { view(FormValues(kept.await)) })
            }}
        </Suspense>
    }
}

/// A labelled input with its error. `name` is the field's name in errors; with `form` set
/// the input is named `form[name]` (server functions that take a struct).
#[component]
pub fn Field(
    name: &'static str,
    label: Key,
    error: Signal<Option<ShopError>>,
    #[prop(optional)] form: Option<&'static str>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] value: String,
    #[prop(optional)] hint: Option<Key>,
    #[prop(default = true)] required: bool,
    /// The same check the server makes, run in the browser when the field changes.
    #[prop(optional)]
    check: Option<fn(&str) -> Option<Problem>>,
    /// Required: every field has a maximum (from `domain::limits`), which the server enforces.
    maxlength: usize,
    /// Tells apart two fields of the same name on one page (their element ids must differ).
    #[prop(optional, into)]
    scope: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("f-{}-{name}", scope.as_deref().or(form).unwrap_or("x"));
    let input_name = form
        .map(|f| format!("{f}[{name}]"))
        .unwrap_or_else(|| name.to_string());
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    // None until the shopper edits the field; then the browser-side check decides.
    let local: RwSignal<Option<Option<Problem>>> = RwSignal::new(None);
    let problem = Signal::derive(move || match local.get() {
        Some(local) => local,
        None => error.get().and_then(|e| e.field(name).cloned()),
    });
    let described_by = {
        let error_id = error_id.clone();
        let hint_id = hint_id.clone();
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if problem.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=move || problem.get().is_some()>
            <label for=id.clone()>
                {tr(label)}
                {(!required).then(|| view! { <span class="optional">{tr(Key::FieldOptional)}</span> })}
            </label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{tr(h)}</p> })}
            <input
                id=id.clone()
                name=input_name
                type=kind
                value=value
                required=required
                autocomplete=autocomplete
                maxlength=maxlength.to_string()
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=described_by
                on:change=move |ev| {
                    if let Some(check) = check {
                        local.set(Some(check(&event_target_value(&ev))));
                    }
                }
            />
            <p class="field-error" id=error_id aria-live="polite">
                {move || problem.get().map(|p| problem_text(i18n.lang(), &p))}
            </p>
        </div>
    }
}

/// The element id, the form name and the error element's id of a field.
struct FieldIds {
    id: String,
    input_name: String,
    error_id: String,
}

impl FieldIds {
    fn new(name: &str, form: Option<&str>) -> FieldIds {
        let id = format!("f-{}-{name}", form.unwrap_or("x"));
        FieldIds {
            error_id: format!("{id}-error"),
            input_name: form
                .map(|f| format!("{f}[{name}]"))
                .unwrap_or_else(|| name.to_string()),
            id,
        }
    }
}

/// A multi-line text with its label and error (named `form[name]` when `form` is set).
#[component]
pub fn TextArea(
    name: &'static str,
    label: Key,
    error: Signal<Option<ShopError>>,
    #[prop(optional)] form: Option<&'static str>,
    #[prop(optional, into)] value: String,
    #[prop(default = 4)] rows: u32,
    /// Required: every field has a maximum (from `domain::limits`), which the server enforces.
    maxlength: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let FieldIds {
        id,
        input_name,
        error_id,
    } = FieldIds::new(name, form);
    let problem = Signal::derive(move || error.get().and_then(|e| e.field(name).cloned()));
    view! {
        <div class="field" class:field-invalid=move || problem.get().is_some()>
            <label for=id.clone()>{tr(label)}</label>
            <textarea
                id=id
                name=input_name
                rows=rows
                required=true
                maxlength=maxlength.to_string()
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=error_id.clone()
            >
                {value}
            </textarea>
            <p class="field-error" id=error_id aria-live="polite">
                {move || problem.get().map(|p| problem_text(i18n.lang(), &p))}
            </p>
        </div>
    }
}

/// A checkbox with its label and error.
#[component]
pub fn Checkbox(
    name: &'static str,
    label: Key,
    error: Signal<Option<ShopError>>,
    #[prop(optional)] form: Option<&'static str>,
    #[prop(optional)] checked: bool,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let FieldIds {
        id,
        input_name,
        error_id,
    } = FieldIds::new(name, form);
    let problem = Signal::derive(move || error.get().and_then(|e| e.field(name).cloned()));
    view! {
        <div class="field field-checkbox" class:field-invalid=move || problem.get().is_some()>
            <input
                id=id.clone()
                name=input_name
                type="checkbox"
                value="on"
                checked=checked
                required=required
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=error_id.clone()
            />
            <label for=id>{tr(label)}</label>
            <p class="field-error" id=error_id aria-live="polite">
                {move || problem.get().map(|p| problem_text(i18n.lang(), &p))}
            </p>
        </div>
    }
}

/// The country list of a postal address.
#[component]
pub fn CountrySelect(
    error: Signal<Option<ShopError>>,
    #[prop(optional)] form: Option<&'static str>,
    #[prop(optional, into)] value: String,
    #[prop(optional, into)] scope: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = "country";
    let id = format!("f-{}-{name}", scope.as_deref().or(form).unwrap_or("x"));
    let input_name = form
        .map(|f| format!("{f}[{name}]"))
        .unwrap_or_else(|| name.to_string());
    let error_id = format!("{id}-error");
    let problem = Signal::derive(move || error.get().and_then(|e| e.field(name).cloned()));
    view! {
        <div class="field" class:field-invalid=move || problem.get().is_some()>
            <label for=id.clone()>{tr(Key::FieldCountry)}</label>
            <select
                id=id
                name=input_name
                required=true
                autocomplete="country"
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=error_id.clone()
            >
                <option value="" selected=value.is_empty()>
                    {tr(Key::FieldCountryChoose)}
                </option>
                {COUNTRIES
                    .iter()
                    .map(|c| {
                        let selected = c.code.eq_ignore_ascii_case(&value);
                        view! {
                            <option value=c.code selected=selected>
                                {move || c.name(i18n.lang())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p class="field-error" id=error_id aria-live="polite">
                {move || problem.get().map(|p| problem_text(i18n.lang(), &p))}
            </p>
        </div>
    }
}

/// The fields of a postal address (struct field names as in `AddressInput`).
#[component]
pub fn AddressFields(
    error: Signal<Option<ShopError>>,
    form: &'static str,
    values: FormValues,
    /// Distinguishes several address forms on one page.
    #[prop(optional, into)]
    scope: Option<String>,
) -> impl IntoView {
    let scope = scope.unwrap_or_else(|| form.to_string());
    use crate::domain::{
        account::{check_postal_code, check_text},
        limits,
    };
    fn line(v: &str) -> Option<Problem> {
        check_text(v, limits::ADDRESS_LINE)
    }
    fn city(v: &str) -> Option<Problem> {
        check_text(v, limits::NAME)
    }
    view! {
        <Field name="line1" form scope=scope.clone() label=Key::FieldLine1 error autocomplete="address-line1" value=values.get("line1") check=line maxlength=limits::ADDRESS_LINE />
        <Field name="line2" form scope=scope.clone() label=Key::FieldLine2 error autocomplete="address-line2" value=values.get("line2") required=false maxlength=limits::ADDRESS_LINE />
        <div class="field-row">
            <Field name="city" form scope=scope.clone() label=Key::FieldCity error autocomplete="address-level2" value=values.get("city") check=city maxlength=limits::NAME />
            <Field name="region" form scope=scope.clone() label=Key::FieldRegion error autocomplete="address-level1" value=values.get("region") required=false maxlength=limits::NAME />
        </div>
        <div class="field-row">
            <Field name="postal_code" form scope=scope.clone() label=Key::FieldPostalCode error autocomplete="postal-code" value=values.get("postal_code") check=check_postal_code maxlength=limits::POSTAL_CODE />
            <CountrySelect form error value=values.get("country") scope=scope.clone() />
        </div>
    }
}
