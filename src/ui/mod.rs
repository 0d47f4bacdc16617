//! The desktop app (egui): views, grids and plots; no formulas live here.
