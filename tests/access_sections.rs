//! What levels keep out, where the risk pages show it, in headless Chromium: the Users page's
//! section per level, the user page's applications, the behaviors review's applications gained
//! and lost; and a token without Access permission, which reads one line while the rest of the
//! page works.

mod common;

use common::access::*;
use common::behaviors::{toggle, BEHAVIORS};
use common::users::{mount_user_page, mount_users, names, sample, summary_reply};
use common::*;
use leptos::prelude::view;
use serde_json::json;
use wasm_bindgen_test::*;
use zt_risk_console::access::fixtures;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};

wasm_bindgen_test_configure!(run_in_browser);

const USER: &str = "4a7f9c1e-8b2d-4e6f-9a3b-1c5d7e9f0a2b";

/// The Access replies of a section: the applications, then Jenkins' policies.
fn push_section_load(fake: &FakeTransport) {
    fake.push_access(one_page(&fixtures::apps_json()));
    fake.push_access(one_page(&fixtures::jenkins_policies_json()));
}

fn items(selector: &str) -> Vec<String> {
    let found = document().query_selector_all(selector).expect("selector");
    (0..found.length())
        .filter_map(|i| found.item(i)?.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn the_users_page_says_which_applications_each_level_is_kept_out_of() {
    go("/users");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&sample()));
    push_section_load(&fake);
    let _h = mount_users(&fake, 1000);
    wait_for("the section", || {
        items(".access-levels-list li")
            .first()
            .is_some_and(|l| l.contains("Jenkins"))
    })
    .await;
    assert_eq!(
        items(".access-levels-list li"),
        [
            "High: 3 applications — Grafana, Jenkins, Support desk",
            "Medium: 0 applications — none",
            "Low: 0 applications — none",
            "Unscored: 0 applications — none",
        ]
    );
    assert_eq!(
        el(".access-levels-list li:nth-child(1) a")
            .get_attribute("href")
            .as_deref(),
        Some("/access?level=high&cell=out")
    );
    assert_eq!(names().len(), 4, "the list is unaffected");
    assert_eq!(fake.requests().len(), 1, "the summary once");
}

#[wasm_bindgen_test]
async fn the_section_asks_for_nothing_until_the_users_are_painted() {
    go("/users");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&sample()).after(300));
    push_section_load(&fake);
    let _h = mount_users(&fake, 1000);
    gloo_timers::future::TimeoutFuture::new(150).await;
    // The summary is still on its way: the section holds its place and asks for nothing.
    assert!(names().is_empty(), "no rows yet");
    assert!(query(".access-levels").is_none());
    assert!(
        fake.access_requests().is_empty(),
        "nothing asked before the rows"
    );
    wait_for("the users", || names().len() == 4).await;
    wait_for("the section", || {
        items(".access-levels-list li")
            .first()
            .is_some_and(|l| l.contains("Jenkins"))
    })
    .await;
    assert!(!fake.access_requests().is_empty());
}

#[wasm_bindgen_test]
async fn without_access_permission_the_users_page_says_so_in_one_line() {
    go("/users");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&sample()));
    fake.push_access(access_denied());
    let _h = mount_users(&fake, 1000);
    wait_for("the line", || query(".access-unavailable").is_some()).await;
    assert_eq!(
        text(".access-unavailable").trim(),
        "Applications are not shown: the API token lacks the \u{201c}Access: Apps and Policies Read\u{201d} permission."
    );
    assert!(
        query(".access-levels button").is_none(),
        "no Retry for a 403"
    );
    wait_for("the users", || names().len() == 4).await;
    assert!(query("[role=alert]").is_none(), "the risk page works");
}

fn mount_user(
    fake: &FakeTransport,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    clear_storage();
    mount_user_page(fake, USER)
}

fn user_at(level: &str) -> FakeReply {
    FakeReply::ok(
        &json!({
            "name": "Ada Lovelace", "email": "ada@example.com", "last_reset_time": null,
            "risk_level": level,
            "events": [{"id": "e1", "name": "Impossible Travel", "risk_level": "high",
                        "timestamp": "2026-01-02T10:00:00Z"}]
        })
        .to_string(),
    )
}

#[wasm_bindgen_test]
async fn the_user_page_lists_what_their_level_keeps_them_out_of_and_why() {
    let fake = FakeTransport::new();
    fake.push(user_at("high"));
    fake.push(FakeReply::ok(BEHAVIORS));
    push_section_load(&fake);
    let _h = mount_user(&fake);
    wait_for("the applications", || items("ul.kept-out li").len() == 3).await;
    let section = text(".user-access");
    assert!(
        section.contains(
            "As a High-risk user, Ada Lovelace is kept out of 3 applications by their risk score:"
        ),
        "{section}"
    );
    assert_eq!(
        items("ul.kept-out li"),
        [
            "Grafana — Block high-risk users, Block: Include Risk score is High",
            "Jenkins — Employees, Allow: Exclude Risk score is High",
            "Support desk — Everyone but High, Allow: Exclude Risk score is High",
        ]
    );
    assert!(
        section.contains("1 application could not be checked."),
        "{section}"
    );
    assert_eq!(
        el(".user-access a").get_attribute("href").as_deref(),
        Some("/access?level=high")
    );
}

#[wasm_bindgen_test]
async fn a_level_access_rules_cannot_name_is_said_and_nothing_is_asked() {
    let fake = FakeTransport::new();
    fake.push(user_at("critical"));
    fake.push(FakeReply::ok(BEHAVIORS));
    let _h = mount_user(&fake);
    wait_for("the section", || query(".user-access").is_some()).await;
    assert!(
        text(".user-access").contains("(\u{201c}critical\u{201d}) is not one Access rules name")
    );
    settle().await;
    assert!(fake.access_requests().is_empty());
}

#[wasm_bindgen_test]
async fn the_behaviors_review_says_which_applications_moved_users_lose() {
    use zt_risk_console::state::events::Loaded;
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(BEHAVIORS));
    let row = json!({"user_id": USER, "name": "Ada", "email": "ada@example.com",
        "max_risk_level": "low", "event_count": 1, "last_event": "2026-11-28T10:00:00Z"});
    let detail = json!({"name": "Ada", "email": "ada@example.com", "last_reset_time": null,
        "events": [{"id": "e1", "name": "Impossible Travel", "risk_level": "high",
                    "timestamp": "2026-11-28T10:00:00Z"}]});
    let user = Loaded {
        user: serde_json::from_value(row).expect("row"),
        detail: serde_json::from_value(detail).expect("detail"),
        loaded_at: chrono::Utc::now(),
        left: false,
        kept: Vec::new(),
    };
    let _h = mount(config_with_token(), fake.clone(), 1000, move || {
        zt_risk_console::state::use_events().fill(ACCOUNT, vec![user]);
        view! { <zt_risk_console::pages::BehaviorsPage/> }
    });
    wait_for("the table", || query("table caption").is_some()).await;
    toggle("Impossible Travel");
    settle().await;
    click_button("Save changes");
    wait_for("the offer", || {
        text("dialog").contains("Check applications")
    })
    .await;
    assert!(
        fake.access_requests().is_empty(),
        "the review reads nothing by itself"
    );
    push_section_load(&fake);
    click_button("Check applications");
    wait_for("the applications", || {
        query("dialog table.access-impact tbody tr").is_some()
    })
    .await;
    wait_for("Jenkins read", || {
        text("dialog table.access-impact").contains("Jenkins")
    })
    .await;
    assert_eq!(
        items("dialog table.access-impact tbody tr th, dialog table.access-impact tbody tr td"),
        [
            "1 user: Unscored → High",
            "Grafana, Jenkins, Support desk (1 not checked)",
            "none",
        ]
    );
}
