//! Decisions on top of the metrics: plan builder, levers and scenarios, budget allocation.

pub mod allocate;
pub mod curve;
pub mod headroom;
pub mod levers;
pub mod notice;
pub mod plan;
pub mod story;
