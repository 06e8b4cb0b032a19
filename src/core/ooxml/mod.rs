//! Office Open XML packages (Word's .docx, spreadsheets' .xlsx): the parts every package has, text made
//! safe for XML, and the zip that holds them. The documents themselves are printed by
//! `report::docx` and `report::xlsx` from the same blocks and rows as every other download.

pub mod xlsx;
pub mod xml;
pub mod zip;

/// A part of a package: its path inside the zip, its bytes, and the same bytes deflated (raw DEFLATE)
/// when the caller could compress them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackagePart {
    pub path: String,
    pub bytes: Vec<u8>,
    pub deflated: Option<Vec<u8>>,
}

impl PackagePart {
    pub fn new(path: impl Into<String>, bytes: Vec<u8>) -> PackagePart {
        PackagePart { path: path.into(), bytes, deflated: None }
    }

    pub fn xml(path: &str, text: String) -> PackagePart {
        PackagePart::new(path, text.into_bytes())
    }
}

/// `[Content_Types].xml`: the defaults for `.rels` and `.xml` files and one override per listed part
/// (path without its leading slash, content type).
pub fn content_types(overrides: &[(&str, &str)], images: bool) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    );
    if images {
        out.push_str("<Default Extension=\"png\" ContentType=\"image/png\"/>");
    }
    for (path, kind) in overrides {
        out.push_str(&format!("<Override PartName=\"/{path}\" ContentType=\"{kind}\"/>"));
    }
    out.push_str("</Types>");
    out
}

/// A relationships part: (id, type's last segment under officeDocument's namespace or a full URI,
/// target).
pub fn relationships(rels: &[(&str, &str, &str)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for (id, kind, target) in rels {
        let kind = if kind.starts_with("http") {
            (*kind).to_string()
        } else {
            format!("http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}")
        };
        out.push_str(&format!(
            "<Relationship Id=\"{id}\" Type=\"{kind}\" Target=\"{}\"/>",
            xml::text(target)
        ));
    }
    out.push_str("</Relationships>");
    out
}

/// `docProps/core.xml`: the title, and the tool that wrote it as the creator.
pub fn core_properties(title: &str, creator: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
         <dc:title>{}</dc:title><dc:creator>{}</dc:creator></cp:coreProperties>",
        xml::text(title),
        xml::text(creator)
    )
}

pub const CORE_PROPERTIES_TYPE: &str = "application/vnd.openxmlformats-package.core-properties+xml";
pub const CORE_PROPERTIES_REL: &str =
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
