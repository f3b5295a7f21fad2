//! The preview's HTTP side (axum): the page at `/<token>/`, its change notices as server-sent events at
//! `/<token>/events`, and 403 for anything else, so that a request without the token learns nothing.

use super::Page;
use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use futures_util::stream::{self, Stream};
use std::convert::Infallible;
use std::sync::Arc;
use tokio::sync::watch::Receiver;

type Pages = Receiver<Arc<Page>>;

pub async fn serve(listener: tokio::net::TcpListener, token: &str, pages: Pages) -> std::io::Result<()> {
    let app = Router::new()
        .route(&format!("/{token}/"), get(page))
        // The address typed without its last slash: the page's relative `events` needs it.
        .route(&format!("/{token}"), get(Redirect::permanent(&format!("/{token}/"))))
        .route(&format!("/{token}/events"), get(events))
        .fallback(refused)
        .with_state(pages);
    axum::serve(listener, app).await
}

async fn page(axum::extract::State(pages): axum::extract::State<Pages>) -> Response {
    let html = pages.borrow().html.clone();
    let mut response = Html(html).into_response();
    // The page changes with every save: never from a cache.
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The current generation at once (a save between loading the page and connecting is not missed), then each
/// new one.
async fn events(
    axum::extract::State(pages): axum::extract::State<Pages>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let stream = stream::unfold((pages, true), |(mut pages, first)| async move {
        if !first {
            pages.changed().await.ok()?;
        }
        let generation = pages.borrow_and_update().generation;
        Some((Ok(Event::default().event("generation").data(generation.to_string())), (pages, false)))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn refused() -> (StatusCode, &'static str) {
    (
        StatusCode::FORBIDDEN,
        "このアドレスでは表示できません。senshin-lint preview が表示したアドレスを、そのまま開いてください。\n\
         Forbidden: open the address senshin-lint preview printed, as printed.\n",
    )
}
