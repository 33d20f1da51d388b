//! The shared form and table widgets in headless Chromium: `Field` wires its control, `Switch`
//! flips and reports, `SortHeader` shows and changes the sort.

mod common;

use common::*;
use leptos::prelude::*;
use wasm_bindgen_test::*;
use zt_risk_console::api::fake::FakeTransport;
use zt_risk_console::components::{Field, SortHeader, Switch};
use zt_risk_console::sort::{Dir, Sort};

wasm_bindgen_test_configure!(run_in_browser);

fn attr(selector: &str, name: &str) -> Option<String> {
    el(selector).get_attribute(name)
}

#[wasm_bindgen_test]
async fn field_gives_its_control_id_description_and_invalid_state() {
    let error = RwSignal::new(None::<String>);
    let _h = mount(config(), FakeTransport::new(), 1000, move || {
        view! {
            <Field id="named" label="Named" hint="A hint." error>
                <input type="text"/>
            </Field>
            <Field label="Generated">
                <input type="text" class="generated"/>
            </Field>
        }
    });
    settle().await;
    assert_eq!(attr("label[for=named]", "for").as_deref(), Some("named"));
    assert_eq!(
        attr("#named", "aria-describedby").as_deref(),
        Some("named-hint named-error")
    );
    assert_eq!(text("#named-hint"), "A hint.");
    assert!(query("#named-error").is_some());
    assert_eq!(attr("#named", "aria-invalid"), None);
    error.set(Some("Wrong.".into()));
    settle().await;
    assert_eq!(attr("#named", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(text("#named-error"), "Wrong.");
    error.set(None);
    settle().await;
    assert_eq!(attr("#named", "aria-invalid"), None);

    let generated = el("input.generated").id();
    assert!(generated.starts_with("field-"), "{generated}");
    assert_eq!(
        attr(&format!("label[for={generated}]"), "for"),
        Some(generated.clone())
    );
    assert_eq!(
        attr("input.generated", "aria-describedby"),
        Some(format!("{generated}-error")),
        "no hint: described by the error only"
    );
}

#[wasm_bindgen_test]
async fn switch_flips_through_its_owner() {
    let on = RwSignal::new(false);
    let _h = mount(config(), FakeTransport::new(), 1000, move || {
        view! {
            <Switch label="Enable Test" checked=on on_change=Callback::new(move |v| on.set(v))
                describedby="desc"/>
        }
    });
    settle().await;
    let switch = r#"button[role="switch"][aria-label="Enable Test"]"#;
    assert_eq!(attr(switch, "aria-checked").as_deref(), Some("false"));
    assert_eq!(attr(switch, "aria-describedby").as_deref(), Some("desc"));
    assert_eq!(text(".switch-state"), "Off");
    click(switch);
    settle().await;
    assert!(on.get_untracked());
    assert_eq!(attr(switch, "aria-checked").as_deref(), Some("true"));
    assert_eq!(text(".switch-state"), "On");
}

#[wasm_bindgen_test]
async fn sort_header_shows_and_changes_the_sort() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Col {
        A,
        B,
    }
    let sort = RwSignal::new(Sort {
        key: Col::A,
        dir: Dir::Asc,
    });
    let on_sort = Callback::new(move |col| sort.update(|s| *s = s.clicked(col, Dir::Desc)));
    let _h = mount(config(), FakeTransport::new(), 1000, move || {
        view! {
            <table><thead><tr>
                <SortHeader column=Col::A label="Alpha" sort on_sort/>
                <SortHeader column=Col::B label="Beta" sort on_sort numeric=true/>
            </tr></thead></table>
        }
    });
    settle().await;
    let aria = || {
        (
            attr("th:nth-child(1)", "aria-sort").unwrap_or_default(),
            attr("th:nth-child(2)", "aria-sort").unwrap_or_default(),
        )
    };
    assert_eq!(aria(), ("ascending".into(), "none".into()));
    assert_eq!(attr("th:nth-child(2)", "class").as_deref(), Some("num"));
    click_button("Alpha");
    settle().await;
    assert_eq!(aria(), ("descending".into(), "none".into()));
    click_button("Beta");
    settle().await;
    assert_eq!(
        aria(),
        ("none".into(), "descending".into()),
        "a new column starts its own way"
    );
    assert_eq!(sort.get_untracked().key, Col::B);
}
