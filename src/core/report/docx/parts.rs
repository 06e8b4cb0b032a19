//! The fixed parts of a Word document the report printer writes: styles (real heading styles, so Word's
//! navigation pane and a table of contents work), list numbering, the page-number footer and settings.

/// Word's paragraph and table styles: Normal, Title, Subtitle (the line naming the tool), Heading 1-4
/// (with outline levels), Caption, Note, List Paragraph and a bordered table style.
pub fn styles() -> String {
    let heading = |level: u8, size: u8| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\"/>\
             <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>\
             <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/>\
             <w:outlineLvl w:val=\"{}\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val=\"1F3A5F\"/>\
             <w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr></w:style>",
            level - 1
        )
    };
    let headings: String = [(1, 32), (2, 28), (3, 24), (4, 22)].iter().map(|&(l, s)| heading(l, s)).collect();
    // The document's language is the app's when it was written; right to left for Arabic.
    let app_lang = crate::core::content::language();
    let lang = match app_lang {
        "fr" => "fr-FR",
        "es" => "es-ES",
        "ar" => "ar-SA",
        _ => "en-GB",
    };
    let rtl_lang = crate::core::language::is_right_to_left(app_lang);
    let (rtl, bidi) = if rtl_lang { ("<w:rtl/>", "<w:bidi/>") } else { ("", "") };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Arial\"/>\
<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"{lang}\" w:bidi=\"ar-SA\"/>{rtl}</w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr>{bidi}<w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>\
<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"240\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:color w:val=\"1F3A5F\"/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/>\
<w:next w:val=\"Title\"/><w:qFormat/><w:rPr><w:caps/><w:color w:val=\"4A5563\"/><w:spacing w:val=\"10\"/></w:rPr></w:style>\
{headings}\
<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/>\
<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/></w:pPr>\
<w:rPr><w:i/><w:iCs/><w:color w:val=\"3B4550\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Note\"><w:name w:val=\"Note\"/><w:basedOn w:val=\"Normal\"/>\
<w:qFormat/><w:pPr><w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"6\" w:color=\"B45309\"/></w:pBdr>\
<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFF7E6\"/><w:ind w:left=\"160\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/>\
<w:qFormat/><w:pPr><w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/><w:contextualSpacing/></w:pPr></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>\
</w:tblCellMar></w:tblPr></w:style>\
<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>\
<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>\
<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"9AA4B2\"/>\
<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"9AA4B2\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"9AA4B2\"/>\
<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"9AA4B2\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"9AA4B2\"/>\
<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"9AA4B2\"/></w:tblBorders>\
<w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
</w:styles>"
    )
}

/// The numbering definitions: bullets (numId 1) and, for each ordered list in the document, its own
/// decimal numbering that starts at 1 (numIds 2 and up).
pub fn numbering(ordered_lists: usize) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\">\
<w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/>\
<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>\
<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\">\
<w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/>\
<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>\
<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>",
    );
    for n in 0..ordered_lists {
        out.push_str(&format!(
            "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"1\"/>\
             <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
            n + 2
        ));
    }
    out.push_str("</w:numbering>");
    out
}

/// The footer's small print.
const SMALL: &str = "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr>";

/// The footer on every page: "Page n of m" (Word fills in both fields when it lays out the pages),
/// after the report's title.
pub fn footer(title: &str, page: &str, of: &str) -> String {
    let field = |code: &str| {
        format!(
            "<w:r>{SMALL}<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>{SMALL}<w:instrText xml:space=\"preserve\"> {code} </w:instrText></w:r>\
             <w:r>{SMALL}<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r>{SMALL}<w:t>1</w:t></w:r><w:r>{SMALL}<w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:p><w:pPr><w:jc w:val=\"center\"/><w:rPr><w:sz w:val=\"18\"/></w:rPr></w:pPr>\
<w:r>{SMALL}<w:t xml:space=\"preserve\">{} · {} </w:t></w:r>{}\
<w:r>{SMALL}<w:t xml:space=\"preserve\"> {} </w:t></w:r>{}</w:p></w:ftr>",
        crate::core::ooxml::xml::text(title),
        crate::core::ooxml::xml::text(page),
        field("PAGE"),
        crate::core::ooxml::xml::text(of),
        field("NUMPAGES"),
    )
}

/// Settings: the current compatibility mode (so Word does not open it in compatibility view).
pub const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
</w:settings>";
