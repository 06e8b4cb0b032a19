//! One file per view.

mod about;
mod application_type;
pub(crate) mod assessment;
mod assessments;
mod compare;
mod glossary;
mod guidance;
mod home;
mod methods;
mod not_found;
mod principle;
mod report;
pub mod results;
mod stage;

pub use about::AboutPage;
pub use application_type::ApplicationTypePage;
pub use assessment::{AssessmentPage, RegisterPage, ReviewPage};
pub use assessments::AssessmentsPage;
pub use compare::ComparePage;
pub use glossary::GlossaryPage;
pub use guidance::GuidancePage;
pub use home::HomePage;
pub use methods::MethodsPage;
pub use not_found::NotFoundPage;
pub use principle::PrinciplePage;
pub use report::ReportPage;
pub use results::ResultsPage;
pub use stage::StagePage;
