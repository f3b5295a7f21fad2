//! The preview's HTTP side (axum): the page at `/<token>/`, its change notices as server-sent events at
//! `/<token>/events`, the counts a test reads at `/<token>/status`, and 403 for anything else, so that a request
//! without the token learns nothing.

use super::{Draft, Page};
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use futures_util::stream::{self, Stream};
use std::convert::Infallible;
use std::sync::Arc;
use tokio::sync::watch::Receiver;

type Pages = Receiver<Arc<Page>>;

pub async fn serve(
    listener: tokio::net::TcpListener,
    token: &str,
    pages: Pages,
    draft: Arc<Draft>,
) -> std::io::Result<()> {
    let status = move |State(pages): State<Pages>| async move {
        let generation = pages.borrow().generation;
        let renders = draft.renders.load(std::sync::atomic::Ordering::Relaxed);
        format!("{{\"generation\":{generation},\"renders\":{renders}}}\n")
    };
    let app = Router::new()
        .route(&format!("/{token}/status"), get(status))
        .route(&format!("/{token}/"), get(page))
        // The address typed without its last slash: the page's relative `events` needs it.
        .route(&format!("/{token}"), get(Redirect::permanent(&format!("/{token}/"))))
        .route(&format!("/{token}/events"), get(events))
        .fallback(refused)
        .with_state(pages);
    axum::serve(listener, app).await
}

async fn page(State(pages): State<Pages>) -> Response {
    let html = pages.borrow().html.clone();
    let mut response = Html(html).into_response();
    let headers = response.headers_mut();
    // The page changes with every save: never from a cache. Nor inside another site's frame, nor its address
    // (with the token) sent on as a referrer.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("frame-ancestors 'none'"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

/// The current generation at once (a save between loading the page and connecting is not missed), then each
/// new one.
async fn events(State(pages): State<Pages>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
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
