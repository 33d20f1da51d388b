//! Views reached by a list of steps (open, wait, click), so that a flow which visits every view
//! (the accessibility audit, the wrap check) lists each one as a line of data.

use std::time::Duration;

use super::Console;

/// One step to reach a view.
#[derive(Clone, Copy)]
pub enum Step {
    /// Open this path and wait for the frame.
    Open(&'static str),
    /// Wait for a visible element.
    Css(&'static str),
    /// Click the first visible element matching.
    Click(&'static str),
    /// Click the button with this accessible name.
    Button(&'static str),
    /// Wait for a visible element matching the selector whose text contains the text.
    Text(&'static str, &'static str),
}

/// Takes the steps, then gives transitions, skeletons and toasts time to settle.
pub async fn reach(c: &Console, steps: &[Step]) {
    for step in steps {
        match *step {
            Step::Open(path) => c.open(path).await,
            Step::Css(selector) => drop(c.css(selector).await),
            Step::Click(selector) => c.css(selector).await.click().await.expect("click"),
            Step::Button(name) => c.role("button", name).await.click().await.expect("click"),
            Step::Text(selector, text) => drop(c.wait_text(selector, text).await),
        }
    }
    tokio::time::sleep(Duration::from_millis(400)).await;
}
