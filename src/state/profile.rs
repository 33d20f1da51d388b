//! Switching the active profile: asks first when a draft has unsaved edits, drops what was
//! loaded for the previous account (the read cache, loaded events), then selects the new one.
//! The layout renders the page anew on the switch, so every page loads for the new account.

use leptos::prelude::*;

use super::unsaved::Guards;
use super::{Cache, EventsStore};
use crate::session::{use_session, Session};

/// What a switch touches, taken from context once (event handlers have no owner).
#[derive(Clone, Copy)]
pub struct ProfileSwitch {
    session: Session,
    cache: Cache,
    events: EventsStore,
    guards: Guards,
}

/// The switch for the calling component's context.
pub fn use_profile_switch() -> ProfileSwitch {
    ProfileSwitch {
        session: use_session(),
        cache: expect_context::<Cache>(),
        events: expect_context::<EventsStore>(),
        guards: Guards::use_context(),
    }
}

impl ProfileSwitch {
    /// Switches to profile `name`. Returns false when nothing changed: no such profile, it is
    /// already active, or the admin kept their unsaved edits.
    pub fn to(&self, name: &str) -> bool {
        let Some(profile) = untrack(|| self.session.profile(name)) else {
            return false;
        };
        if self.session.is_active(&profile.name) || !self.guards.confirm_leave() {
            return false;
        }
        // Nothing read for the old account survives.
        self.cache.clear();
        self.events.clear();
        self.session.select(&profile.name)
    }
}
