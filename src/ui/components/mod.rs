//! Reusable widgets.

mod assessment_card;
mod assessment_tabs;
mod breadcrumbs;
mod changed_mark;
mod language_menu;
pub mod new_assessment_form;
mod principle_tags;
pub mod questionnaire;
pub mod rendered;
pub mod risk_workspace;
mod samples;
mod site_footer;
mod site_header;
mod skip_link;
mod storage_status;
mod unknown_entry;

pub use assessment_card::{status_text, AssessmentCard};
pub use assessment_tabs::AssessmentTabs;
pub use breadcrumbs::{guidance_trail, Breadcrumbs};
pub use changed_mark::changed_mark;
pub use language_menu::LanguageMenu;
pub use new_assessment_form::{kind_label, NewAssessmentForm};
pub use principle_tags::PrincipleTags;
pub use questionnaire::{AnswerSink, Questionnaire};
pub use rendered::Rendered;
pub use samples::Samples;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skip_link::SkipLink;
pub use storage_status::StorageStatus;
pub use unknown_entry::UnknownEntry;
