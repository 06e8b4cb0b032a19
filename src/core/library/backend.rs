use crate::core::content::{t, t_with};
use std::collections::BTreeMap;
use std::fmt;

/// Why a backend could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendError {
    /// The storage quota is used up; what was stored before is unchanged.
    Full,
    /// Storage cannot be used at all (disabled, blocked, some private modes).
    Unavailable(String),
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackendError::Full => f.write_str(t("errors.storage_full")),
            BackendError::Unavailable(why) => {
                f.write_str(&t_with("errors.storage_unavailable", &[("detail", why)]))
            }
        }
    }
}

/// A string key-value store with the semantics of `localStorage`: a failed `set` leaves the old value.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError>;
    fn remove(&mut self, key: &str) -> Result<(), BackendError>;
    /// Every key, in no particular order.
    fn keys(&self) -> Result<Vec<String>, BackendError>;
}

/// An in-memory backend: for tests, and for browsers whose storage is unavailable (nothing survives a
/// reload then, and the app says so). An optional quota in bytes simulates a full disk.
#[derive(Debug, Default, Clone)]
pub struct MemoryBackend {
    entries: BTreeMap<String, String>,
    quota: Option<usize>,
}

impl MemoryBackend {
    pub fn new() -> MemoryBackend {
        MemoryBackend::default()
    }

    /// A backend that refuses writes once keys and values exceed `bytes` in total.
    pub fn with_quota(bytes: usize) -> MemoryBackend {
        MemoryBackend { entries: BTreeMap::new(), quota: Some(bytes) }
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries.iter().filter(|(k, _)| k.as_str() != key).map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl KeyValue for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        if let Some(quota) = self.quota {
            if self.used_without(key) + key.len() + value.len() > quota {
                return Err(BackendError::Full);
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        Ok(self.entries.keys().cloned().collect())
    }
}

impl<T: KeyValue + ?Sized> KeyValue for Box<T> {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        (**self).get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        (**self).set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        (**self).keys()
    }
}
