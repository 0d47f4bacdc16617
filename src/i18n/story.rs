//! The story's words: each [`Line`] of `analysis::story` as a sentence in the user's language, and
//! the next steps' tasks. The library gives the data; the meeting view and the report word it here.

use super::{K, fill, owner, tr};
use crate::analysis::headroom::{HeadroomEntry, factor_text};
use crate::analysis::story::{Line, Step, Story, Task, aarrr_line};
use crate::format::{self, Lang, Locale};
use crate::metrics::{Factor, Kpis, Owner};

/// The title sentence of each step, in [`Step::ALL`] order.
pub fn titles(story: &Story, loc: Locale) -> Vec<(Step, String)> {
    story.lines.iter().map(|(s, l)| (*s, line(l, loc))).collect()
}

/// The title sentence of one step (empty if the story lacks it).
pub fn title(story: &Story, step: Step, loc: Locale) -> String {
    story.line(step).map_or_else(String::new, |l| line(l, loc))
}

/// One title line as a sentence.
pub fn line(l: &Line, loc: Locale) -> String {
    let lang = loc.lang;
    let t = |k| tr(lang, k);
    let money = |x: Option<f64>| format::money(x, loc);
    match l {
        Line::NoPlanToDate { revenue } => fill(t(K::StoryNoPlanToDate), &[("money", &money(*revenue))]),
        Line::Ahead { by } => fill(t(K::StoryAhead), &[("pct", &whole_percent(*by, lang))]),
        Line::OnPlan => t(K::StoryOnPlan).to_string(),
        Line::BehindAt { by, factor, owner } => fill(
            t(K::StoryBehindAt),
            &[
                ("pct", &whole_percent(*by, lang)),
                ("where", factor_where(*factor, lang)),
                ("zone", owner_zone(*owner, lang)),
            ],
        ),
        Line::Behind { by } => fill(t(K::StoryBehind), &[("pct", &whole_percent(*by, lang))]),
        Line::NoFunnel => t(K::StoryNoFunnel).to_string(),
        Line::FunnelWorst { per100, rate } => fill(
            t(K::StoryFunnelWorst),
            &[
                ("n", &format::number(*per100, 0, lang)),
                ("factor", &factor_name(Some(rate.factor), "", lang)),
                ("fact", &format::percent(rate.fact, lang)),
                ("plan", &format::percent(rate.plan, lang)),
            ],
        ),
        Line::FunnelOnPlan { per100 } => fill(t(K::StoryFunnelOnPlan), &[("n", &format::number(*per100, 0, lang))]),
        Line::NoGap => t(K::StoryNoGap).to_string(),
        Line::Lost { month, money: lost, factor, owner } => fill(
            t(K::StoryLost),
            &[
                ("month", &month.to_string()),
                ("money", &money(*lost)),
                ("where", factor_where(*factor, lang)),
                ("zone", owner_zone(*owner, lang)),
            ],
        ),
        Line::NoStageBehind { month } => fill(t(K::StoryNoStageBehind), &[("month", &month.to_string())]),
        Line::AarrrNoPrevious => t(K::StoryAarrrNoPrevious).to_string(),
        Line::AarrrWeakest { link, change } => {
            fill(t(K::StoryAarrrWeakest), &[("link", link_name(link, lang)), ("pct", &whole_percent(*change, lang))])
        }
        Line::AarrrNoneFell => t(K::StoryAarrrNoneFell).to_string(),
        Line::BestLever(l) => {
            let name = lever_in_scope(l, lang);
            fill(
                t(K::StoryBestLever),
                &[
                    ("name", &name),
                    ("Name", &capital(&name)),
                    ("now", &factor_text(l.lever, l.current, loc)),
                    ("best", &factor_text(l.lever, l.target, loc)),
                    ("money", &money(Some(l.profit_gain))),
                ],
            )
        }
        Line::NoLever => t(K::StoryNoLever).to_string(),
        Line::Scenario { name, monthly, more } => {
            let more = more.map_or(String::new(), |g| fill(t(K::StoryScenarioMore), &[("money", &money(Some(g)))]));
            fill(t(K::StoryScenario), &[("name", name), ("money", &money(Some(*monthly))), ("more", &more)])
        }
        Line::Realloc { gain } => fill(t(K::StoryRealloc), &[("money", &money(Some(*gain)))]),
        Line::BudgetFine => t(K::StoryBudgetFine).to_string(),
        Line::Steps { owners } => {
            let who: Vec<&str> = owners.iter().map(|o| tr(lang, owner(*o))).collect();
            let steps = super::plural::nouns::STEPS.count(owners.len() as u64, lang);
            fill(t(K::StorySteps), &[("steps", &steps), ("who", &who.join(", "))])
        }
        Line::NoSteps => t(K::StoryNoSteps).to_string(),
    }
}

/// One next step: «Администраторам: …» / "Administrators: …".
pub fn task(task: &Task, loc: Locale) -> String {
    let lang = loc.lang;
    let l = &task.lever;
    fill(
        tr(lang, K::StoryTask),
        &[
            ("who", &capital(tr(lang, owner(task.owner)))),
            ("name", &lever_in_scope(l, lang)),
            ("best", &factor_text(l.lever, l.target, loc)),
            ("money", &format::money(Some(l.profit_gain), loc)),
        ],
    )
}

/// The AARRR step's sentence: the weakest link and how far it fell, or why there is none.
pub fn aarrr_sentence(kpis: &Kpis, loc: Locale) -> String {
    line(&aarrr_line(kpis), loc)
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

/// A lever with its scope: «доходимость в УЗИ» / "the show rate in УЗИ"; the clinic's plain.
pub fn lever_in_scope(l: &HeadroomEntry, lang: Lang) -> String {
    let name = factor_name(l.lever.factor(), l.lever.key(), lang);
    match &l.direction {
        Some(d) => fill(tr(lang, K::StoryLeverIn), &[("name", &name), ("direction", d)]),
        None => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::story::{Rate, bottleneck, funnel, plan_fact, story};
    use crate::demo::demo_project;
    use crate::metrics::gap::Contributions;
    use crate::metrics::{Filter, Gap, compute};
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

    fn rub(lang: Lang) -> Locale {
        Locale::new(lang, "RUB")
    }

    #[test]
    fn plan_fact_sentence_names_the_stage_and_its_owner() {
        let mut k = compute(&demo_project(), &Filter::default());
        // 0.93 of the plan to date: 7 % behind.
        k.total.kpis.completion_to_date = Some(0.93);
        let g = gap(Some(Factor::ShowRate), 420_000.0);
        assert_eq!(
            line(&plan_fact(&k, Some(&g)), rub(Lang::Ru)),
            "Выручка отстаёт от плана на 7\u{a0}% — теряем на доходимости, это зона администраторов"
        );
        assert_eq!(
            line(&plan_fact(&k, Some(&g)), rub(Lang::En)),
            "Revenue is 7% behind plan — we lose at the show rate, the administrators' job"
        );
        k.total.kpis.completion_to_date = Some(1.034);
        assert_eq!(line(&plan_fact(&k, None), rub(Lang::Ru)), "Выручка опережает план на 3\u{a0}% на сегодня");
        k.total.kpis.completion_to_date = Some(0.998);
        assert_eq!(line(&plan_fact(&k, None), rub(Lang::En)), "Revenue is on plan to date");
    }

    #[test]
    fn bottleneck_sentence_states_the_money_lost() {
        assert_eq!(
            line(&bottleneck(Some(&gap(Some(Factor::ShowRate), 420_000.0))), rub(Lang::Ru)),
            "За 2026-10 потеряли 420\u{a0}000\u{a0}₽ на доходимости — это зона администраторов"
        );
        assert_eq!(line(&bottleneck(Some(&gap(None, 0.0))), rub(Lang::En)), "In 2026-10 no stage fell behind plan");
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
            line(&funnel(&k, &rates), rub(Lang::Ru)),
            "Из 100 лидов до оплаты доходят 18; дальше всего от плана доходимость: 60,0\u{a0}% при плане 75,0\u{a0}%"
        );
    }

    #[test]
    fn the_demo_tells_seven_steps_in_every_language() {
        let p = demo_project();
        let k = compute(&p, &Filter::default());
        let s = story(&p, &Filter::default(), &k);
        for lang in Lang::ALL {
            let titles = titles(&s, Locale::new(lang, &p.settings.currency));
            assert_eq!(titles.iter().map(|(st, _)| *st).collect::<Vec<_>>(), Step::ALL);
            assert!(titles.iter().all(|(_, t)| !t.is_empty() && !t.contains("NaN")), "{titles:?}");
            assert!(s.tasks.iter().all(|t| !task(t, Locale::new(lang, &p.settings.currency)).is_empty()));
        }
    }
}
