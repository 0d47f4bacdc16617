//! The consultant's story (issue 17): seven steps, each with a title sentence that states its
//! conclusion in the user's language, built from the metrics and the decisions. The meeting mode
//! shows one screen per step; the report's Summary opens with the same sentences, in order.
//!
//! The levers step is the ranking by headroom (domain.md "Levers and scenarios"): what the clinic
//! has already shown it can do, per month, with its owner.

use super::allocate::{AllocOptions, Allocation, allocate_channels};
use super::curve::channel_economics;
use super::headroom::{HeadroomEntry, factor_text, headroom};
use super::levers::{Outcome, apply_scenario};
use crate::format::{self, Lang, Locale};
use crate::i18n::{K, fill, tr};
use crate::metrics::{Factor, Filter, Gap, Kpis, Owner};
use crate::model::Project;

/// The seven steps of the story, in the order they are told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Plan against fact to date.
    PlanFact,
    /// The funnel, each rate against its plan.
    Funnel,
    /// The gap breakdown and whose job the bottleneck is.
    Bottleneck,
    /// The five AARRR links.
    Aarrr,
    /// The levers that would earn most.
    Levers,
    /// The chosen scenario and the allocator's split against today.
    Proposal,
    /// One line per owner.
    NextSteps,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 7] =
        [Step::PlanFact, Step::Funnel, Step::Bottleneck, Step::Aarrr, Step::Levers, Step::Proposal, Step::NextSteps];
}

/// One rate of the funnel with its plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Rate {
    /// Which factor.
    pub factor: Factor,
    /// Its value over the period.
    pub fact: Option<f64>,
    /// The mean of the whole-clinic Plan rows' plan for it in the period (`None` without one).
    pub plan: Option<f64>,
}

/// One line of the next steps: what an owner should raise and what it would earn.
#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    /// Whose job it is.
    pub owner: Owner,
    /// The sentence, in the user's language.
    pub text: String,
}

/// Everything the story tells, with the numbers its screens show.
#[derive(Clone, Debug)]
pub struct Story {
    /// The title sentence of each step, in [`Step::ALL`] order.
    pub titles: Vec<(Step, String)>,
    /// Booking, show and paid rate with their plans.
    pub rates: Vec<Rate>,
    /// The gap breakdown of the last full month, if there is one.
    pub gap: Option<Gap>,
    /// The levers that would earn most, best first (at most five).
    pub levers: Vec<HeadroomEntry>,
    /// The first scenario saved in the project, by name, with its effect.
    pub scenario: Option<(String, Outcome)>,
    /// Today's monthly budget split by the allocator.
    pub allocation: Option<Allocation>,
    /// One task per owner who has a lever that earns.
    pub tasks: Vec<Task>,
}

impl Story {
    /// The title of one step.
    pub fn title(&self, step: Step) -> &str {
        self.titles.iter().find(|(s, _)| *s == step).map_or("", |(_, t)| t.as_str())
    }
}

/// Builds the story of `kpis` (computed for `filter`) in `lang`.
pub fn story(project: &Project, filter: &Filter, kpis: &Kpis, lang: Lang) -> Story {
    let loc = Locale::new(lang, &project.settings.currency);
    let gap = last_full_month_gap(kpis).cloned();
    let rates = rates(project, filter, kpis);
    let mut levers = headroom(project, filter.branch.as_deref()).entries;
    levers.truncate(5);
    let scenario =
        project.scenarios.first().and_then(|s| apply_scenario(project, filter, s).ok().map(|o| (s.name.clone(), o)));
    let (econ, notices) = channel_economics(project, filter);
    let today: f64 = econ.iter().filter_map(|e| e.spend_today).sum();
    let allocation = (today > 0.0)
        .then(|| allocate_channels(&econ, &AllocOptions { budget: today, ..AllocOptions::default() }, notices).ok())
        .flatten();
    let tasks = tasks(&levers, loc);

    let titles = vec![
        (Step::PlanFact, plan_fact(kpis, gap.as_ref(), loc)),
        (Step::Funnel, funnel(kpis, &rates, lang)),
        (Step::Bottleneck, bottleneck(gap.as_ref(), loc)),
        (Step::Aarrr, aarrr_sentence(kpis, lang)),
        (
            Step::Levers,
            match levers.first() {
                Some(l) => {
                    let name = lever_in_scope(l, lang);
                    fill(
                        tr(lang, K::StoryBestLever),
                        &[
                            ("name", &name),
                            ("Name", &capital(&name)),
                            ("now", &factor_text(l.lever, l.current, loc)),
                            ("best", &factor_text(l.lever, l.target, loc)),
                            ("money", &format::money(Some(l.profit_gain), loc)),
                        ],
                    )
                }
                None => tr(lang, K::StoryNoLever).to_string(),
            },
        ),
        (Step::Proposal, proposal(scenario.as_ref(), allocation.as_ref(), loc)),
        (
            Step::NextSteps,
            match tasks.len() {
                0 => tr(lang, K::StoryNoSteps).to_string(),
                n => {
                    let who: Vec<&str> = tasks.iter().map(|t| tr(lang, crate::i18n::owner(t.owner))).collect();
                    let steps = crate::i18n::plural::nouns::STEPS.count(n as u64, lang);
                    fill(tr(lang, K::StorySteps), &[("steps", &steps), ("who", &who.join(", "))])
                }
            },
        ),
    ];
    Story { titles, rates, gap, levers, scenario, allocation, tasks }
}

/// The revenue gap of the last full month: the latest gap month with revenue before the month in
/// progress (plan-only months after the facts are not "full").
pub fn last_full_month_gap(kpis: &Kpis) -> Option<&Gap> {
    let last_with_revenue = kpis.months.iter().rev().find(|m| m.revenue.is_some_and(|r| r > 0.0))?.month;
    let limit = match &kpis.progress {
        Some(p) if p.month <= last_with_revenue => p.month,
        _ => last_with_revenue.next(),
    };
    kpis.gaps.iter().rev().find(|g| g.month < limit)
}

fn rates(project: &Project, filter: &Filter, kpis: &Kpis) -> Vec<Rate> {
    let plans: Vec<_> = project.plan.iter().filter(|r| r.direction.is_none() && filter.has_month(r.month)).collect();
    let mean = |get: &dyn Fn(&crate::model::PlanRow) -> Option<f64>| {
        let v: Vec<f64> = plans.iter().filter_map(|r| get(r)).collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    };
    let t = &kpis.total.kpis;
    vec![
        Rate { factor: Factor::BookingRate, fact: t.booking_rate, plan: mean(&|r| r.booking_rate_plan) },
        Rate { factor: Factor::ShowRate, fact: t.show_rate, plan: mean(&|r| r.show_rate_plan) },
        Rate { factor: Factor::PaidRate, fact: t.paid_rate, plan: mean(&|r| r.paid_rate_plan) },
    ]
}

/// A whole percent, signless: «7 %» / «7%».
fn whole_percent(x: f64, lang: Lang) -> String {
    let n = format::number((x * 100.0).abs(), 0, lang);
    if lang == Lang::Ru { format!("{n}\u{a0}%") } else { format!("{n}%") }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// The factor's name as a subject: «доходимость» / "the show rate"; a lever without a factor
/// (average check, visits per patient) by its key.
pub fn factor_name(f: Option<Factor>, key: &str, lang: Lang) -> String {
    let k = match f {
        Some(Factor::Leads) => K::SubjectLeads,
        Some(Factor::BookingRate) => K::SubjectBookingRate,
        Some(Factor::ShowRate) => K::SubjectShowRate,
        Some(Factor::PaidRate) => K::SubjectPaidRate,
        Some(Factor::RevenuePerPaid) => K::SubjectRevenuePerPaid,
        None => return key.to_string(),
    };
    tr(lang, k).to_string()
}

/// «на доходимости» / "at the show rate": where money is lost.
fn factor_where(f: Factor, lang: Lang) -> &'static str {
    tr(
        lang,
        match f {
            Factor::Leads => K::WhereLeads,
            Factor::BookingRate => K::WhereBookingRate,
            Factor::ShowRate => K::WhereShowRate,
            Factor::PaidRate => K::WherePaidRate,
            Factor::RevenuePerPaid => K::WhereRevenuePerPaid,
        },
    )
}

/// «это зона администраторов» / "the administrators' job".
fn owner_zone(o: Owner, lang: Lang) -> &'static str {
    tr(
        lang,
        match o {
            Owner::Marketer => K::ZoneMarketer,
            Owner::Administrators => K::ZoneAdministrators,
            Owner::Doctors => K::ZoneDoctors,
            Owner::Management => K::ZoneManagement,
        },
    )
}

fn plan_fact(kpis: &Kpis, gap: Option<&Gap>, loc: Locale) -> String {
    let lang = loc.lang;
    let t = |k| tr(lang, k);
    let Some(c) = kpis.total.kpis.completion_to_date else {
        return fill(t(K::StoryNoPlanToDate), &[("money", &format::money(kpis.total.kpis.revenue, loc))]);
    };
    let pct = whole_percent(c - 1.0, lang);
    // Within half a percent the plan is met: «отстаёт на 0 %» reads as a bug.
    if c >= 1.005 {
        return fill(t(K::StoryAhead), &[("pct", &pct)]);
    }
    if c > 0.995 {
        return t(K::StoryOnPlan).to_string();
    }
    match gap.and_then(|g| g.bottleneck.zip(g.owner)) {
        Some((f, o)) => {
            fill(t(K::StoryBehindAt), &[("pct", &pct), ("where", factor_where(f, lang)), ("zone", owner_zone(o, lang))])
        }
        None => fill(t(K::StoryBehind), &[("pct", &pct)]),
    }
}

fn funnel(kpis: &Kpis, rates: &[Rate], lang: Lang) -> String {
    let t = &kpis.total.kpis;
    let Some(per100) = t.paid.zip(t.leads).filter(|(_, l)| *l > 0.0).map(|(p, l)| p / l * 100.0) else {
        return tr(lang, K::StoryNoFunnel).to_string();
    };
    let n = format::number(per100, 0, lang);
    // The rate furthest below its plan, relative to the plan.
    let worst = rates
        .iter()
        .filter_map(|r| r.fact.zip(r.plan).filter(|(_, p)| *p > 0.0).map(|(f, p)| (r, f / p - 1.0)))
        .filter(|(_, d)| *d < 0.0)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    match worst {
        Some((r, _)) => fill(
            tr(lang, K::StoryFunnelWorst),
            &[
                ("n", &n),
                ("factor", &factor_name(Some(r.factor), "", lang)),
                ("fact", &format::percent(r.fact, lang)),
                ("plan", &format::percent(r.plan, lang)),
            ],
        ),
        None => fill(tr(lang, K::StoryFunnelOnPlan), &[("n", &n)]),
    }
}

fn bottleneck(gap: Option<&Gap>, loc: Locale) -> String {
    let lang = loc.lang;
    let Some(g) = gap else {
        return tr(lang, K::StoryNoGap).to_string();
    };
    let month = g.month.to_string();
    match (g.bottleneck, g.owner) {
        (Some(f), Some(o)) => fill(
            tr(lang, K::StoryLost),
            &[
                ("month", &month),
                ("money", &format::money(g.contributions.get(f).map(f64::abs), loc)),
                ("where", factor_where(f, lang)),
                ("zone", owner_zone(o, lang)),
            ],
        ),
        _ => fill(tr(lang, K::StoryNoStageBehind), &[("month", &month)]),
    }
}

/// The AARRR link's name: «удержание» / "retention".
pub fn link_name(key: &str, lang: Lang) -> &'static str {
    let k = match key {
        "acquisition" => K::LinkNameAcquisition,
        "activation" => K::LinkNameActivation,
        "retention" => K::LinkNameRetention,
        "revenue" => K::LinkNameRevenue,
        "referral" => K::LinkNameReferral,
        _ => return format::DASH,
    };
    tr(lang, k)
}

/// The AARRR step's sentence: the weakest link and how far it fell, or why there is none.
pub fn aarrr_sentence(kpis: &Kpis, lang: Lang) -> String {
    let a = &kpis.aarrr;
    if a.previous.is_none() {
        return tr(lang, K::StoryAarrrNoPrevious).to_string();
    }
    match a.weakest {
        Some(w) => {
            let i = crate::metrics::aarrr::LINK_KEYS.iter().position(|k| *k == w).unwrap_or(0);
            let change = a.links.changes()[i].unwrap_or(0.0);
            fill(tr(lang, K::StoryAarrrWeakest), &[("link", link_name(w, lang)), ("pct", &whole_percent(change, lang))])
        }
        None => tr(lang, K::StoryAarrrNoneFell).to_string(),
    }
}

fn proposal(scenario: Option<&(String, Outcome)>, allocation: Option<&Allocation>, loc: Locale) -> String {
    let lang = loc.lang;
    let realloc = allocation.map(|a| a.objective - a.objective_today).filter(|g| g.is_finite() && *g > 0.0);
    let scen = scenario.and_then(|(name, o)| {
        let gain = o.after.revenue.zip(o.before.revenue).map(|(a, b)| a - b)?;
        Some((name, gain, o.after.months.max(1)))
    });
    let money = |x: f64| format::money(Some(x), loc);
    match (scen, realloc) {
        (Some((name, gain, months)), _) => {
            let more = realloc.map_or(String::new(), |g| fill(tr(lang, K::StoryScenarioMore), &[("money", &money(g))]));
            fill(
                tr(lang, K::StoryScenario),
                &[("name", name), ("money", &money(gain / months as f64)), ("more", &more)],
            )
        }
        (None, Some(g)) => fill(tr(lang, K::StoryRealloc), &[("money", &money(g))]),
        (None, None) => tr(lang, K::StoryBudgetFine).to_string(),
    }
}

/// A lever with its scope: «доходимость в УЗИ» / "the show rate in УЗИ"; the clinic's plain.
pub fn lever_in_scope(l: &HeadroomEntry, lang: Lang) -> String {
    let name = factor_name(l.lever.factor(), l.lever.key(), lang);
    match &l.direction {
        Some(d) => fill(tr(lang, K::StoryLeverIn), &[("name", &name), ("direction", d)]),
        None => name,
    }
}

/// One line per owner: the owner's best lever by headroom and what it would earn a month.
fn tasks(levers: &[HeadroomEntry], loc: Locale) -> Vec<Task> {
    let lang = loc.lang;
    let mut out: Vec<Task> = Vec::new();
    for l in levers {
        if out.iter().any(|t| t.owner == l.owner) {
            continue;
        }
        let name = lever_in_scope(l, lang);
        let best = factor_text(l.lever, l.target, loc);
        let money = format::money(Some(l.profit_gain), loc);
        let who = capital(crate::i18n::tr(lang, crate::i18n::owner(l.owner)));
        let text = fill(tr(lang, K::StoryTask), &[("who", &who), ("name", &name), ("best", &best), ("money", &money)]);
        out.push(Task { owner: l.owner, text });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_project;
    use crate::metrics::compute;
    use crate::metrics::gap::Contributions;
    use crate::model::Month;

    fn gap(bottleneck: Option<Factor>, lost: f64) -> Gap {
        Gap {
            month: Month::new(2026, 10).unwrap(),
            plan: Some(1_000_000.0),
            fact: Some(1_000_000.0 - lost),
            contributions: Contributions { show_rate: Some(-lost), ..Contributions::default() },
            bottleneck,
            owner: bottleneck.map(Factor::owner),
        }
    }

    #[test]
    fn plan_fact_sentence_names_the_stage_and_its_owner() {
        let mut k = compute(&demo_project(), &Filter::default());
        // 0.93 of the plan to date: 7 % behind.
        k.total.kpis.completion_to_date = Some(0.93);
        let g = gap(Some(Factor::ShowRate), 420_000.0);
        assert_eq!(
            plan_fact(&k, Some(&g), Locale::new(Lang::Ru, "RUB")),
            "Выручка отстаёт от плана на 7\u{a0}% — теряем на доходимости, это зона администраторов"
        );
        assert_eq!(
            plan_fact(&k, Some(&g), Locale::new(Lang::En, "RUB")),
            "Revenue is 7% behind plan — we lose at the show rate, the administrators' job"
        );
        k.total.kpis.completion_to_date = Some(1.034);
        assert_eq!(plan_fact(&k, None, Locale::new(Lang::Ru, "RUB")), "Выручка опережает план на 3\u{a0}% на сегодня");
        k.total.kpis.completion_to_date = Some(0.998);
        assert_eq!(plan_fact(&k, None, Locale::new(Lang::En, "RUB")), "Revenue is on plan to date");
    }

    #[test]
    fn bottleneck_sentence_states_the_money_lost() {
        assert_eq!(
            bottleneck(Some(&gap(Some(Factor::ShowRate), 420_000.0)), Locale::new(Lang::Ru, "RUB")),
            "За 2026-10 потеряли 420\u{a0}000\u{a0}₽ на доходимости — это зона администраторов"
        );
        assert_eq!(
            bottleneck(Some(&gap(None, 0.0)), Locale::new(Lang::En, "RUB")),
            "In 2026-10 no stage fell behind plan"
        );
    }

    #[test]
    fn funnel_sentence_picks_the_rate_furthest_below_plan() {
        let mut k = compute(&demo_project(), &Filter::default());
        k.total.kpis.leads = Some(200.0);
        k.total.kpis.paid = Some(36.0);
        // Booking 0.5 vs 0.55 is −9 %; show 0.6 vs 0.75 is −20 %: the show rate is named.
        let rates = vec![
            Rate { factor: Factor::BookingRate, fact: Some(0.5), plan: Some(0.55) },
            Rate { factor: Factor::ShowRate, fact: Some(0.6), plan: Some(0.75) },
            Rate { factor: Factor::PaidRate, fact: Some(0.6), plan: None },
        ];
        assert_eq!(
            funnel(&k, &rates, Lang::Ru),
            "Из 100 лидов до оплаты доходят 18; дальше всего от плана доходимость: 60,0\u{a0}% при плане 75,0\u{a0}%"
        );
    }

    #[test]
    fn the_demo_tells_seven_steps_in_both_languages() {
        let p = demo_project();
        let k = compute(&p, &Filter::default());
        for lang in Lang::ALL {
            let s = story(&p, &Filter::default(), &k, lang);
            assert_eq!(s.titles.iter().map(|(st, _)| *st).collect::<Vec<_>>(), Step::ALL);
            assert!(s.titles.iter().all(|(_, t)| !t.is_empty() && !t.contains("NaN")), "{:?}", s.titles);
            assert!(s.levers.len() <= 5);
        }
    }
}
