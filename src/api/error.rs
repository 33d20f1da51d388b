//! `ApiError`: every way a call can fail, mapped once from status + body, with a `Display`
//! written for the admin who reads it.

use std::fmt;

use zt_risk_api::ApiMessage;

/// A failed API call. Carries Cloudflare's own error items whenever the response had them.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// Settings are incomplete (no base URL, account or token).
    NotConfigured(String),
    /// An id cannot be put in a request path.
    InvalidId(String),
    /// The request body cannot be encoded (an unknown value the API would reject).
    Unsendable(String),
    /// No response: offline, DNS, refused, or blocked by CORS.
    Network { base_url: String, detail: String },
    /// No response within the time limit.
    Timeout { seconds: u32 },
    /// The page was left; never shown.
    Aborted,
    /// The body was not the API's JSON (an HTML error page from a proxy, say).
    NotJson {
        status: u16,
        status_text: String,
        content_type: Option<String>,
    },
    /// 401 or 403.
    Unauthorized {
        status: u16,
        errors: Vec<ApiMessage>,
        permission: &'static str,
    },
    /// 404.
    NotFound { errors: Vec<ApiMessage> },
    /// 429.
    RateLimited {
        retry_after: Option<u32>,
        errors: Vec<ApiMessage>,
    },
    /// 5xx.
    Server {
        status: u16,
        errors: Vec<ApiMessage>,
        /// What came back instead of the API's JSON ("an HTML page"), when a proxy or gateway
        /// answered with its own error page.
        proxy_page: Option<String>,
    },
    /// Any other failure the API explained (validation problems, mostly).
    Rejected {
        status: u16,
        errors: Vec<ApiMessage>,
    },
    /// JSON that does not have the expected shape.
    Decode(String),
    /// The API accepted a change but returned nothing, and what it made could not be read
    /// back (never retried: the change may be done).
    Unconfirmed(String),
}

impl ApiError {
    /// Cloudflare's error items, if the response carried any.
    pub fn errors(&self) -> &[ApiMessage] {
        match self {
            Self::Unauthorized { errors, .. }
            | Self::NotFound { errors }
            | Self::RateLimited { errors, .. }
            | Self::Server { errors, .. }
            | Self::Rejected { errors, .. } => errors,
            _ => &[],
        }
    }

    /// Whether trying the same request again can help.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            Self::Network { .. }
                | Self::Timeout { .. }
                | Self::NotJson { .. }
                | Self::RateLimited { .. }
                | Self::Server { .. }
                | Self::Decode(_)
        )
    }

    /// A short headline for the error view.
    pub fn title(&self) -> &'static str {
        match self {
            Self::NotConfigured(_) => "Connection not set up",
            Self::InvalidId(_) => "Invalid identifier",
            Self::Unsendable(_) => "This change cannot be sent",
            Self::Network { .. } => "Cannot reach the API",
            Self::Timeout { .. } => "The request timed out",
            Self::Aborted => "Request cancelled",
            Self::NotJson { .. } => "Unexpected response from the proxy",
            Self::Unauthorized { .. } => "Access denied",
            Self::NotFound { .. } => "Not found",
            Self::RateLimited { .. } => "Too many requests",
            Self::Server { .. } => "Cloudflare had a problem",
            Self::Rejected { .. } => "The request was rejected",
            Self::Decode(_) => "Unexpected data from the API",
            Self::Unconfirmed(_) => "Done, but not confirmed",
        }
    }
}

/// Words for a body that is not the API's JSON, from its content type: "an HTML page".
pub fn body_kind(content_type: Option<&str>) -> String {
    match content_type {
        Some(ct) if ct.contains("html") => "an HTML page".to_owned(),
        Some(ct) => format!("\"{ct}\" content"),
        None => "a body that is not JSON".to_owned(),
    }
}

fn codes(errors: &[ApiMessage]) -> String {
    errors
        .iter()
        .map(|e| format!("{} (code {})", e.message, e.code))
        .collect::<Vec<_>>()
        .join("; ")
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotConfigured(what) => write!(f, "{what} Open Settings to finish the setup."),
            Self::InvalidId(detail) => f.write_str(detail),
            Self::Unsendable(detail) => write!(f, "This cannot be sent: {detail}"),
            Self::Network { base_url, detail } => write!(
                f,
                "No response from {base_url}. Check the proxy URL in Settings, that the proxy allows this page's origin, and your connection. ({detail})"
            ),
            Self::Timeout { seconds } => write!(f, "No response within {seconds} seconds. The API or the proxy may be slow or down."),
            Self::Aborted => f.write_str("The request was cancelled."),
            Self::NotJson { status, status_text, content_type } => write!(
                f,
                "Expected JSON from the API but got {} (HTTP {status} {status_text}). A proxy or gateway answered instead of Cloudflare; check the proxy URL in Settings.",
                body_kind(content_type.as_deref())
            ),
            Self::Unauthorized { status, errors, permission } => {
                let what = if *status == 401 { "Cloudflare did not accept the API token" } else { "The API token is not allowed to do this" };
                write!(f, "{what}")?;
                if !errors.is_empty() {
                    write!(f, ": {}", codes(errors))?;
                }
                write!(f, ". The token needs the \"{permission}\" permission for this account.")
            }
            Self::NotFound { errors } if errors.is_empty() => f.write_str("The API has no such item (HTTP 404)."),
            Self::NotFound { errors } => write!(f, "{} (HTTP 404).", codes(errors)),
            Self::RateLimited { retry_after, errors } => {
                f.write_str("Cloudflare is rate limiting requests")?;
                if !errors.is_empty() {
                    write!(f, ": {}", codes(errors))?;
                }
                match retry_after {
                    Some(s) => write!(f, ". Try again in {s} seconds."),
                    None => f.write_str(". Wait a moment and try again."),
                }
            }
            Self::Server { status, proxy_page: Some(page), .. } => write!(f, "The API failed with HTTP {status}: {page} came back instead of Cloudflare's JSON, so a proxy or gateway answered. Try again shortly."),
            Self::Server { status, errors, .. } if errors.is_empty() => write!(f, "The API failed with HTTP {status}. Try again shortly."),
            Self::Server { status, errors, .. } => write!(f, "{} (HTTP {status}). Try again shortly.", codes(errors)),
            Self::Rejected { status, errors } if errors.is_empty() => write!(f, "The API rejected the request (HTTP {status})."),
            Self::Rejected { errors, .. } => f.write_str(&codes(errors)),
            Self::Decode(detail) => write!(f, "The API answered with data this console does not understand: {detail}"),
            Self::Unconfirmed(detail) => f.write_str(detail),
        }
    }
}

impl std::error::Error for ApiError {}
