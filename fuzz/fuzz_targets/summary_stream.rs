//! `SummaryStream` against serde_json, differentially: any body cut at any points into chunks
//! decodes to the same envelope (users, paging, messages) as serde_json on the whole body, or
//! stops (`None`: the console then decodes the whole body itself, so it fails the same way).
//! The cuts do not change the outcome either: chunked and whole-at-once agree exactly.
//!
//! Input: two bytes choosing the cuts (a seed and the largest chunk), then the body.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zt_risk_api::{Envelope, RiskSummary};
use zt_risk_summary_stream::SummaryStream;

/// What the console decodes without the stream (`interpret_large`): the body as text.
fn whole(body: &[u8]) -> Option<Envelope<RiskSummary>> {
    let text = String::from_utf8_lossy(body);
    serde_json::from_str::<Envelope<RiskSummary>>(&text)
        .ok()
        .filter(|e| e.success && e.result.is_some())
}

/// Chunk ends: pseudo-random lengths from 1 to `largest`, from `seed` (xorshift).
fn cuts(seed: u8, largest: u8, len: usize) -> Vec<usize> {
    let mut state = u32::from(seed) | 0x9e37_0000;
    let largest = usize::from(largest.max(1));
    let mut at = 0;
    let mut out = Vec::new();
    while at < len {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        at += 1 + (state as usize) % largest;
        out.push(at.min(len));
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let [seed, largest, body @ ..] = data else {
        return;
    };
    let mut stream = SummaryStream::default();
    for end in cuts(*seed, *largest, body.len()) {
        stream.advance(&body[..end]);
    }
    let chunked = stream.finish(body);
    let at_once = SummaryStream::default().finish(body);
    assert_eq!(chunked, at_once, "the cuts changed the outcome");
    if let Some(streamed) = chunked {
        assert_eq!(
            Some(streamed),
            whole(body),
            "the stream and serde_json disagree"
        );
    }
});
