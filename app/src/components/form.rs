//! Form building blocks: labelled fields that show their error next to them (announced to
//! screen readers), the form-level message, and refilling a form after a failed post without
//! JavaScript.

use crate::{
    domain::{account::check_country, country::COUNTRIES},
    error::{Problem, Rule, ShopError},
    i18n::{Key, Lang, Msg, tr, use_i18n},
    model::forms::AfterPlainPost,
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
        Problem::DateInPast => lang.text(Key::ProblemDateInPast).to_string(),
        Problem::SlugShape => lang.text(Key::ProblemSlugShape).to_string(),
        Problem::WholeNumber => lang.text(Key::ProblemWholeNumber).to_string(),
        Problem::DecimalNumber => lang.text(Key::ProblemDecimalNumber).to_string(),
        Problem::Amount => lang.text(Key::ProblemAmount).to_string(),
        Problem::NotZero => lang.text(Key::ProblemNotZero).to_string(),
        Problem::NotInList => lang.text(Key::ProblemNotInList).to_string(),
        Problem::NotEnoughStock { available } => lang.msg(Msg::OnlyInStock { count: *available }),
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
        ShopError::Refused {
            rule: Rule::AddressBookFull { max },
        } => lang.msg(Msg::RuleAddressBookFull { max: *max }),
        ShopError::Refused {
            rule: Rule::CardsFull { max },
        } => lang.msg(Msg::RuleCardsFull { max: *max }),
        ShopError::Refused {
            rule: Rule::CartFull { max },
        } => lang.msg(Msg::RuleCartFull { max: *max }),
        ShopError::RateLimited { retry_after_secs } => lang.msg(Msg::ErrorRateLimitedFor {
            seconds: *retry_after_secs,
        }),
        other => lang.text(other.message_key()).to_string(),
    }
}

/// For a GET `Form`'s `on_form_data`: Leptos's `Form` adds the submit button as a field even
/// when it has no name, which left hydrated addresses ending in `&=`; this takes it out.
pub fn without_unnamed() -> std::sync::Arc<dyn Fn(&leptos::web_sys::FormData)> {
    std::sync::Arc::new(|data: &leptos::web_sys::FormData| {
        data.delete("");
    })
}

/// The error of the last submission of an action, if it failed.
pub fn action_error<I, O>(action: ServerAction<I>) -> Signal<Option<ShopError>>
where
    I: server_fn::ServerFn<Output = O, Error = ShopError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(|r| r.err()))
}

/// What this page shows about the visitor's last plain form post, the same in the server's
/// rendering and in the browser app that takes the page over: a [`SharedValue`] made once
/// per page by [`provide_after_plain_post`] before any resource, so its place among the
/// page's serialized values never depends on which part of the page finished first. (A
/// resource made per form, after other parts had loaded, took another one's value in the
/// browser now and then, and the page failed to hydrate.) It speaks for the page it came
/// with only: after the first navigation in the browser it is forgotten.
#[derive(Clone, Copy)]
struct PlainPost {
    after: StoredValue<AfterPlainPost>,
    current: RwSignal<bool>,
}

/// Called by `App` before anything that loads data.
pub fn provide_after_plain_post() {
    let after = SharedValue::new(|| {
        #[cfg(feature = "ssr")]
        {
            crate::backend::request::flash::after_plain_post()
        }
        #[cfg(not(feature = "ssr"))]
        {
            AfterPlainPost::default()
        }
    })
    .into_inner();
    provide_context(PlainPost {
        after: StoredValue::new(after),
        current: RwSignal::new(true),
    });
}

/// Called inside the router: the outcome of a plain post belongs to the page it came with.
pub fn forget_plain_post_on_navigation() {
    #[cfg(feature = "hydrate")]
    {
        let plain = expect_context::<PlainPost>();
        let location = leptos_router::hooks::use_location();
        Effect::new(move |previous: Option<()>| {
            location.pathname.track();
            location.search.track();
            if previous.is_some() {
                plain.current.set(false);
            }
        });
    }
}

fn after_plain_post<T>(read: impl FnOnce(&AfterPlainPost) -> T) -> Option<T> {
    let plain = use_context::<PlainPost>()?;
    plain
        .current
        .get()
        .then(|| plain.after.with_value(|after| read(after)))
}

/// True once the last submission of an action succeeded: with JavaScript, the action's own
/// result; without, the page the browser was sent back to after the plain post worked (the
/// server remembers it for that one page, see `middleware/redirects.rs`).
pub fn action_done<S, O>(action: ServerAction<S>) -> Signal<bool>
where
    S: server_fn::ServerFn<Output = O, Error = ShopError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || match action.value().get() {
        Some(result) => result.is_ok(),
        None => after_plain_post(|after| after.done.as_deref() == Some(S::PATH)) == Some(true),
    })
}

/// Counts the successful submissions of an action: a resource keyed on it reloads after a
/// save that worked, and not after a failed one (reloading would rebuild the form and throw
/// away what the shopper is correcting).
pub fn successes<S, O>(action: ServerAction<S>) -> Memo<usize>
where
    S: server_fn::ServerFn<Output = O, Error = ShopError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Memo::new(move |previous: Option<&usize>| {
        let version = action.version().get();
        let worked = action.value().with(|v| matches!(v, Some(Ok(_))));
        if worked {
            version
        } else {
            previous.copied().unwrap_or(0)
        }
    })
}

/// A message above a form: after a failed submit, the error (a summary when fields are
/// wrong), which takes the focus (the first invalid field, or the message itself) and is
/// scrolled into view; after a successful one, the success note, until the form is edited
/// again (a form with unsaved changes never looks saved).
#[component]
pub fn FormMessage(
    error: Signal<Option<ShopError>>,
    #[prop(optional)] success: Option<(Signal<bool>, Key)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let anchor = NodeRef::<leptos::html::Div>::new();
    // Set by typing into the form after its last success.
    let edited = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    {
        use leptos::ev;
        // A new result resets the edits and is brought on screen; a new error takes the
        // focus.
        Effect::new(move |_| {
            if let Some((done, _)) = success
                && done.get()
            {
                edited.set(false);
                bring_success_on_screen(anchor);
            }
        });
        Effect::new(move |_| {
            if error.get().is_some() {
                focus_first_problem(anchor);
            }
        });
        let handle = window_event_listener(ev::input, move |event| {
            let inside = anchor.get_untracked().is_some_and(|anchor| {
                use wasm_bindgen::JsCast;
                let form = anchor.closest("form").ok().flatten();
                let target = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                matches!((form, target), (Some(form), Some(target)) if form.contains(Some(&target)))
            });
            if inside {
                edited.set(true);
            }
        });
        on_cleanup(move || handle.remove());
    }
    view! {
        <div class="form-messages" node_ref=anchor>
            {move || {
                error
                    .get()
                    .map(|e| {
                        let fields = match &e {
                            ShopError::Invalid { fields } => fields.len(),
                            _ => 0,
                        };
                        // Without JavaScript the page arrives with the error: the browser
                        // focuses the message (and scrolls to it) as the page loads.
                        view! {
                            <div class="form-message form-message-error" role="alert" tabindex="-1" autofocus=true>
                                <p>{error_text(i18n.lang(), &e)}</p>
                                {(fields > 1).then(|| view! {
                                    <p class="form-message-count">{move || i18n.msg(Msg::FieldsToFix { count: fields as i64 })}</p>
                                })}
                            </div>
                        }
                    })
            }}
            {success.map(|(done, key)| view! {
                {move || {
                    (done.get() && !edited.get() && error.get().is_none()).then(|| view! {
                        // Without JavaScript the page arrives with the note, often below
                        // the first screen on a phone: the browser scrolls to it on load.
                        <p class="form-message form-message-success" role="status" tabindex="-1" autofocus=true>
                            {i18n.t(key)}
                        </p>
                    })
                }}
            })}
        </div>
    }
}

/// Moves the focus to the first invalid field of the form holding `anchor` (or to the form's
/// error message) and scrolls it into view, below the sticky header.
#[cfg(feature = "hydrate")]
fn focus_first_problem(anchor: NodeRef<leptos::html::Div>) {
    use wasm_bindgen::JsCast;
    request_animation_frame(move || {
        let Some(anchor) = anchor.try_get_untracked().flatten() else {
            return;
        };
        let form = anchor.closest("form").ok().flatten();
        let target = form
            .and_then(|f| f.query_selector("[aria-invalid=\"true\"]").ok().flatten())
            .or_else(|| anchor.query_selector("[role=alert]").ok().flatten());
        if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
            el.scroll_into_view_with_bool(false);
        }
    });
}

/// Scrolls the success note of the form holding `anchor` into view when any of it is off
/// screen or under the sticky header (the page's `scroll-padding-top`); leaves the focus.
#[cfg(feature = "hydrate")]
fn bring_success_on_screen(anchor: NodeRef<leptos::html::Div>) {
    request_animation_frame(move || {
        // The form may be gone by the next frame (its page reloaded its data and rebuilt it).
        let Some(note) = anchor
            .try_get_untracked()
            .flatten()
            .and_then(|a| a.query_selector(".form-message-success").ok().flatten())
        else {
            return;
        };
        let header_bottom = document()
            .query_selector(".site-header")
            .ok()
            .flatten()
            .map_or(0.0, |h| h.get_bounding_client_rect().bottom());
        let height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(f64::MAX);
        let rect = note.get_bounding_client_rect();
        if rect.top() < header_bottom || rect.bottom() > height {
            note.scroll_into_view();
        }
    });
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

/// Renders a form with the values kept for it after a failed plain post (see
/// `backend/request/flash.rs`); otherwise with none.
#[component]
pub fn WithFlash<F, V>(form: String, view: F) -> impl IntoView
where
    F: FnOnce(FormValues) -> V,
    V: IntoView + 'static,
{
    let kept = after_plain_post(|after| {
        after
            .kept
            .as_ref()
            .filter(|kept| kept.form == form)
            .map(|kept| kept.values.clone())
    })
    .flatten()
    .unwrap_or_default();
    view(FormValues(kept))
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
    let (local, problem) = field_problem(name, error);
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
                on:input=move |ev| recheck(local, problem, check, &event_target_value(&ev))
            />
            <p class="field-error" id=error_id aria-live="polite">
                {move || problem.get().map(|p| problem_text(i18n.lang(), &p))}
            </p>
        </div>
    }
}

/// The problem a field shows: the server's (from the last submit) until the shopper edits the
/// field, then the browser's own check of what is typed. A field is re-checked only while it
/// shows a problem, and as it is typed in, never when it loses the focus: a message that
/// appeared or vanished on blur would move the form under a pointer on its way to the
/// submit button, and the click would land on nothing.
fn field_problem(
    name: &'static str,
    error: Signal<Option<ShopError>>,
) -> (RwSignal<Option<Option<Problem>>>, Signal<Option<Problem>>) {
    let local: RwSignal<Option<Option<Problem>>> = RwSignal::new(None);
    // A new answer from the server replaces what the browser thought.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        error.track();
        local.set(None);
    });
    let problem = Signal::derive(move || match local.get() {
        Some(local) => local,
        None => error.get().and_then(|e| e.field(name).cloned()),
    });
    (local, problem)
}

/// Re-checks a field that shows a problem as it is typed in: with its check, or, for a
/// problem only the server can see, by clearing it until the next submit.
fn recheck(
    local: RwSignal<Option<Option<Problem>>>,
    problem: Signal<Option<Problem>>,
    check: Option<fn(&str) -> Option<Problem>>,
    value: &str,
) {
    if problem.get_untracked().is_some() || local.get_untracked().is_some() {
        local.set(Some(check.and_then(|check| check(value))));
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
    #[prop(default = true)] required: bool,
    /// Required: every field has a maximum (from `domain::limits`), which the server enforces.
    maxlength: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let FieldIds {
        id,
        input_name,
        error_id,
    } = FieldIds::new(name, form);
    let (local, problem) = field_problem(name, error);
    view! {
        <div class="field" class:field-invalid=move || problem.get().is_some()>
            <label for=id.clone()>{tr(label)}</label>
            <textarea
                id=id
                name=input_name
                rows=rows
                required=required
                maxlength=maxlength.to_string()
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=error_id.clone()
                on:input=move |ev| recheck(local, problem, None, &event_target_value(&ev))
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
    let (local, problem) = field_problem(name, error);
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
                on:change=move |_| recheck(local, problem, None, "")
            />
            <label for=id>{tr(label)}</label>
            <p class="field-error" id=error_id aria-live="polite">
                {move || problem.get().map(|p| problem_text(i18n.lang(), &p))}
            </p>
        </div>
    }
}

/// A labelled choice from a closed list (`options` are value and label), with its error.
/// An empty value means "none" when the field is optional.
#[component]
pub fn SelectField(
    name: &'static str,
    label: Key,
    error: Signal<Option<ShopError>>,
    #[prop(optional)] form: Option<&'static str>,
    #[prop(optional, into)] value: String,
    options: Vec<(String, String)>,
    #[prop(default = true)] required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let FieldIds {
        id,
        input_name,
        error_id,
    } = FieldIds::new(name, form);
    let (local, problem) = field_problem(name, error);
    view! {
        <div class="field" class:field-invalid=move || problem.get().is_some()>
            <label for=id.clone()>
                {tr(label)}
                {(!required).then(|| view! { <span class="optional">{tr(Key::FieldOptional)}</span> })}
            </label>
            <select
                id=id
                name=input_name
                required=required
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=error_id.clone()
                on:change=move |_| recheck(local, problem, None, "")
            >
                <option value="" selected=value.is_empty()>"—"</option>
                {options
                    .into_iter()
                    .map(|(v, text)| {
                        let selected = v.eq_ignore_ascii_case(&value);
                        view! { <option value=v selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
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
    let (local, problem) = field_problem(name, error);
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
                on:change=move |ev| recheck(local, problem, Some(check_country), &event_target_value(&ev))
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

/// The fields of a postal address (struct field names as in `PostalAddress`).
#[component]
pub fn AddressFields(
    error: Signal<Option<ShopError>>,
    form: &'static str,
    values: FormValues,
    /// Distinguishes several address forms on one page.
    #[prop(optional, into)]
    scope: Option<String>,
    /// Ask for the recipient, company and tax id (not at registration, where the recipient
    /// is the person registering).
    #[prop(default = true)]
    shipping: bool,
) -> impl IntoView {
    let scope = scope.unwrap_or_else(|| form.to_string());
    use crate::domain::{
        account::{check_phone, check_postal_code, check_tax_id, check_text},
        limits,
    };
    fn recipient(v: &str) -> Option<Problem> {
        check_text(v, limits::NAME)
    }
    fn line(v: &str) -> Option<Problem> {
        check_text(v, limits::ADDRESS_LINE)
    }
    fn city(v: &str) -> Option<Problem> {
        check_text(v, limits::NAME)
    }
    let who = shipping.then(|| {
        let scope = scope.clone();
        view! {
            <div class="field-row">
                <Field name="recipient_name" form scope=scope.clone() label=Key::FieldRecipientName error autocomplete="shipping name" value=values.get("recipient_name") check=recipient maxlength=limits::NAME />
                <Field name="recipient_phone" form scope=scope.clone() label=Key::FieldRecipientPhone kind="tel" error autocomplete="shipping tel" value=values.get("recipient_phone") check=check_phone hint=Key::FieldRecipientPhoneHint maxlength=limits::PHONE />
            </div>
            <div class="field-row">
                <Field name="company" form scope=scope.clone() label=Key::FieldCompany error autocomplete="shipping organization" value=values.get("company") required=false maxlength=limits::COMPANY />
                <Field name="tax_id" form scope=scope.clone() label=Key::FieldTaxId error value=values.get("tax_id") required=false check=check_tax_id maxlength=limits::TAX_ID />
            </div>
        }
    });
    view! {
        {who}
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
