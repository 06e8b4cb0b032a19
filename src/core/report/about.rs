//! The About page below its heading: independence, credits with the publishers' pages, the versions
//! of the app, content and toolkit, and where answers live. Written by the tools module like the
//! guidance pages, so the first load carries none of it.

use super::escape::html;
use super::s;
use crate::core::content::model::Pack;
use crate::core::{APP_VERSION, TOOLKIT_INTERPOL, TOOLKIT_UNICRI};
use std::fmt::Write;

pub fn about_html(pack: &Pack) -> String {
    let info = &pack.info;
    let mut o = String::new();
    let section = |o: &mut String, id: &str, heading: &'static str| {
        let _ = write!(o, "<section aria-labelledby=\"{id}\"><h2 id=\"{id}\">{}</h2>", s(heading));
    };
    section(&mut o, "independence-heading", "about.independence_heading");
    let _ = write!(o, "<p>{}</p></section>", s("about.independence_body"));
    section(&mut o, "credits-heading", "about.credits_heading");
    let _ = write!(o, "<p>{}</p><ul>", s("about.credits_body"));
    for (href, label) in [(TOOLKIT_INTERPOL, "about.link_interpol"), (TOOLKIT_UNICRI, "about.link_unicri")] {
        let _ = write!(
            o,
            "<li><a href=\"{}\" rel=\"noopener noreferrer external\" target=\"_blank\">{}<span class=\"visually-hidden\"> ({})</span></a></li>",
            html(href),
            s(label),
            s("about.external_note")
        );
    }
    o.push_str("</ul></section>");
    section(&mut o, "versions-heading", "about.versions_heading");
    let _ = write!(
        o,
        "<dl class=\"facts\"><dt>{}</dt><dd id=\"app-version\">{}</dd><dt>{}</dt><dd>{} (<code>{}</code>)</dd><dt>{}</dt><dd id=\"content-version\">{}</dd><dt>{}</dt><dd>{}</dd></dl></section>",
        s("about.app_version"),
        html(APP_VERSION),
        s("about.content_pack"),
        html(&info.title),
        html(&info.id),
        s("about.content_version"),
        html(&info.version),
        s("about.toolkit_edition"),
        html(&info.toolkit_edition)
    );
    section(&mut o, "privacy-about-heading", "about.privacy_heading");
    let _ = write!(o, "<p>{}</p><p>{}</p></section>", s("about.privacy_body"), s("about.storage_body"));
    o
}
