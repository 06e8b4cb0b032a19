use super::*;
use crate::core::ooxml::zip;
use crate::core::report::document::{Block, Inline, Line, Part, Table};
use proptest::prelude::*;

const WORDS: Words = Words { page: "Page", of: "of" };

fn report(note: &str) -> Vec<Block> {
    vec![
        Block::Part(
            Part::Header,
            None,
            vec![Block::Title {
                kicker: "Readiness · RAI Assess".into(),
                title: "Unit A\nsecond line".into(),
            }],
        ),
        Block::section(
            None,
            vec![
                Block::Heading(2, Line::text("Overall <1>")),
                Block::Para(
                    None,
                    Line::default()
                        .and(Inline::Text("72.5 / 100 · ".into()))
                        .and(Inline::Strong("Established".into())),
                ),
                Block::Note("Provisional:".into(), note.into()),
                Block::List { ordered: true, items: vec![Line::text("first"), Line::text("second")] },
                Block::List { ordered: true, items: vec![Line::text("again first")] },
                Block::List { ordered: false, items: vec![Line::text("a bullet")] },
                Block::Defs { class: None, value_class: None, rows: vec![("Owner".into(), note.into())] },
                Block::Table(Table {
                    caption: Some("Scores".into()),
                    head: vec!["Dimension".into(), "Score".into()],
                    rows: vec![("R1 Leadership".into(), vec![Line::text(note)])],
                    ..Table::default()
                }),
            ],
        ),
    ]
}

fn docx(blocks: &[Block], pictures: &[Option<Picture>]) -> Vec<(String, Vec<u8>)> {
    zip::read_back(&zip::write(&package(blocks, "Unit A", "Readiness", &WORDS, pictures)))
}

fn part(parts: &[(String, Vec<u8>)], path: &str) -> String {
    let (_, bytes) = parts.iter().find(|(p, _)| p == path).unwrap_or_else(|| panic!("no part {path}"));
    String::from_utf8(bytes.clone()).expect("UTF-8")
}

/// The text a reader sees in document.xml, paragraph by paragraph.
fn paragraphs(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("well-formed");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "p")
        .map(|p| {
            p.descendants()
                .filter_map(|n| match n.tag_name().name() {
                    "t" => n.text().map(String::from),
                    "br" if n.attribute((W, "type")).is_none() => Some("\n".into()),
                    "tab" => Some("\t".into()),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

#[test]
fn every_part_is_well_formed_and_the_package_is_complete() {
    let parts = docx(&report("a note"), &[]);
    let names: Vec<&str> = parts.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(names[0], "[Content_Types].xml", "content types first, as Office writes them");
    for want in
        ["_rels/.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footer1.xml"]
    {
        assert!(names.contains(&want), "{want} missing");
    }
    for (path, bytes) in &parts {
        let text = std::str::from_utf8(bytes).expect("UTF-8");
        roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}

#[test]
fn headings_use_word_heading_styles_and_the_title_page_stands_alone() {
    let document = part(&docx(&report("a note"), &[]), "word/document.xml");
    assert!(document.contains(
        "<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Unit A second line</w:t>"
    ));
    assert!(
        document.contains("<w:pPr><w:pStyle w:val=\"Heading2\"/><w:pageBreakBefore/></w:pPr><w:r><w:t xml:space=\"preserve\">Overall"),
        "the first heading after the title page starts a page"
    );
    assert_eq!(document.matches("<w:pageBreakBefore/>").count(), 1);
    let styles = part(&docx(&report("a note"), &[]), "word/styles.xml");
    assert!(styles.contains("w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"));
    assert!(styles.contains("<w:outlineLvl w:val=\"1\"/>"), "the navigation pane reads outline levels");
}

#[test]
fn tables_repeat_their_header_row_and_terms_become_a_two_column_table() {
    let document = part(&docx(&report("a note"), &[]), "word/document.xml");
    assert_eq!(document.matches("<w:tblHeader/>").count(), 1, "the table with a head; the terms have none");
    assert_eq!(document.matches("<w:tbl>").count(), 2);
    let text = paragraphs(&document);
    for want in ["Scores", "Dimension", "Score", "R1 Leadership", "Owner"] {
        assert!(text.iter().any(|p| p == want), "{want} not read: {text:?}");
    }
}

#[test]
fn each_ordered_list_counts_from_one() {
    let parts = docx(&report("a note"), &[]);
    let document = part(&parts, "word/document.xml");
    assert_eq!(document.matches("<w:numId w:val=\"2\"/>").count(), 2);
    assert_eq!(document.matches("<w:numId w:val=\"3\"/>").count(), 1);
    assert_eq!(document.matches("<w:numId w:val=\"1\"/>").count(), 1, "the bullet");
    let numbering = part(&parts, "word/numbering.xml");
    assert_eq!(numbering.matches("<w:startOverride w:val=\"1\"/>").count(), 2);
}

#[test]
fn a_chart_is_its_picture_and_caption_and_one_not_drawn_its_caption_only() {
    let blocks = vec![Block::Figure {
        class: None,
        svg: crate::core::report::document::Svg::new(
            "<svg viewBox=\"0 0 720 300\" width=\"100%\"></svg>".into(),
        ),
        caption: "Scores by dimension".into(),
    }];
    let png = Picture { png: vec![0x89, b'P', b'N', b'G'], width: 720, height: 300 };
    let parts = docx(&blocks, &[Some(png.clone())]);
    let document = part(&parts, "word/document.xml");
    assert!(document.contains("<a:blip r:embed=\"rIdFigure1\"/>"));
    assert!(document.contains("descr=\"Scores by dimension\""), "the picture is described by its caption");
    // 720 px at 96 per inch is 7.5 inches: scaled to the text width, the height in proportion.
    assert!(document.contains("<wp:extent cx=\"5731510\" cy=\"2388129\"/>"), "{document}");
    assert!(part(&parts, "word/_rels/document.xml.rels").contains("Target=\"media/figure1.png\""));
    assert_eq!(
        parts.iter().find(|(p, _)| p == "word/media/figure1.png").map(|(_, b)| b.clone()),
        Some(png.png)
    );
    assert!(part(&parts, "[Content_Types].xml").contains("Extension=\"png\""));

    let without = docx(&blocks, &[None]);
    let document = part(&without, "word/document.xml");
    assert!(!document.contains("<w:drawing>"));
    assert_eq!(paragraphs(&document), vec!["Scores by dimension".to_string()]);
    assert!(!without.iter().any(|(p, _)| p.starts_with("word/media/")));
}

#[test]
fn a_chart_becomes_an_image_of_its_own_with_its_size_and_styles() {
    let blocks = vec![Block::Figure {
        class: None,
        svg: crate::core::report::document::Svg::new(
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 384 332\" width=\"100%\"><rect class=\"hm-low\"/></svg>".into(),
        ),
        caption: "Heat map".into(),
    }];
    let drawn = figures(&blocks);
    assert_eq!((drawn[0].width, drawn[0].height), (384, 332));
    assert!(drawn[0].svg.starts_with(
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 384 332\" xmlns=\"http://www.w3.org/2000/svg\" width=\"384\" height=\"332\"><style><![CDATA["
    ));
    assert!(drawn[0].svg.contains(".hm-low"), "the cells' colours travel with the image");
    roxmltree::Document::parse(&drawn[0].svg).expect("an image file is well-formed XML");
}

#[test]
fn the_footer_numbers_pages() {
    let footer = part(&docx(&report("a note"), &[]), "word/footer1.xml");
    assert!(footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
    assert!(footer.contains("<w:instrText xml:space=\"preserve\"> NUMPAGES </w:instrText>"));
    assert!(footer.contains("Unit A · Page "));
}

#[test]
fn text_shows_as_typed_and_characters_xml_refuses_are_dropped() {
    let note = "=SUM(A1) <b>&amp; ]]> \u{0}\u{7}line\nnext\tcol 😀 عربي";
    let document = part(&docx(&report(note), &[]), "word/document.xml");
    let text = paragraphs(&document);
    let want = "=SUM(A1) <b>&amp; ]]> line\nnext\tcol 😀 عربي";
    assert!(text.iter().any(|p| p == want), "{text:?}");
    assert!(text.iter().any(|p| p == &format!("Provisional: {want}")));
}

#[test]
fn a_row_longer_than_the_first_keeps_every_cell_and_an_empty_table_is_left_out() {
    let blocks = vec![
        Block::Table(Table {
            rows: vec![
                ("R1".into(), vec![Line::text("a")]),
                ("R2".into(), vec![Line::text("b"), Line::text("late cell")]),
            ],
            ..Table::default()
        }),
        Block::Table(Table::default()),
    ];
    let document = part(&docx(&blocks, &[]), "word/document.xml");
    assert!(paragraphs(&document).iter().any(|p| p == "late cell"));
    assert_eq!(document.matches("<w:gridCol ").count(), 3);
    assert_eq!(document.matches("<w:tbl>").count(), 1, "a table with nothing in it is no table");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Whatever a user types (control characters and non-characters too), every part of the file is
    /// well-formed XML in a zip any reader opens.
    #[test]
    fn any_text_gives_a_well_formed_document(note in any::<String>(), title in any::<String>()) {
        let mut blocks = report(&note);
        blocks.push(Block::h(3, title.clone()));
        let parts = zip::read_back(&zip::write(&package(&blocks, &title, "Readiness", &WORDS, &[])));
        for (path, bytes) in &parts {
            let text = std::str::from_utf8(bytes).expect("UTF-8");
            prop_assert!(roxmltree::Document::parse(text).is_ok(), "{} is not well-formed", path);
        }
    }
}
