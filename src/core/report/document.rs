//! A report written once, as blocks, and printed by small printers: [`html`] for the app and the
//! downloaded file, [`markdown`] for the Markdown download (a DOCX printer is the next). The figures in
//! every format come from the same blocks, so they cannot drift. Every text is escaped by the printer;
//! only a figure's SVG, which the core drew, is taken as it is.

use super::escape::{html as esc, markdown as md, markdown_inline};
use std::fmt::Write;

/// A run of text in a line.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(String),
    /// Text with a class of its own (a figure, a level beside an item).
    Span(&'static str, String),
    /// An address, shown as written so a printed copy says where it goes; Markdown makes it a link.
    Url(&'static str),
    /// A bar as long as this share of the longest (0 to 100), beside the figure it draws; decoration
    /// only, so Markdown leaves it out.
    Bar(usize),
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

/// A chart's SVG, drawn by the core's chart writers (which escape every text they place in it): the
/// only markup a document carries as it is. Only the report's own modules can make one.
#[derive(Debug, Clone, PartialEq)]
pub struct Svg(String);

impl Svg {
    pub(in crate::core::report) fn new(markup: String) -> Svg {
        Svg(markup)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a part of a report is: HTML gives each its element; Markdown prints only what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Section,
    /// The title page.
    Header,
    /// The closing credits.
    Footer,
    /// Blocks kept together (one answered item, one risk).
    Div,
    /// A part the view updates while the user works (what changed): read out when it does.
    Status,
}

/// A table row: its header cell, then its cells.
pub type Row = (String, Vec<Line>);

/// A table: column headings and rows, each row starting with its own heading.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub class: Option<&'static str>,
    /// A wide table scrolls in a region of its own, named by this label, so a keyboard can reach it.
    pub region: Option<String>,
    pub caption: Option<String>,
    pub head: Vec<String>,
    pub rows: Vec<Row>,
}

/// A block of a report.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A part of the report, with a class (for styles and print) or not.
    Part(Part, Option<&'static str>, Vec<Block>),
    /// The report's title, with the line that names the tool above it.
    Title {
        kicker: String,
        title: String,
    },
    Heading(u8, Line),
    /// A paragraph, with a class or not.
    Para(Option<&'static str>, Line),
    /// A note to heed: a label (or none) and its text.
    Note(String, String),
    List {
        ordered: bool,
        items: Vec<Line>,
    },
    /// Terms and their values (who and when, a risk's fields); the values' class, if any, keeps their
    /// line breaks.
    Defs {
        class: Option<&'static str>,
        value_class: Option<&'static str>,
        rows: Vec<(String, String)>,
    },
    Table(Table),
    /// A chart the core drew, with its caption; Markdown leaves it out, the table that follows it
    /// carries the same figures.
    Figure {
        class: Option<&'static str>,
        svg: Svg,
        caption: String,
    },
}

impl Block {
    pub fn section(class: Option<&'static str>, blocks: Vec<Block>) -> Block {
        Block::Part(Part::Section, class, blocks)
    }

    pub fn div(class: Option<&'static str>, blocks: Vec<Block>) -> Block {
        Block::Part(Part::Div, class, blocks)
    }

    pub fn h(level: u8, text: impl Into<String>) -> Block {
        Block::Heading(level, Line::text(text))
    }

    pub fn p(text: impl Into<String>) -> Block {
        Block::Para(None, Line::text(text))
    }
}

fn class_attr(out: &mut String, class: Option<&str>) {
    if let Some(c) = class {
        let _ = write!(out, " class=\"{c}\"");
    }
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
            Inline::Url(u) => out.push_str(&esc(u)),
            Inline::Bar(share) => {
                // Filled from the start of the line: from the right in a right-to-left language.
                let rtl = crate::core::content::right_to_left();
                let x = if rtl { format!(" x=\"{}\"", 100 - (*share).min(100)) } else { String::new() };
                let _ = write!(
                    out,
                    "<svg class=\"bar\" aria-hidden=\"true\" width=\"100\" height=\"12\"><rect{x} width=\"{share}\" height=\"12\"/></svg>"
                );
            }
        }
    }
}

/// A line as Markdown. Where a run starts a line, and on every line after a break, a list number or
/// indentation is neutralised; elsewhere only inline syntax is.
fn inline_markdown(out: &mut String, line: &Line) {
    for run in &line.0 {
        let start = out.is_empty() || out.ends_with('\n');
        let escape = |t: &str| if start || t.contains(['\n', '\r']) { md(t) } else { markdown_inline(t) };
        match run {
            Inline::Text(t) | Inline::Span(_, t) => out.push_str(&escape(t)),
            Inline::Strong(t) => {
                let _ = write!(out, "**{}**", escape(t));
            }
            Inline::Url(u) => {
                let _ = write!(out, "<{u}>");
            }
            Inline::Bar(_) => {}
        }
    }
}

/// A heading's text on one line: a title typed with line breaks is joined, not split into a heading
/// and a paragraph.
fn one_line(line: &Line) -> Line {
    let join =
        |t: &String| t.split(['\n', '\r']).filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join(" ");
    Line(
        line.0
            .iter()
            .map(|run| match run {
                Inline::Text(t) => Inline::Text(join(t)),
                Inline::Strong(t) => Inline::Strong(join(t)),
                Inline::Span(c, t) => Inline::Span(c, join(t)),
                other => other.clone(),
            })
            .collect(),
    )
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
            Block::Part(part, class, inner) => {
                let tag = match part {
                    Part::Section => "section",
                    Part::Header => "header",
                    Part::Footer => "footer",
                    Part::Div | Part::Status => "div",
                };
                let _ = write!(out, "<{tag}");
                class_attr(out, *class);
                if *part == Part::Status {
                    out.push_str(" role=\"status\"");
                }
                out.push('>');
                html_into(out, inner);
                let _ = write!(out, "</{tag}>");
            }
            Block::Title { kicker, title } => {
                let _ = write!(out, "<p class=\"r-kicker\">{}</p><h1>{}</h1>", esc(kicker), esc(title));
            }
            Block::Heading(level, line) => {
                let _ = write!(out, "<h{level}>");
                inline_html(out, line);
                let _ = write!(out, "</h{level}>");
            }
            Block::Para(class, line) => {
                out.push_str("<p");
                class_attr(out, *class);
                out.push('>');
                inline_html(out, line);
                out.push_str("</p>");
            }
            Block::Note(label, text) => {
                out.push_str("<p class=\"r-warning\" role=\"note\">");
                if !label.is_empty() {
                    let _ = write!(out, "<strong>{}</strong> ", esc(label));
                }
                let _ = write!(out, "{}</p>", esc(text));
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
            Block::Defs { class, value_class, rows } => {
                out.push_str("<dl");
                class_attr(out, *class);
                out.push('>');
                for (term, value) in rows {
                    let _ = write!(out, "<div><dt>{}</dt><dd", esc(term));
                    class_attr(out, *value_class);
                    let _ = write!(out, ">{}</dd></div>", esc(value));
                }
                out.push_str("</dl>");
            }
            Block::Table(t) => table_html(out, t),
            Block::Figure { class, svg, caption } => {
                out.push_str("<figure");
                class_attr(out, *class);
                let _ = write!(out, ">{}<figcaption>{}</figcaption></figure>", svg.as_str(), esc(caption));
            }
        }
    }
}

fn table_html(out: &mut String, t: &Table) {
    if let Some(label) = &t.region {
        let _ = write!(
            out,
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">",
            esc(label)
        );
    }
    out.push_str("<table");
    class_attr(out, t.class);
    out.push('>');
    if let Some(caption) = &t.caption {
        let _ = write!(out, "<caption>{}</caption>", esc(caption));
    }
    out.push_str("<thead><tr>");
    for h in &t.head {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for (first, cells) in &t.rows {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(first));
        for c in cells {
            out.push_str("<td>");
            inline_html(out, c);
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    if t.region.is_some() {
        out.push_str("</div>");
    }
}

/// One list item: its marker, then text whose later lines are indented to stay inside the item (a
/// blank line in a note would otherwise end the list). Line breaks at either end are dropped.
fn item_markdown(out: &mut String, marker: &str, text: &str) {
    let text = text.trim_start_matches([' ', '\n']).trim_end_matches([' ', '\n']);
    // The item's content starts after the list marker ("- ", "10. "), not after a bold term.
    let width = marker.find(' ').map_or(2, |i| i + 1);
    let indent = format!("\n{}", " ".repeat(width));
    let _ = writeln!(out, "{marker}{}", text.replace('\n', &indent));
}

/// The blocks as Markdown: headings, paragraphs, quotes for notes, lists, terms as a list, and pipe
/// tables.
pub fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    markdown_into(&mut out, blocks);
    out
}

fn markdown_into(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Part(_, _, inner) => markdown_into(out, inner),
            Block::Title { kicker, title } => {
                out.push_str("# ");
                inline_markdown(out, &one_line(&Line::text(title.as_str())));
                let _ = write!(out, "\n\n{}\n\n", md(kicker));
            }
            Block::Heading(level, line) => {
                out.push_str(&"#".repeat(usize::from(*level)));
                out.push(' ');
                inline_markdown(out, &one_line(line));
                out.push_str("\n\n");
            }
            Block::Para(_, line) => {
                inline_markdown(out, line);
                out.push_str("\n\n");
            }
            Block::Note(label, text) => {
                out.push_str("> ");
                if !label.is_empty() {
                    let _ = write!(out, "**{}** ", md(label));
                }
                // Each line of the text stays inside the quote.
                let _ = write!(out, "{}\n\n", md(text).replace("  \n", "  \n> "));
            }
            Block::List { ordered, items } => {
                for (n, item) in items.iter().enumerate() {
                    let marker = if *ordered { format!("{}. ", n + 1) } else { "- ".into() };
                    let mut text = String::new();
                    inline_markdown(&mut text, item);
                    item_markdown(out, &marker, &text);
                }
                out.push('\n');
            }
            Block::Defs { rows, .. } => {
                for (term, value) in rows {
                    // A term may carry its colon already (as the editor's labels do).
                    let term = markdown_inline(term.trim_end_matches(':'));
                    item_markdown(out, &format!("- **{term}:** "), &md(value));
                }
                out.push('\n');
            }
            Block::Table(t) => {
                if let Some(caption) = &t.caption {
                    let _ = write!(out, "**{}**\n\n", markdown_inline(caption));
                }
                // A cell is one line; `|` is escaped with the rest of the punctuation.
                let cell = |line: &Line| {
                    let mut s = String::new();
                    inline_markdown(&mut s, line);
                    s.replace("  \n", " ").trim().to_string()
                };
                let head: Vec<String> = t.head.iter().map(|h| cell(&Line::text(h.as_str()))).collect();
                let _ = writeln!(out, "| {} |", head.join(" | "));
                let _ = writeln!(out, "|{}", "---|".repeat(t.head.len()));
                for (first, cells) in &t.rows {
                    let all: Vec<String> = std::iter::once(cell(&Line::text(first.as_str())))
                        .chain(cells.iter().map(cell))
                        .collect();
                    let _ = writeln!(out, "| {} |", all.join(" | "));
                }
                out.push('\n');
            }
            Block::Figure { .. } => {}
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn sample() -> Vec<Block> {
        vec![Block::section(
            Some("r-x"),
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
                Block::Table(Table {
                    head: vec!["Dimension".into(), "Score".into()],
                    rows: vec![("R1 Lead|ership".into(), vec![Line::text("75")])],
                    ..Table::default()
                }),
                Block::Figure { class: None, svg: Svg::new("<svg></svg>".into()), caption: "Chart".into() },
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

    // The title page, terms, a captioned table in a region, an address and a bar: each printer writes
    // each, and a figure's drawing or a bar only where it can be seen.
    #[test]
    fn frames_terms_and_tables_print_in_both_formats() {
        let blocks = vec![
            Block::Part(
                Part::Header,
                Some("r-title-page"),
                vec![
                    Block::Title { kicker: "Risk".into(), title: "Face\nsearch <1>".into() },
                    Block::Defs {
                        class: None,
                        value_class: None,
                        rows: vec![("Agency:".into(), "North & South".into())],
                    },
                ],
            ),
            Block::Table(Table {
                class: Some("by-principle"),
                region: Some("By principle".into()),
                caption: Some("Counts".into()),
                head: vec!["Principle".into(), "Risks".into()],
                rows: vec![("P1.1".into(), vec![Line(vec![Inline::Bar(50), Inline::Text(" 2".into())])])],
            }),
            Block::Part(
                Part::Footer,
                None,
                vec![Block::List {
                    ordered: false,
                    items: vec![Line::text("Site: ").and(Inline::Url("https://x.test/a"))],
                }],
            ),
        ];
        assert_eq!(
            html(&blocks),
            "<header class=\"r-title-page\"><p class=\"r-kicker\">Risk</p><h1>Face\nsearch &lt;1&gt;</h1>\
             <dl><div><dt>Agency:</dt><dd>North &amp; South</dd></div></dl></header>\
             <div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"By principle\"><table class=\"by-principle\">\
             <caption>Counts</caption><thead><tr><th scope=\"col\">Principle</th><th scope=\"col\">Risks</th></tr></thead>\
             <tbody><tr><th scope=\"row\">P1.1</th><td><svg class=\"bar\" aria-hidden=\"true\" width=\"100\" height=\"12\">\
             <rect width=\"50\" height=\"12\"/></svg> 2</td></tr></tbody></table></div>\
             <footer><ul><li>Site: https://x.test/a</li></ul></footer>"
        );
        assert_eq!(
            markdown(&blocks),
            "# Face search \\<1\\>\n\nRisk\n\n- **Agency:** North \\& South\n\n**Counts**\n\n| Principle | Risks |\n|---|---|\n\
             | P1.1 | 2 |\n\n- Site: <https://x.test/a>\n\n"
        );
    }

    // Text typed over several lines stays inside its list item or term in Markdown: a blank line or a
    // line that looks like a list number does not end the item or start a list.
    #[test]
    fn multi_line_text_stays_inside_its_item() {
        let note = "\nFirst\n\n1. second\n# third\n";
        let blocks = vec![
            Block::List { ordered: true, items: vec![Line::text(note)] },
            Block::Defs { class: None, value_class: None, rows: vec![("Why".into(), note.into())] },
        ];
        assert_eq!(
            markdown(&blocks),
            "1. First  \n     \n   1\\. second  \n   \\# third\n\n- **Why:** First  \n    \n  1\\. second  \n  \\# third\n\n"
        );
    }
}
