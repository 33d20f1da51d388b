//! Where a profile's memory is made: the database opened and read, the [`Keeper`] built. With
//! `--cfg zt_split` (the release build) this is a chunk of its own, fetched the first time a
//! profile's memory is needed (once the first summary is in); elsewhere it is called directly.
//! A chunk that cannot be fetched is storage that is not available: the console works as
//! before and says so.

use std::rc::Rc;

use futures::future::LocalBoxFuture;
use futures::FutureExt;

use super::backend::{Backend, DbError};
use super::idb::Idb;
use super::keeper::Keeper;
use super::profile::ProfileMemory;

/// The memory of profile database `name`, in IndexedDB.
fn browser(name: String) -> LocalBoxFuture<'static, Result<Rc<dyn Keeper>, DbError>> {
    async move {
        let db = Idb::open(&name).await?;
        over(Rc::new(db)).await
    }
    .boxed_local()
}

/// The memory kept by `backend`.
fn over(backend: Rc<dyn Backend>) -> LocalBoxFuture<'static, Result<Rc<dyn Keeper>, DbError>> {
    async move {
        let profile = ProfileMemory::load(backend).await?;
        Ok(Rc::new(profile) as Rc<dyn Keeper>)
    }
    .boxed_local()
}

#[cfg(zt_split)]
impl From<leptos::wasm_split::SplitLoaderError> for DbError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        DbError::Unavailable("the console's storage code could not be fetched".into())
    }
}

#[cfg(zt_split)]
#[leptos::wasm_split::wasm_split(memory, wasm_split_path = ::leptos::wasm_split, fallible)]
fn open_browser(
    name: String,
) -> Result<LocalBoxFuture<'static, Result<Rc<dyn Keeper>, DbError>>, DbError> {
    Ok(browser(name))
}

/// Opens profile database `name` in IndexedDB.
pub async fn open(name: String) -> Result<Rc<dyn Keeper>, DbError> {
    #[cfg(zt_split)]
    let opened = open_browser(name).await?.await;
    #[cfg(not(zt_split))]
    let opened = browser(name).await;
    opened
}

/// Reads the memory `backend` keeps (tests: the in-memory backend; never split, so that an
/// unused split point cannot hold the memory's code in the main module).
#[cfg(any(test, feature = "fake"))]
pub async fn load(backend: Rc<dyn Backend>) -> Result<Rc<dyn Keeper>, DbError> {
    over(backend).await
}
