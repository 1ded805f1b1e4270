//! Accepting connections, plain or TLS, and serving each with hyper.
//!
//! The emulator runs its own accept loop instead of `axum::serve` because a connection
//! carries what the gateway judges before any request (the client certificate) and
//! because a fault must be able to reset the connection itself.

use std::sync::Arc;
use std::time::Duration;

use axum::{Extension, Router};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, oneshot, watch};
use tokio::task::JoinSet;
use tokio_rustls::TlsAcceptor;

use crate::tls::{ClientCertificate, Tls};

/// How long a client may take over its TLS handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// What a request's handler knows about its connection.
pub(crate) struct Connection {
    pub(crate) client_certificate: ClientCertificate,
    /// Notified by a handler that wants the connection reset.
    pub(crate) reset: Notify,
}

/// Serves `listener` until `stop` fires (or its sender is dropped), then lets open
/// connections finish for up to `grace`.
pub(crate) async fn serve(
    listener: TcpListener,
    tls: Option<Arc<Tls>>,
    app: Router,
    mut stop: oneshot::Receiver<()>,
    grace: Duration,
) {
    let (closing, closing_seen) = watch::channel(false);
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(connection(stream, tls.clone(), app.clone(), closing_seen.clone()));
                }
                // Out of file descriptors and the like: wait rather than spin.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    let _ = closing.send(true);
    let finished = async { while connections.join_next().await.is_some() {} };
    // Whatever is still open after the grace is aborted when the set drops.
    let _ = tokio::time::timeout(grace, finished).await;
}

async fn connection(stream: TcpStream, tls: Option<Arc<Tls>>, app: Router, closing: watch::Receiver<bool>) {
    // A second handle on the socket, to set SO_LINGER 0 when a fault resets it: hyper
    // owns the stream itself by then.
    let Ok(twin) = stream.into_std().and_then(|s| Ok((s.try_clone()?, s))) else {
        return;
    };
    let (twin, stream) = twin;
    let Ok(stream) = TcpStream::from_std(stream) else {
        return;
    };
    match tls {
        None => drive(stream, ClientCertificate::Missing, app, closing, twin).await,
        Some(tls) => {
            let acceptor = TlsAcceptor::from(Arc::clone(&tls.config));
            let Ok(Ok(stream)) = tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await else {
                return;
            };
            let judged = tls.judge(stream.get_ref().1.peer_certificates());
            drive(stream, judged, app, closing, twin).await;
        }
    }
}

async fn drive<I>(
    io: I,
    client_certificate: ClientCertificate,
    app: Router,
    mut closing: watch::Receiver<bool>,
    socket: std::net::TcpStream,
) where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let connection = Arc::new(Connection {
        client_certificate,
        reset: Notify::new(),
    });
    let service = TowerToHyperService::new(app.layer(Extension(Arc::clone(&connection))));
    let mut builder = http1::Builder::new();
    builder.timer(TokioTimer::new());
    let conn = builder.serve_connection(TokioIo::new(io), service);
    tokio::pin!(conn);
    let mut shutting_down = false;
    loop {
        tokio::select! {
            _ = conn.as_mut() => break,
            _ = connection.reset.notified() => {
                let _ = socket2::SockRef::from(&socket).set_linger(Some(Duration::ZERO));
                break;
            }
            _ = closing.changed(), if !shutting_down => {
                shutting_down = true;
                conn.as_mut().graceful_shutdown();
            }
        }
    }
}
