//! The command line: `kpi`, `demo` and the rest. The binary only calls [`run`].

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::analysis::levers::{Base, RevenueTarget, SeekLevers, Snapshot};
use crate::format::{self, Lang, Locale};
use crate::import::raw::{self, JoinReport, RawInputs};
use crate::import::{ImportError, Imported, Problem, ProblemKind};
use crate::metrics::{self, Filter, Kpis};
use crate::model::{Lever, LeverChange, Month, Project};
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
    /// What if some levers rise (or fall)? Revenue, profit, spend and ROMI before and after.
    Whatif(WhatifArgs),
    /// Levers ranked by headroom (the gain of reaching the clinic's own best 3 months), and by +10 %.
    Levers(LeversArgs),
    /// How much a lever (or all five evenly) must rise to reach a revenue target.
    Goalseek(GoalseekArgs),
    /// Split one month's budget over the channels to earn the most gross profit.
    Allocate(AllocateArgs),
    /// Join raw exports (CRM leads, MIS visits, ad spend) into a clinic and save it.
    Import(ImportArgs),
    /// Open the desktop app in meeting mode: the clinic's story full screen, one step per screen.
    Meeting {
        /// A template workbook or a project file; none: the last file, else the demo clinic.
        file: Option<PathBuf>,
    },
    /// Write the built-in demo clinic as a template workbook, and/or its call journal.
    Demo {
        /// Where to write the workbook (default medfunnel-demo.xlsx; none when only
        /// --calls-journal is given).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Also write the demo's raw call journal (CSV with fake phones) here, to try `--calls`.
        #[arg(long, value_name = "F")]
        calls_journal: Option<PathBuf>,
        /// Write the demo as a chain of three branches (Центр, Север, Юг) with a shared campaign.
        #[arg(long)]
        branches: bool,
    },
    /// The patient key of this computer: bring it to another computer on purpose.
    #[command(subcommand)]
    Key(KeyCommand),
}

/// What to do with the patient key (it never travels inside a project file).
#[derive(Subcommand, Debug)]
pub enum KeyCommand {
    /// Write this computer's patient key to a file, for a colleague or a new computer.
    Export {
        /// The file to write (keep it as safe as the exports themselves).
        file: PathBuf,
    },
    /// Make the key in a file (written by `key export`) this computer's patient key.
    Import {
        /// The key file.
        file: PathBuf,
    },
}

impl Command {
    /// The files the command reads and writes, for the one-sentence message after an internal
    /// error, and the output files whose folders get their stale temp files removed.
    fn files(&self) -> (Vec<&Path>, Vec<&Path>) {
        fn source(s: &Source) -> Vec<&Path> {
            let mut v: Vec<&Path> = s.file.iter().map(PathBuf::as_path).collect();
            v.extend(s.raw.files());
            v
        }
        match self {
            Command::Kpi(a) => (source(&a.source), vec![]),
            Command::Meeting { file } => (file.iter().map(PathBuf::as_path).collect(), vec![]),
            Command::Plan(a) => (source(&a.source), a.output.iter().map(PathBuf::as_path).collect()),
            Command::Report(a) => (source(&a.source), vec![a.output.as_path()]),
            Command::Whatif(a) => (source(&a.source), vec![]),
            Command::Levers(a) => (source(&a.source), vec![]),
            Command::Goalseek(a) => (source(&a.source), vec![]),
            Command::Allocate(a) => (source(&a.source), vec![]),
            Command::Import(a) => {
                let mut v: Vec<&Path> = a.template.iter().map(PathBuf::as_path).collect();
                v.extend(a.raw.files());
                (v, vec![a.output.as_path()])
            }
            Command::Demo { output, calls_journal, .. } => {
                (vec![], output.iter().chain(calls_journal.iter()).map(PathBuf::as_path).collect())
            }
            Command::Key(KeyCommand::Export { file }) => (vec![], vec![file.as_path()]),
            Command::Key(KeyCommand::Import { file }) => (vec![file.as_path()], vec![]),
        }
    }
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
    /// Keep only this branch (and its share of the chain's shared spend).
    #[arg(long)]
    pub branch: Option<String>,
    /// Raw exports joined into the clinic.
    #[command(flatten)]
    pub raw: RawArgs,
}

/// Raw exports to join into the clinic (domain.md, "Raw exports"); any subset.
#[derive(Args, Debug, Clone, Default)]
pub struct RawArgs {
    /// CRM leads export (.csv/.xlsx/.xls/.ods): rebuilds the Funnel.
    #[arg(long, value_name = "F")]
    pub leads: Option<PathBuf>,
    /// MIS visits export: rebuilds Revenue and Doctors, and gives cohorts.
    #[arg(long, value_name = "F")]
    pub visits: Option<PathBuf>,
    /// Ad-cabinet spend export: replaces the Budget's spend.
    #[arg(long, value_name = "F")]
    pub spend: Option<PathBuf>,
    /// Call journal export (IP telephony, call tracking): rebuilds the Calls sheet.
    #[arg(long, value_name = "F")]
    pub calls: Option<PathBuf>,
}

impl RawArgs {
    /// The exports given, in the order leads, visits, spend, calls.
    fn files(&self) -> impl Iterator<Item = &Path> {
        [&self.leads, &self.visits, &self.spend, &self.calls].into_iter().flatten().map(PathBuf::as_path)
    }

    /// Whether no export is given.
    pub fn is_empty(&self) -> bool {
        self.leads.is_none() && self.visits.is_none() && self.spend.is_none() && self.calls.is_none()
    }

    /// The exports as the importer takes them (no column overrides on the command line).
    pub fn inputs(&self) -> RawInputs {
        RawInputs {
            leads: self.leads.clone(),
            visits: self.visits.clone(),
            spend: self.spend.clone(),
            calls: self.calls.clone(),
            ..RawInputs::default()
        }
    }
}

/// Arguments of `import`.
#[derive(Args, Debug)]
pub struct ImportArgs {
    /// A template workbook or project file to join the exports into; none: an empty clinic.
    pub template: Option<PathBuf>,
    /// The exports.
    #[command(flatten)]
    pub raw: RawArgs,
    /// Where to save: a project file (.medfunnel) or a template workbook (.xlsx).
    #[arg(short, long)]
    pub output: PathBuf,
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
    /// The report's language: ru, en or zh.
    #[arg(long, value_parser = parse_lang, default_value = "ru")]
    pub lang: Lang,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("«{s}» is not a language: use ru, en or zh"))
}

/// Arguments of `plan`.
#[derive(Args, Debug)]
pub struct PlanArgs {
    /// The clinic (the period options are ignored: the base is the year before the plan's).
    #[command(flatten)]
    pub source: Source,
    /// The year to plan; default: the first year from the as-of day's on that has no Plan rows.
    #[arg(long)]
    pub year: Option<i32>,
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
    /// Print the plan as JSON (keys and notices in English whatever --lang says).
    #[arg(long)]
    pub json: bool,
    /// The language of the warnings, the notices and the table: en, ru or zh.
    #[arg(long, value_parser = parse_lang, default_value = "en")]
    pub lang: Lang,
    /// Write the project (.medfunnel) or template workbook (.xlsx) with the new Plan and Budget rows.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// Where a lever change applies when the lever itself names no channel or direction.
#[derive(Args, Debug, Clone)]
pub struct Scope {
    /// Only this channel.
    #[arg(long)]
    pub channel: Option<String>,
    /// Only this direction.
    #[arg(long)]
    pub direction: Option<String>,
    /// Pay for extra leads along each channel's fitted response curve instead of at today's CPL.
    #[arg(long)]
    pub curve: bool,
}

impl Scope {
    fn lead_cost(&self) -> analysis::levers::LeadCost {
        if self.curve { analysis::levers::LeadCost::Curve } else { analysis::levers::LeadCost::Cpl }
    }
}

/// Arguments of `whatif`.
#[derive(Args, Debug)]
pub struct WhatifArgs {
    /// The clinic and period.
    #[command(flatten)]
    pub source: Source,
    /// A lever change: LEVER=+10% (leads, booking_rate, show_rate, paid_rate, revenue_per_paid,
    /// avg_check, visits_per_patient), optionally LEVER@channel:NAME=… or LEVER@direction:NAME=….
    #[arg(long = "lever", required = true, value_parser = parse_lever)]
    pub levers: Vec<LeverChange>,
    /// Scope of the changes.
    #[command(flatten)]
    pub scope: Scope,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `levers`.
#[derive(Args, Debug)]
pub struct LeversArgs {
    /// The clinic and period.
    #[command(flatten)]
    pub source: Source,
    /// The change tried on every lever.
    #[arg(long, default_value = "+10%", value_parser = parse_change)]
    pub change: f64,
    /// Scope of the changes.
    #[command(flatten)]
    pub scope: Scope,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `goalseek`.
#[derive(Args, Debug)]
pub struct GoalseekArgs {
    /// The clinic and period.
    #[command(flatten)]
    pub source: Source,
    /// +15% (growth of the clinic's revenue over the period) or an amount of clinic revenue over it.
    #[arg(long, value_parser = parse_target, required_unless_present = "budget_for_plan")]
    pub revenue: Option<RevenueTarget>,
    /// The lever to move.
    #[arg(long, value_parser = parse_lever_name, conflicts_with = "even")]
    pub lever: Option<Lever>,
    /// Move all five funnel levers by the same percentage (the default without --lever).
    #[arg(long)]
    pub even: bool,
    /// Instead: which monthly budget, split by the allocator along the response curves, reaches the
    /// revenue plan of this month (YYYY-MM).
    #[arg(long = "budget-for-plan", value_parser = parse_month, conflicts_with_all = ["revenue", "lever", "even"])]
    pub budget_for_plan: Option<Month>,
    /// Scope of the changes.
    #[command(flatten)]
    pub scope: Scope,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `allocate`.
#[derive(Args, Debug)]
pub struct AllocateArgs {
    /// The clinic and the period the curves are fitted on.
    #[command(flatten)]
    pub source: Source,
    /// One month's budget to split.
    #[arg(long, value_parser = parse_amount)]
    pub budget: f64,
    /// Hold this tier split (proven/scaling/experiment), e.g. 80/15/5.
    #[arg(long, value_parser = parse_exact_tiers)]
    pub tiers: Option<[f64; 3]>,
    /// A channel's minimum monthly spend (CHANNEL=AMOUNT); repeatable.
    #[arg(long = "min", value_parser = parse_channel_amount)]
    pub min: Vec<(String, f64)>,
    /// A channel's maximum monthly spend (CHANNEL=AMOUNT); repeatable.
    #[arg(long = "max", value_parser = parse_channel_amount)]
    pub max: Vec<(String, f64)>,
    /// Drop the default bounds (0.5×–2× today's spend per channel): only --min/--max bound.
    #[arg(long)]
    pub free: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

fn parse_lever(s: &str) -> Result<LeverChange, String> {
    analysis::levers::parse_lever_change(s).map_err(|e| e.to_string())
}

fn parse_lever_name(s: &str) -> Result<Lever, String> {
    Lever::parse(s)
        .ok_or_else(|| format!("«{s}» is not a lever (leads, booking_rate, show_rate, paid_rate, revenue_per_paid)"))
}

fn parse_change(s: &str) -> Result<f64, String> {
    analysis::levers::parse_change(s).map_err(|e| e.to_string())
}

fn parse_target(s: &str) -> Result<RevenueTarget, String> {
    analysis::levers::parse_revenue_target(s).map_err(|e| e.to_string())
}

fn parse_amount(s: &str) -> Result<f64, String> {
    analysis::levers::parse_number(s).filter(|x| *x >= 0.0).ok_or_else(|| format!("«{s}» is not an amount"))
}

fn parse_channel_amount(s: &str) -> Result<(String, f64), String> {
    analysis::levers::parse_channel_amount(s).map_err(|e| e.to_string())
}

fn parse_share(s: &str) -> Result<f64, String> {
    analysis::plan::parse_percent(s).ok_or_else(|| format!("«{s}» is not a percentage (e.g. 15%)"))
}

fn parse_direction_growth(s: &str) -> Result<(String, f64), String> {
    analysis::plan::parse_direction_growth(s).ok_or_else(|| format!("«{s}» is not DIRECTION=PERCENT (e.g. УЗИ=30%)"))
}

/// A tier split the allocator can hold: it must add up to 100 %, or the budget would not be spent
/// exactly.
fn parse_exact_tiers(s: &str) -> Result<[f64; 3], String> {
    let t = parse_tiers(s)?;
    if (t.iter().sum::<f64>() - 1.0).abs() > 1e-9 {
        return Err(format!("«{s}»: the three shares must add up to 100"));
    }
    Ok(t)
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

/// The exit status after an internal error (a bug) stopped a command.
const INTERNAL_ERROR: u8 = 70;

/// Parses the process arguments and runs the command.
///
/// Stale temp files of earlier, killed saves are removed from the folders the command reads from
/// and writes to, and from the working folder.
/// A panic (a bug: library code returns errors) never reaches the user as a Rust backtrace: a
/// quiet panic hook and `catch_unwind` turn it into one sentence naming the file, exit status 70.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => {
            let (inputs, outputs) = command.files();
            // Where a killed save may have left one: beside the outputs, the inputs (a project is
            // often saved over itself) and in the working folder. Only dead writers' files go.
            let mut folders: Vec<&Path> = outputs.iter().chain(&inputs).map(|p| store::folder_of(p)).collect();
            folders.push(Path::new("."));
            folders.sort();
            folders.dedup();
            for folder in folders {
                store::sweep_temp_files(folder);
            }
            let about = inputs
                .first()
                .or(outputs.first())
                .map_or_else(|| "the built-in demo clinic".to_string(), |p| format!("«{}»", p.display()));
            std::panic::set_hook(Box::new(|_| {}));
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| execute(command))) {
                Ok(Ok(code)) => code,
                Ok(Err(e)) => {
                    eprintln!("medfunnel: {}", crate::import::redact::message(&e.to_string()));
                    ExitCode::from(1)
                }
                Err(_) => {
                    eprintln!(
                        "medfunnel: an internal error stopped the work on {about}; nothing was saved, and the file \
                         may have something medfunnel does not expect (please report it)."
                    );
                    ExitCode::from(INTERNAL_ERROR)
                }
            }
        }
        None => {
            if let Some(f) = &cli.file {
                store::sweep_temp_files(store::folder_of(f));
            }
            open_app(cli.file)
        }
    }
}

fn open_app(file: Option<PathBuf>) -> ExitCode {
    open_app_with(file, false)
}

#[cfg(feature = "gui")]
fn open_app_with(file: Option<PathBuf>, meeting: bool) -> ExitCode {
    match crate::ui::run_with(file, meeting) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("medfunnel: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_app_with(_file: Option<PathBuf>, _meeting: bool) -> ExitCode {
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
        Command::Whatif(args) => whatif(&args),
        Command::Levers(args) => levers(&args),
        Command::Goalseek(args) => goalseek(&args),
        Command::Allocate(args) => allocate(&args),
        Command::Import(args) => import(&args),
        Command::Meeting { file } => Ok(open_app_with(file, true)),
        Command::Demo { output, calls_journal, branches } => {
            let output = output.or_else(|| calls_journal.is_none().then(|| PathBuf::from("medfunnel-demo.xlsx")));
            if let Some(output) = output {
                let project = if branches { demo::demo_chain() } else { demo::demo_project() };
                report::template::write_template(&project, &output)?;
                eprintln!("Wrote the demo clinic to {}", output.display());
            }
            if let Some(path) = calls_journal {
                crate::store::write_atomic_io(&path, demo::calls_journal_csv().as_bytes())
                    .map_err(|e| CliError::Message(format!("Could not save «{}»: {e}", path.display())))?;
                eprintln!("Wrote the demo's call journal to {}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Key(KeyCommand::Export { file }) => {
            let fp = raw::key::export_key(&file).map_err(|e| CliError::Message(e.to_string()))?;
            eprintln!(
                "Wrote this computer's patient key (fingerprint {fp}) to {}. Anyone with this file and a project can \
                 test phone numbers against it: hand it over in person and delete it after `medfunnel key import`.",
                file.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Key(KeyCommand::Import { file }) => {
            let fp = raw::key::import_key(&file).map_err(|e| CliError::Message(e.to_string()))?;
            eprintln!("This computer's patient key is now the one from {} (fingerprint {fp}).", file.display());
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

/// Opens the file (or the demo) and prints the import's problems on stderr in `lang` (English,
/// the problems' `Display`, unless the command has `--lang`).
pub fn load(file: Option<&Path>, lang: Lang) -> Result<Loaded, CliError> {
    let Imported { project, problems } = match file {
        Some(path) => store::open(path)?,
        None => Imported { project: demo::demo_project(), problems: Vec::new() },
    };
    print_problems(&problems, lang);
    Ok(Loaded { project, problems })
}

/// Opens the file (an empty clinic when there is none) and joins the raw exports into it, printing
/// every problem on stderr. Without exports this is [`load`] (the demo clinic when there is no
/// file). With exports, a workbook that has no template sheet is not fatal: the clinic starts empty.
pub fn load_with_raw(
    file: Option<&Path>,
    raw_args: &RawArgs,
    lang: Lang,
) -> Result<(Loaded, Option<JoinReport>), CliError> {
    if raw_args.is_empty() {
        return Ok((load(file, lang)?, None));
    }
    let Imported { mut project, mut problems } = match file {
        Some(path) => match store::open(path) {
            Ok(imported) => imported,
            Err(store::StoreError::Import(ImportError::NoTemplateSheet { .. })) => Imported {
                project: Project::new(),
                problems: vec![Problem::notice(&path.display().to_string(), ProblemKind::NoTemplateRawOnly)],
            },
            Err(e) => return Err(e.into()),
        },
        None => Imported { project: Project::new(), problems: Vec::new() },
    };
    let progress = std::sync::Arc::new(raw::Progress::default());
    let inputs = RawInputs { progress: Some(std::sync::Arc::clone(&progress)), ..raw_args.inputs() };
    let (report, mut raw_problems) = with_progress_line(&progress, || raw::import_raw(&mut project, &inputs))
        .map_err(|e| CliError::Message(e.to_string()))?;
    problems.append(&mut raw_problems);
    print_problems(&problems, lang);
    Ok((Loaded { project, problems }, Some(report)))
}

/// One line per problem on stderr, in `lang`.
fn print_problems(problems: &[Problem], lang: Lang) {
    for p in problems {
        eprintln!("{}", crate::i18n::problem_line(p, lang));
    }
}

/// Runs `work` (an import counting in `progress`) with a progress line on stderr, redrawn every
/// tenth of a second once the work has taken half a second, and wiped when it ends. Only when
/// stderr is a terminal: a redirected stderr gets the problems alone.
fn with_progress_line<T>(progress: &raw::Progress, work: impl FnOnce() -> T) -> T {
    use std::io::IsTerminal;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, Instant};
    if !std::io::stderr().is_terminal() {
        return work();
    }
    /// Stops the drawing thread however `work` ends (a panic too), so the scope never waits forever.
    struct Stop<'a>(&'a AtomicBool);
    impl Drop for Stop<'_> {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Relaxed);
        }
    }
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let start = Instant::now();
            let mut shown = false;
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                if start.elapsed() >= Duration::from_millis(500) && !stop.load(Ordering::Relaxed) {
                    eprint!("\r{:<64}", progress_line(progress));
                    shown = true;
                }
            }
            if shown {
                eprint!("\r{:64}\r", "");
            }
        });
        let _stop = Stop(&stop);
        work()
    })
}

/// The terminal's progress line for an import: the share of the exports read, then the join.
pub fn progress_line(progress: &raw::Progress) -> String {
    let (done, total) = progress.bytes();
    let mb = |b: u64| b as f64 / 1_000_000.0;
    match progress.stage() {
        raw::Stage::Reading | raw::Stage::Joining if done < total => format!(
            "Reading exports… {:>3.0} % ({:.0} of {:.0} MB)",
            progress.fraction().unwrap_or(0.0) * 100.0,
            mb(done),
            mb(total)
        ),
        raw::Stage::Reading => "Reading exports…".to_string(),
        raw::Stage::Joining => "Joining the exports…".to_string(),
        raw::Stage::Done => "Computing…".to_string(),
    }
}

impl Source {
    /// Loads the clinic with its raw exports joined in (see [`load_with_raw`]).
    ///
    /// # Errors
    /// Besides the loader's: a `--branch` that names no branch of the data, listing the known ones.
    pub fn load(&self) -> Result<Loaded, CliError> {
        self.load_in(Lang::En)
    }

    /// As [`Source::load`], with the problems printed in `lang` (a command's `--lang`).
    ///
    /// # Errors
    /// As [`Source::load`].
    pub fn load_in(&self, lang: Lang) -> Result<Loaded, CliError> {
        let loaded = load_with_raw(self.file.as_deref(), &self.raw, lang).map(|(loaded, _)| loaded)?;
        if let Some(b) = &self.branch {
            metrics::branches::resolve_branch(&loaded.project, b).map_err(|e| CliError::Message(e.to_string()))?;
        }
        Ok(loaded)
    }

    /// Loads the clinic as the decision commands (levers, whatif, goalseek, allocate) read it: under
    /// `--branch`, the branch's own view (its rows, its share of the chain's shared spend, the chain's
    /// as-of day), with a filter that has no branch left to apply.
    ///
    /// # Errors
    /// As [`Source::load`].
    pub fn load_scoped(&self) -> Result<(Loaded, Filter), CliError> {
        self.load_scoped_in(Lang::En)
    }

    /// As [`Source::load_scoped`], with the problems printed in `lang`.
    ///
    /// # Errors
    /// As [`Source::load`].
    pub fn load_scoped_in(&self, lang: Lang) -> Result<(Loaded, Filter), CliError> {
        let mut loaded = self.load_in(lang)?;
        let mut filter = self.filter();
        if let Some(b) = filter.branch.take() {
            loaded.project = metrics::branches::branch_view(&loaded.project, &b);
        }
        Ok((loaded, filter))
    }

    /// The period (and branch) filter.
    pub fn filter(&self) -> Filter {
        Filter { from: self.from, to: self.to, branch: self.branch.clone(), ..Filter::default() }
    }
}

/// Prints a JSON value on stdout.
pub fn print_json(value: &impl serde::Serialize) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CliError::Message(e.to_string()))?;
    println!("{text}");
    Ok(())
}

fn kpi(args: &KpiArgs) -> Result<ExitCode, CliError> {
    let loaded = args.source.load()?;
    let kpis = metrics::compute(&loaded.project, &args.source.filter());
    for n in &kpis.notices {
        eprintln!("notice: {}", crate::i18n::kpi_notice(n, Lang::En));
    }
    if args.json {
        print_json(&kpis)?;
    } else {
        print!("{}", kpi_tables(&kpis, Locale::new(Lang::En, &loaded.project.settings.currency)));
    }
    let code = loaded.exit_code();
    // A million joined visits are freed on a thread of their own: the process ends without
    // waiting for it (the system takes the memory back at once).
    std::thread::spawn(move || drop(loaded));
    Ok(code)
}

fn write_report(args: &ReportArgs) -> Result<ExitCode, CliError> {
    let loaded = args.source.load_in(args.lang)?;
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

fn import(args: &ImportArgs) -> Result<ExitCode, CliError> {
    if args.raw.is_empty() {
        return Err(CliError::Message(
            "import: give at least one export: --leads F, --visits F, --spend F or --calls F".to_string(),
        ));
    }
    let (loaded, report) = load_with_raw(args.template.as_deref(), &args.raw, Lang::En)?;
    if let Some(r) = &report {
        // All or nothing: a project is never saved with less data because an input failed.
        if !r.unread.is_empty() {
            let files: Vec<String> = r.unread.iter().map(|f| format!("«{f}»")).collect();
            return Err(CliError::Message(format!(
                "nothing was saved to {}: {} could not be read (see above); fix {} and run the import again",
                args.output.display(),
                files.join(", "),
                if files.len() == 1 { "it" } else { "them" }
            )));
        }
        eprintln!("{}", join_summary(r));
    }
    save_to(&loaded.project, &args.output)?;
    Ok(loaded.exit_code())
}

/// One line of counts after a join, for the terminal.
pub fn join_summary(r: &JoinReport) -> String {
    format!(
        "Joined: {} leads ({} counted, {} duplicates, {} returning, {} without a phone); {} visits ({} matched to leads, {} without a phone, {} patients); {} spend rows; {} calls ({} contacts); {} new channels from unknown sources",
        r.leads,
        r.counted,
        r.duplicates,
        r.returning,
        r.leads_without_phone,
        r.visits,
        r.matched_visits,
        r.visits_without_phone,
        r.patients,
        r.spend_rows,
        r.calls,
        r.contacts,
        r.unknown_sources.len()
    )
}

/// The plan's JSON (domain.md): the plan with its notices as English sentences whatever --lang
/// says, worded here at the edge.
#[derive(serde::Serialize)]
struct PlanJson<'a> {
    year: i32,
    months: &'a [analysis::plan::PlanMonth],
    notices: Vec<String>,
}

impl<'a> PlanJson<'a> {
    fn of(plan: &'a analysis::plan::YearPlan) -> Self {
        PlanJson {
            year: plan.year,
            months: &plan.months,
            notices: plan.notices.iter().map(|n| crate::i18n::plan_notice(n, Lang::En)).collect(),
        }
    }
}

fn plan(args: &PlanArgs) -> Result<ExitCode, CliError> {
    if args.source.branch.is_some() && args.output.is_some() {
        // One branch's plan written alone would replace the whole chain's rows of that year.
        return Err(CliError::Message(
            "plan: --branch shows one branch's plan; to write the plan, run without --branch (each branch is planned by the same rules)".to_string(),
        ));
    }
    let (mut loaded, _) = args.source.load_scoped_in(args.lang)?;
    let year = args.year.unwrap_or_else(|| analysis::plan::default_year(&loaded.project));
    let mut input = analysis::plan::PlanInput::new(year);
    input.growth = args.growth;
    input.growth_by_direction = args.growth_direction.iter().cloned().collect();
    input.marketing_share = args.marketing_share;
    input.tiers = args.tiers;
    // The prefixes stay English in every language: scripts grep for them.
    for w in input.warnings() {
        eprintln!("warning: {}", crate::i18n::plan_warning(&w, args.lang));
    }
    let plan = analysis::plan::build_plan(&loaded.project, &input);
    for n in &plan.notices {
        eprintln!("notice: {}", crate::i18n::plan_notice(n, args.lang));
    }
    if args.json {
        print_json(&PlanJson::of(&plan))?;
    } else {
        let loc = Locale::new(args.lang, &loaded.project.settings.currency);
        let rows: Vec<Vec<String>> = plan
            .months
            .iter()
            .map(|m| {
                vec![
                    m.month.to_string(),
                    format::money(Some(m.revenue_plan), loc),
                    format::money(Some(m.budget_plan), loc),
                ]
            })
            .collect();
        print!("{}", text_table(&["month", "revenue plan", "budget plan"], &rows));
    }
    if let Some(out) = &args.output {
        analysis::plan::apply_plan(&mut loaded.project, &plan);
        save_to(&loaded.project, out)?;
    }
    Ok(loaded.exit_code())
}

fn decision_error(e: impl std::fmt::Display) -> CliError {
    CliError::Message(e.to_string())
}

fn whatif(args: &WhatifArgs) -> Result<ExitCode, CliError> {
    let (loaded, filter) = args.source.load_scoped()?;
    let changes: Vec<LeverChange> = args
        .levers
        .iter()
        .map(|c| {
            let mut c = c.clone();
            if c.channel.is_none() && c.direction.is_none() {
                c.channel.clone_from(&args.scope.channel);
                c.direction.clone_from(&args.scope.direction);
            }
            c
        })
        .collect();
    let outcome =
        Base::new(&loaded.project, &filter).apply(&changes, args.scope.lead_cost()).map_err(decision_error)?;
    for w in &outcome.warnings {
        eprintln!("warning: {w}");
    }
    if args.json {
        print_json(&outcome)?;
    } else {
        print!(
            "{}",
            snapshot_table(
                &[("before", &outcome.before), ("after", &outcome.after)],
                Locale::new(Lang::En, &loaded.project.settings.currency)
            )
        );
    }
    Ok(loaded.exit_code())
}

/// Before/after snapshots side by side.
fn snapshot_table(columns: &[(&str, &Snapshot)], loc: Locale) -> String {
    let lang = loc.lang;
    let (m, p, r) = (|x| format::money(x, loc), |x| format::percent(x, lang), |x| format::ratio(x, lang));
    type Row<'a> = (&'a str, &'a dyn Fn(&Snapshot) -> String);
    let rows: [Row; 8] = [
        ("revenue", &|s| m(s.revenue)),
        ("gross profit", &|s| m(s.gross_profit)),
        ("spend", &|s| m(s.spend)),
        ("profit", &|s| m(s.profit)),
        ("leads", &|s| format::count(s.leads, lang)),
        ("ROMI", &|s| p(s.romi)),
        ("CAC", &|s| m(s.cac)),
        ("LTV:CAC", &|s| r(s.ltv_to_cac)),
    ];
    let header: Vec<&str> = std::iter::once("").chain(columns.iter().map(|c| c.0)).collect();
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|(name, f)| std::iter::once(name.to_string()).chain(columns.iter().map(|c| f(c.1))).collect())
        .collect();
    text_table(&header, &body)
}

/// `levers --json`: the +10 % sensitivity rows and the ranking by headroom.
#[derive(serde::Serialize)]
struct LeversJson<'a> {
    ranking: &'a [analysis::levers::LeverGain],
    headroom: &'a [analysis::headroom::HeadroomEntry],
}

fn levers(args: &LeversArgs) -> Result<ExitCode, CliError> {
    let (loaded, filter) = args.source.load_scoped()?;
    let ranking = Base::new(&loaded.project, &filter)
        .rank(args.change, args.scope.channel.as_deref(), args.scope.direction.as_deref(), args.scope.lead_cost())
        .map_err(decision_error)?;
    let headroom = analysis::headroom::headroom(&loaded.project, args.source.branch.as_deref());
    for n in &headroom.notices {
        eprintln!("notice: {n}");
    }
    if args.json {
        print_json(&LeversJson { ranking: &ranking, headroom: &headroom.entries })?;
    } else {
        let loc = Locale::new(Lang::En, &loaded.project.settings.currency);
        let lang = loc.lang;
        let rows: Vec<Vec<String>> = headroom
            .entries
            .iter()
            .map(|e| {
                let percent = e.lever != Lever::Leads && e.lever != Lever::RevenuePerPaid;
                let value = |x: f64| {
                    if percent { format::percent(Some(x), lang) } else { format::number(x, 0, lang) }
                };
                vec![
                    e.direction.clone().unwrap_or_else(|| "clinic".to_string()),
                    e.lever.key().to_string(),
                    e.owner.key().to_string(),
                    value(e.current),
                    value(e.target),
                    format!("{}..{}", e.window_first, e.window_last),
                    format::money(Some(e.revenue_gain), loc),
                    format::money(Some(e.profit_gain), loc),
                ]
            })
            .collect();
        println!("HEADROOM (your own best 3 months; gains a month)");
        print!(
            "{}",
            text_table(
                &["scope", "lever", "owner", "now", "best", "best window", "revenue gain", "profit gain"],
                &rows
            )
        );
        let rows: Vec<Vec<String>> = ranking
            .iter()
            .map(|g| {
                vec![
                    g.lever.key().to_string(),
                    g.owner.key().to_string(),
                    format::money(Some(g.revenue_gain), loc),
                    format::money(Some(g.spend_change), loc),
                    format::money(g.profit_gain, loc),
                    format::money(g.profit_gain_per_month, loc),
                ]
            })
            .collect();
        println!("\nSENSITIVITY ({} on each lever, over the period)", format::percent(Some(args.change), lang));
        print!("{}", text_table(&["lever", "owner", "revenue gain", "extra spend", "profit gain", "per month"], &rows));
    }
    Ok(loaded.exit_code())
}

fn goalseek(args: &GoalseekArgs) -> Result<ExitCode, CliError> {
    let (loaded, filter) = args.source.load_scoped()?;
    let loc = Locale::new(Lang::En, &loaded.project.settings.currency);
    if let Some(month) = args.budget_for_plan {
        let target = metrics::revenue_plan_of(&loaded.project, month, None);
        let opts = analysis::allocate::AllocOptions { budget: 0.0, ..Default::default() };
        let answer =
            analysis::allocate::budget_for_revenue(&loaded.project, &filter, target, &opts).map_err(decision_error)?;
        if args.json {
            print_json(&answer)?;
        } else {
            match (answer.reachable, answer.budget) {
                (true, Some(b)) => println!(
                    "A monthly budget of {} split as the allocator proposes brings {} (plan of {month}: {}).",
                    format::money(Some(b), loc),
                    format::money(Some(answer.revenue), loc),
                    format::money(Some(target), loc)
                ),
                _ => println!(
                    "The plan of {month} cannot be reached by budget alone: {}",
                    answer.message.map(|m| m.to_string()).unwrap_or_default()
                ),
            }
        }
        return Ok(loaded.exit_code());
    }
    let target = args.revenue.ok_or_else(|| CliError::Message("give --revenue or --budget-for-plan".into()))?;
    let levers = match args.lever {
        Some(l) => SeekLevers::One(l),
        None => SeekLevers::Even,
    };
    let answer = Base::new(&loaded.project, &filter)
        .goal_seek(
            target,
            levers,
            args.scope.channel.as_deref(),
            args.scope.direction.as_deref(),
            args.scope.lead_cost(),
        )
        .map_err(decision_error)?;
    if args.json {
        print_json(&answer)?;
    } else {
        let what = answer.lever.map_or("each of the five funnel levers".to_string(), |l| l.key().to_string());
        println!(
            "{what} must change by {} (the attributed revenue must rise by {}).",
            format::percent(Some(answer.required_change), Lang::En),
            format::percent(answer.attributed_rise, Lang::En)
        );
        print!(
            "{}",
            snapshot_table(
                &[("before", &answer.before), ("after", &answer.after)],
                Locale::new(Lang::En, &loaded.project.settings.currency)
            )
        );
    }
    Ok(loaded.exit_code())
}

fn allocate(args: &AllocateArgs) -> Result<ExitCode, CliError> {
    let (loaded, filter) = args.source.load_scoped()?;
    let opts = analysis::allocate::AllocOptions {
        budget: args.budget,
        min: args.min.iter().cloned().collect(),
        max: args.max.iter().cloned().collect(),
        tiers: args.tiers,
        free: args.free,
    };
    let a = analysis::allocate::allocate(&loaded.project, &filter, &opts).map_err(decision_error)?;
    for n in &a.notices {
        eprintln!("notice: {n}");
    }
    for w in &a.warnings {
        eprintln!("warning: {w}");
    }
    if args.json {
        print_json(&a)?;
    } else {
        let loc = Locale::new(Lang::En, &loaded.project.settings.currency);
        let lang = loc.lang;
        let (m, c) = (|x| format::money(x, loc), |x| format::count(x, lang));
        let rows: Vec<Vec<String>> = a
            .channels
            .iter()
            .map(|ch| {
                vec![
                    ch.channel.clone(),
                    ch.tier.key().into(),
                    format::ratio(ch.b, lang),
                    ch.months_used.to_string(),
                    m(ch.spend_today),
                    m(Some(ch.spend)),
                    c(ch.leads.map(f64::round)),
                    c(ch.visits.map(f64::round)),
                    m(ch.revenue),
                    m(ch.gross_profit),
                    format::percent(ch.romi, lang),
                ]
            })
            .collect();
        print!(
            "{}",
            text_table(
                &[
                    "channel",
                    "tier",
                    "b",
                    "months",
                    "today",
                    "proposal",
                    "leads",
                    "visits",
                    "revenue",
                    "gross profit",
                    "ROMI"
                ],
                &rows
            )
        );
        println!(
            "Objective (gross profit − spend): {} (today's split: {})",
            m(Some(a.objective)),
            m(Some(a.objective_today))
        );
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
pub fn kpi_tables(k: &Kpis, loc: Locale) -> String {
    let lang = loc.lang;
    let (m, p, c) = (|x| format::money(x, loc), |x| format::percent(x, lang), |x| format::count(x, lang));
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
        &[
            "month", "plan", "revenue", "done", "spend", "leads", "booked", "came", "paid", "CPL", "CAC", "ROMI",
            "forecast",
        ],
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
    out += &text_table(
        &["channel", "tier", "spend", "leads", "visits", "paid", "revenue", "CPL", "CAC", "ROAS", "ROMI"],
        &rows,
    );
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
    out += &text_table(&["month", "plan", "fact", "leads", "booking", "show", "paid", "per paid", "bottleneck"], &rows);
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
    fn the_plan_json_words_its_notices_in_english() {
        // No revenue at all: twelve zero months and one notice, "every month … planned at 0".
        let plan = analysis::plan::build_plan(&crate::model::Project::new(), &analysis::plan::PlanInput::new(2025));
        let v = serde_json::to_value(PlanJson::of(&plan)).unwrap();
        let top: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(top, ["months", "notices", "year"]);
        assert_eq!(v["months"].as_array().unwrap().len(), 12);
        let notices = v["notices"].as_array().unwrap();
        assert_eq!(notices.len(), plan.notices.len());
        assert!(notices.iter().any(|n| n.as_str().unwrap().contains("every month of 2025 is planned at 0")), "{v}");
    }

    #[test]
    fn the_progress_line_says_how_much_is_read_then_what_is_done() {
        let p = raw::Progress::default();
        p.set_total(124_000_000);
        p.read(31_000_000);
        // 31 of 124 MB: a quarter.
        assert_eq!(progress_line(&p), "Reading exports…  25 % (31 of 124 MB)");
        p.read(93_000_000);
        p.set_stage(raw::Stage::Joining);
        assert_eq!(progress_line(&p), "Joining the exports…");
    }

    #[test]
    fn terminal_tables_show_the_clinics_currency() {
        let mut project = demo::demo_project();
        project.settings.currency = "USD".into();
        let kpis = metrics::compute(&project, &metrics::Filter::default());
        let text = kpi_tables(&kpis, Locale::new(Lang::En, &project.settings.currency));
        assert!(text.contains("\u{a0}$") && !text.contains('₽'), "{text}");
    }

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
        let cli =
            Cli::try_parse_from(["medfunnel", "report", "x.xlsx", "-o", "r.xlsx", "--lang", "en", "--to", "2026-06"])
                .unwrap();
        match cli.command {
            Some(Command::Report(a)) => {
                assert_eq!((a.lang, a.output.as_path()), (Lang::En, Path::new("r.xlsx")));
                assert_eq!(a.source.to, Month::new(2026, 6));
            }
            other => panic!("{other:?}"),
        }
        assert!(Cli::try_parse_from(["medfunnel", "report", "--lang", "de"]).is_err());
        match Cli::try_parse_from(["medfunnel", "report", "--lang", "zh"]).unwrap().command {
            Some(Command::Report(a)) => assert_eq!(a.lang, Lang::Zh),
            other => panic!("{other:?}"),
        }
        match Cli::try_parse_from(["medfunnel", "plan", "--lang", "ru"]).unwrap().command {
            Some(Command::Plan(a)) => assert_eq!(a.lang, Lang::Ru),
            other => panic!("{other:?}"),
        }
        match Cli::try_parse_from(["medfunnel", "plan"]).unwrap().command {
            Some(Command::Plan(a)) => assert_eq!(a.lang, Lang::En, "machine-friendly English by default"),
            other => panic!("{other:?}"),
        }
        assert!(
            Cli::try_parse_from(["medfunnel", "allocate", "--budget", "1 000 000", "--tiers", "80/15/10"]).is_err()
        );
        assert!(
            Cli::try_parse_from(["medfunnel", "allocate", "--budget", "1 000 000", "--tiers", "0.8/0.15/0.05"]).is_ok()
        );
        match Cli::try_parse_from(["medfunnel", "allocate", "--budget", "500000", "--free"]).unwrap().command {
            Some(Command::Allocate(a)) => assert!(a.free && a.budget == 500_000.0),
            other => panic!("{other:?}"),
        }
        let open = Cli::try_parse_from(["medfunnel", "clinic.xlsx"]).unwrap();
        assert!(open.command.is_none() && open.file.is_some());
    }
}
