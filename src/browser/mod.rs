//! The only code that touches browser APIs. Each function is small and degrades quietly when the API is
//! missing (for example in a test harness without a document), because none of them is worth a crash.

pub mod content;
pub mod controls;
pub mod crypto;
pub mod download;
pub mod files;
pub mod language;
pub mod office;
pub mod page;
pub mod storage;
pub mod system;
pub mod tools;
