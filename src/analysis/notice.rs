//! What the response curves, the allocator and the headroom ranking want the user to know, as
//! data: `i18n` words it in the user's language. Its `Display` is the English sentence, which is
//! also what the JSON (`notices`, `warnings`) and the CLI's `notice:` / `warning:` lines carry.

use serde::Serialize;

/// A note on how a decision was computed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A channel with no spend in the period: no curve, money only through a minimum.
    NoSpend {
        /// The channel.
        channel: String,
    },
    /// A channel whose curve is linear at the period's CPL.
    Linear {
        /// The channel.
        channel: String,
        /// Months with both spend and leads, when too few were the reason; `None` when the fitted
        /// elasticity was outside (0, 1].
        few_months: Option<usize>,
    },
    /// The budget is below the sum of the lower bounds: these channels were scaled down.
    BudgetBelowBounds(Vec<String>),
    /// The budget is above the sum of the upper bounds: these channels were scaled up.
    BudgetAboveBounds(Vec<String>),
    /// The tier split beat the default bounds of these channels.
    SplitWins(Vec<String>),
    /// A tier with a share had no channels; its share went to the others.
    TierWithoutChannels,
    /// A proposal above twice the largest monthly spend a channel ever had.
    Extrapolated {
        /// The channel.
        channel: String,
        /// The proposal, a month.
        proposal: f64,
        /// The largest monthly spend it ever had.
        max_spend: f64,
    },
    /// A revenue target out of reach: the channels' maximums cap the budget.
    CappedByMaximums {
        /// The largest budget allowed, a month.
        budget: f64,
        /// The revenue it brings, a month.
        revenue: f64,
    },
    /// A revenue target out of reach: the curves saturate even at 1000 × today's budget.
    Saturated {
        /// The largest budget tried, a month.
        budget: f64,
        /// The revenue it brings, a month.
        revenue: f64,
    },
    /// Too few complete months to rank the levers by headroom.
    TooFewMonths {
        /// The months a window needs.
        window: i32,
    },
}

impl Serialize for Notice {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
