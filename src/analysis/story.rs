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
    let ru = lang == Lang::Ru;
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
                    let (now, best) = (factor_text(l.lever, l.current, loc), factor_text(l.lever, l.target, loc));
                    let money = format::money(Some(l.profit_gain), loc);
                    if ru {
                        format!(
                            "Больше всего даст {name}: {now} → {best}, как вы уже умели, — +{money} прибыли в месяц"
                        )
                    } else {
                        format!(
                            "{} would earn most: {now} → {best}, as you have already done, +{money} profit a month",
                            capital(&name)
                        )
                    }
                }
                None if ru => "Ни один рычаг не даёт прибыли: сначала нужны данные воронки и маржа".into(),
                None => "No lever earns a profit: the funnel and the margins are needed first".into(),
            },
        ),
        (Step::Proposal, proposal(scenario.as_ref(), allocation.as_ref(), loc)),
        (
            Step::NextSteps,
            match tasks.len() {
                0 if ru => "Следующих шагов нет: рычагов с прибылью не нашлось".into(),
                0 => "No next steps: no lever earns a profit".into(),
                n => {
                    let who: Vec<&str> = tasks.iter().map(|t| owner_name(t.owner, lang)).collect();
                    if ru {
                        format!("{n} {} на месяц: {}", plural_ru(n, "шаг", "шага", "шагов"), who.join(", "))
                    } else {
                        format!("{n} step{} for the month: {}", if n == 1 { "" } else { "s" }, who.join(", "))
                    }
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

fn plural_ru<'a>(n: usize, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    match (n % 10, n % 100) {
        (1, r) if r != 11 => one,
        (2..=4, r) if !(12..=14).contains(&r) => few,
        _ => many,
    }
}

/// The factor's name as a subject: «доходимость» / "the show rate".
pub fn factor_name(f: Option<Factor>, key: &str, lang: Lang) -> String {
    let (ru, en) = match f {
        Some(Factor::Leads) => ("число лидов", "the number of leads"),
        Some(Factor::BookingRate) => ("запись", "the booking rate"),
        Some(Factor::ShowRate) => ("доходимость", "the show rate"),
        Some(Factor::PaidRate) => ("оплата после приёма", "the paid rate"),
        Some(Factor::RevenuePerPaid) => ("чек нового пациента", "revenue per paying patient"),
        None => (key, key),
    };
    if lang == Lang::Ru { ru.to_string() } else { en.to_string() }
}

/// «на доходимости» / "at the show rate": where money is lost.
fn factor_where(f: Factor, lang: Lang) -> &'static str {
    match (f, lang) {
        (Factor::Leads, Lang::Ru) => "на лидах",
        (Factor::BookingRate, Lang::Ru) => "на записи",
        (Factor::ShowRate, Lang::Ru) => "на доходимости",
        (Factor::PaidRate, Lang::Ru) => "на оплате после приёма",
        (Factor::RevenuePerPaid, Lang::Ru) => "на чеке",
        (Factor::Leads, Lang::En) => "on leads",
        (Factor::BookingRate, Lang::En) => "at booking",
        (Factor::ShowRate, Lang::En) => "at the show rate",
        (Factor::PaidRate, Lang::En) => "at payment after the visit",
        (Factor::RevenuePerPaid, Lang::En) => "on the check",
        (Factor::Leads, Lang::Zh) => "在线索环节",
        (Factor::BookingRate, Lang::Zh) => "在预约环节",
        (Factor::ShowRate, Lang::Zh) => "在到诊环节",
        (Factor::PaidRate, Lang::Zh) => "在诊后成交环节",
        (Factor::RevenuePerPaid, Lang::Zh) => "在客单环节",
    }
}

/// The owner as a list item: «администраторы» / "administrators".
pub fn owner_name(o: Owner, lang: Lang) -> &'static str {
    match (o, lang) {
        (Owner::Marketer, Lang::Ru) => "маркетолог",
        (Owner::Administrators, Lang::Ru) => "администраторы",
        (Owner::Doctors, Lang::Ru) => "врачи",
        (Owner::Management, Lang::Ru) => "руководство",
        (Owner::Marketer, Lang::En) => "marketer",
        (Owner::Administrators, Lang::En) => "administrators",
        (Owner::Doctors, Lang::En) => "doctors",
        (Owner::Management, Lang::En) => "management",
        (Owner::Marketer, Lang::Zh) => "市场人员",
        (Owner::Administrators, Lang::Zh) => "前台",
        (Owner::Doctors, Lang::Zh) => "医生",
        (Owner::Management, Lang::Zh) => "管理层",
    }
}

/// «это зона администраторов» / "the administrators' job".
fn owner_zone(o: Owner, lang: Lang) -> &'static str {
    match (o, lang) {
        (Owner::Marketer, Lang::Ru) => "это зона маркетолога",
        (Owner::Administrators, Lang::Ru) => "это зона администраторов",
        (Owner::Doctors, Lang::Ru) => "это зона врачей",
        (Owner::Management, Lang::Ru) => "это зона руководства",
        (Owner::Marketer, Lang::En) => "the marketer's job",
        (Owner::Administrators, Lang::En) => "the administrators' job",
        (Owner::Doctors, Lang::En) => "the doctors' job",
        (Owner::Management, Lang::En) => "management's job",
        (Owner::Marketer, Lang::Zh) => "这是市场人员的职责",
        (Owner::Administrators, Lang::Zh) => "这是前台的职责",
        (Owner::Doctors, Lang::Zh) => "这是医生的职责",
        (Owner::Management, Lang::Zh) => "这是管理层的职责",
    }
}

fn plan_fact(kpis: &Kpis, gap: Option<&Gap>, loc: Locale) -> String {
    let lang = loc.lang;
    let ru = lang == Lang::Ru;
    let Some(c) = kpis.total.kpis.completion_to_date else {
        let money = format::money(kpis.total.kpis.revenue, loc);
        return if ru {
            format!("Выручка за период — {money}; плана на этот срок нет")
        } else {
            format!("Revenue over the period is {money}; there is no plan to date")
        };
    };
    let pct = whole_percent(c - 1.0, lang);
    // Within half a percent the plan is met: «отстаёт на 0 %» reads as a bug.
    if c >= 1.005 {
        return if ru {
            format!("Выручка опережает план на {pct} на сегодня")
        } else {
            format!("Revenue is {pct} ahead of plan to date")
        };
    }
    if c > 0.995 {
        return if ru {
            "Выручка идёт точно по плану".into()
        } else {
            "Revenue is on plan to date".into()
        };
    }
    let lost = gap.and_then(|g| g.bottleneck.zip(g.owner));
    match (lost, ru) {
        (Some((f, o)), true) => {
            format!("Выручка отстаёт от плана на {pct} — теряем {}, {}", factor_where(f, lang), owner_zone(o, lang))
        }
        (Some((f, o)), false) => {
            format!("Revenue is {pct} behind plan — we lose {}, {}", factor_where(f, lang), owner_zone(o, lang))
        }
        (None, true) => format!("Выручка отстаёт от плана на {pct}"),
        (None, false) => format!("Revenue is {pct} behind plan"),
    }
}

fn funnel(kpis: &Kpis, rates: &[Rate], lang: Lang) -> String {
    let ru = lang == Lang::Ru;
    let t = &kpis.total.kpis;
    let Some(per100) = t.paid.zip(t.leads).filter(|(_, l)| *l > 0.0).map(|(p, l)| p / l * 100.0) else {
        return if ru {
            "Воронки за период нет: лидов не было".into()
        } else {
            "No funnel in the period: no leads".into()
        };
    };
    let n = format::number(per100, 0, lang);
    // The rate furthest below its plan, relative to the plan.
    let worst = rates
        .iter()
        .filter_map(|r| r.fact.zip(r.plan).filter(|(_, p)| *p > 0.0).map(|(f, p)| (r, f / p - 1.0)))
        .filter(|(_, d)| *d < 0.0)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    match (worst, ru) {
        (Some((r, _)), true) => format!(
            "Из 100 лидов до оплаты доходят {n}; дальше всего от плана {}: {} при плане {}",
            factor_name(Some(r.factor), "", lang),
            format::percent(r.fact, lang),
            format::percent(r.plan, lang)
        ),
        (Some((r, _)), false) => format!(
            "{n} of 100 leads reach payment; {} is furthest below plan: {} against {}",
            factor_name(Some(r.factor), "", lang),
            format::percent(r.fact, lang),
            format::percent(r.plan, lang)
        ),
        (None, true) => format!("Из 100 лидов до оплаты доходят {n}; все этапы не ниже плана"),
        (None, false) => format!("{n} of 100 leads reach payment; no stage is below plan"),
    }
}

fn bottleneck(gap: Option<&Gap>, loc: Locale) -> String {
    let lang = loc.lang;
    let ru = lang == Lang::Ru;
    let Some(g) = gap else {
        return if ru {
            "Разрыв не разобрать: в плане нет пяти факторов воронки".into()
        } else {
            "The gap cannot be broken down: the plan lacks the five funnel factors".into()
        };
    };
    match (g.bottleneck, g.owner) {
        (Some(f), Some(o)) => {
            let money = format::money(g.contributions.get(f).map(f64::abs), loc);
            if ru {
                format!("За {} потеряли {money} {} — {}", g.month, factor_where(f, lang), owner_zone(o, lang))
            } else {
                format!("In {} we lost {money} {} — {}", g.month, factor_where(f, lang), owner_zone(o, lang))
            }
        }
        _ if ru => format!("В {} ни один этап не отстал от плана", g.month),
        _ => format!("In {} no stage fell behind plan", g.month),
    }
}

/// The AARRR link's name: «удержание» / "retention".
pub fn link_name(key: &str, lang: Lang) -> &'static str {
    match (key, lang) {
        ("acquisition", Lang::Ru) => "привлечение",
        ("activation", Lang::Ru) => "активация",
        ("retention", Lang::Ru) => "удержание",
        ("revenue", Lang::Ru) => "монетизация",
        ("referral", Lang::Ru) => "рекомендации",
        ("acquisition", Lang::En) => "acquisition",
        ("activation", Lang::En) => "activation",
        ("retention", Lang::En) => "retention",
        ("revenue", Lang::En) => "revenue",
        ("referral", Lang::En) => "referral",
        ("acquisition", Lang::Zh) => "获客",
        ("activation", Lang::Zh) => "激活",
        ("retention", Lang::Zh) => "留存",
        ("revenue", Lang::Zh) => "变现",
        ("referral", Lang::Zh) => "转介绍",
        _ => "—",
    }
}

/// The AARRR step's sentence: the weakest link and how far it fell, or why there is none.
pub fn aarrr_sentence(kpis: &Kpis, lang: Lang) -> String {
    let ru = lang == Lang::Ru;
    let a = &kpis.aarrr;
    if a.previous.is_none() {
        return if ru {
            "Звенья AARRR сравнить не с чем: за прошлый период данных нет".into()
        } else {
            "The AARRR links have nothing to compare with: no data for the previous period".into()
        };
    }
    match a.weakest {
        Some(w) => {
            let i = crate::metrics::aarrr::LINK_KEYS.iter().position(|k| *k == w).unwrap_or(0);
            let change = a.links.changes()[i].unwrap_or(0.0);
            let pct = whole_percent(change, lang);
            if ru {
                format!("Слабое звено — {}: −{pct} к прошлому периоду", link_name(w, lang))
            } else {
                format!("The weakest link is {}: −{pct} against the previous period", link_name(w, lang))
            }
        }
        None if ru => "Ни одно звено AARRR не упало против прошлого периода".into(),
        None => "No AARRR link fell against the previous period".into(),
    }
}

fn proposal(scenario: Option<&(String, Outcome)>, allocation: Option<&Allocation>, loc: Locale) -> String {
    let lang = loc.lang;
    let ru = lang == Lang::Ru;
    let realloc = allocation.map(|a| a.objective - a.objective_today).filter(|g| g.is_finite() && *g > 0.0);
    let scen = scenario.and_then(|(name, o)| {
        let gain = o.after.revenue.zip(o.before.revenue).map(|(a, b)| a - b)?;
        Some((name, gain, o.after.months.max(1)))
    });
    match (scen, realloc, ru) {
        (Some((name, gain, months)), _, true) => format!(
            "Предлагаем сценарий «{name}»: +{} выручки в месяц{}",
            format::money(Some(gain / months as f64), loc),
            realloc.map_or(String::new(), |g| format!(
                ", и ещё +{} прибыли от перераспределения бюджета",
                format::money(Some(g), loc)
            ))
        ),
        (Some((name, gain, months)), _, false) => format!(
            "We propose the scenario «{name}»: +{} revenue a month{}",
            format::money(Some(gain / months as f64), loc),
            realloc.map_or(String::new(), |g| format!(
                ", plus +{} profit from splitting the budget anew",
                format::money(Some(g), loc)
            ))
        ),
        (None, Some(g), true) => {
            format!("Тот же бюджет, разделённый иначе, даст +{} прибыли в месяц", format::money(Some(g), loc))
        }
        (None, Some(g), false) => {
            format!("The same budget split differently earns +{} profit a month", format::money(Some(g), loc))
        }
        (None, None, true) => "Бюджет уже разделён по каналам почти наилучшим образом".into(),
        (None, None, false) => "The budget is already split about as well as it can be".into(),
    }
}

/// A lever with its scope: «доходимость в УЗИ» / "the show rate in УЗИ"; the clinic's plain.
pub fn lever_in_scope(l: &HeadroomEntry, lang: Lang) -> String {
    let name = factor_name(l.lever.factor(), l.lever.key(), lang);
    match (&l.direction, lang) {
        (Some(d), Lang::Ru) => format!("{name} в «{d}»"),
        (Some(d), _) => format!("{name} in {d}"),
        (None, _) => name,
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
        let who = capital(owner_name(l.owner, lang));
        let text = if lang == Lang::Ru {
            format!("{who}: вернуть {name} к {best} — +{money} прибыли в месяц")
        } else {
            format!("{who}: bring {name} back to {best} — +{money} profit a month")
        };
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
        for lang in [Lang::Ru, Lang::En] {
            let s = story(&p, &Filter::default(), &k, lang);
            assert_eq!(s.titles.iter().map(|(st, _)| *st).collect::<Vec<_>>(), Step::ALL);
            assert!(s.titles.iter().all(|(_, t)| !t.is_empty() && !t.contains("NaN")), "{:?}", s.titles);
            assert!(s.levers.len() <= 5);
        }
    }

    #[test]
    fn russian_plurals_of_steps() {
        assert_eq!(plural_ru(1, "шаг", "шага", "шагов"), "шаг");
        assert_eq!(plural_ru(3, "шаг", "шага", "шагов"), "шага");
        assert_eq!(plural_ru(5, "шаг", "шага", "шагов"), "шагов");
        assert_eq!(plural_ru(11, "шаг", "шага", "шагов"), "шагов");
    }
}
