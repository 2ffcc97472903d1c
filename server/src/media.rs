//! Product pictures over plain HTTP: serving them (`GET /media/products/{id}`) and the staff
//! upload (`POST /admin/products/{id}/image`). The upload is a multipart form so it works
//! without JavaScript; it answers with a redirect back to the product's editor carrying the
//! outcome (`?image=saved|not_an_image|too_large|missing`).

use app::{
    backend::{AppState, catalog, request::context, request::session::Session},
    domain::ids::{ImageId, ProductId},
    error::{Problem, ShopError},
};
use axum::{
    Extension,
    extract::{Multipart, Path, State, multipart::MultipartRejection},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};

/// `GET /media/products/{id}`: an uploaded product image, from the database. Image ids
/// never change content, so browsers may keep them for a year.
pub async fn product_image(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let Some(id) = id_of::<ImageId>(&id) else {
        return no_image();
    };
    match catalog::browse::image(&state, id).await {
        Ok(Some((content_type, bytes))) => {
            let mut response = bytes.into_response();
            let headers = response.headers_mut();
            if let Ok(v) = HeaderValue::from_str(&content_type) {
                headers.insert(header::CONTENT_TYPE, v);
            }
            headers.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            );
            response
        }
        Ok(None) => no_image(),
        Err(error) => {
            tracing::error!(?error, "reading a product image failed");
            unavailable()
        }
    }
}

/// `POST /admin/products/{id}/image`: staff only; the field `image` holds the file.
pub async fn upload_product_image(
    State(state): State<AppState>,
    Extension(session): Extension<Session>,
    Path(id): Path<String>,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    match context::user_of(&state, &session).await {
        Ok(Some(user)) if user.role.is_staff() => {}
        Ok(Some(_)) => return (StatusCode::FORBIDDEN, "Staff only.").into_response(),
        Ok(None) => return (StatusCode::UNAUTHORIZED, "Please sign in.").into_response(),
        Err(_) => return unavailable(),
    }
    let Some(id) = id_of::<ProductId>(&id) else {
        return (StatusCode::NOT_FOUND, "No such product.").into_response();
    };
    let Ok(mut form) = form else {
        return (
            StatusCode::BAD_REQUEST,
            "The upload must be sent as a multipart form with the picture in the field `image`.",
        )
            .into_response();
    };
    let back = |outcome: &str| {
        Redirect::to(&format!("/admin/products/{id}?image={outcome}")).into_response()
    };
    let bytes = loop {
        match form.next_field().await {
            Ok(Some(field)) if field.name() == Some("image") => match field.bytes().await {
                Ok(bytes) if bytes.is_empty() => return back("missing"),
                Ok(bytes) => break bytes,
                // The only way reading a well-formed field fails is the size limit.
                Err(_) => return back("too_large"),
            },
            Ok(Some(_)) => continue,
            Ok(None) => return back("missing"),
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return back("too_large");
            }
            Err(_) => {
                return (StatusCode::BAD_REQUEST, "The upload was not a valid form.")
                    .into_response();
            }
        }
    };
    match catalog::manage::save_image(&state, id, &bytes).await {
        Ok(_) => {
            tracing::info!(
                product = %id,
                bytes = bytes.len(),
                "product picture replaced"
            );
            back("saved")
        }
        Err(ShopError::Invalid { fields }) => match fields.first().map(|f| &f.problem) {
            Some(Problem::FileTooLarge { .. }) => back("too_large"),
            _ => back("not_an_image"),
        },
        Err(ShopError::NotFound) => (StatusCode::NOT_FOUND, "No such product.").into_response(),
        Err(error) => {
            tracing::error!(?error, "saving a product picture failed");
            unavailable()
        }
    }
}

/// A positive record id from a path segment; anything else names nothing (the segment is
/// never echoed back).
fn id_of<Id: std::str::FromStr>(segment: &str) -> Option<Id> {
    let digits =
        !segment.is_empty() && segment.len() <= 18 && segment.bytes().all(|b| b.is_ascii_digit());
    let id: i64 = segment.parse().ok().filter(|_| digits)?;
    if id > 0 { segment.parse().ok() } else { None }
}

fn no_image() -> Response {
    (StatusCode::NOT_FOUND, "No such image.").into_response()
}

fn unavailable() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        "The shop is briefly unavailable.",
    )
        .into_response()
}
