//! The `medfunnel` binary as a user runs it: exit codes, JSON on stdout, problems on stderr.

use crate::run::{medfunnel, medfunnel_in_locale};

#[test]
fn kpi_json_of_the_demo_has_every_section() {
    let (code, out, _) = medfunnel(&["kpi", "--json", "--from", "2026-01", "--to", "2026-06"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for key in ["months", "total", "channels", "directions", "doctors", "nps", "gaps"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let months = v["months"].as_array().unwrap();
    assert_eq!(months.len(), 6);
    assert_eq!(months[0]["month"], "2026-01");
    assert!(v["total"]["tier_share"]["proven"].as_f64().unwrap() > 0.5);
    assert!(v.get("cohorts").is_none());
}

#[test]
fn a_bad_row_prints_json_and_exits_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Выручка").unwrap();
    ws.write_row(0, 0, ["Дата", "Выручка"]).unwrap();
    ws.write_row(1, 0, ["01.03.2025", "1 500,50 ₽"]).unwrap();
    ws.write_row(2, 0, ["02.03.2025", "много"]).unwrap();
    wb.save(&path).unwrap();
    let (code, out, err) = medfunnel(&["kpi", path.to_str().unwrap(), "--json"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("«Выручка»") && err.contains("row 3") && err.contains("много"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["total"]["revenue"], 1500.5);
}

#[test]
fn an_unreadable_file_is_fatal_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.xlsx");
    std::fs::write(&path, "just text").unwrap();
    let (code, out, err) = medfunnel(&["kpi", path.to_str().unwrap(), "--json"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("notes.xlsx"), "{err}");
}

#[test]
fn demo_command_writes_a_workbook_that_kpi_reads_to_the_same_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.xlsx");
    let (code, _, _) = medfunnel(&["demo", "-o", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let (c1, from_file, _) = medfunnel(&["kpi", path.to_str().unwrap(), "--json"]);
    let (c2, built_in, _) = medfunnel(&["kpi", "--json"]);
    assert_eq!((c1, c2), (0, 0));
    assert_eq!(from_file, built_in);
}

#[test]
fn plan_builds_next_year_and_writes_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("plan.medfunnel");
    let (code, out, err) = medfunnel(&[
        "plan",
        "--year",
        "2026",
        "--growth",
        "15%",
        "--growth-direction",
        "УЗИ=30%",
        "--json",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["year"], 2026);
    assert_eq!(v["months"].as_array().unwrap().len(), 12);
    let (code, kpi, _) =
        medfunnel(&["kpi", out_path.to_str().unwrap(), "--json", "--from", "2026-01", "--to", "2026-01"]);
    assert_eq!(code, 0);
    let k: serde_json::Value = serde_json::from_str(&kpi).unwrap();
    let plan_jan = v["months"][0]["revenue_plan"].as_f64().unwrap();
    assert!((k["months"][0]["revenue_plan"].as_f64().unwrap() - plan_jan).abs() < 1e-6);
}

#[test]
fn plan_speaks_the_language_asked_for_and_its_json_stays_english() {
    // 12 % is outside the 4–10 % reference: a warning, worded in the language asked for.
    let (code, _, ru) = medfunnel(&["plan", "--year", "2026", "--marketing-share", "12%", "--lang", "ru"]);
    assert_eq!(code, 0, "{ru}");
    assert!(ru.contains("warning: Доля маркетинга 12\u{a0}%"), "{ru}");
    let (_, _, zh) = medfunnel(&["plan", "--year", "2026", "--marketing-share", "12%", "--lang", "zh"]);
    assert!(zh.contains("warning: 营销费用占比 12 %"), "{zh}");
    let (_, out, err) = medfunnel(&["plan", "--year", "2026", "--marketing-share", "12%", "--json", "--lang", "ru"]);
    assert!(err.contains("warning: Доля маркетинга"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for n in v["notices"].as_array().unwrap() {
        assert!(n.as_str().unwrap().is_ascii() || n.as_str().unwrap().contains('«'), "{n}");
    }
}

fn json_of(args: &[&str]) -> serde_json::Value {
    let (code, out, err) = medfunnel(args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn whatif_of_zero_equals_the_base_and_levers_name_owners() {
    let v = json_of(&["whatif", "--lever", "show_rate=+0%", "--json"]);
    assert_eq!(v["before"], v["after"]);
    assert_eq!(v["levers"][0]["lever"], "show_rate");
    let levers = json_of(&["levers", "--json"]);
    let ranking = levers["ranking"].as_array().unwrap();
    let owners: Vec<&str> = ranking.iter().map(|r| r["owner"].as_str().unwrap()).collect();
    assert!(owners.contains(&"administrators") && owners.contains(&"marketer") && owners.contains(&"doctors"));
    // The ranking by headroom: best first, and the top lever earns more than the second.
    let headroom = levers["headroom"].as_array().unwrap();
    assert!(headroom.len() >= 2, "{levers}");
    for e in headroom {
        for key in [
            "direction",
            "lever",
            "owner",
            "current",
            "target",
            "window_first",
            "window_last",
            "revenue_gain",
            "profit_gain",
        ] {
            assert!(e.get(key).is_some(), "{key}");
        }
        assert!(e["profit_gain"].as_f64().unwrap() > 0.0);
    }
    assert!(headroom[0]["profit_gain"].as_f64().unwrap() > headroom[1]["profit_gain"].as_f64().unwrap());
}

#[test]
fn goalseek_answer_reapplied_gives_the_target() {
    // +15 % of the clinic's revenue: the attributed revenue must rise by Xa = 0.15 × revenue /
    // attributed revenue, which one lever clinic-wide does alone.
    let g = json_of(&["goalseek", "--revenue", "+15%", "--lever", "paid_rate", "--json"]);
    let before = &g["before"];
    let xa = 0.15 * before["revenue"].as_f64().unwrap() / before["attributed_revenue"].as_f64().unwrap();
    let x = g["required_change"].as_f64().unwrap();
    assert!((x - xa).abs() < 1e-9, "{x} vs {xa}");
    assert!((g["attributed_rise"].as_f64().unwrap() - xa).abs() < 1e-12);
    let after = g["after"]["revenue"].as_f64().unwrap();
    assert!((after - 1.15 * before["revenue"].as_f64().unwrap()).abs() < 1e-3, "{after}");
    let even = json_of(&["goalseek", "--revenue", "+15%", "--even", "--json"]);
    let e = even["required_change"].as_f64().unwrap();
    assert!((e - ((1.0 + xa).powf(0.2) - 1.0)).abs() < 1e-9, "{e}");
}

#[test]
fn allocate_spends_the_whole_budget_within_limits() {
    let v = json_of(&["allocate", "--budget", "600000", "--min", "Telegram=10000", "--max", "ДМС=50000", "--json"]);
    let channels = v["channels"].as_array().unwrap();
    let total: f64 = channels.iter().map(|c| c["spend"].as_f64().unwrap()).sum();
    assert!((total - 600_000.0).abs() < 1e-6, "{total}");
    for c in channels {
        for key in [
            "channel",
            "a",
            "b",
            "months_used",
            "spend_today",
            "spend",
            "leads",
            "visits",
            "paid",
            "revenue",
            "gross_profit",
            "romi",
        ] {
            assert!(c.get(key).is_some(), "{key}");
        }
        let spend = c["spend"].as_f64().unwrap();
        match c["channel"].as_str().unwrap() {
            "Telegram" => assert!(spend >= 10_000.0 - 1e-6),
            "ДМС" => assert!(spend <= 50_000.0 + 1e-6),
            _ => {}
        }
    }
    assert!(v["objective"].is_number());
}

/// Latin words a Russian or Chinese table may show: the KPI abbreviations every marketer reads as
/// they are (as the app's language test allows them), and the allocator curve's parameter `b`.
const SHARED: &[&str] = &["CPL", "CAC", "ROMI", "ROAS", "LTV", "b"];

/// The demo's channel and direction names: data, written as the clinic wrote them.
fn demo_names() -> Vec<String> {
    let v = json_of(&["kpi", "--json"]);
    let mut names: Vec<String> = v["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["channel"].as_str().unwrap().to_string())
        .chain(v["directions"].as_array().unwrap().iter().map(|d| d["direction"].as_str().unwrap().to_string()))
        .collect();
    // Longest first, so "SEO / сайт" goes before a shorter name inside it.
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names
}

/// The Latin words of `text` that are neither shared abbreviations nor the demo's names.
fn latin_words(text: &str, names: &[String]) -> Vec<String> {
    let mut text = text.to_string();
    for n in names {
        text = text.replace(n.as_str(), "");
    }
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty() && !SHARED.contains(w))
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn kpi_tables_speak_the_language_asked_for() {
    let names = demo_names();
    let (code, ru, err) = medfunnel(&["kpi", "--lang", "ru"]);
    assert_eq!(code, 0, "{err}");
    for word in ["МЕСЯЦЫ", "План выручки", "Доходимость", "Итого", "КАНАЛЫ", "НАПРАВЛЕНИЯ", "Узкое место"]
    {
        assert!(ru.contains(word), "{word}: {ru}");
    }
    assert_eq!(latin_words(&ru, &names), Vec::<String>::new(), "{ru}");
    // Numbers as Russians write them: no-break spaces between thousands, ₽, a decimal comma.
    assert!(ru.contains("\u{a0}₽") && ru.contains(",") && ru.contains("\u{a0}%"), "{ru}");
    // The notice on stderr is Russian too; its prefix stays English for scripts.
    assert!(err.contains("notice: Строки без направления"), "{err}");
    let (code, zh, _) = medfunnel(&["kpi", "--lang", "zh"]);
    assert_eq!(code, 0);
    for word in ["月度", "营收计划", "到诊率", "合计", "各渠道", "各科室", "瓶颈"] {
        assert!(zh.contains(word), "{word}: {zh}");
    }
    let first_header = zh.lines().nth(1).unwrap();
    assert!(has_chinese(first_header), "{first_header}");
    assert_eq!(latin_words(&zh, &names), Vec::<String>::new(), "{zh}");
}

#[test]
fn decision_commands_speak_russian_and_chinese() {
    let names = demo_names();
    let commands: [&[&str]; 5] = [
        &["levers"],
        &["allocate", "--budget", "600000"],
        &["whatif", "--lever", "show_rate=+10%"],
        &["goalseek", "--revenue", "+15%"],
        &["goalseek", "--revenue", "+15%", "--lever", "paid_rate"],
    ];
    for args in commands {
        let mut ru_args = args.to_vec();
        ru_args.extend(["--lang", "ru"]);
        let (code, ru, err) = medfunnel(&ru_args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(ru.lines().count() > 3, "{args:?}: {ru}");
        assert_eq!(latin_words(&ru, &names), Vec::<String>::new(), "{args:?}: {ru}");
        // Notices and warnings in Russian, after the English prefixes.
        for line in err.lines() {
            let body = line.trim_start_matches("notice: ").trim_start_matches("warning: ");
            assert!(body.chars().any(|c| ('а'..='я').contains(&c)), "{args:?}: {line}");
        }
        let mut zh_args = args.to_vec();
        zh_args.extend(["--lang", "zh"]);
        let (_, zh, _) = medfunnel(&zh_args);
        assert!(has_chinese(zh.lines().next().unwrap()), "{args:?}: {zh}");
        assert_eq!(latin_words(&zh, &names), Vec::<String>::new(), "{args:?}: {zh}");
    }
    let (_, levers, _) = medfunnel(&["levers", "--lang", "ru"]);
    assert!(levers.contains("ЧУВСТВИТЕЛЬНОСТЬ: КАЖДЫЙ РЫЧАГ +10,0\u{a0}%"), "{levers}");
    // A decision that cannot be made says why in the language asked for, after the English prefix.
    let (code, _, err) = medfunnel(&["whatif", "--lever", "leads=+5%", "--channel", "Нет", "--lang", "ru"]);
    assert_eq!((code, err.trim()), (1, "medfunnel: Нет такого канала: «Нет»"));
    let (code, _, err) = medfunnel(&["allocate", "--budget", "1000", "--min", "ДМС=5000", "--lang", "ru"]);
    assert!(code == 1 && err.contains("5\u{a0}000\u{a0}₽ > 1\u{a0}000\u{a0}₽"), "{err}");
    let (_, whatif, _) = medfunnel(&["whatif", "--lever", "show_rate=+10%", "--lang", "ru"]);
    assert!(whatif.contains("Было") && whatif.contains("Стало") && whatif.contains("Валовая прибыль"), "{whatif}");
}

#[test]
fn json_is_the_same_in_every_language() {
    let commands: [&[&str]; 6] = [
        &["kpi", "--json"],
        &["levers", "--json"],
        &["allocate", "--budget", "600000", "--json"],
        &["whatif", "--lever", "show_rate=+10%", "--json"],
        &["goalseek", "--revenue", "+15%", "--json"],
        &["plan", "--year", "2026", "--json"],
    ];
    for args in commands {
        let (_, en, _) = medfunnel(args);
        for lang in ["ru", "zh"] {
            let mut with_lang = args.to_vec();
            with_lang.extend(["--lang", lang]);
            let (code, out, err) = medfunnel(&with_lang);
            assert_eq!(code, 0, "{err}");
            assert_eq!(out, en, "{with_lang:?}");
        }
        // And whatever the system's language.
        assert_eq!(medfunnel_in_locale(args, "ru_RU.UTF-8").1, en, "{args:?}");
    }
}

#[test]
fn without_lang_the_system_language_is_used_except_where_documented() {
    let (_, ru, err) = medfunnel_in_locale(&["kpi"], "ru_RU.UTF-8");
    assert!(ru.starts_with("МЕСЯЦЫ\n") && err.contains("notice: Строки"), "{ru}");
    let (_, zh, _) = medfunnel_in_locale(&["levers"], "zh_CN.UTF-8");
    assert!(has_chinese(zh.lines().next().unwrap()), "{zh}");
    let (_, en, err) = medfunnel_in_locale(&["kpi"], "C");
    assert!(en.starts_with("MONTHS\n") && err.contains("notice: Rows with a blank direction"), "{en}");
    let (_, en, _) = medfunnel_in_locale(&["whatif", "--lever", "leads=+5%"], "en_US.UTF-8");
    assert!(en.contains("Revenue") && en.contains("Before"), "{en}");
    // `plan` keeps its documented English in a Russian system unless --lang says otherwise.
    let (_, _, err) = medfunnel_in_locale(&["plan", "--year", "2026", "--marketing-share", "12%"], "ru_RU.UTF-8");
    assert!(err.contains("warning: The marketing share 12 %"), "{err}");
    // `report` keeps its documented Russian in an English system.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.xlsx");
    let (code, _, err) = medfunnel_in_locale(&["report", "-o", path.to_str().unwrap()], "C");
    assert_eq!(code, 0, "{err}");
    let wb: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert!(
        calamine::Reader::sheet_names(&wb).iter().any(|n| n == "Сводка"),
        "{:?}",
        calamine::Reader::sheet_names(&wb)
    );
}
