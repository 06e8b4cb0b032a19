//! The third printer of a report's blocks (after HTML and Markdown): a Word document. Headings use
//! Word's heading styles (its navigation pane and a table of contents work), tables are real tables
//! whose header row repeats on every page, a chart is its picture (drawn by the browser from the
//! core's SVG, see `browser::office`) followed by the table that carries its figures, and every page
//! says "Page n of m". The title page ends with a page break. Text is made safe for XML on the way
//! (`ooxml::xml`): what a user typed shows as typed, characters XML refuses are dropped.

mod parts;

use super::document::{Block, Inline, Line, Part, Table};
use crate::core::ooxml::{self, xml, PackagePart};
use std::fmt::Write;

pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A chart drawn as a PNG picture, its size in CSS pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The words the document's own frame needs (the footer's "Page n of m").
pub struct Words<'a> {
    pub page: &'a str,
    pub of: &'a str,
}

/// A chart as an SVG image of its own (styles inside, a size in pixels), for the browser to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawing {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

/// The charts, in the order they appear, each made an image of its own.
pub fn figures(blocks: &[Block]) -> Vec<Drawing> {
    let mut out = Vec::new();
    collect_figures(blocks, &mut out);
    out
}

fn collect_figures(blocks: &[Block], out: &mut Vec<Drawing>) {
    for block in blocks {
        match block {
            Block::Part(_, _, inner) => collect_figures(inner, out),
            Block::Figure { svg, .. } => out.push(standalone(svg.as_str())),
            _ => {}
        }
    }
}

/// The chart's markup as an image file: its size from the view box (a chart on a page may say
/// "100%", which an image cannot), the SVG namespace, and the report's styles inside (the heat map's
/// cells are coloured by class).
fn standalone(svg: &str) -> Drawing {
    let view_box = svg
        .split("viewBox=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|v| v.split_whitespace().filter_map(|n| n.parse::<u32>().ok()).collect::<Vec<_>>())
        .unwrap_or_default();
    // The core's charts have whole-pixel view boxes.
    let (width, height) = match view_box[..] {
        [_, _, w, h] if w >= 1 && h >= 1 => (w, h),
        _ => (720, 360),
    };
    let Some(tag_end) = svg.find('>') else {
        return Drawing { svg: String::new(), width, height };
    };
    let mut open: String = svg[..tag_end]
        .split(' ')
        .filter(|a| !a.starts_with("width=") && !a.starts_with("height=") && !a.starts_with("xmlns="))
        .collect::<Vec<_>>()
        .join(" ");
    let _ = write!(open, " xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\">");
    // On the page a chart takes the page's font; an image of its own names one.
    let svg = format!(
        "{open}<style><![CDATA[svg{{font-family:system-ui,'Segoe UI',Arial,sans-serif}}{}]]></style>{}",
        super::REPORT_CSS,
        &svg[tag_end + 1..]
    );
    Drawing { svg, width, height }
}

/// The text width of an A4 page with 2.54 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 9026;
/// English Metric Units per CSS pixel (96 per inch).
const EMU_PER_PX: u64 = 9525;
/// The widest a picture is drawn: the text width, in EMU.
const MAX_PICTURE_EMU: u64 = 5_731_510;

struct Printer<'a> {
    out: String,
    pictures: &'a [Option<Picture>],
    figure: usize,
    ordered_lists: usize,
    /// The title page ended: what comes next starts a page.
    new_page: bool,
}

/// The parts of the document (in package order) as one .docx file's parts. `pictures[i]` draws the
/// i-th figure; a figure without one is left to its caption and table.
pub fn package(
    blocks: &[Block],
    title: &str,
    tool: &str,
    words: &Words,
    pictures: &[Option<Picture>],
) -> Vec<PackagePart> {
    let mut p = Printer { out: String::new(), pictures, figure: 0, ordered_lists: 0, new_page: false };
    p.blocks(blocks);
    let body = p.out;
    let mut doc_rels = vec![
        ("rIdStyles".to_string(), "styles", "styles.xml".to_string()),
        ("rIdNumbering".into(), "numbering", "numbering.xml".into()),
        ("rIdSettings".into(), "settings", "settings.xml".into()),
        ("rIdFooter".into(), "footer", "footer1.xml".into()),
    ];
    let mut parts = Vec::new();
    for (i, picture) in pictures.iter().enumerate() {
        if let Some(picture) = picture {
            doc_rels.push((format!("rIdFigure{}", i + 1), "image", format!("media/figure{}.png", i + 1)));
            parts.push(PackagePart::new(format!("word/media/figure{}.png", i + 1), picture.png.clone()));
        }
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>{body}\
<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>\
</w:sectPr></w:body></w:document>"
    );
    const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let types = [
        ("word/document.xml", format!("{WML}.document.main+xml")),
        ("word/styles.xml", format!("{WML}.styles+xml")),
        ("word/numbering.xml", format!("{WML}.numbering+xml")),
        ("word/settings.xml", format!("{WML}.settings+xml")),
        ("word/footer1.xml", format!("{WML}.footer+xml")),
        ("docProps/core.xml", ooxml::CORE_PROPERTIES_TYPE.to_string()),
    ];
    let types: Vec<(&str, &str)> = types.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let rels: Vec<(&str, &str, &str)> =
        doc_rels.iter().map(|(i, k, t)| (i.as_str(), *k, t.as_str())).collect();
    let mut all = vec![
        PackagePart::xml("[Content_Types].xml", ooxml::content_types(&types, !parts.is_empty())),
        PackagePart::xml(
            "_rels/.rels",
            ooxml::relationships(&[
                ("rId1", "officeDocument", "word/document.xml"),
                ("rId2", ooxml::CORE_PROPERTIES_REL, "docProps/core.xml"),
            ]),
        ),
        PackagePart::xml("docProps/core.xml", ooxml::core_properties(title, tool)),
        PackagePart::xml("word/document.xml", document),
        PackagePart::xml("word/_rels/document.xml.rels", ooxml::relationships(&rels)),
        PackagePart::xml("word/styles.xml", parts::styles()),
        PackagePart::xml("word/numbering.xml", parts::numbering(p.ordered_lists)),
        PackagePart::xml("word/settings.xml", parts::SETTINGS.to_string()),
        PackagePart::xml("word/footer1.xml", parts::footer(title, words.page, words.of)),
    ];
    all.extend(parts);
    all
}

/// Runs of text: line breaks become Word's breaks, tabs its tabs.
fn runs(out: &mut String, text: &str, bold: bool) {
    let props = if bold { "<w:rPr><w:b/><w:bCs/></w:rPr>" } else { "" };
    let _ = write!(out, "<w:r>{props}");
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        for (k, piece) in line.split('\t').enumerate() {
            if k > 0 {
                out.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t>", xml::text(piece));
            }
        }
    }
    out.push_str("</w:r>");
}

fn line_runs(out: &mut String, line: &Line) {
    for run in &line.0 {
        match run {
            Inline::Text(t) | Inline::Span(_, t) => runs(out, t, false),
            Inline::Strong(t) => runs(out, t, true),
            Inline::Url(u) => runs(out, u, false),
            // Decoration beside the figure it draws: the figure is in the text.
            Inline::Bar(_) => {}
        }
    }
}

/// A heading's text on one line (a title typed with line breaks is joined).
fn one_line(line: &Line) -> String {
    let mut text = String::new();
    for run in &line.0 {
        if let Inline::Text(t) | Inline::Strong(t) | Inline::Span(_, t) = run {
            text.push_str(t);
        }
    }
    text.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

impl Printer<'_> {
    /// `<w:pageBreakBefore/>` when this paragraph starts the page after the title page (its place in
    /// a paragraph's properties: after keepNext and keepLines, before numPr).
    fn page_break(&mut self) -> &'static str {
        if std::mem::take(&mut self.new_page) {
            "<w:pageBreakBefore/>"
        } else {
            ""
        }
    }

    fn para(&mut self, style: Option<&str>, extra: &str, line: &Line) {
        let page_break = self.page_break();
        self.out.push_str("<w:p>");
        if style.is_some() || !extra.is_empty() || !page_break.is_empty() {
            self.out.push_str("<w:pPr>");
            if let Some(s) = style {
                let _ = write!(self.out, "<w:pStyle w:val=\"{s}\"/>");
            }
            self.out.push_str(page_break);
            self.out.push_str(extra);
            self.out.push_str("</w:pPr>");
        }
        line_runs(&mut self.out, line);
        self.out.push_str("</w:p>");
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            self.block(block);
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Part(Part::Header, _, inner) => {
                self.blocks(inner);
                // The title page stands alone: the next paragraph starts a page.
                self.new_page = true;
            }
            Block::Part(_, _, inner) => self.blocks(inner),
            Block::Title { kicker, title } => {
                self.para(Some("Subtitle"), "", &Line::text(kicker.as_str()));
                self.para(Some("Title"), "", &Line::text(one_line(&Line::text(title.as_str()))));
            }
            Block::Heading(level, line) => {
                let style = format!("Heading{}", (*level).clamp(1, 4));
                self.para(Some(&style), "", &Line::text(one_line(line)));
            }
            Block::Para(_, line) => self.para(None, "", line),
            Block::Note(label, text) => {
                let mut line = Line::default();
                if !label.is_empty() {
                    line = line.and(Inline::Strong(format!("{label} ")));
                }
                self.para(Some("Note"), "", &line.and(Inline::Text(text.clone())));
            }
            Block::List { ordered, items } => {
                let id = if *ordered {
                    self.ordered_lists += 1;
                    self.ordered_lists + 1
                } else {
                    1
                };
                let numbering = format!("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{id}\"/></w:numPr>");
                for item in items {
                    self.para(Some("ListParagraph"), &numbering, item);
                }
            }
            Block::Defs { rows, .. } if rows.is_empty() => {}
            Block::Defs { rows, .. } => {
                let table = Table {
                    rows: rows
                        .iter()
                        .map(|(term, value)| (term.clone(), vec![Line::text(value.as_str())]))
                        .collect(),
                    ..Table::default()
                };
                self.table(&table, &[30, 70]);
            }
            // Word refuses a table without a row.
            Block::Table(t) if t.head.is_empty() && t.rows.is_empty() => {}
            Block::Table(t) => {
                if let Some(caption) = &t.caption {
                    self.para(Some("Caption"), "", &Line::text(caption.as_str()));
                }
                let widest = t.rows.iter().map(|(_, cells)| cells.len() + 1).max().unwrap_or(1);
                let columns = t.head.len().max(widest);
                self.table(t, &vec![100 / columns; columns]);
            }
            Block::Figure { caption, .. } => {
                let n = self.figure;
                self.figure += 1;
                if let Some(Some(picture)) = self.pictures.get(n) {
                    self.picture(n + 1, picture, caption);
                }
                self.para(Some("Caption"), "", &Line::text(caption.as_str()));
            }
        }
    }

    /// A table with the given column shares (percent); its header row, if any, repeats on every
    /// page, and each row's first cell is its heading, in bold.
    fn table(&mut self, t: &Table, shares: &[usize]) {
        // A table takes no page break of its own: an empty paragraph carries it.
        if !self.page_break().is_empty() {
            self.out.push_str("<w:p><w:pPr><w:pageBreakBefore/></w:pPr></w:p>");
        }
        let columns = shares.len();
        // A right-to-left document lays its tables out from the right, as the HTML report does.
        let bidi = if crate::core::content::right_to_left() { "<w:bidiVisual/>" } else { "" };
        let _ = write!(
            self.out,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>{bidi}<w:tblW w:w=\"5000\" w:type=\"pct\"/>\
             <w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>\
             </w:tblPr><w:tblGrid>",
        );
        for share in shares {
            let _ = write!(self.out, "<w:gridCol w:w=\"{}\"/>", TEXT_WIDTH * share / 100);
        }
        self.out.push_str("</w:tblGrid>");
        let cell = |out: &mut String, line: &Line, bold: bool, shade: bool| {
            out.push_str("<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/>");
            if shade {
                out.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8EDF3\"/>");
            }
            out.push_str("</w:tcPr><w:p>");
            if bold {
                for run in &line.0 {
                    if let Inline::Text(t) | Inline::Strong(t) | Inline::Span(_, t) = run {
                        runs(out, t, true);
                    }
                }
            } else {
                line_runs(out, line);
            }
            out.push_str("</w:p></w:tc>");
        };
        if !t.head.is_empty() {
            self.out.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
            for h in t.head.iter().take(columns) {
                cell(&mut self.out, &Line::text(h.as_str()), true, true);
            }
            // A head shorter than the rows: the grid stays whole.
            for _ in t.head.len()..columns {
                cell(&mut self.out, &Line::default(), true, true);
            }
            self.out.push_str("</w:tr>");
        }
        for (first, cells) in &t.rows {
            self.out.push_str("<w:tr>");
            cell(&mut self.out, &Line::text(first.as_str()), true, false);
            for c in cells.iter().take(columns - 1) {
                cell(&mut self.out, c, false, false);
            }
            for _ in cells.len() + 1..columns {
                cell(&mut self.out, &Line::default(), false, false);
            }
            self.out.push_str("</w:tr>");
        }
        self.out.push_str("</w:tbl><w:p/>");
    }

    /// A picture on a line of its own, scaled to fit the text width; its description is the caption.
    fn picture(&mut self, n: usize, picture: &Picture, caption: &str) {
        let mut cx = u64::from(picture.width.max(1)) * EMU_PER_PX;
        let mut cy = u64::from(picture.height.max(1)) * EMU_PER_PX;
        if cx > MAX_PICTURE_EMU {
            cy = cy * MAX_PICTURE_EMU / cx;
            cx = MAX_PICTURE_EMU;
        }
        let description = xml::text(caption);
        let page_break = self.page_break();
        let _ = write!(
            self.out,
            "<w:p><w:pPr><w:keepNext/>{page_break}<w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>\
<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/>\
<wp:docPr id=\"{n}\" name=\"Figure {n}\" descr=\"{description}\"/>\
<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"figure{n}.png\" descr=\"{description}\"/><pic:cNvPicPr/></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"rIdFigure{n}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>\
</wp:inline></w:drawing></w:r></w:p>"
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
