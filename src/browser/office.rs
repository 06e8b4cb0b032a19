//! Writing a file of the report page (`core::office`) in the browser and offering it as a download. For
//! a Word document the core says which charts it shows, the browser draws each as a PNG on a canvas,
//! the core writes the parts with those pictures, the browser deflates each part with its own
//! `CompressionStream` (so the app carries no compression code; a part is stored as it is where the
//! stream is missing) and the core packs the zip. Run in the tools module.

pub use crate::core::office::FileRequest;
use crate::core::office::{self, Body};
use crate::core::ooxml::zip;
use crate::core::report::docx::Picture;
use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "export async function draw(svg, width, height) {
  // A data: address, which the page's policy allows for images (blob: it does not).
  try {
    const img = new Image(width, height);
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
    await img.decode();
    // Twice the size, so the picture stays sharp when printed.
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    const png = await new Promise((ok) => canvas.toBlob(ok, 'image/png'));
    return png ? new Uint8Array(await png.arrayBuffer()) : null;
  } catch {
    return null;
  }
}
export async function deflate(bytes) {
  if (typeof CompressionStream !== 'function') return null;
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}
export function offer(name, type, bytes) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}")]
extern "C" {
    fn draw(svg: &str, width: u32, height: u32) -> Promise;
    fn deflate(bytes: &[u8]) -> Promise;
    #[wasm_bindgen(catch)]
    fn offer(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue>;
}

/// Bytes a promise resolved with (`None` for null or a failure).
async fn bytes_of(promise: Promise) -> Option<Vec<u8>> {
    let value = JsFuture::from(promise).await.ok()?;
    value.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec)
}

/// The SVG image drawn as a PNG at twice `width` × `height` on a white ground (`None` when the
/// browser could not draw it).
pub async fn picture(svg: &str, width: u32, height: u32) -> Option<Vec<u8>> {
    bytes_of(draw(svg, width, height)).await
}

/// `bytes` as raw DEFLATE, by the browser's `CompressionStream` (`None` where it has none).
pub async fn deflated(bytes: &[u8]) -> Option<Vec<u8>> {
    bytes_of(deflate(bytes)).await
}

/// What was saved: the file's name, and how many charts could not be drawn (their tables carry the
/// same figures).
pub struct Saved {
    pub name: String,
    pub charts_left_out: usize,
}

/// Writes the file `request` asks for and offers it as a download. The error is a sentence for the
/// user.
pub async fn save(request: &FileRequest<'_>) -> Result<Saved, String> {
    let mut pictures = Vec::new();
    for figure in office::figures(request).map_err(|e| e.to_string())? {
        let png = picture(&figure.svg, figure.width, figure.height).await;
        // A chart the browser could not draw is left to its caption and the table after it.
        pictures.push(png.map(|png| Picture { png, width: figure.width, height: figure.height }));
    }
    let charts_left_out = pictures.iter().filter(|p| p.is_none()).count();
    let file = office::write(request, &pictures).map_err(|e| e.to_string())?;
    let bytes = match file.body {
        Body::Text(text) => text.into_bytes(),
        Body::Package(mut parts) => {
            for part in &mut parts {
                part.deflated = deflated(&part.bytes).await;
            }
            zip::write(&parts)
        }
    };
    offer(&file.name, file.mime, &bytes)
        .map_err(|_| crate::core::content::t("report.download_refused").to_string())?;
    Ok(Saved { name: file.name, charts_left_out })
}
