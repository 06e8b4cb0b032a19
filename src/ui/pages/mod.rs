//! One file per view.

mod about;
mod assessments;
mod guidance;
mod home;
mod not_found;

pub use about::AboutPage;
pub use assessments::AssessmentsPage;
pub use guidance::GuidancePage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
