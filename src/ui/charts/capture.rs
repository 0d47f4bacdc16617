//! Saving a chart as PNG: the Charts view's tab drawn again, away from the window, in the light
//! theme on a 1920×1080 picture with its title and the filter as a subtitle, rasterised on the CPU
//! and encoded. Nothing of the window (its dark theme, its size, what is scrolled out) shows.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, ImageDelta, Primitive, Vertex};
use egui::{ColorImage, ImageData, TextureId};

use super::*;

/// The picture's size in pixels: a full-HD slide.
pub const PNG_SIZE: [usize; 2] = [1920, 1080];

/// Pixels per point of the picture when the chart fits: it is laid out on 1280×720 points, so its
/// type and lines keep the proportions they have in a window.
const PNG_PIXELS_PER_POINT: f32 = 1.5;

/// The picture's margin around the title and the charts, in points.
const PNG_MARGIN: f32 = 28.0;

/// One saved chart: its title (the chart's own, for the file name) and its picture.
pub struct ChartPicture {
    /// The chart.
    pub chart: ChartId,
    /// The chart's title in the picture's language.
    pub title: String,
    /// The 1920×1080 picture.
    pub image: ColorImage,
}

/// What a chart picture shows: the clinic, its KPIs under the filters, the language and money,
/// and the subtitle (clinic, period, filters) written under the tab's name.
#[derive(Clone, Copy)]
pub struct PictureOf<'a> {
    /// The clinic.
    pub project: &'a Project,
    /// Its KPIs under `filter`.
    pub kpis: &'a Kpis,
    /// The period and filters.
    pub filter: &'a Filter,
    /// The language and the money sign.
    pub loc: Locale,
    /// The line under the tab's name.
    pub subtitle: &'a str,
}

/// Draws every chart of `state`'s tab, each on a 1920×1080 picture of its own in the light theme,
/// under the tab's name and the subtitle, with the chart's own title above it: a tab of three
/// charts gives three pictures whose type is as large as a one-chart tab's.
pub fn chart_pictures(state: &mut ChartsState, of: PictureOf<'_>) -> Vec<ChartPicture> {
    state.tab.charts().iter().map(|&chart| chart_picture(state, of, chart)).collect()
}

/// Draws one chart of `state`'s tab on a 1920×1080 picture, as [`chart_pictures`] does.
pub fn chart_picture(state: &mut ChartsState, of: PictureOf<'_>, chart: ChartId) -> ChartPicture {
    let image = chart_layout(state, of, chart).rasterize(PNG_SIZE);
    ChartPicture { chart, title: chart.title(of.loc.lang).to_string(), image }
}

/// The laid-out picture of one chart (see [`chart_picture`]), before it is rasterised.
pub(super) fn chart_layout(state: &mut ChartsState, of: PictureOf<'_>, chart: ChartId) -> Layout {
    let PictureOf { project, kpis, filter, loc, subtitle } = of;
    let tab = state.tab;
    let calendar = if tab == ChartTab::Month { state.calendar.get(project, kpis, filter).cloned() } else { None };
    let state = &*state;
    // The tab's header (the pace panel) belongs to its first chart's picture.
    let first = tab.charts().first() == Some(&chart);
    layout_offscreen(PNG_SIZE, PNG_PIXELS_PER_POINT, egui::Theme::Light, true, |ui| {
        fill_picture(ui.ctx());
        egui::Frame::new().inner_margin(PNG_MARGIN).show(ui, |ui| {
            ui.label(RichText::new(tab.label(loc.lang)).strong().size(24.0).color(ui.visuals().strong_text_color()));
            if !subtitle.is_empty() {
                ui.label(RichText::new(subtitle).size(15.0));
            }
            ui.add_space(10.0);
            if first {
                tab_header_ui(ui, tab, kpis, calendar.as_ref(), loc);
            }
            chart_ui(ui, chart, state, kpis, calendar.as_ref(), loc);
        });
    })
}

/// Runs `draw` in an egui context of its own (the app's fonts, `theme`, no animation) on a
/// picture of `size` pixels at `pixels_per_point`, and rasterises the result: the chart picture,
/// and the app's screenshots in the docs. With `fit`, content taller than the picture is laid out
/// on more points (wider too, so the proportions stay) until it fits.
pub fn render_offscreen(
    size: [usize; 2],
    pixels_per_point: f32,
    theme: egui::Theme,
    fit: bool,
    draw: impl FnMut(&mut egui::Ui),
) -> ColorImage {
    layout_offscreen(size, pixels_per_point, theme, fit, draw).rasterize(size)
}

/// A picture laid out away from the window: egui's shapes at the scale the picture is drawn at,
/// with the textures (the font atlas) they use.
pub(super) struct Layout {
    ctx: egui::Context,
    /// What egui drew, in points.
    pub(super) shapes: Vec<egui::epaint::ClippedShape>,
    /// The scale the shapes are drawn at.
    pub(super) pixels_per_point: f32,
    textures: HashMap<TextureId, ColorImage>,
}

impl Layout {
    /// The picture: the shapes tessellated and rasterised on `size` pixels.
    fn rasterize(self, size: [usize; 2]) -> ColorImage {
        let primitives = self.ctx.tessellate(self.shapes, self.pixels_per_point);
        let background = self.ctx.global_style().visuals.panel_fill;
        rasterize(size, background, &primitives, &self.textures, self.pixels_per_point)
    }
}

/// Lays out `draw` as [`render_offscreen`] does, without rasterising.
fn layout_offscreen(
    size: [usize; 2],
    pixels_per_point: f32,
    theme: egui::Theme,
    fit: bool,
    mut draw: impl FnMut(&mut egui::Ui),
) -> Layout {
    let ctx = egui::Context::default();
    crate::ui::theme::install_fonts(&ctx);
    ctx.set_theme(theme);
    ctx.all_styles_mut(|s| s.animation_time = 0.0);
    let [w, h] = [size[0] as f32, size[1] as f32];
    let mut ppp = pixels_per_point;
    let mut textures: HashMap<TextureId, ColorImage> = HashMap::new();
    let mut last = (Vec::new(), ppp);
    // Pass 1 lays out (egui_plot sizes its axes, egui its panels, from the pass before), pass 2
    // measures at that scale, pass 3 draws at the scale that fits.
    for _ in 0..3 {
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(w / ppp, h / ppp))),
            ..Default::default()
        };
        if let Some(v) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            v.native_pixels_per_point = Some(ppp);
        }
        let mut used = 0.0;
        let mut out = ctx.run_ui(input, |ui| {
            draw(ui);
            used = ui.min_rect().height();
        });
        apply_textures(&mut textures, &out.textures_delta);
        out.textures_delta.clear();
        last = (out.shapes, out.pixels_per_point);
        if fit && used * ppp > h + 0.5 {
            ppp = (h / used).max(0.5);
        }
    }
    let (shapes, pixels_per_point) = last;
    Layout { ctx, shapes, pixels_per_point, textures }
}

/// Where the pictures of one save go: the first at `path` as chosen (`.png` added when it has no
/// extension), each further one beside it as `name — <chart title>.png`, the title cut of the
/// characters a file name cannot hold.
pub fn chart_png_paths(path: &Path, titles: &[String]) -> Vec<PathBuf> {
    let first = if path.extension().is_none() { path.with_extension("png") } else { path.to_path_buf() };
    let stem = first.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let dir = first.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut out = vec![first];
    for title in titles.iter().skip(1) {
        let title = title.replace(": ", " - ");
        let clean: String = title.chars().map(|c| if r#"<>:"/\|?*"#.contains(c) { '-' } else { c }).collect();
        out.push(dir.join(format!("{stem} — {}.png", clean.trim())));
    }
    out
}

/// Applies egui's texture updates (the font atlas, whole or in patches) to `textures`.
fn apply_textures(textures: &mut HashMap<TextureId, ColorImage>, delta: &egui::TexturesDelta) {
    for (id, deltas) in &delta.set {
        for d in deltas {
            let ImageDelta { image: ImageData::Color(img), pos, .. } = d;
            match pos {
                None => {
                    textures.insert(*id, (**img).clone());
                }
                Some([x0, y0]) => {
                    let Some(t) = textures.get_mut(id) else { continue };
                    let [tw, th] = t.size;
                    for y in 0..img.size[1].min(th.saturating_sub(*y0)) {
                        for x in 0..img.size[0].min(tw.saturating_sub(*x0)) {
                            t.pixels[(y0 + y) * tw + x0 + x] = img.pixels[y * img.size[0] + x];
                        }
                    }
                }
            }
        }
    }
}

/// A pixel being composed: premultiplied RGBA in gamma space, 0..1 (egui's colours and blending).
type Px = [f32; 4];

fn px(c: Color32) -> Px {
    [f32::from(c.r()) / 255.0, f32::from(c.g()) / 255.0, f32::from(c.b()) / 255.0, f32::from(c.a()) / 255.0]
}

/// Draws egui's triangles onto a `size` picture filled with `background`, as egui's own renderers
/// do: vertex colour times texture colour, premultiplied "over" blending, clipped to each
/// primitive's rectangle. Anti-aliasing comes from egui's feathered edges, so one sample per pixel
/// (at its centre) is enough.
pub(super) fn rasterize(
    size: [usize; 2],
    background: Color32,
    primitives: &[ClippedPrimitive],
    textures: &HashMap<TextureId, ColorImage>,
    ppp: f32,
) -> ColorImage {
    let [w, h] = size;
    let mut canvas: Vec<Px> = vec![px(background); w * h];
    for ClippedPrimitive { clip_rect, primitive } in primitives {
        let Primitive::Mesh(mesh) = primitive else { continue };
        let texture = textures.get(&mesh.texture_id);
        let clip = [
            (clip_rect.min.x * ppp).round().clamp(0.0, w as f32) as usize,
            (clip_rect.min.y * ppp).round().clamp(0.0, h as f32) as usize,
            (clip_rect.max.x * ppp).round().clamp(0.0, w as f32) as usize,
            (clip_rect.max.y * ppp).round().clamp(0.0, h as f32) as usize,
        ];
        for tri in mesh.indices.chunks_exact(3) {
            let v = |i: u32| mesh.vertices.get(i as usize).copied();
            let (Some(a), Some(b), Some(c)) = (v(tri[0]), v(tri[1]), v(tri[2])) else { continue };
            fill_triangle(&mut canvas, w, clip, [a, b, c], texture, ppp);
        }
    }
    let pixels = canvas
        .iter()
        .map(|p| {
            let q = |x: f32| (x.clamp(0.0, 1.0) * 255.0).round() as u8;
            Color32::from_rgba_premultiplied(q(p[0]), q(p[1]), q(p[2]), q(p[3]))
        })
        .collect();
    ColorImage::new(size, pixels)
}

/// Fills one triangle (positions in points) into `canvas` (`w` pixels wide) within `clip`
/// (`[x0, y0, x1, y1]` in pixels), whatever its winding.
fn fill_triangle(
    canvas: &mut [Px],
    w: usize,
    clip: [usize; 4],
    v: [Vertex; 3],
    texture: Option<&ColorImage>,
    ppp: f32,
) {
    let p = v.map(|x| (x.pos.x * ppp, x.pos.y * ppp));
    let area = (p[1].0 - p[0].0) * (p[2].1 - p[0].1) - (p[1].1 - p[0].1) * (p[2].0 - p[0].0);
    if area.abs() < 1e-6 {
        return;
    }
    let (min_x, max_x) = (p[0].0.min(p[1].0).min(p[2].0), p[0].0.max(p[1].0).max(p[2].0));
    let (min_y, max_y) = (p[0].1.min(p[1].1).min(p[2].1), p[0].1.max(p[1].1).max(p[2].1));
    let x0 = (min_x.floor().max(0.0) as usize).max(clip[0]);
    let y0 = (min_y.floor().max(0.0) as usize).max(clip[1]);
    let x1 = ((max_x.ceil().max(0.0)) as usize).min(clip[2]);
    let y1 = ((max_y.ceil().max(0.0)) as usize).min(clip[3]);
    let colours = v.map(|x| px(x.color));
    for y in y0..y1 {
        let cy = y as f32 + 0.5;
        for x in x0..x1 {
            let cx = x as f32 + 0.5;
            // Barycentric weights by edge functions, normalised by the signed area.
            let e = |i: usize, j: usize| (p[j].0 - p[i].0) * (cy - p[i].1) - (p[j].1 - p[i].1) * (cx - p[i].0);
            let wts = [e(1, 2) / area, e(2, 0) / area, e(0, 1) / area];
            if wts.iter().any(|&t| t < -1e-5) {
                continue;
            }
            let mut src = [0.0; 4];
            for (k, s) in src.iter_mut().enumerate() {
                *s = wts[0] * colours[0][k] + wts[1] * colours[1][k] + wts[2] * colours[2][k];
            }
            if let Some(t) = texture {
                let u = wts[0] * v[0].uv.x + wts[1] * v[1].uv.x + wts[2] * v[2].uv.x;
                let vv = wts[0] * v[0].uv.y + wts[1] * v[1].uv.y + wts[2] * v[2].uv.y;
                let tc = px(sample(t, u, vv));
                for k in 0..4 {
                    src[k] *= tc[k];
                }
            }
            let dst = &mut canvas[y * w + x];
            let keep = 1.0 - src[3];
            for k in 0..4 {
                dst[k] = src[k] + dst[k] * keep;
            }
        }
    }
}

/// The texel under normalised `(u, v)` (nearest: the font atlas is drawn at the picture's own
/// pixels per point, one texel a pixel).
fn sample(t: &ColorImage, u: f32, v: f32) -> Color32 {
    let [tw, th] = t.size;
    if tw == 0 || th == 0 {
        return Color32::WHITE;
    }
    let x = ((u * tw as f32).floor().max(0.0) as usize).min(tw - 1);
    let y = ((v * th as f32).floor().max(0.0) as usize).min(th - 1);
    t.pixels[y * tw + x]
}

/// Encodes an image as PNG (8-bit RGBA).
///
/// # Errors
/// The encoder's message, if it fails (it does not for images egui makes).
pub fn encode_png(image: &ColorImage) -> Result<Vec<u8>, String> {
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

/// Writes `image` to `path` as PNG, atomically (the store's temp file in the same folder, then a
/// rename), so a failed save never leaves half a file, and the picture gets the usual permissions.
///
/// # Errors
/// A sentence naming the file and why it could not be written.
pub fn write_png(image: &ColorImage, path: &Path, lang: Lang) -> Result<(), String> {
    let fail = |why: String| format!("{} {}: {why}", tr(lang, K::PaceSaveFailed), path.display());
    let bytes = encode_png(image).map_err(fail)?;
    crate::store::write_atomic_io(path, &bytes).map_err(|e| fail(crate::i18n::io_reason(&e, lang)))
}
