//! Nothing an editor does is lost: every edit is kept in the browser as it happens, with its undo
//! history, in IndexedDB (database `article-explorer-studio`):
//! - `drafts`: one record a draft, by its key (`article_authoring::studio::draft_key`, from its
//!   article): its title, when it was last changed, which snapshot is the document now, which was
//!   last saved to a file and that file's name;
//! - `snapshots`: each state of the document after an edit, by draft and number (what the studio
//!   undoes to and redoes): written one at a time, as edits are made, never the whole history;
//! - `handles`: the file a draft was opened from or saved to (File System Access), so that Save
//!   writes back to it after a reload too.
//!
//! One tab edits a draft at a time: each holds the draft's Web Lock (`ae-draft-KEY`); another
//! tab opening it is told, and may take it over (the first is then told, and stops writing).
//! Storage that is full or missing (a private window) is said plainly, never silent.

use std::cell::RefCell;
use std::rc::Rc;

use article_authoring::studio::{snapshot_from_json, snapshot_to_json, Snapshot};
use idb::{Database, DatabaseEvent, KeyPath, ObjectStoreParams, TransactionMode};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const DB: &str = "article-explorer-studio";

/// What the list of drafts shows of one.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftInfo {
    pub key: String,
    pub title: String,
    /// When it last changed (milliseconds since 1970).
    pub updated: f64,
    /// The snapshot that is the document now.
    pub seq: u64,
    /// The snapshot last saved to a file, if any.
    pub saved: Option<u64>,
    /// The file it was opened from or saved to.
    pub file: String,
    /// How many snapshots it keeps.
    pub snapshots: u64,
}

/// Why a draft could not be kept: the storage is full, or something else (said as it came).
#[derive(Clone, Debug, PartialEq)]
pub enum Unkept {
    Full(String),
    Other(String),
}

/// The open database.
#[derive(Clone)]
pub struct Drafts {
    db: Rc<Database>,
}

impl PartialEq for Drafts {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.db, &other.db)
    }
}

fn said(e: impl std::fmt::Display) -> String {
    e.to_string()
}

fn set(o: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(o, &key.into(), value);
}

fn get(o: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(o, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn info_of(v: &JsValue) -> Option<DraftInfo> {
    Some(DraftInfo {
        key: get(v, "key").as_string()?,
        title: get(v, "title").as_string().unwrap_or_default(),
        updated: get(v, "updated").as_f64().unwrap_or(0.0),
        seq: get(v, "seq").as_f64()? as u64,
        saved: get(v, "saved").as_f64().filter(|s| *s >= 0.0).map(|s| s as u64),
        file: get(v, "file").as_string().unwrap_or_default(),
        snapshots: get(v, "snapshots").as_f64().unwrap_or(0.0) as u64,
    })
}

fn snapshot_key(key: &str, seq: u64) -> JsValue {
    js_sys::Array::of2(&JsValue::from_str(key), &JsValue::from_f64(seq as f64)).into()
}

/// Whether an IndexedDB error is the storage being full.
fn full(e: &idb::Error) -> bool {
    let text = format!("{e:?}");
    text.contains("QuotaExceeded") || text.contains("quota")
}

impl Drafts {
    /// Opens (creating, the first time) the drafts' database; why not, when the browser keeps
    /// none (a private window, storage turned off).
    pub async fn open() -> Result<Drafts, String> {
        let factory = idb::Factory::new().map_err(said)?;
        let mut request = factory.open(DB, Some(1)).map_err(said)?;
        request.on_upgrade_needed(|event| {
            let Ok(db) = event.database() else { return };
            if !db.store_names().iter().any(|s| s == "drafts") {
                let mut p = ObjectStoreParams::new();
                p.key_path(Some(KeyPath::new_single("key")));
                let _ = db.create_object_store("drafts", p);
                let mut p = ObjectStoreParams::new();
                p.key_path(Some(KeyPath::new_array(["key", "seq"])));
                let _ = db.create_object_store("snapshots", p);
                let _ = db.create_object_store("handles", ObjectStoreParams::new());
            }
        });
        let db = request.await.map_err(said)?;
        Ok(Drafts { db: Rc::new(db) })
    }

    /// Every draft kept, the latest first.
    pub async fn list(&self) -> Vec<DraftInfo> {
        let Ok(tx) = self.db.transaction(&["drafts"], TransactionMode::ReadOnly) else { return Vec::new() };
        let Ok(store) = tx.object_store("drafts") else { return Vec::new() };
        let Ok(request) = store.get_all(None, None) else { return Vec::new() };
        let mut out: Vec<DraftInfo> = request.await.unwrap_or_default().iter().filter_map(info_of).collect();
        out.sort_by(|a, b| b.updated.total_cmp(&a.updated));
        out
    }

    /// A draft's snapshots, oldest first, and which is the document now.
    pub async fn load(&self, key: &str) -> Option<(DraftInfo, Vec<Snapshot>, usize)> {
        let tx = self.db.transaction(&["drafts", "snapshots"], TransactionMode::ReadOnly).ok()?;
        let info = info_of(&tx.object_store("drafts").ok()?.get(JsValue::from_str(key)).ok()?.await.ok()??)?;
        let range = idb::KeyRange::bound(&snapshot_key(key, 0), &snapshot_key(key, u64::MAX >> 11), None, None).ok()?;
        let values = tx.object_store("snapshots").ok()?.get_all(Some(range.into()), None).ok()?.await.ok()?;
        let snapshots: Vec<Snapshot> =
            values.iter().filter_map(|v| snapshot_from_json(&get(v, "json").as_string()?)).collect();
        let cursor = snapshots.iter().position(|s| s.seq == info.seq)?;
        Some((info, snapshots, cursor))
    }

    /// Keeps a draft as it is now: its record, the snapshots it did not keep yet, and none of
    /// those it dropped.
    pub async fn save(&self, info: &DraftInfo, new: &[&Snapshot], dropped: &[u64]) -> Result<(), Unkept> {
        let keep = |e: idb::Error| if full(&e) { Unkept::Full(said(e)) } else { Unkept::Other(said(e)) };
        let tx = self.db.transaction(&["drafts", "snapshots"], TransactionMode::ReadWrite).map_err(keep)?;
        let record = js_sys::Object::new();
        set(&record, "key", &JsValue::from_str(&info.key));
        set(&record, "title", &JsValue::from_str(&info.title));
        set(&record, "updated", &JsValue::from_f64(info.updated));
        set(&record, "seq", &JsValue::from_f64(info.seq as f64));
        set(&record, "saved", &JsValue::from_f64(info.saved.map_or(-1.0, |s| s as f64)));
        set(&record, "file", &JsValue::from_str(&info.file));
        set(&record, "snapshots", &JsValue::from_f64(info.snapshots as f64));
        let drafts = tx.object_store("drafts").map_err(keep)?;
        let snapshots = tx.object_store("snapshots").map_err(keep)?;
        drafts.put(&record, None).map_err(keep)?;
        for s in new {
            let row = js_sys::Object::new();
            set(&row, "key", &JsValue::from_str(&info.key));
            set(&row, "seq", &JsValue::from_f64(s.seq as f64));
            set(&row, "json", &JsValue::from_str(&snapshot_to_json(s)));
            snapshots.put(&row, None).map_err(keep)?;
        }
        for &seq in dropped {
            snapshots.delete(snapshot_key(&info.key, seq)).map_err(keep)?;
        }
        let done = tx.await.map_err(keep)?;
        if done.is_committed() {
            Ok(())
        } else {
            Err(Unkept::Other("aborted".to_owned()))
        }
    }

    /// Forgets a draft: its record, its snapshots and its file.
    pub async fn forget(&self, key: &str) {
        let Ok(tx) = self.db.transaction(&["drafts", "snapshots", "handles"], TransactionMode::ReadWrite) else {
            return;
        };
        if let Ok(s) = tx.object_store("drafts") {
            let _ = s.delete(JsValue::from_str(key));
        }
        if let (Ok(s), Ok(range)) = (
            tx.object_store("snapshots"),
            idb::KeyRange::bound(&snapshot_key(key, 0), &snapshot_key(key, u64::MAX >> 11), None, None),
        ) {
            let _ = s.delete(range);
        }
        if let Ok(s) = tx.object_store("handles") {
            let _ = s.delete(JsValue::from_str(key));
        }
        let _ = tx.await;
    }

    /// Keeps the file a draft was opened from or saved to.
    pub async fn put_handle(&self, key: &str, handle: &JsValue) {
        let Ok(tx) = self.db.transaction(&["handles"], TransactionMode::ReadWrite) else { return };
        if let Ok(s) = tx.object_store("handles") {
            let _ = s.put(handle, Some(&JsValue::from_str(key)));
        }
        let _ = tx.await;
    }

    /// The file a draft was opened from or saved to, if it has one.
    pub async fn handle(&self, key: &str) -> Option<JsValue> {
        let tx = self.db.transaction(&["handles"], TransactionMode::ReadOnly).ok()?;
        tx.object_store("handles").ok()?.get(JsValue::from_str(key)).ok()?.await.ok()?
    }
}

/// A draft's Web Lock, held while this tab edits it. Dropping it lets it go.
pub struct Hold {
    release: Option<js_sys::Function>,
    _callback: Closure<dyn FnMut(JsValue) -> js_sys::Promise>,
    _lost: Option<Closure<dyn FnMut(JsValue)>>,
}

impl Drop for Hold {
    fn drop(&mut self) {
        if let Some(r) = self.release.take() {
            let _ = r.call0(&JsValue::NULL);
        }
    }
}

/// What asking for a draft's lock gave.
pub enum Asked {
    /// This tab holds it now.
    Held(Hold),
    /// Another tab does.
    Elsewhere,
    /// The browser has no Web Locks: nothing can be told (the editor is trusted).
    Unsupported,
}

/// Asks for a draft's lock: taken only if free, unless `steal` (take it over: the other tab's
/// `on_lost` is then called). `on_lost` is called if another tab takes it over from this one.
pub async fn ask(key: &str, steal: bool, on_lost: Rc<dyn Fn()>) -> Asked {
    let Some(window) = web_sys::window() else { return Asked::Unsupported };
    let navigator = window.navigator();
    if js_sys::Reflect::get(&navigator, &"locks".into()).map_or(true, |l| l.is_undefined()) {
        return Asked::Unsupported;
    }
    let locks = navigator.locks();
    let options = web_sys::LockOptions::new();
    if steal {
        options.set_steal(true);
    } else {
        options.set_if_available(true);
    }
    // The callback gets the lock (or null), and holds it until the promise it returns settles.
    let got: Rc<RefCell<Option<(bool, js_sys::Function)>>> = Rc::new(RefCell::new(None));
    // Told whether the lock is held, as a promise the callback resolves.
    let mut tell = None;
    let told = js_sys::Promise::new(&mut |resolve, _| tell = Some(resolve));
    let callback = {
        let got = got.clone();
        let tell = RefCell::new(tell);
        Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(move |lock: JsValue| {
            let held = !lock.is_null() && !lock.is_undefined();
            let mut release = None;
            let promise = js_sys::Promise::new(&mut |resolve, _| release = Some(resolve));
            if let Some(r) = release {
                *got.borrow_mut() = Some((held, r.clone()));
                if !held {
                    let _ = r.call0(&JsValue::NULL);
                }
            }
            if let Some(t) = tell.borrow_mut().take() {
                let _ = t.call1(&JsValue::NULL, &JsValue::from_bool(held));
            }
            promise
        })
    };
    let request = locks.request_with_options(&format!("ae-draft-{key}"), &options, callback.as_ref().unchecked_ref());
    // A lock taken over from this tab: the request's promise rejects.
    let lost = Closure::<dyn FnMut(JsValue)>::new(move |_e: JsValue| on_lost());
    let _ = request.catch(&lost);
    let held = wasm_bindgen_futures::JsFuture::from(told).await.ok().and_then(|v| v.as_bool()).unwrap_or(false);
    let release = got.borrow_mut().take().map(|(_, r)| r);
    if held {
        Asked::Held(Hold { release, _callback: callback, _lost: Some(lost) })
    } else {
        Asked::Elsewhere
    }
}
