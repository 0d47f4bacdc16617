//! Decisions on top of the metrics: plan builder, levers and scenarios, budget allocation.

pub mod plan;
