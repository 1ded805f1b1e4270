//! A loopback HTTP server for the integration tests: it answers every request from a
//! function of the request target and records each request line and body.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use fabric_rest::Client;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// What the server saw: one request line and body per request.
pub type Seen = Arc<Mutex<Vec<(String, Vec<u8>)>>>;

/// The header lines of each request the server saw, as sent (`name: value`), in order.
pub type Heads = Arc<Mutex<Vec<Vec<String>>>>;

/// Starts a server on 127.0.0.1 answering every request with `answer(target)`:
/// `(status, body)`.
pub async fn serve(answer: impl Fn(&str) -> (u16, String) + Send + 'static) -> (Client, Seen) {
    let (client, seen, _) = serve_with_heads(answer).await;
    (client, seen)
}

/// As [`serve`], also recording each request's header lines.
pub async fn serve_with_heads(answer: impl Fn(&str) -> (u16, String) + Send + 'static) -> (Client, Seen, Heads) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let seen: Seen = Arc::default();
    let log = seen.clone();
    let heads: Heads = Arc::default();
    let head_log = heads.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let mut data = Vec::new();
            let mut buffer = [0u8; 4096];
            let head_end = loop {
                let read = stream.read(&mut buffer).await.unwrap_or(0);
                if read == 0 {
                    break None;
                }
                data.extend_from_slice(&buffer[..read]);
                if let Some(at) = data.windows(4).position(|w| w == b"\r\n\r\n") {
                    break Some(at + 4);
                }
            };
            let Some(head_end) = head_end else { continue };
            let head = String::from_utf8_lossy(&data[..head_end]).to_string();
            let length = head
                .lines()
                .find_map(|line| {
                    let (name, value) = line.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            while data.len() < head_end + length {
                let read = stream.read(&mut buffer).await.unwrap_or(0);
                if read == 0 {
                    break;
                }
                data.extend_from_slice(&buffer[..read]);
            }
            let request_line = head.lines().next().unwrap_or_default().to_owned();
            let target = request_line.split(' ').nth(1).unwrap_or_default().to_owned();
            head_log.lock().unwrap().push(
                head.lines()
                    .skip(1)
                    .take_while(|line| !line.is_empty())
                    .map(str::to_owned)
                    .collect(),
            );
            log.lock().unwrap().push((request_line, data[head_end..].to_vec()));
            let (status, body) = answer(&target);
            let response = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(response.as_bytes()).await;
        }
    });
    (Client::new(&format!("http://{address}")).unwrap(), seen, heads)
}

pub fn lines(seen: &Seen) -> Vec<String> {
    seen.lock().unwrap().iter().map(|(line, _)| line.clone()).collect()
}
