//! Pure functions from the model to every KPI of domain.md.
