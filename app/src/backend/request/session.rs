//! Server-side sessions kept in the database.
//!
//! The cookie carries a random 256-bit token; the table stores only an HMAC of it under the
//! configured session key, so neither a copy of the table nor the key alone lets anyone take
//! over a session, and changing the key ends every session. A session row is written only when
//! something needs remembering (no cookie for a plain visit). Each session has an absolute
//! lifetime and an idle timeout, both enforced when it is loaded.
//!
//! A loaded session is kept in memory for a few seconds ([`MEMORY_LIFE`]) so that a page
//! does not read it again: dropped at once by this server's own writes to it, and by the
//! change log (`changes.rs`) for writes anywhere else (sign-out on another server, a
//! password reset ending every session).

use crate::domain::ids::UserId;

use crate::backend::memory::changes::{ChangeFeed, Scope};
use crate::backend::memory::kept::Kept;
use crate::backend::security::keys::{Keys, is_token, random_token};
use crate::backend::{
    db::{
        Db,
        sessions::{self, SessionRow},
    },
    now,
};
use crate::cookies;
use axum::http::{HeaderMap, HeaderValue, header::USER_AGENT};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Map, Value};
use std::{
    sync::{Arc, Mutex},
    time::Duration,
};

/// The longest a loaded session is used from memory.
pub const MEMORY_LIFE: Duration = Duration::from_secs(30);
/// Beyond this many sessions in memory, it starts afresh.
const MEMORY_MAX: usize = 50_000;

/// How long a session lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lifetime {
    /// Seconds without a request after which the session ends.
    pub idle: i64,
    /// Seconds after creation at which the session ends whatever its activity.
    pub absolute: i64,
}

#[derive(Clone, Copy, Debug)]
pub struct SessionPolicy {
    /// A browser session: the cookie ends when the browser closes.
    pub standard: Lifetime,
    /// "Remember me": a persistent cookie.
    pub remembered: Lifetime,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        const HOUR: i64 = 3600;
        const DAY: i64 = 24 * HOUR;
        SessionPolicy {
            standard: Lifetime {
                idle: 12 * HOUR,
                absolute: 7 * DAY,
            },
            remembered: Lifetime {
                idle: 30 * DAY,
                absolute: 30 * DAY,
            },
        }
    }
}

/// Creates, loads and ends sessions; shared by every request.
#[derive(Clone)]
pub struct SessionStore {
    db: Db,
    keys: Keys,
    secure: bool,
    policy: SessionPolicy,
    changes: Arc<ChangeFeed>,
    memory: Arc<Kept<String, SessionRow>>,
}

impl std::fmt::Debug for SessionStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionStore")
            .field("secure", &self.secure)
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

/// What the response must do with the session cookie.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CookieChange {
    Keep,
    Set { token: String, max_age: Option<i64> },
    Clear,
}

impl SessionStore {
    /// `secure` marks cookies `Secure` and names them with the `__Host-` prefix (HTTPS only).
    pub fn new(
        db: Db,
        keys: Keys,
        secure: bool,
        policy: SessionPolicy,
        changes: Arc<ChangeFeed>,
    ) -> Self {
        SessionStore {
            db,
            keys,
            secure,
            policy,
            changes,
            memory: Arc::new(Kept::new(MEMORY_LIFE, MEMORY_MAX)),
        }
    }

    /// The live session row with this hash: from memory while nothing changed it, else from
    /// the database.
    async fn live_row(&self, id_hash: &str, now: i64) -> Result<Option<SessionRow>, sqlx::Error> {
        let live =
            |row: &SessionRow| row.expires_at > now && row.last_seen_at + row.idle_timeout > now;
        let current =
            |_: &SessionRow, version| !self.changes.changed_after(Scope::Session, id_hash, version);
        let row = self
            .memory
            .get_or_load(
                &self.changes,
                id_hash,
                current,
                sessions::find_live(self.db.pool(), id_hash, now),
            )
            .await?;
        Ok(row.filter(live))
    }

    /// Drops a session from memory (this server wrote to it).
    fn forget(&self, id_hash: &str) {
        self.memory.forget(id_hash);
    }

    /// How many sessions are kept in memory.
    pub fn kept(&self) -> usize {
        self.memory.len()
    }

    pub fn cookie_name(&self) -> &'static str {
        if self.secure {
            cookies::SESSION_HTTPS
        } else {
            cookies::SESSION
        }
    }

    /// The stored id of the session a token opens (whether or not it is live).
    pub fn id_hash_of(&self, token: &str) -> String {
        self.keys.hash("session", token)
    }

    /// The session token in a request's cookies, if any.
    pub fn token_in(&self, headers: &HeaderMap) -> Option<String> {
        cookies::get(headers, self.cookie_name()).filter(|token| is_token(token))
    }

    /// Loads the live session for a request and wraps it in a handle. A cookie naming an
    /// unknown or expired session is cleared.
    pub async fn open(&self, headers: &HeaderMap) -> Result<Session, sqlx::Error> {
        // Kept (shortened) with signed-in sessions so shoppers can recognise their devices.
        let user_agent = headers
            .get(USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|ua| ua.chars().take(200).collect::<String>());
        let Some(token) = self.token_in(headers) else {
            return Ok(Session::new(
                self.clone(),
                None,
                CookieChange::Keep,
                user_agent,
            ));
        };
        let id_hash = self.id_hash_of(&token);
        let now = now();
        match self.live_row(&id_hash, now).await? {
            Some(row) => {
                // Refresh the idle clock at most once a minute, not on every request.
                if now - row.last_seen_at >= 60 {
                    sessions::touch(self.db.pool(), &id_hash, now).await?;
                    self.forget(&id_hash);
                }
                let data = serde_json::from_str(&row.data).unwrap_or_default();
                Ok(Session::new(
                    self.clone(),
                    Some(Loaded {
                        id_hash,
                        data,
                        user_id: row.user_id,
                    }),
                    CookieChange::Keep,
                    user_agent,
                ))
            }
            None => Ok(Session::new(
                self.clone(),
                None,
                CookieChange::Clear,
                user_agent,
            )),
        }
    }

    async fn create(
        &self,
        data: &Map<String, Value>,
        remember: bool,
        user_id: Option<UserId>,
        user_agent: Option<String>,
    ) -> Result<(Loaded, CookieChange), sqlx::Error> {
        let token = random_token();
        let lifetime = if remember {
            self.policy.remembered
        } else {
            self.policy.standard
        };
        let now = now();
        let row = SessionRow {
            id_hash: self.id_hash_of(&token),
            data: Value::Object(data.clone()).to_string(),
            created_at: now,
            last_seen_at: now,
            expires_at: now + lifetime.absolute,
            idle_timeout: lifetime.idle,
            user_id,
            user_agent: user_id.and(user_agent),
        };
        sessions::insert(self.db.pool(), &row).await?;
        let change = CookieChange::Set {
            token,
            max_age: remember.then_some(lifetime.absolute),
        };
        Ok((
            Loaded {
                id_hash: row.id_hash,
                data: data.clone(),
                user_id,
            },
            change,
        ))
    }

    /// The longest a session without "remember me" can live (every guest session).
    pub fn standard_lifetime(&self) -> Lifetime {
        self.policy.standard
    }

    /// Deletes every expired session; returns how many.
    pub async fn purge_expired(&self) -> Result<u64, sqlx::Error> {
        sessions::delete_expired(self.db.pool(), now()).await
    }

    /// The `Set-Cookie` header value for a change, or `None` for [`CookieChange::Keep`].
    pub fn set_cookie_value(&self, change: &CookieChange) -> Option<HeaderValue> {
        match change {
            CookieChange::Keep => None,
            CookieChange::Set { token, max_age } => {
                cookies::set(self.cookie_name(), token, *max_age, self.secure)
            }
            CookieChange::Clear => cookies::clear(self.cookie_name(), self.secure),
        }
    }
}

#[derive(Clone, Debug)]
struct Loaded {
    id_hash: String,
    data: Map<String, Value>,
    user_id: Option<UserId>,
}

struct State {
    loaded: Option<Loaded>,
    cookie: CookieChange,
    /// Values taken (read and removed) during this request, see [`Session::take_if`].
    taken: Map<String, Value>,
}

/// The session of one request, shared by the handlers of that request.
#[derive(Clone)]
pub struct Session {
    store: SessionStore,
    state: Arc<Mutex<State>>,
    user_agent: Option<String>,
}

impl Session {
    fn new(
        store: SessionStore,
        loaded: Option<Loaded>,
        cookie: CookieChange,
        user_agent: Option<String>,
    ) -> Self {
        Session {
            store,
            state: Arc::new(Mutex::new(State {
                loaded,
                cookie,
                taken: Map::new(),
            })),
            user_agent,
        }
    }

    /// The signed-in user, if any.
    pub fn user_id(&self) -> Option<UserId> {
        self.lock().loaded.as_ref().and_then(|l| l.user_id)
    }

    /// The stored id of this session (to tell it apart in the shopper's session list).
    pub fn id_hash(&self) -> Option<String> {
        self.lock().loaded.as_ref().map(|l| l.id_hash.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// True when the request came with a live session.
    pub fn exists(&self) -> bool {
        self.lock().loaded.is_some()
    }

    /// True when the session holds a value under `key`.
    pub fn has(&self, key: &str) -> bool {
        self.lock()
            .loaded
            .as_ref()
            .is_some_and(|l| l.data.contains_key(key))
    }

    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        let state = self.lock();
        let value = state.loaded.as_ref()?.data.get(key)?.clone();
        serde_json::from_value(value).ok()
    }

    /// Stores a value, creating the session (and its cookie) if there is none yet. Only this
    /// key is written: what another request of the same session stored meanwhile stays.
    pub async fn insert<T: Serialize>(&self, key: &str, value: &T) -> Result<(), sqlx::Error> {
        let value = serde_json::to_value(value).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        let existing = self.lock().loaded.as_ref().map(|l| l.id_hash.clone());
        match existing {
            Some(id_hash) => self.write_key(&id_hash, key, Some(value)).await?,
            None => {
                let mut data = Map::new();
                data.insert(key.to_string(), value);
                let (loaded, change) = self
                    .store
                    .create(&data, false, None, self.user_agent.clone())
                    .await?;
                let mut state = self.lock();
                state.loaded = Some(loaded);
                state.cookie = change;
            }
        }
        Ok(())
    }

    /// Writes one key of the stored session and takes the stored data as it now is (with
    /// what other requests wrote since this one loaded it).
    async fn write_key(
        &self,
        id_hash: &str,
        key: &str,
        value: Option<Value>,
    ) -> Result<(), sqlx::Error> {
        let stored = sessions::set_key(&self.store.db, id_hash, key, value.as_ref()).await?;
        self.store.forget(id_hash);
        let mut state = self.lock();
        if let Some(loaded) = state.loaded.as_mut().filter(|l| l.id_hash == id_hash) {
            match stored {
                Some(data) => loaded.data = data,
                // Ended meanwhile (signed out elsewhere): this request still sees its change.
                None => match value {
                    Some(value) => {
                        loaded.data.insert(key.to_string(), value);
                    }
                    None => {
                        loaded.data.remove(key);
                    }
                },
            }
        }
        Ok(())
    }

    /// Reads `key` and removes it from the session when `wanted` accepts it. Within this
    /// request a second call gets the same value again: a page may render a part twice
    /// while it waits for data, and both renders must see what the first one took.
    pub async fn take_if<T: DeserializeOwned>(
        &self,
        key: &str,
        wanted: impl Fn(&T) -> bool,
    ) -> Result<Option<T>, sqlx::Error> {
        let (taken, stored) = {
            let state = self.lock();
            let stored = state.loaded.as_ref().and_then(|l| l.data.get(key).cloned());
            (state.taken.get(key).cloned(), stored)
        };
        let parse = |v: Value| serde_json::from_value::<T>(v).ok().filter(|t| wanted(t));
        if let Some(value) = taken.and_then(parse) {
            return Ok(Some(value));
        }
        let Some(raw) = stored else {
            return Ok(None);
        };
        let Some(value) = parse(raw.clone()) else {
            return Ok(None);
        };
        self.lock().taken.insert(key.to_string(), raw);
        self.remove(key).await?;
        Ok(Some(value))
    }

    pub async fn remove(&self, key: &str) -> Result<(), sqlx::Error> {
        let existing = self
            .lock()
            .loaded
            .as_ref()
            .filter(|l| l.data.contains_key(key))
            .map(|l| l.id_hash.clone());
        if let Some(id_hash) = existing {
            self.write_key(&id_hash, key, None).await?;
        }
        Ok(())
    }

    /// Moves the session's data to a new id and token and kills the old id (done at sign-in,
    /// so a token planted before sign-in is worthless after it). `remember` chooses the
    /// persistent lifetime.
    pub async fn renew(&self, remember: bool) -> Result<(), sqlx::Error> {
        let user_id = self.user_id();
        self.renew_as(user_id, remember).await
    }

    /// Signs `user_id` in: a new session id bound to the user.
    pub async fn sign_in(&self, user_id: UserId, remember: bool) -> Result<(), sqlx::Error> {
        self.renew_as(Some(user_id), remember).await
    }

    async fn renew_as(&self, user_id: Option<UserId>, remember: bool) -> Result<(), sqlx::Error> {
        let old = self.lock().loaded.clone();
        let data = old.as_ref().map(|l| l.data.clone()).unwrap_or_default();
        if let Some(old) = &old {
            sessions::delete(self.store.db.pool(), &old.id_hash).await?;
            self.store.forget(&old.id_hash);
        }
        let (loaded, change) = self
            .store
            .create(&data, remember, user_id, self.user_agent.clone())
            .await?;
        let mut state = self.lock();
        state.loaded = Some(loaded);
        state.cookie = change;
        Ok(())
    }

    /// Ends the session: the row is deleted and the cookie cleared.
    pub async fn destroy(&self) -> Result<(), sqlx::Error> {
        let old = self.lock().loaded.take();
        if let Some(old) = old {
            sessions::delete(self.store.db.pool(), &old.id_hash).await?;
            self.store.forget(&old.id_hash);
        }
        self.lock().cookie = CookieChange::Clear;
        Ok(())
    }

    /// What the response must do with the cookie (read once, by the session middleware).
    pub fn take_cookie_change(&self) -> CookieChange {
        std::mem::replace(&mut self.lock().cookie, CookieChange::Keep)
    }

    pub fn store(&self) -> &SessionStore {
        &self.store
    }
}
