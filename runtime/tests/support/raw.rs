//! A loopback server that answers one connection with exactly the bytes a test gives, and
//! hands back the raw request it read.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// What the server does after reading the request.
pub enum Reply {
    /// Writes these bytes and closes.
    Bytes(Vec<u8>),
    /// Writes this head, then body chunks until the client goes away (bounded).
    Endless(Vec<u8>),
    /// Never answers (until the test ends).
    Silent,
}

/// Serves one connection; the handle yields the raw request bytes.
pub async fn serve(reply: Reply) -> (String, JoinHandle<Vec<u8>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let handle = tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        let request = read_request(&mut stream).await;
        match reply {
            Reply::Bytes(bytes) => {
                let _ = stream.write_all(&bytes).await;
                let _ = stream.shutdown().await;
            }
            Reply::Endless(head) => {
                let _ = stream.write_all(&head).await;
                let chunk = format!("{:x}\r\n{}\r\n", 8192, "x".repeat(8192));
                // At most 1 GiB, far more than the client may read.
                for _ in 0..131_072 {
                    if stream.write_all(chunk.as_bytes()).await.is_err() {
                        break;
                    }
                }
            }
            Reply::Silent => tokio::time::sleep(Duration::from_secs(30)).await,
        }
        request
    });
    (base, handle)
}

pub async fn read_request(stream: &mut TcpStream) -> Vec<u8> {
    let mut data = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length: "))
                .map_or(0, |v| v.trim().parse::<usize>().unwrap());
            if data.len() >= end + 4 + length {
                return data;
            }
        }
        let n = stream.read(&mut buf).await.unwrap();
        if n == 0 {
            return data;
        }
        data.extend_from_slice(&buf[..n]);
    }
}

pub fn response(status_line: &str, content_type: Option<&str>, body: &str) -> Reply {
    let mut head = format!("HTTP/1.1 {status_line}\r\ncontent-length: {}\r\n", body.len());
    if let Some(ct) = content_type {
        head.push_str(&format!("content-type: {ct}\r\n"));
    }
    head.push_str("\r\n");
    head.push_str(body);
    Reply::Bytes(head.into_bytes())
}
