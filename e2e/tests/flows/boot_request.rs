//! A landing page's summary request leaves while the wasm is still loading (`public/boot.js`,
//! following the hint the console left on the previous load), and the page uses that response:
//! still one summary request per load, and the page shows the users.

use serde_json::Value;

use crate::common::{run, Console};

/// This load's `/summary` requests, and whether the page used the one boot.js sent: boot.js
/// marks the moment after its `fetch` call, so that request started before the mark, while any
/// request of the console's own starts after it (the wasm runs later).
async fn summary_requests(c: &Console) -> (u64, bool) {
    let got = c
        .client
        .execute(
            "const sent = performance.getEntriesByType('resource')
               .filter(e => e.name.endsWith('/zt_risk_scoring/summary'));
             const mark = performance.getEntriesByName('zt-boot-request')[0];
             return [sent.length, !!mark && sent.every(e => e.startTime <= mark.startTime)];",
            vec![],
        )
        .await
        .expect("resource timing");
    (got[0].as_u64().unwrap_or(0), got[1] == Value::Bool(true))
}

/// Opens `path` and waits for the users table's first row.
async fn open_with_rows(c: &Console, path: &str) {
    c.open(path).await;
    c.role("table", "Users with risk events").await;
    c.css("table.users tbody tr td a").await;
}

#[test]
fn a_reload_sends_the_summary_once_before_the_console_starts() {
    run("boot_request", &[], |c| async move {
        // The first visit leaves the hint; the console sends the request itself.
        open_with_rows(&c, "/users").await;
        assert_eq!(summary_requests(&c).await, (1, false));
        // From then on boot.js sends it, and the page takes that response.
        open_with_rows(&c, "/users?level=high").await;
        assert_eq!(summary_requests(&c).await, (1, true));
        c.open("/").await;
        c.wait_text("#overview-users", "with risk events").await;
        assert_eq!(summary_requests(&c).await, (1, true));
        c.open("/detections").await;
        c.wait_for("the summary to arrive", || async {
            Ok((summary_requests(&c).await.0 > 0).then_some(()))
        })
        .await;
        assert_eq!(summary_requests(&c).await, (1, true));
        // Other pages send nothing early.
        c.open("/behaviors").await;
        assert_eq!(summary_requests(&c).await, (0, false));
    });
}
