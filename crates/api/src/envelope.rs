//! The Cloudflare v4 response envelope and its message items.

use serde::{Deserialize, Serialize};

/// `{success, errors, messages, result, result_info?}` around every response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub success: bool,
    #[serde(default)]
    pub errors: Vec<ApiMessage>,
    #[serde(default)]
    pub messages: Vec<ApiMessage>,
    #[serde(default = "none")]
    pub result: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_info: Option<ResultInfo>,
}

fn none<T>() -> Option<T> {
    None
}

impl<T> Envelope<T> {
    /// A success envelope around `result`.
    pub fn ok(result: T) -> Self {
        Self {
            success: true,
            errors: Vec::new(),
            messages: Vec::new(),
            result: Some(result),
            result_info: None,
        }
    }

    /// A failure envelope (`result: null`) carrying `errors`.
    pub fn failure(errors: Vec<ApiMessage>) -> Self {
        Self {
            success: false,
            errors,
            messages: Vec::new(),
            result: None,
            result_info: None,
        }
    }
}

/// One item of `errors` or `messages`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiMessage {
    pub code: i64,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ErrorSource>,
}

impl ApiMessage {
    pub fn new(code: i64, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            documentation_url: None,
            source: None,
        }
    }

    /// The same message pointing at a field of the request body (JSON pointer, e.g. `/tenant_url`).
    pub fn at(mut self, pointer: impl Into<String>) -> Self {
        self.source = Some(ErrorSource {
            pointer: Some(pointer.into()),
        });
        self
    }

    /// The JSON pointer this message refers to, if any.
    pub fn pointer(&self) -> Option<&str> {
        self.source.as_ref()?.pointer.as_deref()
    }
}

/// `source` of a message item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorSource {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
}

/// Paging information of collection responses (all fields optional).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct ResultInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_pages: Option<u64>,
}
