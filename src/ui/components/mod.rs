//! Reusable widgets of the shell.

mod notice;
mod site_footer;
mod site_header;
mod skip_link;

pub use notice::Notice;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skip_link::SkipLink;
