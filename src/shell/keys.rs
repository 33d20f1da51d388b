//! Keyboard shortcuts as a pure state machine: a key press and its context in, an action out.
//! No DOM here (`shortcuts` feeds it from the document), so every rule is tested natively.

use crate::routes::Page;

/// What a shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Focus the page's search box.
    FocusSearch,
    /// Open the list of shortcuts.
    Help,
    /// Go to a page.
    Go(Page),
}

/// How long `g` waits for its second key, in milliseconds.
pub const CHORD_MS: f64 = 1500.0;

/// One key press as the document saw it.
#[derive(Debug, Clone, Copy)]
pub struct Press<'a> {
    /// `KeyboardEvent.key`, e.g. "g", "/", "?".
    pub key: &'a str,
    /// Ctrl, Alt or Meta was held (Shift is part of the key: "?" needs it).
    pub modified: bool,
    /// The admin is typing in a field, or a modal dialog is open.
    pub busy: bool,
    /// When, in milliseconds.
    pub now: f64,
}

/// The machine's memory: when `g` was pressed, if it waits for a second key.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Keys {
    g_at: Option<f64>,
}

impl Keys {
    /// The action for `press`, if any. Presses while typing or with Ctrl/Alt/Meta never act
    /// and cancel a pending `g`.
    pub fn press(&mut self, press: Press) -> Option<Action> {
        let pending = self
            .g_at
            .take()
            .is_some_and(|at| press.now - at <= CHORD_MS);
        if press.modified || press.busy {
            return None;
        }
        let mut chars = press.key.chars();
        let key = match (chars.next(), chars.next()) {
            (Some(c), None) => c,
            _ => return None,
        };
        if pending {
            return Page::for_key(key).map(Action::Go);
        }
        match key {
            'g' => {
                self.g_at = Some(press.now);
                None
            }
            '/' => Some(Action::FocusSearch),
            '?' => Some(Action::Help),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: &str, now: f64) -> Press<'_> {
        Press {
            key,
            modified: false,
            busy: false,
            now,
        }
    }

    fn run(keys: &[Press]) -> Vec<Option<Action>> {
        let mut machine = Keys::default();
        keys.iter().map(|p| machine.press(*p)).collect()
    }

    #[test]
    fn g_then_a_letter_goes_to_its_page() {
        for (letter, page) in [
            ("o", Page::Overview),
            ("u", Page::Users),
            ("d", Page::Detections),
            ("b", Page::Behaviors),
            ("i", Page::Integrations),
        ] {
            assert_eq!(
                run(&[key("g", 0.0), key(letter, 100.0)]),
                [None, Some(Action::Go(page))]
            );
        }
        assert_eq!(
            run(&[key("g", 0.0), key("x", 1.0), key("u", 2.0)]),
            [None, None, None]
        );
        assert_eq!(
            run(&[key("g", 0.0), key("u", CHORD_MS + 1.0)]),
            [None, None],
            "too late"
        );
        assert_eq!(run(&[key("u", 0.0)]), [None], "u alone does nothing");
    }

    #[test]
    fn slash_and_question_mark() {
        assert_eq!(run(&[key("/", 0.0)]), [Some(Action::FocusSearch)]);
        assert_eq!(run(&[key("?", 0.0)]), [Some(Action::Help)]);
        assert_eq!(run(&[key("Shift", 0.0), key("Enter", 1.0)]), [None, None]);
    }

    #[test]
    fn never_while_typing_or_with_modifiers() {
        let typing = Press {
            busy: true,
            ..key("/", 0.0)
        };
        let ctrl = Press {
            modified: true,
            ..key("?", 0.0)
        };
        assert_eq!(run(&[typing, ctrl]), [None, None]);
        let g_typed = Press {
            busy: true,
            ..key("g", 0.0)
        };
        assert_eq!(run(&[g_typed, key("u", 1.0)]), [None, None]);
        assert_eq!(
            run(&[
                key("g", 0.0),
                Press {
                    busy: true,
                    ..key("u", 1.0)
                },
                key("u", 2.0)
            ]),
            [None, None, None],
            "typing cancels a pending g"
        );
    }
}
