//! File → Export story: each meeting screen saved as a 1920×1080 PNG for the client's deck. The
//! app shows the screens one after another and takes a screenshot of each frame; a window of
//! another size is scaled to 1920×1080 so every slide of the deck has the same size.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::{Color32, ColorImage};

use crate::format::Lang;
use crate::ui::charts;

/// The size of every exported slide, in pixels.
pub const EXPORT_SIZE: [usize; 2] = [1920, 1080];

/// Where the screenshot callback leaves the outcome of one slide.
type Slot = Arc<Mutex<Option<Result<PathBuf, String>>>>;

/// A story export in progress.
pub struct StoryExport {
    base: PathBuf,
    next: usize,
    first: Option<PathBuf>,
    pending: Option<Slot>,
}

/// The file of screen `i` (0-based) for the chosen `path`: `story.png` → `story-1.png`.
pub fn story_file(path: &Path, i: usize) -> PathBuf {
    let stem = path.file_stem().map_or_else(|| "story".into(), |s| s.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}-{}.png", i + 1))
}

impl StoryExport {
    pub(super) fn new(base: PathBuf) -> Self {
        Self { base, next: 0, first: None, pending: None }
    }

    /// The screen to show now.
    pub(super) fn screen(&self) -> usize {
        self.next
    }

    /// Collects a slide that has been written; `Some` when the export is over (all `n` written,
    /// or one failed).
    pub(super) fn poll(&mut self, n: usize) -> Option<Result<PathBuf, String>> {
        let slot = self.pending.as_ref()?;
        let done = slot.lock().ok()?.take()?;
        self.pending = None;
        match done {
            Ok(p) => {
                self.first.get_or_insert(p);
                self.next += 1;
                (self.next >= n).then(|| Ok(self.first.clone().unwrap_or_else(|| self.base.clone())))
            }
            Err(e) => Some(Err(e)),
        }
    }

    /// Asks for a screenshot of this frame (the current screen), unless one is on its way.
    pub(super) fn shoot(&mut self, ctx: &egui::Context, lang: Lang) {
        if self.pending.is_some() {
            return;
        }
        let slot: Slot = Arc::new(Mutex::new(None));
        self.pending = Some(Arc::clone(&slot));
        let path = story_file(&self.base, self.next);
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            let slide = resize(&image, EXPORT_SIZE);
            let result = charts::write_png(&slide, &path, lang).map(|()| path);
            if let Ok(mut s) = slot.lock() {
                *s = Some(result);
            }
            // The callback runs outside a frame: wake the app for the next slide.
            repaint.request_repaint();
        });
        ctx.request_repaint();
    }
}

/// `image` scaled to `size` by bilinear filtering (the same image when it already has that size).
pub fn resize(image: &ColorImage, size: [usize; 2]) -> ColorImage {
    let [w0, h0] = image.size;
    if image.size == size || w0 == 0 || h0 == 0 {
        return if w0 == 0 || h0 == 0 { ColorImage::filled(size, Color32::WHITE) } else { image.clone() };
    }
    let [w, h] = size;
    let at = |x: usize, y: usize| image.pixels[y.min(h0 - 1) * w0 + x.min(w0 - 1)].to_array();
    let mut pixels = Vec::with_capacity(w * h);
    for y in 0..h {
        // Pixel centres map onto pixel centres.
        let fy = ((y as f32 + 0.5) * h0 as f32 / h as f32 - 0.5).max(0.0);
        let (y0, ty) = (fy.floor() as usize, fy.fract());
        for x in 0..w {
            let fx = ((x as f32 + 0.5) * w0 as f32 / w as f32 - 0.5).max(0.0);
            let (x0, tx) = (fx.floor() as usize, fx.fract());
            let (a, b, c, d) = (at(x0, y0), at(x0 + 1, y0), at(x0, y0 + 1), at(x0 + 1, y0 + 1));
            let mix = |i: usize| {
                let top = f32::from(a[i]) * (1.0 - tx) + f32::from(b[i]) * tx;
                let bottom = f32::from(c[i]) * (1.0 - tx) + f32::from(d[i]) * tx;
                (top * (1.0 - ty) + bottom * ty).round() as u8
            };
            pixels.push(Color32::from_rgba_premultiplied(mix(0), mix(1), mix(2), mix(3)));
        }
    }
    ColorImage::new(size, pixels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slide_files_are_numbered_from_one() {
        assert_eq!(story_file(Path::new("/tmp/клиника.png"), 0), Path::new("/tmp/клиника-1.png"));
        assert_eq!(story_file(Path::new("deck"), 6), Path::new("deck-7.png"));
    }

    #[test]
    fn resize_keeps_colours_and_interpolates_between_them() {
        // 2×1: black | white → 4×1. Centres of the new pixels fall at 0.25, 0.75, 1.25, 1.75 old
        // pixels, i.e. −0.25, 0.25, 0.75, 1.25 after the half-pixel shift: clamped to 0 → black,
        // 0.25 → 64 (255 × 0.25 = 63.75), 0.75 → 191, 1 → white.
        let img = ColorImage::new([2, 1], vec![Color32::BLACK, Color32::WHITE]);
        let out = resize(&img, [4, 1]);
        let grey: Vec<u8> = out.pixels.iter().map(|c| c.r()).collect();
        assert_eq!(grey, [0, 64, 191, 255]);
        assert_eq!(resize(&out, [4, 1]), out);
        assert_eq!(resize(&img, EXPORT_SIZE).size, EXPORT_SIZE);
    }
}
