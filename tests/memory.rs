//! What the console remembers per profile, in headless Chromium: the IndexedDB backend itself
//! (records, history queries, pruning, forgetting), layouts of another version set aside or
//! refused with a notice, storage that cannot open, and a revisit of Detections that takes
//! every unchanged user from memory: one request, the summary.

mod common;

use std::rc::Rc;
use std::sync::Arc;

use common::users::many;
use common::*;
use futures::FutureExt;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::memory::backend::{Backend, Batch, DbError, HistoryQuery, HistoryRow, Store};
use zt_risk_console::memory::context::Opener;
use zt_risk_console::memory::fake::{opener_on, FakeBackend};
use zt_risk_console::memory::idb::Idb;
use zt_risk_console::memory::keeper::Keeper;
use zt_risk_console::memory::use_memory;
use zt_risk_console::pages::DetectionsPage;

wasm_bindgen_test_configure!(run_in_browser);

/// A database name no other test uses.
fn fresh_name(what: &str) -> String {
    format!("zt-risk-test:{what}:{}", js_sys::Math::random())
}

fn row(at: f64, subject: &str, seq: u32) -> HistoryRow {
    HistoryRow {
        at,
        subject: subject.into(),
        seq,
        json: format!("{{\"at\":{at}}}"),
    }
}

#[wasm_bindgen_test]
async fn the_indexeddb_backend_keeps_records_and_history() {
    let name = fresh_name("backend");
    let db = Idb::open(&name).await.expect("opens");
    assert_eq!(db.upgraded_from, None, "created, not upgraded");
    let puts = (0..7)
        .map(|i| (Store::Users, format!("u{i}"), format!("text {i}")))
        .collect();
    let history = vec![row(1.0, "a", 1), row(2.0, "b", 2), row(3.0, "a", 3)];
    db.write(Batch { puts, history }).await.expect("writes");
    // Paged by key, from the first.
    let first = db.page(Store::Users, None, 3).await.expect("page");
    assert_eq!(
        first.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
        ["u0", "u1", "u2"]
    );
    let next = db
        .page(Store::Users, Some("u2".into()), 10)
        .await
        .expect("page");
    assert_eq!(next.len(), 4);
    assert_eq!(next[0], ("u3".to_owned(), "text 3".to_owned()));
    let got = db
        .get(Store::Users, vec!["u5".into(), "none".into()])
        .await
        .expect("get");
    assert_eq!(got, [Some("text 5".to_owned()), None]);
    // History by time and by subject, oldest first.
    let since = db.history(HistoryQuery::Since(2.0)).await.expect("since");
    assert_eq!(since, ["{\"at\":2}", "{\"at\":3}"]);
    let of_a = db.history(HistoryQuery::Of("a".into())).await.expect("of");
    assert_eq!(of_a, ["{\"at\":1}", "{\"at\":3}"]);
    assert_eq!(
        db.history_span().await.expect("span"),
        (3, Some((1.0, 3.0)))
    );
    assert_eq!(db.prune(2.0).await.expect("prune"), 1);
    assert_eq!(db.drop_oldest(1).await.expect("drop"), 1);
    assert_eq!(
        db.history_span().await.expect("span"),
        (1, Some((3.0, 3.0)))
    );
    db.destroy().await.expect("destroys");
    let again = Idb::open(&name).await.expect("opens anew");
    assert!(again
        .page(Store::Users, None, 10)
        .await
        .expect("page")
        .is_empty());
    again.destroy().await.expect("destroys");
}

/// Creates database `name` at `version` with the object store `store`, the way an older or
/// newer build of the console would have.
async fn create_foreign(name: &str, version: u32, store: &'static str) {
    let factory = web_sys::window()
        .expect("window")
        .indexed_db()
        .expect("idb")
        .expect("idb");
    let open = factory.open_with_u32(name, version).expect("open");
    let upgrading = open.clone();
    let on_upgrade = wasm_bindgen::closure::Closure::once_into_js(move || {
        let db: web_sys::IdbDatabase = upgrading.result().expect("result").unchecked_into();
        db.create_object_store(store).expect("store");
    });
    open.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let opened = js_sys::Promise::new(&mut |resolve, _| {
        let request = open.clone();
        let on_success = wasm_bindgen::closure::Closure::once_into_js(move || {
            let db: web_sys::IdbDatabase = request.result().expect("result").unchecked_into();
            db.close();
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
        open.set_onsuccess(Some(on_success.unchecked_ref()));
    });
    JsFuture::from(opened).await.expect("created");
}

#[wasm_bindgen_test]
async fn an_older_layout_is_set_aside_and_a_newer_one_refused() {
    let older = fresh_name("older");
    create_foreign(&older, 1, "events").await;
    let db = Idb::open_at(&older, 2).await.expect("upgrades");
    assert_eq!(db.upgraded_from, Some(1));
    assert_eq!(db.upgraded_from(), Some(1));
    // The old store is set aside (still there), the new ones work.
    let names = db.store_names();
    assert!(
        names.contains(&"events".to_owned()) && names.contains(&"users".to_owned()),
        "{names:?}"
    );
    db.write(Batch {
        puts: vec![(Store::Meta, "k".into(), "v".into())],
        history: Vec::new(),
    })
    .await
    .expect("writes");
    db.destroy().await.expect("destroys");

    let newer = fresh_name("newer");
    create_foreign(&newer, 99, "future").await;
    assert!(matches!(Idb::open(&newer).await, Err(DbError::Newer)));
}

/// An opener whose storage cannot open (blocked storage, a private window without it).
fn broken() -> Opener {
    Rc::new(|_name: String| {
        async { Err::<Rc<dyn Keeper>, _>(DbError::Unavailable("SecurityError: blocked".into())) }
            .boxed_local()
    })
}

fn summary_of(users: &[zt_risk_api::UserRiskInfo]) -> FakeReply {
    FakeReply::ok(&serde_json::json!({ "users": users }).to_string())
}

fn detail_of(u: &zt_risk_api::UserRiskInfo) -> FakeReply {
    let detail = serde_json::json!({
        "name": u.name, "email": u.email, "risk_level": "high",
        "events": [{ "id": format!("e-{}", u.user_id), "name": "Impossible Travel", "risk_level": "high",
                     "timestamp": u.last_event }],
    });
    FakeReply::ok(&detail.to_string())
}

#[wasm_bindgen_test]
async fn without_storage_the_console_works_as_before_and_says_so_once() {
    clear_storage();
    go("/detections");
    let users = many(2);
    let fake = FakeTransport::new();
    fake.push(summary_of(&users));
    for u in &users {
        fake.push(detail_of(u));
    }
    let memory = Rc::new(std::cell::RefCell::new(None));
    let seen = memory.clone();
    let _h = mount_remembering(
        config_with_token(),
        Arc::new(fake.clone()),
        broken(),
        5_000,
        move || {
            *seen.borrow_mut() = Some(use_memory());
            view! { <Router><DetectionsPage/></Router> }
        },
    );
    wait_for("the load button", || query("#load-scope").is_some()).await;
    click_button("Load events for 2 users");
    wait_for("the rows", || text("body").contains("Showing 1–2 of 2")).await;
    let memory = memory.borrow().expect("memory");
    let notice = memory.notice().get_untracked().expect("a notice");
    assert!(
        notice.contains("Nothing is remembered between visits") && notice.contains("blocked"),
        "{notice}"
    );
}

#[wasm_bindgen_test]
async fn a_revisit_with_nothing_changed_sends_only_the_summary() {
    clear_storage();
    let users = many(5);
    let backend = Rc::new(FakeBackend::default());
    // First visit: load every user's events.
    go("/detections");
    let first = FakeTransport::new();
    first.push(summary_of(&users));
    for u in &users {
        first.push(detail_of(u));
    }
    let h = mount_remembering(
        config_with_token(),
        Arc::new(first.clone()),
        opener_on(backend.clone()),
        5_000,
        || {
            view! { <Router><DetectionsPage/></Router> }
        },
    );
    wait_for("the load button", || query("#load-scope").is_some()).await;
    click_button("Load events for 5 users");
    wait_for("the rows", || text("body").contains("Showing 1–5 of 5")).await;
    wait_for("kept", || backend.raw(Store::Details).len() == 5).await;
    drop(h);

    // Second visit, same browser: the summary, and nothing else.
    let second = FakeTransport::new();
    second.push(summary_of(&users));
    let _h = mount_remembering(
        config_with_token(),
        Arc::new(second.clone()),
        opener_on(backend.clone()),
        5_000,
        || {
            view! { <Router><DetectionsPage/></Router> }
        },
    );
    wait_for("the rows from memory", || {
        text("body").contains("Showing 1–5 of 5")
    })
    .await;
    settle().await;
    assert_eq!(second.requests().len(), 1, "only the summary");
    assert!(
        text(".stored").contains("Stored in this browser: 5 users (no request)."),
        "{}",
        text(".stored")
    );

    // One user has a new event: that user alone is fetched.
    let mut changed = users.clone();
    changed[2].event_count += 1;
    changed[2].last_event += chrono::Duration::minutes(5);
    drop(_h);
    let third = FakeTransport::new();
    third.push(summary_of(&changed));
    third.push(detail_of(&changed[2]));
    let _h = mount_remembering(
        config_with_token(),
        Arc::new(third.clone()),
        opener_on(backend),
        5_000,
        || {
            view! { <Router><DetectionsPage/></Router> }
        },
    );
    wait_for("the changed user fetched", || third.requests().len() == 2).await;
    settle().await;
    let urls: Vec<String> = third.requests().into_iter().map(|r| r.url).collect();
    assert!(urls[1].ends_with(&changed[2].user_id), "{urls:?}");
    assert!(
        text(".stored").contains("1 changed and 0 new"),
        "{}",
        text(".stored")
    );
}
