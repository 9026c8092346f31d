//! A minimal HTTP/1.1 client (hyper + tokio-rustls with webpki roots) for
//! the service: one request per connection, bounded response size.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use axum::http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode};
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper_util::rt::TokioIo;
use rustls::pki_types::ServerName;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use crate::url::BaseUrl;

/// Largest upstream response body accepted.
pub const MAX_RESPONSE_BYTES: usize = 1024 * 1024;

/// Why a request failed.
#[derive(Debug)]
pub enum ClientError {
    /// No answer within the timeout.
    Timeout,
    /// Connecting or the TLS handshake failed: not one byte of the request was sent.
    Unsent(String),
    /// The exchange failed after the request may have been sent.
    Transport(String),
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Timeout => f.write_str("the upstream did not answer in time"),
            Self::Unsent(why) => write!(f, "the upstream could not be reached: {why}"),
            Self::Transport(why) => write!(f, "the exchange with the upstream failed: {why}"),
        }
    }
}

impl std::error::Error for ClientError {}

/// An upstream answer.
#[derive(Debug)]
pub struct ClientResponse {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: HeaderMap,
    /// Body (at most [`MAX_RESPONSE_BYTES`]).
    pub body: Bytes,
}

/// Sends requests to one upstream.
#[derive(Clone)]
pub struct HttpClient {
    tls: TlsConnector,
}

impl fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HttpClient")
    }
}

impl HttpClient {
    /// A client trusting the Mozilla root store (webpki-roots).
    pub fn new() -> Result<Self, ClientError> {
        let roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| ClientError::Transport(e.to_string()))?
            .with_root_certificates(roots)
            .with_no_client_auth();
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Self {
            tls: TlsConnector::from(Arc::new(config)),
        })
    }

    /// `method` `path` on `upstream` with `headers` and `body`, within `timeout`.
    pub async fn send(
        &self,
        upstream: &BaseUrl,
        method: Method,
        path: &str,
        headers: HeaderMap,
        body: Bytes,
        timeout: Duration,
    ) -> Result<ClientResponse, ClientError> {
        let work = self.exchange(upstream, method, path, headers, body);
        tokio::time::timeout(timeout, work)
            .await
            .map_err(|_| ClientError::Timeout)?
    }

    async fn exchange(
        &self,
        upstream: &BaseUrl,
        method: Method,
        path: &str,
        headers: HeaderMap,
        body: Bytes,
    ) -> Result<ClientResponse, ClientError> {
        let transport = |e: &dyn fmt::Display| ClientError::Unsent(e.to_string());
        let tcp = TcpStream::connect((upstream.host.as_str(), upstream.port))
            .await
            .map_err(|e| transport(&e))?;
        tcp.set_nodelay(true).map_err(|e| transport(&e))?;
        let target = format!("{}{}", upstream.base_path, path);
        let mut request = Request::builder()
            .method(method)
            .uri(target)
            .body(Full::new(body.clone()))
            .map_err(|e| transport(&e))?;
        *request.headers_mut() = headers;
        let host = HeaderValue::from_str(&upstream.authority()).map_err(|e| transport(&e))?;
        request.headers_mut().insert(header::HOST, host);
        request
            .headers_mut()
            .insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        if upstream.https {
            let name = ServerName::try_from(upstream.host.clone()).map_err(|e| transport(&e))?;
            let tls = self
                .tls
                .connect(name, tcp)
                .await
                .map_err(|e| transport(&e))?;
            send_on(tls, request).await
        } else {
            send_on(tcp, request).await
        }
    }
}

async fn send_on<IO>(io: IO, request: Request<Full<Bytes>>) -> Result<ClientResponse, ClientError>
where
    IO: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let transport = |e: &dyn fmt::Display| ClientError::Transport(e.to_string());
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(io))
        .await
        .map_err(|e| transport(&e))?;
    let driver = tokio::spawn(connection);
    let response = sender.send_request(request).await;
    let result = match response {
        Ok(response) => {
            let (parts, body) = response.into_parts();
            match Limited::new(body, MAX_RESPONSE_BYTES).collect().await {
                Ok(collected) => Ok(ClientResponse {
                    status: parts.status,
                    headers: parts.headers,
                    body: collected.to_bytes(),
                }),
                Err(e) => Err(transport(&e)),
            }
        }
        Err(e) => Err(transport(&e)),
    };
    driver.abort();
    result
}
