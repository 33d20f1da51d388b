//! Export of the Users view in headless Chromium: "Export CSV" and "Export JSON" write every
//! row of the filtered view (not only the page shown), in its order, as a real `<a download>`
//! named with the account and a UTC time; CSV cells cannot run as formulas.

mod common;

use common::users::*;
use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zt_risk_api::UserRiskInfo;
use zt_risk_console::api::fake::FakeTransport;
use zt_risk_console::export::csv_reader::read as parse_csv;
use zt_risk_console::pages::users::view_state::{matching, UsersView};

wasm_bindgen_test_configure!(run_in_browser);

/// Keeps every download instead of saving it: the Blob given to `URL.createObjectURL` and the
/// `download` name and `href` of each link clicked.
fn spy_on_downloads() {
    js_sys::eval(
        "window.__blobs = []; window.__links = [];
         URL.createObjectURL = b => { window.__blobs.push(b); return 'blob:spy/' + window.__blobs.length; };
         URL.revokeObjectURL = () => {};
         HTMLAnchorElement.prototype.click = function () {
           window.__links.push([this.download, this.href, this.isConnected]);
         };",
    )
    .expect("install the spy");
}

fn global(name: &str) -> js_sys::Array {
    js_sys::Reflect::get(&js_sys::global(), &name.into())
        .expect("global")
        .unchecked_into()
}

async fn downloaded(n: u32) -> (String, String) {
    wait_for("a download", || global("__links").length() == n).await;
    let link: js_sys::Array = global("__links").get(n - 1).unchecked_into();
    let name = link.get(0).as_string().unwrap_or_default();
    assert_eq!(
        link.get(1).as_string().unwrap_or_default(),
        format!("blob:spy/{n}")
    );
    assert_eq!(
        link.get(2).as_bool(),
        Some(true),
        "the link is in the document when clicked"
    );
    let blob: web_sys::Blob = global("__blobs").get(n - 1).unchecked_into();
    // The bytes, not `blob.text()`: that decodes as UTF-8 and drops a byte order mark.
    let bytes = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .expect("blob bytes");
    let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
    (name, String::from_utf8(bytes).expect("UTF-8"))
}

fn users() -> Vec<UserRiskInfo> {
    let mut users = many(200);
    // All four are high (many() gives index % 3 == 2 the high level), so the view keeps them.
    users[2].name = "=HYPERLINK(\"http://evil.example\",\"x\")".into();
    users[5].name = "Lovelace, \"Ada\"\r\nthe first".into();
    users[8].name = "Zoë Ångström".into();
    users[11].email = "@sum(1)@example.com".into();
    users
}

#[wasm_bindgen_test]
async fn csv_and_json_hold_every_row_of_the_filtered_view_in_order() {
    go("/users?level=high&sort=name");
    let all = users();
    let fake = FakeTransport::new();
    fake.push(summary_reply(&all));
    let _h = mount_users(&fake, 2_000);
    wait_for("rows", || query("table.users tbody tr").is_some()).await;
    spy_on_downloads();
    let state = UsersView::from_query_str("?level=high&sort=name");
    let expected: Vec<&UserRiskInfo> =
        matching(&all, &state.filters, state.sort, chrono::Utc::now())
            .into_iter()
            .map(|i| &all[i])
            .collect();
    assert_eq!(expected.len(), 66, "more rows than one page");

    click_button("Export CSV");
    let (name, csv) = downloaded(1).await;
    assert!(
        name.starts_with(&format!("zt-risk-users-{ACCOUNT}-")) && name.ends_with("Z.csv"),
        "{name}"
    );
    assert_eq!(
        name.len(),
        format!("zt-risk-users-{ACCOUNT}-20261128T231500Z.csv").len()
    );
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 byte order mark");
    let rows = parse_csv(body);
    assert_eq!(
        rows[0],
        [
            "user_id",
            "name",
            "email",
            "max_risk_level",
            "event_count",
            "last_event"
        ]
    );
    assert_eq!(rows.len(), 1 + expected.len());
    for (row, u) in rows[1..].iter().zip(&expected) {
        let name = if u.name.starts_with('=') {
            format!("'{}", u.name)
        } else {
            u.name.clone()
        };
        let email = if u.email.starts_with('@') {
            format!("'{}", u.email)
        } else {
            u.email.clone()
        };
        assert_eq!(row[0], u.user_id);
        assert_eq!((&row[1], &row[2]), (&name, &email));
        assert_eq!(row[3], "high");
        assert_eq!(row[4], u.event_count.to_string());
        assert_eq!(
            row[5],
            u.last_event
                .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
        );
    }
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""));
    assert!(rows[1..]
        .iter()
        .any(|r| r[1] == "Lovelace, \"Ada\"\r\nthe first"));

    click_button("Export JSON");
    let (name, json) = downloaded(2).await;
    assert!(name.ends_with("Z.json"), "{name}");
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let back: Vec<UserRiskInfo> =
        serde_json::from_value(value["users"].clone()).expect("the API's UserRiskInfo objects");
    assert_eq!(back.iter().collect::<Vec<_>>(), expected);
    assert!(back.iter().any(|u| u.name == "Zoë Ångström"));
    assert!(query("[role=alert]").is_none());
    assert_eq!(fake.requests().len(), 1, "exports use the loaded summary");
}
