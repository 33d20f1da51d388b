//! Text never breaks inside a word in a control: on every page, at every width from a phone to a
//! wide screen, each word of a button, label, switch, badge, the pager, the header tools or a
//! table cell holding a control sits on one line. Measured in the browser: a Range over each
//! word must lie on a single line box. A new page is one line in `VIEWS`.

use std::time::Duration;

use serde_json::{json, Value};

use crate::common::steps::{reach, Step, Step::*};
use crate::common::{run, Console};

/// The window widths checked, in CSS pixels: a phone, a tablet, small and large laptops, a desktop.
const WIDTHS: [u32; 5] = [390, 768, 1024, 1440, 1920];

/// The width the views are reached at (the desktop navigation is visible).
const REACH_WIDTH: u32 = 1280;

/// Every page, each reached by its steps at [`REACH_WIDTH`], then measured at each width.
const VIEWS: &[(&str, &[Step])] = &[
    ("overview", &[Open("/"), Css("figure.chart")]),
    ("users", &[Open("/users"), Css("table tbody tr a")]),
    (
        "user",
        &[Open("/users"), Click("table tbody tr a"), Css("dl.facts")],
    ),
    (
        "detections with events",
        &[
            Open("/detections"),
            Click(".load-events button"),
            Text(".run [role=status]", "Done"),
            Css("table tbody tr"),
        ],
    ),
    // The events stay loaded for the tab: the nav link keeps them (no page load).
    (
        "overview with events",
        &[Click("nav a[href='/']"), Css("figure.chart .bars li")],
    ),
    ("behaviors", &[Open("/behaviors"), Css("[role=switch]")]),
    (
        "integrations",
        &[Open("/integrations"), Css("table tbody tr a")],
    ),
    (
        "integration",
        &[
            Open("/integrations"),
            Click("table tbody tr a"),
            Css("dl.facts"),
        ],
    ),
    (
        "new integration",
        &[Open("/integrations/new"), Css("form input")],
    ),
    ("settings", &[Open("/settings"), Css("#profile-name")]),
];

/// Controls whose words must not break: buttons, labels, switches, badges, the pager, the header
/// tools and navigation, and table cells that hold a control.
const CONTROLS: &str = "button, a.button, label, legend, summary, [role=switch], .switch-field, \
     .badge, .pager, .header-tools, .app-header nav a, \
     td:has(button, input, select, [role=switch])";

/// Returns `{element, word, lines}` for every word of a visible control's text that lies on
/// more than one line box. A word is a run of non-space characters in one text node.
const BROKEN_WORDS: &str = r#"
const [selector] = arguments;
const found = [];
const seen = new Set();
// The innermost control holding the text, named by its own or its first inner aria-label.
const describe = node => {
  const el = node.parentElement.closest(selector);
  const classes = [...el.classList].map(c => '.' + c).join('');
  const labelled = el.matches('[aria-label]') ? el : el.querySelector('[aria-label]');
  const name = (labelled ? labelled.getAttribute('aria-label') : el.textContent) || '';
  return `<${el.tagName.toLowerCase()}${classes}> "${name.replace(/\s+/g, ' ').trim().slice(0, 60)}"`;
};
for (const el of document.querySelectorAll(selector)) {
  if (el.getClientRects().length === 0) continue;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (seen.has(node)) continue;
    seen.add(node);
    for (const m of node.data.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = [];
      for (const r of range.getClientRects()) {
        if (r.width === 0 || r.height === 0) continue;
        if (!tops.some(t => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
      }
      if (tops.length > 1) found.push({ element: describe(node), word: m[0], lines: tops.length });
    }
  }
}
return found;
"#;

/// Resizes the window so that the page's viewport is `width` CSS pixels wide.
async fn set_width(c: &Console, width: u32) {
    let inner = |c: &Console| {
        let c = c.clone();
        async move {
            let v = c
                .client
                .execute("return window.innerWidth", vec![])
                .await
                .expect("innerWidth");
            v.as_i64().expect("a width")
        }
    };
    c.client.set_window_size(width, 900).await.expect("resize");
    let chrome = inner(c).await - i64::from(width);
    if chrome != 0 {
        let outer = i64::from(width) - chrome;
        let outer = u32::try_from(outer).expect("a positive window width");
        c.client.set_window_size(outer, 900).await.expect("resize");
    }
    assert_eq!(inner(c).await, i64::from(width), "the viewport width");
    // Two frames: the resize's layout has been done and painted.
    c.client
        .execute_async(
            "const done = arguments[0]; \
             requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
            vec![],
        )
        .await
        .expect("wait two frames");
}

/// One line per word broken across lines in a control of the current page at this width.
async fn broken_words(c: &Console, view: &str, width: u32) -> Vec<String> {
    let found = c
        .client
        .execute(BROKEN_WORDS, vec![json!(CONTROLS)])
        .await
        .expect("measure the words");
    let Value::Array(found) = found else {
        panic!("the measuring script returned {found}");
    };
    found
        .iter()
        .map(|f| {
            format!(
                "{view} at {width} px: {} breaks {:?} over {} lines",
                f["element"].as_str().unwrap_or("?"),
                f["word"].as_str().unwrap_or("?"),
                f["lines"]
            )
        })
        .collect()
}

/// The measure itself: a button squeezed to one character's width, whose word must break, is
/// reported (so the page checks below cannot pass by measuring nothing).
async fn sees_a_squeezed_word(c: &Console) {
    c.client
        .execute(
            "const b = document.createElement('button'); b.id = 'wrap-probe'; \
             b.textContent = 'Squeezed'; b.style.width = '1ch'; b.style.overflowWrap = 'anywhere'; \
             document.querySelector('main').append(b);",
            vec![],
        )
        .await
        .expect("add the probe");
    let broken = broken_words(c, "probe", REACH_WIDTH).await;
    c.client
        .execute("document.getElementById('wrap-probe').remove()", vec![])
        .await
        .expect("remove the probe");
    assert!(
        broken.iter().any(|b| b.contains("\"Squeezed\"")),
        "the measure missed a word squeezed over several lines: {broken:?}"
    );
}

#[test]
fn no_word_breaks_inside_a_control_on_any_page_at_any_width() {
    run("wrap", &[], |c| async move {
        set_width(&c, REACH_WIDTH).await;
        c.open("/").await;
        sees_a_squeezed_word(&c).await;
        let mut failures = Vec::new();
        let mut measured = 0;
        for (view, steps) in VIEWS {
            set_width(&c, REACH_WIDTH).await;
            reach(&c, steps).await;
            for width in WIDTHS {
                set_width(&c, width).await;
                // Let layout-dependent parts (charts, the menu button) settle at the new width.
                tokio::time::sleep(Duration::from_millis(150)).await;
                let broken = broken_words(&c, view, width).await;
                measured += 1;
                println!("[wrap] {view} at {width} px: {} broken words", broken.len());
                failures.extend(broken);
            }
        }
        assert_eq!(measured, VIEWS.len() * WIDTHS.len());
        assert!(
            failures.is_empty(),
            "words broken inside controls:\n  {}",
            failures.join("\n  ")
        );
    });
}
