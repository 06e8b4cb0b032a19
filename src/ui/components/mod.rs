//! Reusable widgets.

mod breadcrumbs;
mod notice;
mod principle_tags;
mod related_items;
mod site_footer;
mod site_header;
mod skip_link;
mod unknown_entry;

pub use breadcrumbs::{guidance_trail, Breadcrumbs};
pub use notice::Notice;
pub use principle_tags::PrincipleTags;
pub use related_items::RelatedItems;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use skip_link::SkipLink;
pub use unknown_entry::UnknownEntry;
