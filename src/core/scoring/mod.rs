//! Scores and results computed from answers: pure functions of the content pack and an assessment's
//! answers, shown on results pages and in reports.

pub mod readiness;
