//! The review panel's comments (the form, the groups, each comment with its button) and the report's
//! section of them.

use super::who;
use crate::core::assessment::Assessment;
use crate::core::content::model::Pack;
use crate::core::dates::time_in_words;
use crate::core::report::document::{Block, Line, Table};
use crate::core::report::escape::html;
use crate::core::report::workspace::form::button;
use crate::core::report::{fill, s};
use crate::core::review::comments;
use crate::core::review::control::{comment_id, Action, Control};
use crate::core::review::event::ReviewView;
use crate::core::review::Review;
use std::fmt::Write;

/// The comments: how many are open, the form to add one, and each group's comments with a button to
/// resolve or reopen each.
pub(super) fn comments_html(
    o: &mut String,
    pack: &'static Pack,
    a: &Assessment,
    review: &Review,
    view: &ReviewView,
) {
    let open = review.open_comments();
    let resolved = review.comments.len() - open;
    let _ = write!(
        o,
        "<section class=\"review-comments\" aria-labelledby=\"rv-comments\"><h2 id=\"rv-comments\">{}</h2><p class=\"hint\">{}</p><p class=\"review-count\">{}</p>",
        s("review.comments"),
        s("review.comments_hint"),
        if review.comments.is_empty() {
            s("review.comments_none").to_string()
        } else {
            fill("review.comments_count", &[("open", &open.to_string()), ("resolved", &resolved.to_string())])
        }
    );
    if open > 0 {
        o.push_str("<p class=\"actions\">");
        button(o, &Action::NextOpen, s("review.next_open"), "secondary");
        o.push_str("</p>");
    }
    // The form: the item, then the words.
    let _ = write!(
        o,
        "<fieldset class=\"review-comment-new\"><legend>{}</legend><p class=\"field\"><label for=\"{n}\">{}</label><select id=\"{n}\" name=\"{n}\">",
        s("review.add_comment_legend"),
        s("review.on"),
        n = Control::On
    );
    for g in comments::targets(pack, a) {
        let _ = write!(o, "<optgroup label=\"{}\">", html(&g.title));
        for (id, name) in &g.items {
            let on = if *id == view.on { " selected" } else { "" };
            let _ = write!(o, "<option value=\"{}\"{on}>{}</option>", html(id), html(name));
        }
        o.push_str("</optgroup>");
    }
    o.push_str("</select></p>");
    let _ = write!(
        o,
        "<p class=\"field\"><label for=\"{n}\">{}</label><textarea id=\"{n}\" name=\"{n}\" rows=\"3\" maxlength=\"{}\">{}</textarea></p><p class=\"actions\">",
        s("review.comment_text"),
        comments::MAX_COMMENT,
        html(&view.comment),
        n = Control::Comment
    );
    button(o, &Action::Comment, s("review.add_comment"), "");
    o.push_str("</p></fieldset>");
    for (group, list) in comments::grouped(pack, a, &review.comments) {
        let open = list.iter().filter(|c| c.is_open()).count();
        let _ = write!(
            o,
            "<h3 class=\"review-group\">{} <span class=\"review-count\">({})</span></h3><ol class=\"comment-list\">",
            html(&group.title),
            html(&fill("review.section_open", &[("open", &open.to_string()), ("count", &list.len().to_string())]))
        );
        for c in list {
            let name =
                group.items.iter().find(|(id, _)| *id == c.on).map_or(c.on.as_str(), |(_, n)| n.as_str());
            comment_html(o, c, name);
        }
        o.push_str("</ol>");
    }
    o.push_str("</section>");
}

/// One comment: what it is on, who wrote it and when, its words, whether it is open, and the button
/// that changes that.
fn comment_html(o: &mut String, c: &comments::Comment, on: &str) {
    let open = c.is_open();
    let author = who(&c.by, &c.role);
    let when = time_in_words(c.at);
    let _ = write!(
        o,
        "<li><article class=\"comment {}\" id=\"{}\" tabindex=\"-1\"><p class=\"comment-on\">{}</p><p class=\"comment-meta\">{} · <strong>{}</strong></p><p class=\"comment-text\">{}</p><p class=\"actions\">",
        if open { "is-open" } else { "is-resolved" },
        html(&comment_id(&c.id)),
        html(on),
        html(&fill("review.comment_by", &[("who", &author), ("date", &when)])),
        html(&comment_state(c)),
        html(&c.text)
    );
    let short_on = on.split(" · ").next().unwrap_or(on);
    let (action, text, label) = if open {
        (Action::Resolve(c.id.clone()), s("review.resolve"), "review.resolve_label")
    } else {
        (Action::Reopen(c.id.clone()), s("review.reopen"), "review.reopen_label")
    };
    // Names the comment fully: one person may comment on one item twice.
    let label = fill(label, &[("who", &author), ("on", short_on), ("date", &when)]);
    let _ = write!(
        o,
        "<button type=\"button\" class=\"button small secondary\" id=\"b.{a}\" data-act=\"{a}\" aria-label=\"{}\">{text}</button></p></article></li>",
        html(&label),
        a = html(&action.to_string())
    );
}

/// Whether a comment is open, in words: "Open", "Open: reopened on … by …", "Resolved on … by …".
fn comment_state(c: &comments::Comment) -> String {
    let stamp = |key: &'static str, x: &crate::core::review::Stamp| {
        fill(key, &[("date", &time_in_words(x.at)), ("who", &who(&x.by, &x.role))])
    };
    match (c.is_open(), &c.resolved, &c.reopened) {
        (true, Some(_), Some(x)) => stamp("review.comment_reopened", x),
        (true, _, _) => s("review.comment_open").to_string(),
        (false, Some(r), _) => stamp("review.comment_resolved", r),
        (false, None, _) => String::new(),
    }
}

/// The report's section of review comments, each with what it is on, who wrote it and when, and
/// whether it is open; `None` when there are none.
pub(crate) fn comments_section(a: &Assessment) -> Option<Block> {
    let review = Review::of(a);
    if review.comments.is_empty() {
        return None;
    }
    let rows = review
        .comments
        .iter()
        .map(|c| {
            let on = if c.on.is_empty() { s("review.on_whole").to_string() } else { c.on.clone() };
            let state = comment_state(c);
            let by =
                fill("review.comment_by", &[("who", &who(&c.by, &c.role)), ("date", &time_in_words(c.at))]);
            (on, vec![Line::text(c.text.as_str()), Line::text(by), Line::text(state)])
        })
        .collect();
    Some(Block::section(
        Some("r-comments"),
        vec![
            Block::h(2, s("review.comments")),
            Block::Table(Table {
                class: Some("r-comments-table"),
                region: Some(s("review.comments").to_string()),
                caption: None,
                head: vec![
                    s("review.item").to_string(),
                    s("review.comment_text").to_string(),
                    s("review.by_when").to_string(),
                    s("review.comment_state").to_string(),
                ],
                rows,
            }),
        ],
    ))
}
