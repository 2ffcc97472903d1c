//! The sandbox payment processor's hosted card page, under its own prefix
//! (`/sandbox-pay/`): it stands in for a real processor's payment page. The shop sends the
//! browser here with a card entry id; the page takes the card, checks it
//! (`domain/card.rs`), keeps it in the processor's own tables as a token
//! (`mod.rs` here) and sends the browser back to the shop with the entry id.
//! The card number and security code are never stored, logged or shown again: a refused
//! form comes back with those two fields empty.

use super as sandbox;
use crate::{
    backend::{AppState, now},
    domain::{
        card::{CardProblem, check_card},
        time::year_month,
    },
    escape::html_text,
    i18n::{Key, Lang, lang_of_request},
};
use axum::{
    Form,
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
};
use serde::Deserialize;

/// The processor's pages, mounted by the server beside the shop's.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/sandbox-pay/style.css", get(style))
        .route(
            "/sandbox-pay/card/{entry}",
            get(card_page).post(submit_card),
        )
}

/// `GET /sandbox-pay/card/{entry}`: the card form.
pub async fn card_page(
    State(state): State<AppState>,
    Path(entry): Path<String>,
    headers: HeaderMap,
) -> Response {
    let lang = lang_of_request(&headers);
    match sandbox::open_entry(&state, &entry).await {
        Ok(Some(return_path)) => page(lang, &entry, &return_path, "", &[]),
        Ok(None) => closed(lang),
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

#[derive(Deserialize)]
pub struct CardForm {
    #[serde(default)]
    number: String,
    #[serde(default)]
    expiry: String,
    #[serde(default)]
    cvc: String,
}

/// `POST /sandbox-pay/card/{entry}`: checks and keeps the card, then back to the shop.
pub async fn submit_card(
    State(state): State<AppState>,
    Path(entry): Path<String>,
    headers: HeaderMap,
    Form(form): Form<CardForm>,
) -> Response {
    let lang = lang_of_request(&headers);
    let return_path = match sandbox::open_entry(&state, &entry).await {
        Ok(Some(path)) => path,
        Ok(None) => return closed(lang),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let expiry: String = form.expiry.chars().take(16).collect();
    match check_card(&form.number, &expiry, &form.cvc, year_month(now())) {
        Ok(card) => match sandbox::complete_entry(&state, &entry, &card, &form.number).await {
            Ok(Some(back)) => Redirect::to(&back).into_response(),
            Ok(None) => closed(lang),
            Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
        },
        Err(problems) => {
            let mut response = page(lang, &entry, &return_path, &expiry, &problems);
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            response
        }
    }
}

/// `GET /sandbox-pay/style.css`
pub async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static("text/css"))],
        STYLE,
    )
        .into_response()
}

fn problem_key(problem: CardProblem) -> Key {
    match problem {
        CardProblem::NumberMissing => Key::CardNumberMissing,
        CardProblem::NumberInvalid => Key::CardNumberInvalid,
        CardProblem::NotATestCard => Key::CardNotTest,
        CardProblem::ExpiryInvalid => Key::CardExpiryInvalid,
        CardProblem::ExpiryPast => Key::CardExpiryPast,
        CardProblem::CvcInvalid => Key::CardCvcInvalid,
    }
}

fn page(
    lang: Lang,
    entry: &str,
    return_path: &str,
    expiry: &str,
    problems: &[(&'static str, CardProblem)],
) -> Response {
    let t = |key| html_text(lang.text(key));
    let error = |field: &str| {
        problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, p)| {
                format!(
                    r#"<p class="error" id="{field}-error" role="alert">{}</p>"#,
                    t(problem_key(*p))
                )
            })
            .unwrap_or_default()
    };
    let invalid = |field: &str| {
        if problems.iter().any(|(f, _)| *f == field) {
            format!(r#" aria-invalid="true" aria-describedby="{field}-error""#)
        } else {
            String::new()
        }
    };
    let autofocus = |field: &str| {
        let first = problems.first().map(|(f, _)| *f).unwrap_or("number");
        if first == field { " autofocus" } else { "" }
    };
    let body = format!(
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<link rel="stylesheet" href="{prefix}/style.css">
</head>
<body>
<main>
<p class="processor">Sandbox Payments · TEST MODE</p>
<h1>{title}</h1>
<p class="note">{note}</p>
<form method="post" action="{prefix}/card/{entry}" novalidate>
<label for="number">{number}</label>
<input id="number" name="number" inputmode="numeric" autocomplete="cc-number" maxlength="23"{number_invalid}{number_focus}>
{number_error}
<div class="row">
<div>
<label for="expiry">{expiry_label}</label>
<input id="expiry" name="expiry" autocomplete="cc-exp" maxlength="9" value="{expiry}"{expiry_invalid}{expiry_focus}>
{expiry_error}
</div>
<div>
<label for="cvc">{cvc}</label>
<input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" maxlength="4"{cvc_invalid}{cvc_focus}>
{cvc_error}
</div>
</div>
<button type="submit">{submit}</button>
</form>
<p><a href="{back}">{cancel}</a></p>
</main>
</body>
</html>"#,
        lang = lang.code(),
        prefix = sandbox::PREFIX,
        title = t(Key::SandboxTitle),
        note = t(Key::SandboxNote),
        entry = html_text(entry),
        number = t(Key::SandboxNumber),
        number_invalid = invalid("number"),
        number_focus = autofocus("number"),
        number_error = error("number"),
        expiry_label = t(Key::SandboxExpiry),
        expiry = html_text(expiry),
        expiry_invalid = invalid("expiry"),
        expiry_focus = autofocus("expiry"),
        expiry_error = error("expiry"),
        cvc = t(Key::SandboxCvc),
        cvc_invalid = invalid("cvc"),
        cvc_focus = autofocus("cvc"),
        cvc_error = error("cvc"),
        submit = t(Key::SandboxSubmit),
        back = html_text(return_path),
        cancel = t(Key::SandboxCancel),
    );
    no_store(Html(body).into_response())
}

fn closed(lang: Lang) -> Response {
    let body = format!(
        r#"<!DOCTYPE html><html lang="{}"><head><meta charset="utf-8"><title>{}</title><link rel="stylesheet" href="{}/style.css"></head><body><main><h1>{}</h1><p>{}</p><p><a href="/checkout">{}</a></p></main></body></html>"#,
        lang.code(),
        html_text(lang.text(Key::SandboxTitle)),
        sandbox::PREFIX,
        html_text(lang.text(Key::SandboxTitle)),
        html_text(lang.text(Key::SandboxClosed)),
        html_text(lang.text(Key::SandboxCancel)),
    );
    let mut response = no_store(Html(body).into_response());
    *response.status_mut() = StatusCode::GONE;
    response
}

fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

const STYLE: &str = "
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: #eef1f5; color: #1b2430; }
main { max-width: 28rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 12px;
       box-shadow: 0 4px 24px rgba(0,0,0,.08); }
.processor { font-size: .8rem; letter-spacing: .08em; color: #6b4fbb; font-weight: 700; margin: 0; }
h1 { font-size: 1.4rem; margin: .25rem 0 1rem; }
.note { font-size: .85rem; background: #fff8e1; padding: .75rem; border-radius: 8px; }
label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
input { box-sizing: border-box; width: 100%; font: inherit; padding: .6rem .7rem; border: 1px solid #b8c0cc;
        border-radius: 8px; }
input[aria-invalid=true] { border-color: #c62828; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.error { color: #c62828; margin: .25rem 0 0; font-size: .9rem; }
button { margin-top: 1.5rem; width: 100%; font: inherit; font-weight: 700; padding: .8rem; border: 0;
         border-radius: 8px; background: #6b4fbb; color: #fff; cursor: pointer; }
a { color: #6b4fbb; }
";
