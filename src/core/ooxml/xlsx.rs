//! A spreadsheet (.xlsx) of plain sheets: a header row that stays on screen (frozen) with filters,
//! column widths, text that wraps, numbers as numbers and dates as real dates. Every text is an
//! inline string, so nothing a user typed (`=`, `+`, `-`, `@` first) is ever read as a formula: the file
//! holds no formula at all.

use super::{
    content_types, core_properties, relationships, xml, PackagePart, CORE_PROPERTIES_REL,
    CORE_PROPERTIES_TYPE,
};
use crate::core::dates::days_since_epoch;
use std::fmt::Write;

pub const MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The most characters a spreadsheet cell holds; longer text is cut there, marked with "…".
const CELL_CHARS: usize = 32_767;
/// Spreadsheets count days from 1899-12-30; this is 1970-01-01 on that count.
const EPOCH_SERIAL: i64 = 25_569;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number written as its decimal digits (the core's figures are whole numbers or tenths).
    Number(String),
    /// A `YYYY-MM-DD` date; anything else is kept as text.
    Date(String),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    pub fn int(n: impl Into<i64>) -> Cell {
        Cell::Number(n.into().to_string())
    }

    /// A figure kept in tenths (542 is 54.2).
    pub fn tenths(t: u32) -> Cell {
        Cell::Number(if t.is_multiple_of(10) {
            (t / 10).to_string()
        } else {
            format!("{}.{}", t / 10, t % 10)
        })
    }
}

/// One sheet: its name (cut to the 31 characters spreadsheets allow, without the characters they
/// refuse), column headings with widths in characters, and rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub columns: Vec<(String, u32)>,
    pub rows: Vec<Vec<Cell>>,
}

/// Column letters of a 0-based index: 0 is A, 26 is AA.
fn column(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn sheet_name(name: &str) -> String {
    let clean: String =
        name.chars().filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\')).take(31).collect();
    if clean.trim().is_empty() {
        "Sheet".into()
    } else {
        clean
    }
}

// Styles by index: 0 plain, 1 heading (bold, shaded), 2 text that wraps, top-aligned, 3 a date.
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>\
<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>\
<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>\
<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE8EDF3\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>\
<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>\
<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>\
<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\">\
<alignment vertical=\"top\" wrapText=\"1\"/></xf>\
<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>\
<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\">\
<alignment vertical=\"top\"/></xf></cellXfs>\
<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

fn text_cell(out: &mut String, at: &str, style: u8, text: &str) {
    let text = if text.chars().count() > CELL_CHARS {
        text.chars().take(CELL_CHARS - 1).chain(['…']).collect()
    } else {
        text.to_string()
    };
    let _ = write!(
        out,
        "<c r=\"{at}\" s=\"{style}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
        xml::text(&literal(&text))
    );
}

/// Spreadsheets read `_xHHHH_` in a cell's text as the character HHHH: a typed one is kept as typed by
/// writing its underscore as `_x005F_`.
fn literal(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let escape = c == '_'
            && bytes.len() >= i + 7
            && bytes[i + 1] == b'x'
            && bytes[i + 2..i + 6].iter().all(u8::is_ascii_hexdigit)
            && bytes[i + 6] == b'_';
        if escape {
            out.push_str("_x005F_");
        } else {
            out.push(c);
        }
    }
    out
}

fn worksheet(sheet: &Sheet) -> String {
    let last = column(sheet.columns.len().saturating_sub(1));
    let rows = sheet.rows.len() + 1;
    // A sheet written in a right-to-left language opens with its first column on the right.
    let rtl = crate::core::content::right_to_left();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
<sheetViews><sheetView{} workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>\
<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>\
<sheetFormatPr defaultRowHeight=\"15\"/><cols>",
        if rtl { " rightToLeft=\"1\"" } else { "" }
    );
    for (i, (_, width)) in sheet.columns.iter().enumerate() {
        let _ = write!(out, "<col min=\"{n}\" max=\"{n}\" width=\"{width}\" customWidth=\"1\"/>", n = i + 1);
    }
    out.push_str("</cols><sheetData><row r=\"1\">");
    for (i, (heading, _)) in sheet.columns.iter().enumerate() {
        text_cell(&mut out, &format!("{}1", column(i)), 1, heading);
    }
    out.push_str("</row>");
    for (r, row) in sheet.rows.iter().enumerate() {
        let n = r + 2;
        let _ = write!(out, "<row r=\"{n}\">");
        for (i, cell) in row.iter().enumerate().take(sheet.columns.len()) {
            let at = format!("{}{n}", column(i));
            match cell {
                Cell::Empty => {}
                Cell::Text(t) => text_cell(&mut out, &at, 2, t),
                Cell::Number(v) => {
                    let _ = write!(out, "<c r=\"{at}\"><v>{}</v></c>", xml::text(v));
                }
                // A serial only where spreadsheets agree on the day (from 1900-03-01, past their
                // 1900 leap-year slip, to 9999-12-31); any other text stays the text typed.
                Cell::Date(d) => match days_since_epoch(d).map(|days| days + EPOCH_SERIAL) {
                    Some(serial) if (61..=2_958_465).contains(&serial) => {
                        let _ = write!(out, "<c r=\"{at}\" s=\"3\"><v>{serial}</v></c>");
                    }
                    _ => text_cell(&mut out, &at, 2, d),
                },
            }
        }
        out.push_str("</row>");
    }
    let _ = write!(out, "</sheetData><autoFilter ref=\"A1:{last}{rows}\"/></worksheet>");
    out
}

/// The sheets as one .xlsx file's parts, in package order.
pub fn package(sheets: &[Sheet], title: &str, creator: &str) -> Vec<PackagePart> {
    const SML: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    let names: Vec<String> = sheets.iter().map(|s| sheet_name(&s.name)).collect();
    let mut workbook = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
<bookViews><workbookView/></bookViews><sheets>",
    );
    for (i, name) in names.iter().enumerate() {
        let _ = write!(
            workbook,
            "<sheet name=\"{}\" sheetId=\"{n}\" r:id=\"rIdSheet{n}\"/>",
            xml::text(name),
            n = i + 1
        );
    }
    workbook.push_str("</sheets><definedNames>");
    // Spreadsheets keep each sheet's filter range under this hidden name.
    for (i, (name, sheet)) in names.iter().zip(sheets).enumerate() {
        let _ = write!(
            workbook,
            "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{i}\" hidden=\"1\">'{}'!$A$1:${}${}</definedName>",
            xml::text(&name.replace('\'', "''")),
            column(sheet.columns.len().saturating_sub(1)),
            sheet.rows.len() + 1
        );
    }
    workbook.push_str("</definedNames></workbook>");
    let sheet_paths: Vec<String> = (1..=sheets.len()).map(|n| format!("worksheets/sheet{n}.xml")).collect();
    let ids: Vec<String> = (1..=sheets.len()).map(|n| format!("rIdSheet{n}")).collect();
    let mut rels: Vec<(&str, &str, &str)> =
        ids.iter().zip(&sheet_paths).map(|(id, path)| (id.as_str(), "worksheet", path.as_str())).collect();
    rels.push(("rIdStyles", "styles", "styles.xml"));
    let full_paths: Vec<String> = sheet_paths.iter().map(|p| format!("xl/{p}")).collect();
    let sheet_type = format!("{SML}.worksheet+xml");
    let (book_type, styles_type) = (format!("{SML}.sheet.main+xml"), format!("{SML}.styles+xml"));
    let mut types: Vec<(&str, &str)> = vec![
        ("xl/workbook.xml", &book_type),
        ("xl/styles.xml", &styles_type),
        ("docProps/core.xml", CORE_PROPERTIES_TYPE),
    ];
    types.extend(full_paths.iter().map(|p| (p.as_str(), sheet_type.as_str())));
    let mut parts = vec![
        PackagePart::xml("[Content_Types].xml", content_types(&types, false)),
        PackagePart::xml(
            "_rels/.rels",
            relationships(&[
                ("rId1", "officeDocument", "xl/workbook.xml"),
                ("rId2", CORE_PROPERTIES_REL, "docProps/core.xml"),
            ]),
        ),
        PackagePart::xml("docProps/core.xml", core_properties(title, creator)),
        PackagePart::xml("xl/workbook.xml", workbook),
        PackagePart::xml("xl/_rels/workbook.xml.rels", relationships(&rels)),
        PackagePart::xml("xl/styles.xml", STYLES.to_string()),
    ];
    for (path, sheet) in full_paths.iter().zip(sheets) {
        parts.push(PackagePart::xml(path, worksheet(sheet)));
    }
    parts
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
