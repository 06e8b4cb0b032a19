//! One assessment as the app holds it: who and what it is about, the content it was answered against,
//! and the answers and notes. Pure data with the operations the library and the views need.

mod answer;
mod record;

pub use answer::Answer;
pub use record::{
    file_name, Assessment, ContentRef, Kind, NewAssessment, Respondent, StoredReview, GENERAL_NOTES,
};
