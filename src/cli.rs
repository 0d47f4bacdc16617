//! The command line: `kpi`, `demo` and the rest. The binary only calls [`run`].

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::format::{self, Lang};
use crate::import::{Imported, Problem};
use crate::metrics::{self, Filter, Kpis};
use crate::model::{Month, Project};
use crate::{analysis, demo, report, store};

/// medfunnel: the clinic's marketing funnel, from the marketer's workbook to KPIs and a report.
#[derive(Parser, Debug)]
#[command(name = "medfunnel", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A workbook (.xlsx/.xls/.ods) or project file (.medfunnel) to open in the app.
    pub file: Option<PathBuf>,
    /// What to do; without one the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print every KPI of a clinic (the built-in demo clinic when no FILE is given).
    Kpi(KpiArgs),
    /// Build next year's revenue plan and marketing budget from this year's facts.
    Plan(PlanArgs),
    /// Write the analyst report (xlsx with KPI sheets, charts and the data used).
    Report(ReportArgs),
    /// Write the built-in demo clinic as a template workbook.
    Demo {
        /// Where to write it.
        #[arg(short, long, default_value = "medfunnel-demo.xlsx")]
        output: PathBuf,
    },
}

/// The input every analysis command reads: a file (or the demo) and a period.
#[derive(Args, Debug, Clone)]
pub struct Source {
    /// A template workbook or a project file; none: the built-in demo clinic.
    pub file: Option<PathBuf>,
    /// First month of the period (YYYY-MM).
    #[arg(long, value_parser = parse_month)]
    pub from: Option<Month>,
    /// Last month of the period (YYYY-MM).
    #[arg(long, value_parser = parse_month)]
    pub to: Option<Month>,
}

/// Arguments of `kpi`.
#[derive(Args, Debug)]
pub struct KpiArgs {
    /// The clinic and period.
    #[command(flatten)]
    pub source: Source,
    /// Print the JSON of domain.md instead of tables.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `report`.
#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The clinic and period.
    #[command(flatten)]
    pub source: Source,
    /// Where to write the report.
    #[arg(short, long, default_value = "report.xlsx")]
    pub output: PathBuf,
    /// The report's language: ru or en.
    #[arg(long, value_parser = parse_lang, default_value = "ru")]
    pub lang: Lang,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("«{s}» is not a report language: use ru or en"))
}

/// Arguments of `plan`.
#[derive(Args, Debug)]
pub struct PlanArgs {
    /// A template workbook or a project file; none: the built-in demo clinic.
    pub file: Option<PathBuf>,
    /// The year to plan.
    #[arg(long)]
    pub year: i32,
    /// Clinic revenue growth over last year (15%, +15 %, 0.15).
    #[arg(long, value_parser = parse_share, default_value = "15%")]
    pub growth: f64,
    /// Growth of one direction, overriding the clinic's (D=30%); repeatable.
    #[arg(long = "growth-direction", value_parser = parse_direction_growth)]
    pub growth_direction: Vec<(String, f64)>,
    /// Marketing budget as a share of planned revenue.
    #[arg(long = "marketing-share", value_parser = parse_share, default_value = "7%")]
    pub marketing_share: f64,
    /// Budget split over proven/scaling/experiment channels.
    #[arg(long, value_parser = parse_tiers, default_value = "80/15/5")]
    pub tiers: [f64; 3],
    /// Print the plan as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write the project (.medfunnel) or template workbook (.xlsx) with the new Plan and Budget rows.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

fn parse_share(s: &str) -> Result<f64, String> {
    analysis::plan::parse_percent(s).ok_or_else(|| format!("«{s}» is not a percentage (e.g. 15%)"))
}

fn parse_direction_growth(s: &str) -> Result<(String, f64), String> {
    analysis::plan::parse_direction_growth(s).ok_or_else(|| format!("«{s}» is not DIRECTION=PERCENT (e.g. УЗИ=30%)"))
}

fn parse_tiers(s: &str) -> Result<[f64; 3], String> {
    analysis::plan::parse_tiers(s).ok_or_else(|| format!("«{s}» is not a tier split such as 80/15/5"))
}

fn parse_month(s: &str) -> Result<Month, String> {
    s.parse::<Month>().map_err(|e| e.to_string())
}

/// A failure that stops a command: printed on stderr, exit status 1.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Opening or saving a file failed.
    #[error(transparent)]
    Store(#[from] store::StoreError),
    /// Writing a workbook failed.
    #[error(transparent)]
    Report(#[from] report::ReportError),
    /// Anything else, already phrased for the user.
    #[error("{0}")]
    Message(String),
}

/// Parses the process arguments and runs the command.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => match execute(command) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("medfunnel: {e}");
                ExitCode::from(1)
            }
        },
        None => open_app(cli.file),
    }
}

#[cfg(feature = "gui")]
fn open_app(file: Option<PathBuf>) -> ExitCode {
    match crate::ui::run(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("medfunnel: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_app(_file: Option<PathBuf>) -> ExitCode {
    use clap::CommandFactory;
    eprintln!("medfunnel was built without the desktop app (feature \"gui\"); use a subcommand.\n");
    let _ = Cli::command().print_help();
    ExitCode::from(2)
}

/// Runs one subcommand.
pub fn execute(command: Command) -> Result<ExitCode, CliError> {
    match command {
        Command::Kpi(args) => kpi(&args),
        Command::Plan(args) => plan(&args),
        Command::Report(args) => write_report(&args),
        Command::Demo { output } => {
            report::template::write_template(&demo::demo_project(), &output)?;
            eprintln!("Wrote the demo clinic to {}", output.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A loaded clinic with what the import had to say.
pub struct Loaded {
    /// The project.
    pub project: Project,
    /// Import notices and errors.
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// Whether the import found errors (rows left out): the command then exits with status 2.
    pub fn had_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }

    /// Exit status after printing: 2 when rows were left out, else success.
    pub fn exit_code(&self) -> ExitCode {
        if self.had_errors() { ExitCode::from(2) } else { ExitCode::SUCCESS }
    }
}

/// Opens the file (or the demo) and prints the import's problems on stderr.
pub fn load(file: Option<&Path>) -> Result<Loaded, CliError> {
    let Imported { project, problems } = match file {
        Some(path) => store::open(path)?,
        None => Imported { project: demo::demo_project(), problems: Vec::new() },
    };
    for p in &problems {
        eprintln!("{p}");
    }
    Ok(Loaded { project, problems })
}

impl Source {
    /// The period filter.
    pub fn filter(&self) -> Filter {
        Filter { from: self.from, to: self.to, ..Filter::default() }
    }
}

/// Prints a JSON value on stdout.
pub fn print_json(value: &impl serde::Serialize) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CliError::Message(e.to_string()))?;
    println!("{text}");
    Ok(())
}

fn kpi(args: &KpiArgs) -> Result<ExitCode, CliError> {
    let loaded = load(args.source.file.as_deref())?;
    let kpis = metrics::compute(&loaded.project, &args.source.filter());
    for n in &kpis.notices {
        eprintln!("notice: {n}");
    }
    if args.json {
        print_json(&kpis)?;
    } else {
        print!("{}", kpi_tables(&kpis, Lang::En));
    }
    Ok(loaded.exit_code())
}

fn write_report(args: &ReportArgs) -> Result<ExitCode, CliError> {
    let loaded = load(args.source.file.as_deref())?;
    report::write_report(&loaded.project, &args.source.filter(), args.lang, &args.output)?;
    eprintln!("Wrote the report to {}", args.output.display());
    Ok(loaded.exit_code())
}

/// Saves a project where the user asked: a project file, or a template workbook for `.xlsx`.
pub fn save_to(project: &Project, path: &Path) -> Result<(), CliError> {
    if store::is_project_file(path) {
        store::save_project(project, path)?;
    } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) {
        report::template::write_template(project, path)?;
    } else {
        return Err(CliError::Message(format!(
            "{}: choose a .{} project file or an .xlsx workbook",
            path.display(),
            store::PROJECT_EXTENSION
        )));
    }
    eprintln!("Wrote {}", path.display());
    Ok(())
}

fn plan(args: &PlanArgs) -> Result<ExitCode, CliError> {
    let mut loaded = load(args.file.as_deref())?;
    let mut input = analysis::plan::PlanInput::new(args.year);
    input.growth = args.growth;
    input.growth_by_direction = args.growth_direction.iter().cloned().collect();
    input.marketing_share = args.marketing_share;
    input.tiers = args.tiers;
    for w in input.warnings() {
        eprintln!("warning: {w}");
    }
    let plan = analysis::plan::build_plan(&loaded.project, &input);
    for n in &plan.notices {
        eprintln!("notice: {n}");
    }
    if args.json {
        print_json(&plan)?;
    } else {
        let lang = Lang::En;
        let rows: Vec<Vec<String>> = plan
            .months
            .iter()
            .map(|m| vec![m.month.to_string(), format::money(Some(m.revenue_plan), lang), format::money(Some(m.budget_plan), lang)])
            .collect();
        print!("{}", text_table(&["month", "revenue plan", "budget plan"], &rows));
    }
    if let Some(out) = &args.output {
        analysis::plan::apply_plan(&mut loaded.project, &plan);
        save_to(&loaded.project, out)?;
    }
    Ok(loaded.exit_code())
}

/// Renders rows as an aligned text table (first column left, the rest right).
pub fn text_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
            let pad = w - c.chars().count();
            if i == 0 {
                s.push_str(c);
                s.push_str(&" ".repeat(pad));
            } else {
                s.push_str("  ");
                s.push_str(&" ".repeat(pad));
                s.push_str(c);
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(header.to_vec());
    out.push_str(&line(widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().iter().map(|s| s.as_str()).collect()));
    for r in rows {
        out.push_str(&line(r.iter().map(|s| s.as_str()).collect()));
    }
    out
}

/// The terminal view of `kpi` without `--json`.
pub fn kpi_tables(k: &Kpis, lang: Lang) -> String {
    let (m, p, c) = (|x| format::money(x, lang), |x| format::percent(x, lang), |x| format::count(x, lang));
    let mut out = String::from("MONTHS\n");
    let mut rows: Vec<Vec<String>> = k
        .months
        .iter()
        .map(|r| {
            vec![
                r.month.to_string(),
                m(r.revenue_plan),
                m(r.revenue),
                p(r.plan_completion),
                m(r.spend),
                c(r.leads),
                p(r.booking_rate),
                p(r.show_rate),
                p(r.paid_rate),
                m(r.cpl),
                m(r.cac),
                p(r.romi),
                m(r.forecast),
            ]
        })
        .collect();
    let t = &k.total.kpis;
    rows.push(vec![
        "Total".into(),
        m(t.revenue_plan),
        m(t.revenue),
        p(t.plan_completion),
        m(t.spend),
        c(t.leads),
        p(t.booking_rate),
        p(t.show_rate),
        p(t.paid_rate),
        m(t.cpl),
        m(t.cac),
        p(t.romi),
        String::new(),
    ]);
    out += &text_table(
        &["month", "plan", "revenue", "done", "spend", "leads", "booked", "came", "paid", "CPL", "CAC", "ROMI", "forecast"],
        &rows,
    );
    out += "\nCHANNELS\n";
    let rows: Vec<Vec<String>> = k
        .channels
        .iter()
        .map(|r| {
            vec![
                r.channel.clone(),
                r.tier.key().into(),
                m(r.spend),
                c(r.leads),
                c(r.visits),
                c(r.paid),
                m(r.attributed_revenue),
                m(r.cpl),
                m(r.cac),
                format::ratio(r.roas, lang),
                p(r.romi),
            ]
        })
        .collect();
    out += &text_table(&["channel", "tier", "spend", "leads", "visits", "paid", "revenue", "CPL", "CAC", "ROAS", "ROMI"], &rows);
    out += "\nDIRECTIONS\n";
    let rows: Vec<Vec<String>> = k
        .directions
        .iter()
        .map(|r| {
            vec![
                r.direction.clone(),
                p(Some(r.margin)),
                m(r.revenue_plan),
                m(r.revenue),
                p(r.plan_completion),
                m(r.spend),
                m(r.cac),
                m(r.ltv),
                format::ratio(r.ltv_to_cac, lang),
            ]
        })
        .collect();
    out += &text_table(&["direction", "margin", "plan", "revenue", "done", "spend", "CAC", "LTV", "LTV:CAC"], &rows);
    out += "\nREVENUE GAPS\n";
    let rows: Vec<Vec<String>> = k
        .gaps
        .iter()
        .map(|g| {
            let mut r = vec![g.month.to_string(), m(g.plan), m(g.fact)];
            r.extend(metrics::Factor::ALL.iter().map(|f| m(g.contributions.get(*f))));
            r.push(g.bottleneck.map(|b| format!("{} ({})", b.key(), b.owner().key())).unwrap_or_default());
            r
        })
        .collect();
    out += &text_table(
        &["month", "plan", "fact", "leads", "booking", "show", "paid", "per paid", "bottleneck"],
        &rows,
    );
    if let Some(pr) = &k.progress {
        out += &format!(
            "\nMonth in progress {}: {} so far, forecast {}, plan {}; each full day from now must bring {} (so far {}).\n",
            pr.month,
            m(Some(pr.revenue_to_date)),
            m(pr.forecast),
            m(Some(pr.revenue_plan)),
            m(pr.required_pace),
            m(pr.current_pace),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_aligns_columns() {
        let t = text_table(&["a", "bb"], &[vec!["long".into(), "1".into()]]);
        assert_eq!(t, "a     bb\n----  --\nlong   1\n");
    }

    #[test]
    fn parses_commands() {
        let cli = Cli::try_parse_from(["medfunnel", "kpi", "x.xlsx", "--json", "--from", "2025-01"]).unwrap();
        match cli.command {
            Some(Command::Kpi(a)) => {
                assert!(a.json);
                assert_eq!(a.source.from, Month::new(2025, 1));
                assert_eq!(a.source.file.as_deref(), Some(Path::new("x.xlsx")));
            }
            other => panic!("{other:?}"),
        }
        assert!(Cli::try_parse_from(["medfunnel", "kpi", "--from", "2025-13"]).is_err());
        let cli = Cli::try_parse_from(["medfunnel", "report", "x.xlsx", "-o", "r.xlsx", "--lang", "en", "--to", "2026-06"]).unwrap();
        match cli.command {
            Some(Command::Report(a)) => {
                assert_eq!((a.lang, a.output.as_path()), (Lang::En, Path::new("r.xlsx")));
                assert_eq!(a.source.to, Month::new(2026, 6));
            }
            other => panic!("{other:?}"),
        }
        assert!(Cli::try_parse_from(["medfunnel", "report", "--lang", "de"]).is_err());
        let open = Cli::try_parse_from(["medfunnel", "clinic.xlsx"]).unwrap();
        assert!(open.command.is_none() && open.file.is_some());
    }
}
