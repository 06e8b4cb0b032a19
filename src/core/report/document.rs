//! A report written once, as blocks, and printed by small printers: [`html`] for the app and the
//! downloaded file, [`markdown`] for the Markdown download (a DOCX printer is the next). The figures in
//! every format come from the same blocks, so they cannot drift. Every text is escaped by the printer;
//! only a figure's markup (an SVG chart the core drew) is taken as it is.

use super::escape::{html as esc, markdown as md, markdown_inline};
use std::fmt::Write;

/// A run of text in a line.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(String),
    /// Text with a class of its own (a figure, a level beside an item).
    Span(&'static str, String),
}

/// One line of runs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line(pub Vec<Inline>);

impl Line {
    pub fn text(s: impl Into<String>) -> Line {
        Line(vec![Inline::Text(s.into())])
    }

    /// Adds a run; chains.
    pub fn and(mut self, run: Inline) -> Line {
        self.0.push(run);
        self
    }
}

/// A table row: its header cell, then its cells.
pub type Row = (String, Vec<String>);

/// A block of a report.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A part of the report with a class (for styles and print); Markdown prints its blocks.
    Section(&'static str, Vec<Block>),
    /// Blocks kept together (one answered item), with a class; Markdown prints its blocks.
    Group(&'static str, Vec<Block>),
    Heading(u8, Line),
    /// A paragraph, with a class or not.
    Para(Option<&'static str>, Line),
    /// A note to heed: a label and its text.
    Note(String, String),
    List {
        ordered: bool,
        items: Vec<Line>,
    },
    /// Column headings and rows; each row starts with its own heading.
    Table(Vec<String>, Vec<Row>),
    /// A chart the core drew (trusted markup) with its caption; Markdown leaves it out, the table that
    /// follows it carries the same figures.
    Figure(String, String),
}

fn inline_html(out: &mut String, line: &Line) {
    for run in &line.0 {
        match run {
            Inline::Text(t) => out.push_str(&esc(t)),
            Inline::Strong(t) => {
                let _ = write!(out, "<strong>{}</strong>", esc(t));
            }
            Inline::Span(class, t) => {
                let _ = write!(out, "<span class=\"{class}\">{}</span>", esc(t));
            }
        }
    }
}

fn inline_markdown(out: &mut String, line: &Line) {
    for (k, run) in line.0.iter().enumerate() {
        // Only the first run starts the line (a list number or indentation to neutralise).
        let escape = |t: &str| if k == 0 { md(t) } else { markdown_inline(t) };
        match run {
            Inline::Text(t) | Inline::Span(_, t) => out.push_str(&escape(t)),
            Inline::Strong(t) => {
                let _ = write!(out, "**{}**", escape(t));
            }
        }
    }
}

/// The blocks as HTML.
pub fn html(blocks: &[Block]) -> String {
    let mut out = String::new();
    html_into(&mut out, blocks);
    out
}

fn html_into(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Section(class, inner) => {
                let _ = write!(out, "<section class=\"{class}\">");
                html_into(out, inner);
                out.push_str("</section>");
            }
            Block::Group(class, inner) => {
                let _ = write!(out, "<div class=\"{class}\">");
                html_into(out, inner);
                out.push_str("</div>");
            }
            Block::Heading(level, line) => {
                let _ = write!(out, "<h{level}>");
                inline_html(out, line);
                let _ = write!(out, "</h{level}>");
            }
            Block::Para(class, line) => {
                match class {
                    Some(c) => {
                        let _ = write!(out, "<p class=\"{c}\">");
                    }
                    None => out.push_str("<p>"),
                }
                inline_html(out, line);
                out.push_str("</p>");
            }
            Block::Note(label, text) => {
                let _ = write!(
                    out,
                    "<p class=\"r-warning\" role=\"note\"><strong>{}</strong> {}</p>",
                    esc(label),
                    esc(text)
                );
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let _ = write!(out, "<{tag}>");
                for item in items {
                    out.push_str("<li>");
                    inline_html(out, item);
                    out.push_str("</li>");
                }
                let _ = write!(out, "</{tag}>");
            }
            Block::Table(head, rows) => {
                out.push_str("<table><thead><tr>");
                for h in head {
                    let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
                }
                out.push_str("</tr></thead><tbody>");
                for (first, cells) in rows {
                    let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(first));
                    for c in cells {
                        let _ = write!(out, "<td>{}</td>", esc(c));
                    }
                    out.push_str("</tr>");
                }
                out.push_str("</tbody></table>");
            }
            Block::Figure(markup, caption) => {
                let _ = write!(out, "<figure>{markup}<figcaption>{}</figcaption></figure>", esc(caption));
            }
        }
    }
}

/// The blocks as Markdown: headings, paragraphs, quotes for notes, lists and pipe tables.
pub fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    markdown_into(&mut out, blocks);
    out
}

fn markdown_into(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Section(_, inner) | Block::Group(_, inner) => markdown_into(out, inner),
            Block::Heading(level, line) => {
                out.push_str(&"#".repeat(usize::from(*level)));
                out.push(' ');
                inline_markdown(out, line);
                out.push_str("\n\n");
            }
            Block::Para(_, line) => {
                inline_markdown(out, line);
                out.push_str("\n\n");
            }
            Block::Note(label, text) => {
                let _ = write!(out, "> **{}** {}\n\n", md(label), md(text));
            }
            Block::List { ordered, items } => {
                for (n, item) in items.iter().enumerate() {
                    if *ordered {
                        let _ = write!(out, "{}. ", n + 1);
                    } else {
                        out.push_str("- ");
                    }
                    inline_markdown(out, item);
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Table(head, rows) => {
                // `md` escapes `|` already; a cell is one line.
                let cell = |s: &str| markdown_inline(s).replace("  \n", " ");
                let _ = writeln!(out, "| {} |", head.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | "));
                let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
                for (first, cells) in rows {
                    let all: Vec<String> =
                        std::iter::once(cell(first)).chain(cells.iter().map(|c| cell(c))).collect();
                    let _ = writeln!(out, "| {} |", all.join(" | "));
                }
                out.push('\n');
            }
            Block::Figure(..) => {}
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn sample() -> Vec<Block> {
        vec![Block::Section(
            "r-x",
            vec![
                Block::Heading(2, Line::text("Overall <1>")),
                Block::Para(
                    Some("r-score"),
                    Line::default()
                        .and(Inline::Span("r-figure", "72.5".into()))
                        .and(Inline::Text(" / 100 · ".into()))
                        .and(Inline::Strong("Established".into())),
                ),
                Block::Note("Provisional:".into(), "few answers".into()),
                Block::List { ordered: true, items: vec![Line::text("a*b"), Line::text("c")] },
                Block::Table(
                    vec!["Dimension".into(), "Score".into()],
                    vec![("R1 Lead|ership".into(), vec!["75".into()])],
                ),
                Block::Figure("<svg></svg>".into(), "Chart".into()),
            ],
        )]
    }

    // One document, two printers: the same words and figures in each, markup only where it belongs.
    #[test]
    fn each_printer_writes_every_text_and_figure() {
        let h = html(&sample());
        assert_eq!(
            h,
            "<section class=\"r-x\"><h2>Overall &lt;1&gt;</h2><p class=\"r-score\"><span class=\"r-figure\">72.5</span> / 100 · <strong>Established</strong></p>\
             <p class=\"r-warning\" role=\"note\"><strong>Provisional:</strong> few answers</p><ol><li>a*b</li><li>c</li></ol>\
             <table><thead><tr><th scope=\"col\">Dimension</th><th scope=\"col\">Score</th></tr></thead><tbody><tr><th scope=\"row\">R1 Lead|ership</th><td>75</td></tr></tbody></table>\
             <figure><svg></svg><figcaption>Chart</figcaption></figure></section>"
        );
        let m = markdown(&sample());
        assert_eq!(
            m,
            "## Overall \\<1\\>\n\n72.5 / 100 · **Established**\n\n> **Provisional:** few answers\n\n1. a\\*b\n2. c\n\n\
             | Dimension | Score |\n|---|---|\n| R1 Lead\\|ership | 75 |\n\n"
        );
    }
}
