//! The pages the gateway serves to browsers, without an api-version: its root, and
//! Service Fabric Explorer.
//!
//! Clients depend on them: the official command line's `cluster select` sends `GET /` and
//! gives up unless it gets a 2xx.

use axum::response::Response;

use crate::reply;

/// Where `/Explorer` sends a browser.
const EXPLORER: &str = "/Explorer/index.html";

const ROOT_PAGE: &str = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Service Fabric</title></head>\n<body><p>Service Fabric HTTP gateway (fabric-rest-emulator). The REST API is served under this address; <a href=\"/Explorer/index.html\">Service Fabric Explorer</a> is not emulated.</p></body></html>\n";

const EXPLORER_PAGE: &str = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Service Fabric Explorer</title></head>\n<body><p>Service Fabric Explorer is not emulated by fabric-rest-emulator.</p></body></html>\n";

/// The page at `path` (trailing `/` trimmed) for a GET, if there is one.
pub(crate) fn answer(method: &str, path: &str) -> Option<Response> {
    if method != "GET" {
        return None;
    }
    match path.trim_end_matches('/') {
        "" => Some(reply::html(ROOT_PAGE)),
        "/Explorer" | "/explorer" => Some(reply::redirect(EXPLORER)),
        "/Explorer/index.html" => Some(reply::html(EXPLORER_PAGE)),
        _ => None,
    }
}
