//! The browser's half of writing office files (`browser::office`), in headless Chromium: a chart's SVG
//! drawn as a PNG on a canvas, and parts deflated by the browser's own CompressionStream, read back by
//! its DecompressionStream.
#![cfg(target_arch = "wasm32")]

use js_sys::{Promise, Uint8Array};
use rai_assess::office::{deflated, picture};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "export async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}")]
extern "C" {
    fn inflate(bytes: &[u8]) -> Promise;
}

/// A PNG's width and height, from its header.
fn png_size(png: &[u8]) -> (u32, u32) {
    let be = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    (be(16), be(20))
}

#[wasm_bindgen_test]
async fn a_chart_is_drawn_as_a_png_twice_its_size() {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\" width=\"120\" height=\"40\">\
               <style><![CDATA[.bar{fill:#12324f}]]></style><rect class=\"bar\" width=\"60\" height=\"20\"/>\
               <text x=\"70\" y=\"15\">54 · Developing</text></svg>";
    let png = picture(svg, 120, 40).await.expect("drawn");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(png_size(&png), (240, 80));
}

#[wasm_bindgen_test]
async fn markup_that_is_no_image_gives_no_picture() {
    assert_eq!(picture("<svg><unclosed", 100, 50).await, None);
}

#[wasm_bindgen_test]
async fn parts_deflate_and_inflate_back_to_the_same_bytes() {
    let text = "<w:p><w:r><w:t>Risk register</w:t></w:r></w:p>".repeat(200);
    let packed = deflated(text.as_bytes()).await.expect("the browser deflates");
    assert!(packed.len() < text.len() / 10, "{} of {}", packed.len(), text.len());
    let back = JsFuture::from(inflate(&packed)).await.expect("inflates");
    assert_eq!(Uint8Array::new(&back).to_vec(), text.as_bytes());
}
