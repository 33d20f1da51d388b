//! `Memory`: the active profile's memory as Leptos context. It opens the profile's database
//! the first time something needs it, again after a profile switch, and falls back to
//! remembering nothing (today's behaviour) when the browser's storage is unavailable, saying
//! so in one line ([`Memory::notice`]). Tabs of the same profile hear what the others stored.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;

use super::backend::DbError;
use super::keeper::Keeper;
use super::profile::Notice;
use super::split;
use super::tabs::Channel;
use crate::session::{storage, use_session, Connection};
use crate::text::thousands;

/// Opens a profile's memory by its database name (the browser's IndexedDB, or a test's).
pub type Opener = Rc<dyn Fn(String) -> LocalBoxFuture<'static, Result<Rc<dyn Keeper>, DbError>>>;

type Opening = Shared<LocalBoxFuture<'static, Option<Rc<dyn Keeper>>>>;

/// This tab's visit of a profile: when it started and when the profile was last seen before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Visit {
    pub start: DateTime<Utc>,
    pub previous: Option<DateTime<Utc>>,
}

struct Inner {
    /// The database name of the profile the memory is for.
    name: String,
    opening: Option<Opening>,
    channel: Option<Channel>,
    visit: Option<Visit>,
}

/// The active profile's memory, provided once at the root.
#[derive(Clone, Copy)]
pub struct Memory {
    inner: StoredValue<RefCell<Inner>, LocalStorage>,
    opener: StoredValue<Opener, LocalStorage>,
    /// The line the layout shows about storage, if any.
    notice: RwSignal<Option<String>>,
    /// Bumped when another tab stored something (user ids in `heard`).
    heard: RwSignal<Vec<String>>,
    /// Bumped each time this tab recorded something (what reads the history tracks).
    recorded: RwSignal<u64>,
    /// When this page started. A new visit starts then, not when the profile opens: the
    /// visit's first summary (the one that says what changed) often arrives before that.
    loaded: DateTime<Utc>,
}

/// The database name of a profile: its API base and account (never its token).
pub fn database_name(connection: &Connection) -> String {
    let base = connection.api_base_url.trim().trim_end_matches('/');
    format!(
        "zt-risk:{base}|{}",
        connection.account_id.trim().to_ascii_lowercase()
    )
}

fn open_browser(name: String) -> LocalBoxFuture<'static, Result<Rc<dyn Keeper>, DbError>> {
    split::open(name).boxed_local()
}

impl Memory {
    /// The memory of the session's active profile, in the browser's IndexedDB.
    pub fn new() -> Self {
        Self::with_opener(Rc::new(open_browser))
    }

    /// The same with another backend (tests: the in-memory one).
    pub fn with_opener(opener: Opener) -> Self {
        let memory = Self {
            inner: StoredValue::new_local(RefCell::new(Inner {
                name: String::new(),
                opening: None,
                channel: None,
                visit: None,
            })),
            opener: StoredValue::new_local(opener),
            notice: RwSignal::new(None),
            heard: RwSignal::new(Vec::new()),
            recorded: RwSignal::new(0),
            loaded: Utc::now(),
        };
        let session = use_session();
        Effect::new(move |_| memory.switch(&database_name(&session.connection())));
        memory
    }

    /// Forgets the open profile if `name` is another one; the next use opens `name`.
    fn switch(self, name: &str) {
        self.inner.with_value(|inner| {
            let mut inner = inner.borrow_mut();
            if inner.name != name {
                *inner = Inner {
                    name: name.to_owned(),
                    opening: None,
                    channel: None,
                    visit: None,
                };
            }
        });
        self.notice.set(None);
    }

    /// The active profile's memory, opened on first use; `None` when the browser keeps nothing.
    pub async fn profile(self) -> Option<Rc<dyn Keeper>> {
        let opening = self.inner.try_with_value(|inner| {
            let mut inner = inner.borrow_mut();
            let name = inner.name.clone();
            inner
                .opening
                .get_or_insert_with(|| self.open(name).boxed_local().shared())
                .clone()
        })?;
        opening.await
    }

    async fn open(self, name: String) -> Option<Rc<dyn Keeper>> {
        if name.ends_with('|') || name.contains("zt-risk:|") {
            return None; // no base URL or account: nothing to key the data by
        }
        let opener = self.opener.try_get_value()?;
        let profile = match opener(name.clone()).await {
            Ok(profile) => profile,
            Err(e) => {
                self.say(unavailable(&e));
                return None;
            }
        };
        let visit = visit(&name, self.loaded, profile.last_seen());
        let channel = Channel::open(&name, move |text| self.hear(&text));
        profile.on_stored(Box::new(move |ids| {
            self.tell(ids);
            self.recorded.try_update(|n| *n += 1);
        }));
        self.inner.try_with_value(|inner| {
            let mut inner = inner.borrow_mut();
            if inner.name == name {
                inner.visit = Some(visit);
                inner.channel = channel;
            }
        });
        self.report(&*profile);
        Some(profile)
    }

    /// Changes each time this tab records something (reactive).
    pub fn recorded(self) -> u64 {
        self.recorded.get()
    }

    /// Shows what the profile's storage reported since the last time, if anything.
    pub fn report(self, profile: &dyn Keeper) {
        self.recorded.try_update(|n| *n += 1);
        let notices: Vec<String> = profile.take_notices().iter().map(words).collect();
        if !notices.is_empty() {
            self.say(notices.join(" "));
        }
    }

    fn say(self, text: String) {
        self.notice.try_set(Some(text));
    }

    /// The line about storage to show (reactive): unavailable, full, records skipped.
    pub fn notice(self) -> Signal<Option<String>> {
        self.notice.into()
    }

    /// Dismisses the notice.
    pub fn dismiss(self) {
        self.notice.set(None);
    }

    /// This tab's visit of the active profile (known once the profile is open).
    pub fn visit(self) -> Option<Visit> {
        self.inner
            .try_with_value(|inner| inner.borrow().visit)
            .flatten()
    }

    /// Tells the other tabs of this profile that these users' records changed.
    pub fn tell(self, ids: &[String]) {
        if ids.is_empty() {
            return;
        }
        let Ok(message) = serde_json::to_string(ids) else {
            return;
        };
        self.inner.try_with_value(|inner| {
            if let Some(channel) = &inner.borrow().channel {
                channel.post(&message);
            }
        });
    }

    fn hear(self, message: &str) {
        if let Ok(ids) = serde_json::from_str::<Vec<String>>(message) {
            self.heard.try_set(ids);
        }
    }

    /// The user ids another tab last said it stored (reactive).
    pub fn heard(self) -> ReadSignal<Vec<String>> {
        self.heard.read_only()
    }

    /// Forgets everything the active profile keeps, and opens it afresh.
    pub async fn forget(self) -> Result<(), DbError> {
        if let Some(profile) = self.profile().await {
            profile.forget().await?;
        }
        let name = self
            .inner
            .try_with_value(|inner| inner.borrow().name.clone());
        if let Some(name) = name {
            self.inner.try_with_value(|inner| {
                inner.borrow_mut().opening = None;
            });
            forget_visit(&name);
        }
        Ok(())
    }
}

impl Default for Memory {
    fn default() -> Self {
        Self::new()
    }
}

/// The notice for storage that could not be opened.
fn unavailable(e: &DbError) -> String {
    match e {
        DbError::Newer => "This profile's stored data was written by a newer version of the console: it is left as it is, and this tab remembers nothing (events are kept for the tab only).".to_owned(),
        e => format!("Nothing is remembered between visits: {e}. Events are kept for this tab only, as before."),
    }
}

fn words(notice: &Notice) -> String {
    match notice {
        Notice::Skipped(n) => format!(
            "{} stored records could not be read (edited by hand, or from another version) and were skipped.",
            thousands(*n)
        ),
        Notice::Pruned(n) => format!(
            "The browser's storage for this site is full: the oldest {} history entries were removed to make room.",
            thousands(*n)
        ),
        Notice::Full => "The browser's storage for this site is full: the latest changes were not saved. Free space in Settings › Data.".to_owned(),
        Notice::Failed(why) => format!("The latest changes were not saved: {why}."),
        Notice::SetAside(older) => format!(
            "This profile's data was stored by an older version of the console (layout {older}): what it kept that this version does not read is set aside, untouched. Settings › Data can forget it."
        ),
    }
}

/// This tab's visit of profile `name`: kept for the tab (sessionStorage), so a reload stays
/// in the same visit and a new tab starts another, at `start`; `last_seen` is when the profile
/// was last recorded before.
fn visit(name: &str, start: DateTime<Utc>, last_seen: Option<DateTime<Utc>>) -> Visit {
    let key = format!("{}{name}", storage::KEY_VISIT);
    if let Some(visit) = storage::tab_value(&key).and_then(|t| serde_json::from_str(&t).ok()) {
        return visit;
    }
    let visit = Visit {
        start,
        previous: last_seen,
    };
    if let Ok(text) = serde_json::to_string(&visit) {
        storage::set_tab_value(&key, Some(&text));
    }
    visit
}

fn forget_visit(name: &str) {
    storage::set_tab_value(&format!("{}{name}", storage::KEY_VISIT), None);
}

/// The memory of the current context.
pub fn use_memory() -> Memory {
    expect_context()
}
