use super::*;
use crate::core::ooxml::zip;
use proptest::prelude::*;

fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    zip::read_back(bytes)
        .into_iter()
        .map(|(path, data)| (path, String::from_utf8(data).expect("UTF-8 text")))
        .collect()
}

fn sheet(rows: Vec<Vec<Cell>>) -> Sheet {
    Sheet {
        name: "Register".into(),
        columns: vec![("Id".into(), 8), ("Note".into(), 40), ("Due".into(), 12)],
        rows,
    }
}

fn book(sheets: &[Sheet]) -> Vec<(String, String)> {
    unzip(&zip::write(&package(sheets, "Unit A", "Risk assessment")))
}

fn part<'a>(parts: &'a [(String, String)], path: &str) -> &'a str {
    &parts.iter().find(|(p, _)| p == path).unwrap_or_else(|| panic!("no part {path}")).1
}

#[test]
fn columns_are_lettered_as_spreadsheets_do() {
    assert_eq!([0, 25, 26, 51, 701, 702].map(column), ["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
}

#[test]
fn every_part_is_well_formed_and_each_sheet_is_listed() {
    let parts = book(&[sheet(vec![]), Sheet { name: "Mitigations".into(), ..sheet(vec![]) }]);
    for (path, text) in &parts {
        roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    let workbook = part(&parts, "xl/workbook.xml");
    assert!(workbook.contains("<sheet name=\"Register\" sheetId=\"1\" r:id=\"rIdSheet1\"/>"));
    assert!(workbook.contains("<sheet name=\"Mitigations\" sheetId=\"2\" r:id=\"rIdSheet2\"/>"));
    assert!(part(&parts, "[Content_Types].xml").contains("PartName=\"/xl/worksheets/sheet2.xml\""));
}

#[test]
fn the_header_row_stays_on_screen_with_filters_and_set_widths() {
    let parts = book(&[sheet(vec![vec![Cell::text("R1")], vec![Cell::text("R2")]])]);
    let ws = part(&parts, "xl/worksheets/sheet1.xml");
    assert!(ws.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
    assert!(ws.contains("<autoFilter ref=\"A1:C3\"/>"));
    assert!(ws.contains("<col min=\"2\" max=\"2\" width=\"40\" customWidth=\"1\"/>"));
    assert!(ws.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">Id</t></is></c>"));
    assert!(part(&parts, "xl/workbook.xml")
        .contains("localSheetId=\"0\" hidden=\"1\">'Register'!$A$1:$C$3</definedName>"));
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let rows = ["=1+2", "+cmd", "-2", "@SUM(A1)", "=HYPERLINK(\"http://x\")"]
        .map(|t| vec![Cell::text("R1"), Cell::text(t)]);
    let ws = part(&book(&[sheet(rows.to_vec())]), "xl/worksheets/sheet1.xml").to_string();
    assert!(!ws.contains("<f>") && !ws.contains("<f "), "no formula at all");
    assert!(
        ws.contains("<c r=\"B2\" s=\"2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">=1+2</t></is></c>")
    );
    assert!(ws.contains("<t xml:space=\"preserve\">=HYPERLINK(&quot;http://x&quot;)</t>"));
}

#[test]
fn numbers_are_numbers_and_dates_are_dates() {
    let rows = vec![
        vec![Cell::tenths(542), Cell::int(3), Cell::Date("2027-03-31".into())],
        vec![Cell::tenths(500), Cell::Empty, Cell::Date("end of March".into())],
    ];
    let ws = part(&book(&[sheet(rows)]), "xl/worksheets/sheet1.xml").to_string();
    assert!(ws.contains("<c r=\"A2\"><v>54.2</v></c><c r=\"B2\"><v>3</v></c>"));
    // 2027-03-31 is day 46,477 counted from 1899-12-30.
    assert!(ws.contains("<c r=\"C2\" s=\"3\"><v>46477</v></c>"), "{ws}");
    assert!(ws.contains("<c r=\"A3\"><v>50</v></c><c r=\"C3\" s=\"2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">end of March</t>"));
}

#[test]
fn sheet_names_and_long_text_fit_what_spreadsheets_allow() {
    let long = "x".repeat(40_000);
    let parts = book(&[Sheet {
        name: "Risks: [all]/now? and a name far too long to fit".into(),
        ..sheet(vec![vec![Cell::text(long)]])
    }]);
    assert!(part(&parts, "xl/workbook.xml").contains("<sheet name=\"Risks allnow and a name far too\""));
    let ws = part(&parts, "xl/worksheets/sheet1.xml");
    let cell =
        ws.split("<t xml:space=\"preserve\">").nth(4).and_then(|c| c.split("</t>").next()).expect("the cell");
    assert_eq!(cell.chars().count(), 32_767);
    assert!(cell.ends_with('…'));
}

#[test]
fn an_escape_spreadsheets_would_decode_is_kept_as_typed() {
    let ws = part(
        &book(&[sheet(vec![vec![Cell::text("R1"), Cell::text("code _x0041_ and _x00_ and _X0041_")]])]),
        "xl/worksheets/sheet1.xml",
    )
    .to_string();
    assert!(ws.contains(">code _x005F_x0041_ and _x00_ and _X0041_</t>"), "{ws}");
}

#[test]
fn a_day_that_does_not_exist_or_that_spreadsheets_misread_stays_text() {
    let rows = ["2027-02-31", "1900-02-28", "1900-03-01", "0001-01-01"]
        .map(|d| vec![Cell::text("R"), Cell::Empty, Cell::Date(d.into())]);
    let ws = part(&book(&[sheet(rows.to_vec())]), "xl/worksheets/sheet1.xml").to_string();
    assert!(ws.contains("<t xml:space=\"preserve\">2027-02-31</t>"));
    assert!(ws.contains("<t xml:space=\"preserve\">1900-02-28</t>"), "before spreadsheets' 1900 slip");
    assert!(ws.contains("<c r=\"C4\" s=\"3\"><v>61</v></c>"), "1900-03-01 is day 61");
    assert!(ws.contains("<t xml:space=\"preserve\">0001-01-01</t>"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Whatever a user types (control characters and non-characters too), every part of the file is
    /// well-formed XML in a zip any reader opens.
    #[test]
    fn any_text_gives_a_well_formed_book(note in any::<String>(), name in any::<String>()) {
        let parts = book(&[Sheet { name, ..sheet(vec![vec![Cell::text(note.clone()), Cell::text(note), Cell::Date("x".into())]]) }]);
        for (path, text) in &parts {
            prop_assert!(roxmltree::Document::parse(text).is_ok(), "{} is not well-formed", path);
        }
    }
}
