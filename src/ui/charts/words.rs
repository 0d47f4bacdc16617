//! The charts' words, all from the catalogue: factor and owner names, month and day labels.

pub use crate::i18n::{day_label, day_short, factor_label, month_label, month_short, owner_label};
