//! Behaviors as configuration: export, change, import the exported file, review the way back,
//! Apply, reload; and a change made elsewhere (a plain HTTP request to the demo's API) during
//! an edit, merged when it touches another behavior and shown as a conflict when it touches
//! the same one.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde_json::{json, Value};

use super::behaviors::{flipped, state, FIRST, SECOND};
use crate::common::{run, Console};

/// The emulator's ids of `FIRST` and `SECOND` (the demo's catalogue).
const FIRST_ID: &str = "imp_travel";
const SECOND_ID: &str = "crowdstrike_low_zta";

/// One plain HTTP/1.0 request to the demo server (no client library: what curl would send).
fn http(base: &str, method: &str, path: &str, token: Option<&str>, body: Option<&Value>) -> Value {
    let host = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).expect("connect to the demo server");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let body = body.map(Value::to_string).unwrap_or_default();
    let auth = token
        .map(|t| format!("Authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.0\r\nHost: {host}\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    let (head, body) = response.split_once("\r\n\r\n").expect("an HTTP response");
    assert!(
        head.starts_with("HTTP/1.") && head.contains(" 200 "),
        "{method} {path}: {head}\n{body}"
    );
    serde_json::from_str(body).expect("a JSON body")
}

/// Changes one behavior through the API, as another admin would.
fn change_elsewhere(base: &str, id: &str, enabled: bool, level: &str) {
    let config = http(base, "GET", "/config.json", None, None);
    let account = config["account_id"].as_str().expect("account id");
    let token = config["demo_token"].as_str();
    let path = format!("/client/v4/accounts/{account}/zt_risk_scoring/behaviors");
    let body = json!({"behaviors": {id: {"enabled": enabled, "risk_level": level}}});
    let reply = http(base, "PUT", &path, token, Some(&body));
    assert_eq!(reply["success"], true, "{reply}");
}

/// The label the level select shows for a wire value.
fn label(level: &str) -> &'static str {
    match level {
        "high" => "High",
        "medium" => "Medium",
        _ => "Low",
    }
}

fn other_level(level: &str) -> &'static str {
    if level == "high" {
        "low"
    } else {
        "high"
    }
}

async fn open_behaviors(c: &Console) {
    c.open("/behaviors").await;
    c.role("table", "Risk behaviors").await;
}

async fn apply_and_wait(c: &Console, toast: &str) {
    c.click_dialog_button("Apply").await;
    c.wait_text(".toast", toast).await;
    c.wait_for("the review to close", || async {
        Ok((!c.is_visible("dialog[open]").await).then_some(()))
    })
    .await;
}

#[test]
fn behaviors_export_change_import_review_apply() {
    run("config-import", &[], |c| async move {
        open_behaviors(&c).await;
        let exported = state(&c, FIRST).await;
        c.click_button("Export").await;
        let file = c.downloaded("json").await;
        let text = std::fs::read_to_string(&file).expect("read the export");
        let body: Value = serde_json::from_str(&text).expect("the export is JSON");
        assert_eq!(
            body["behaviors"][FIRST_ID]["risk_level"],
            exported.1.as_str(),
            "{text}"
        );
        assert_eq!(
            body["behaviors"][FIRST_ID]["enabled"],
            exported.0 == "true",
            "{text}"
        );

        // Change Impossible Travel (switch and level) and save it.
        let changed_level = other_level(&exported.1);
        c.role("switch", &format!("Enable {FIRST}"))
            .await
            .click()
            .await
            .unwrap();
        c.select(&format!("Risk level for {FIRST}"), label(changed_level))
            .await;
        c.click_button("Save changes").await;
        apply_and_wait(&c, "Saved 1 behavior change").await;
        assert_eq!(
            state(&c, FIRST).await,
            (flipped(&exported.0), changed_level.to_owned())
        );

        // Import the exported file: the review shows the way back, nothing is sent before Apply.
        let input = c.labelled("Import a file").await;
        input
            .send_keys(&file.display().to_string())
            .await
            .expect("choose the file");
        c.wait_text("dialog[open] h2", "Review changes").await;
        let row = c
            .wait_text("dialog[open] tbody tr", FIRST)
            .await
            .text()
            .await
            .unwrap();
        let back_on = if exported.0 == "true" {
            "Off → On"
        } else {
            "On → Off"
        };
        let back_level = format!("{} → {}", label(changed_level), label(&exported.1));
        assert!(row.contains(back_on) && row.contains(&back_level), "{row}");
        let rows = c
            .client
            .find_all(fantoccini::Locator::Css("dialog[open] tbody tr"))
            .await
            .unwrap();
        assert_eq!(
            rows.len(),
            1,
            "only the behavior that differs from the file"
        );
        c.screenshot("config-import-review").await;
        apply_and_wait(&c, "Saved 1 behavior change").await;

        open_behaviors(&c).await;
        assert_eq!(
            state(&c, FIRST).await,
            exported,
            "{FIRST} is back as exported after a reload"
        );
    });
}

#[test]
fn a_change_made_elsewhere_merges_or_conflicts() {
    run("config-conflict", &[], |c| async move {
        open_behaviors(&c).await;
        let (first_on, first_level) = state(&c, FIRST).await;
        let (second_on, second_level) = state(&c, SECOND).await;
        let mine = other_level(&first_level);
        c.select(&format!("Risk level for {FIRST}"), label(mine))
            .await;

        // Meanwhile, elsewhere: the same behavior (a conflict) and another one (merged).
        let theirs_on = first_on != "true";
        change_elsewhere(&c.base, FIRST_ID, theirs_on, &first_level);
        change_elsewhere(&c.base, SECOND_ID, second_on != "true", &second_level);

        c.click_button("Save changes").await;
        c.wait_text("dialog[open] h2", "Review changes").await;
        c.click_dialog_button("Apply").await;
        let conflict = c.wait_text("dialog[open] fieldset.conflict", FIRST).await;
        let shown = conflict.text().await.unwrap();
        assert!(
            shown.contains(&format!(
                "Original: {}, {}",
                if first_on == "true" { "On" } else { "Off" },
                label(&first_level)
            )),
            "{shown}"
        );
        let on = |b: bool| if b { "On" } else { "Off" };
        assert!(
            shown.contains(&format!(
                "Keep theirs: {}, {}",
                on(theirs_on),
                label(&first_level)
            )),
            "{shown}"
        );
        let yours = format!("Keep yours: {}, {}", on(first_on == "true"), label(mine));
        assert!(shown.contains(&yours), "{shown}");
        let conflicts = c
            .client
            .find_all(fantoccini::Locator::Css("dialog[open] fieldset.conflict"))
            .await
            .unwrap();
        assert_eq!(
            conflicts.len(),
            1,
            "{SECOND} changed only elsewhere: merged, no conflict"
        );
        c.screenshot("config-conflict").await;
        let apply = c.role("button", "Apply").await;
        assert!(
            !apply.is_enabled().await.unwrap(),
            "Apply waits until the conflict is resolved"
        );

        c.labelled(&yours).await.click().await.unwrap();
        apply_and_wait(&c, "Saved 1 behavior change").await;

        open_behaviors(&c).await;
        assert_eq!(
            state(&c, FIRST).await,
            (first_on, mine.to_owned()),
            "yours kept for {FIRST}"
        );
        assert_eq!(
            state(&c, SECOND).await,
            (flipped(&second_on), second_level),
            "theirs kept for {SECOND}"
        );
    });
}
