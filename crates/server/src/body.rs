//! Reading request bodies with a size cap, for the emulator and the proxy alike.

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap};

use crate::envelope::ApiError;

/// The whole body, or 413 as soon as it is known to exceed `limit` bytes.
pub async fn read_limited(
    body: Body,
    headers: &HeaderMap,
    limit: usize,
) -> Result<Bytes, ApiError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(ApiError::too_large(limit));
    }
    // Chunked bodies have no declared length: the limit is enforced while reading.
    axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| ApiError::too_large(limit))
}
