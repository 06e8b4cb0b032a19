//! The life-cycle workbook as the core writes it: the editor's HTML (`editor`) and the results and
//! report as blocks (`results`).

mod editor;
mod link;
mod results;

pub use editor::{check_html, overview_html, stage_html, summary_html, workbook_html, OVERVIEW_ID};
pub use link::cited_html;
pub use results::{workbook_report, workbook_results};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
