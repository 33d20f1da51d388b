//! Inputs the `summary_stream` fuzz target found (docs/fuzzing.md), as plain tests: each body in
//! `tests/fuzz_regressions/`, cut once at every byte, decodes as it does in one piece, and
//! what the stream decodes is what serde_json decodes from the whole body.

use zt_risk_api::{Envelope, RiskSummary};
use zt_risk_summary_stream::SummaryStream;

fn whole(body: &[u8]) -> Option<Envelope<RiskSummary>> {
    serde_json::from_slice::<Envelope<RiskSummary>>(body)
        .ok()
        .filter(|e| e.success && e.result.is_some())
}

#[test]
fn found_inputs_decode_the_same_whatever_the_cut() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("the regressions directory") {
        let path = entry.expect("an entry").path();
        let body = std::fs::read(&path).expect("a regression input");
        let at_once = SummaryStream::default().finish(&body);
        assert_eq!(at_once, whole(&body), "{}", path.display());
        for cut in 1..body.len() {
            let mut stream = SummaryStream::default();
            stream.advance(&body[..cut]);
            assert_eq!(
                stream.finish(&body),
                at_once,
                "{} cut at {cut}",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked > 0, "no inputs in {}", dir.display());
}
