//! Saving a chart as PNG: a screenshot of the next frame, cropped and encoded.

use super::*;

/// Where egui's screenshot callback leaves the outcome of a save: the path, or a sentence.
pub type PngSlot = Arc<Mutex<Option<Result<PathBuf, String>>>>;

/// Asks egui for a screenshot of the next frame and saves the charts shown (`state.chart_rect`)
/// to `path` as PNG when it arrives; [`poll_png`] tells how it went. Returns `false` (nothing
/// asked) when no chart is on screen.
pub fn request_png(ctx: &egui::Context, state: &mut ChartsState, path: PathBuf, lang: Lang) -> bool {
    let Some(rect) = state.chart_rect else { return false };
    let slot = Arc::new(Mutex::new(None));
    state.png_result = Some(Arc::clone(&slot));
    request_png_of_rect(ctx, rect, path, lang, slot);
    true
}

/// Lower level: saves `rect` (in points) of the next frame to `path`; the result goes to `slot`.
/// For a chart outside the Charts view (the Dashboard's), with its response's rect.
pub fn request_png_of_rect(ctx: &egui::Context, rect: egui::Rect, path: PathBuf, lang: Lang, slot: PngSlot) {
    let ppp = ctx.pixels_per_point();
    let repaint = ctx.clone();
    ctx.request_screenshot(move |image| {
        let result = save_png(&image, rect, ppp, &path, lang).map(|()| path);
        if let Ok(mut s) = slot.lock() {
            *s = Some(result);
        }
        // The callback runs outside a frame: wake the app so it shows the result.
        repaint.request_repaint();
    });
}

/// The result of the last [`request_png`] once its screenshot has arrived: the saved path or a
/// sentence for the user. `None` while nothing is pending or it has not arrived yet.
pub fn poll_png(state: &mut ChartsState) -> Option<Result<PathBuf, String>> {
    let done = state.png_result.as_ref()?.lock().ok()?.take()?;
    state.png_result = None;
    Some(done)
}

/// The part of `image` (a screenshot at `pixels_per_point`) under `rect` (in points), clamped
/// to the image. `None` when nothing of `rect` is inside it.
pub fn crop(image: &egui::ColorImage, rect: egui::Rect, pixels_per_point: f32) -> Option<egui::ColorImage> {
    let [w, h] = image.size;
    let px = |v: f32, max: usize| ((v * pixels_per_point).round().max(0.0) as usize).min(max);
    let (x0, x1) = (px(rect.min.x, w), px(rect.max.x, w));
    let (y0, y1) = (px(rect.min.y, h), px(rect.max.y, h));
    (x1 > x0 && y1 > y0).then(|| image.region_by_pixels([x0, y0], [x1 - x0, y1 - y0]))
}

/// Encodes an image as PNG (8-bit RGBA).
///
/// # Errors
/// The encoder's message, if it fails (it does not for images egui makes).
pub fn encode_png(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    let (w32, h32) = (u32::try_from(w).map_err(|e| e.to_string())?, u32::try_from(h).map_err(|e| e.to_string())?);
    // egui's colours are premultiplied; PNG wants straight alpha.
    let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_srgba_unmultiplied()).collect();
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w32, h32);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&rgba).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// Crops `image` to `rect` and writes it to `path` as PNG, atomically (a temp file in the same
/// folder, then a rename), so a failed save never leaves half a file.
///
/// # Errors
/// A sentence naming the file: nothing on screen to save, or why it could not be written.
pub fn save_png(
    image: &egui::ColorImage,
    rect: egui::Rect,
    pixels_per_point: f32,
    path: &Path,
    lang: Lang,
) -> Result<(), String> {
    let cropped = crop(image, rect, pixels_per_point).ok_or_else(|| tr(lang, K::PaceNothingToSave).to_string())?;
    write_png(&cropped, path, lang)
}

/// Writes `image` to `path` as PNG, atomically (a temp file in the same folder, then a rename).
///
/// # Errors
/// A sentence naming the file and why it could not be written.
pub fn write_png(image: &egui::ColorImage, path: &Path, lang: Lang) -> Result<(), String> {
    let fail = |why: String| format!("{} {}: {why}", tr(lang, K::PaceSaveFailed), path.display());
    let bytes = encode_png(image).map_err(fail)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(|e| fail(e.to_string()))?;
    std::io::Write::write_all(&mut tmp, &bytes).map_err(|e| fail(e.to_string()))?;
    tmp.as_file().sync_all().map_err(|e| fail(e.to_string()))?;
    tmp.persist(path).map_err(|e| fail(e.error.to_string()))?;
    Ok(())
}
