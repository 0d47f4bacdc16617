//! The command line: `kpi`, `demo` and the rest. The binary only calls [`run`].

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::analysis::levers::{Base, RevenueTarget, SeekLevers, Snapshot};
use crate::format::{self, Lang, Locale};
use crate::i18n::{self, K, fill, tr};
use crate::import::raw::{self, JoinReport, RawInputs};
use crate::import::{ImportError, Imported, Problem, ProblemKind};
use crate::metrics::figure::{Figure, Figures};
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
        /// The language of the messages.
        #[command(flatten)]
        lang: LangArg,
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
        /// The language of the messages.
        #[command(flatten)]
        lang: LangArg,
    },
    /// Make the key in a file (written by `key export`) this computer's patient key.
    Import {
        /// The key file.
        file: PathBuf,
        /// The language of the messages.
        #[command(flatten)]
        lang: LangArg,
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
            Command::Key(KeyCommand::Export { file, .. }) => (vec![], vec![file.as_path()]),
            Command::Key(KeyCommand::Import { file, .. }) => (vec![file.as_path()], vec![]),
        }
    }

    /// The language the command prints in: its `--lang`, else the documented default (`report`
    /// Russian, `plan` English), else the system's. `meeting` opens the app, which has its own.
    fn lang(&self) -> Lang {
        match self {
            Command::Report(a) => a.lang.or(Lang::Ru),
            Command::Plan(a) => a.lang.or(Lang::En),
            Command::Kpi(KpiArgs { lang, .. })
            | Command::Whatif(WhatifArgs { lang, .. })
            | Command::Levers(LeversArgs { lang, .. })
            | Command::Goalseek(GoalseekArgs { lang, .. })
            | Command::Allocate(AllocateArgs { lang, .. })
            | Command::Import(ImportArgs { lang, .. })
            | Command::Demo { lang, .. }
            | Command::Key(KeyCommand::Export { lang, .. } | KeyCommand::Import { lang, .. }) => lang.or_system(),
            Command::Meeting { .. } => i18n::system_lang(),
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

/// The language of the words a command prints: its tables, sentences, notices and the import's
/// problems (JSON stays English whatever it says). One flag, the same on every command.
#[derive(Args, Debug, Clone, Copy, Default)]
pub struct LangArg {
    /// Language of the tables, notices and problems: ru, en or zh. Default: the system's language
    /// (LC_ALL, LC_MESSAGES, LANG: ru… → ru, zh… → zh, else en); `report`: ru; `plan`: en.
    #[arg(long = "lang", value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

impl LangArg {
    /// The language asked for, else the system's ([`i18n::system_lang`]): the default of every
    /// command whose default is not documented otherwise.
    pub fn or_system(self) -> Lang {
        self.lang.unwrap_or_else(i18n::system_lang)
    }

    /// The language asked for, else `default` (`report`'s Russian, `plan`'s English: documented).
    pub fn or(self, default: Lang) -> Lang {
        self.lang.unwrap_or(default)
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
    /// The language of the problems.
    #[command(flatten)]
    pub lang: LangArg,
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
    /// The language of the tables and notices.
    #[command(flatten)]
    pub lang: LangArg,
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
    /// The report's language (default ru).
    #[command(flatten)]
    pub lang: LangArg,
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
    /// The language of the warnings, the notices and the table (default en).
    #[command(flatten)]
    pub lang: LangArg,
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
    /// Print JSON (keys and notices in English whatever --lang says).
    #[arg(long)]
    pub json: bool,
    /// The language of the tables and notices.
    #[command(flatten)]
    pub lang: LangArg,
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
    /// Print JSON (keys and notices in English whatever --lang says).
    #[arg(long)]
    pub json: bool,
    /// The language of the tables and notices.
    #[command(flatten)]
    pub lang: LangArg,
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
    /// Print JSON (keys and notices in English whatever --lang says).
    #[arg(long)]
    pub json: bool,
    /// The language of the tables and notices.
    #[command(flatten)]
    pub lang: LangArg,
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
    /// Print JSON (keys and notices in English whatever --lang says).
    #[arg(long)]
    pub json: bool,
    /// The language of the tables and notices.
    #[command(flatten)]
    pub lang: LangArg,
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

impl CliError {
    /// The error in `lang`: English is the error's own text.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            CliError::Store(e) if lang != Lang::En => i18n::store_error(e, lang),
            CliError::Report(e) => e.in_lang(lang),
            other => other.to_string(),
        }
    }
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
            let lang = command.lang();
            let about = inputs
                .first()
                .or(outputs.first())
                .map_or_else(|| tr(lang, K::CliTheDemo).to_string(), |p| format!("«{}»", p.display()));
            std::panic::set_hook(Box::new(|_| {}));
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| execute(command))) {
                Ok(Ok(code)) => code,
                Ok(Err(e)) => {
                    eprintln!("medfunnel: {}", crate::import::redact::message(&e.in_lang(lang)));
                    ExitCode::from(1)
                }
                Err(_) => {
                    eprintln!("medfunnel: {}", fill(tr(lang, K::CliInternalError), &[("about", &about)]));
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
    let lang = command.lang();
    match command {
        Command::Kpi(args) => kpi(&args, lang),
        Command::Plan(args) => plan(&args, lang),
        Command::Report(args) => write_report(&args, lang),
        Command::Whatif(args) => whatif(&args, lang),
        Command::Levers(args) => levers(&args, lang),
        Command::Goalseek(args) => goalseek(&args, lang),
        Command::Allocate(args) => allocate(&args, lang),
        Command::Import(args) => import(&args, lang),
        Command::Meeting { file } => Ok(open_app_with(file, true)),
        Command::Demo { output, calls_journal, branches, .. } => {
            let output = output.or_else(|| calls_journal.is_none().then(|| PathBuf::from("medfunnel-demo.xlsx")));
            if let Some(output) = output {
                let project = if branches { demo::demo_chain() } else { demo::demo_project() };
                report::template::write_template(&project, &output)?;
                eprintln!("{}", fill(tr(lang, K::CliWroteDemo), &[("file", &output.display().to_string())]));
            }
            if let Some(path) = calls_journal {
                let file = path.display().to_string();
                crate::store::write_atomic_io(&path, demo::calls_journal_csv().as_bytes()).map_err(|e| {
                    let why = i18n::io_reason(&e, lang);
                    CliError::Message(fill(tr(lang, K::ReportSave), &[("file", &file), ("why", &why)]))
                })?;
                eprintln!("{}", fill(tr(lang, K::CliWroteCallJournal), &[("file", &file)]));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Key(KeyCommand::Export { file, .. }) => {
            let fp = raw::key::export_key(&file).map_err(|e| key_error(e, lang))?;
            let file = file.display().to_string();
            eprintln!("{}", fill(tr(lang, K::CliKeyExported), &[("fp", &fp), ("file", &file)]));
            Ok(ExitCode::SUCCESS)
        }
        Command::Key(KeyCommand::Import { file, .. }) => {
            let fp = raw::key::import_key(&file).map_err(|e| key_error(e, lang))?;
            let file = file.display().to_string();
            eprintln!("{}", fill(tr(lang, K::CliKeyImported), &[("fp", &fp), ("file", &file)]));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A patient key that cannot be written or read, in `lang`.
fn key_error(e: raw::key::KeyError, lang: Lang) -> CliError {
    CliError::Message(i18n::raw_error(&raw::RawError::Key(e), lang))
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

/// Opens the file (or the demo) and prints the import's problems on stderr in `lang` (the
/// command's `--lang`).
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
        .map_err(|e| CliError::Message(i18n::raw_error(&e, lang)))?;
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
    /// Loads the clinic with its raw exports joined in (see [`load_with_raw`]), printing the
    /// problems in `lang` (the command's `--lang`).
    ///
    /// # Errors
    /// Besides the loader's: a `--branch` that names no branch of the data, listing the known ones.
    pub fn load_in(&self, lang: Lang) -> Result<Loaded, CliError> {
        let loaded = load_with_raw(self.file.as_deref(), &self.raw, lang).map(|(loaded, _)| loaded)?;
        if let Some(b) = &self.branch {
            metrics::branches::resolve_branch(&loaded.project, b)
                .map_err(|e| CliError::Message(i18n::branch_error(&e, lang)))?;
        }
        Ok(loaded)
    }

    /// Loads the clinic as the decision commands (levers, whatif, goalseek, allocate) read it: under
    /// `--branch`, the branch's own view (its rows, its share of the chain's shared spend, the chain's
    /// as-of day), with a filter that has no branch left to apply.
    ///
    /// # Errors
    /// As [`Source::load_in`].
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

fn kpi(args: &KpiArgs, lang: Lang) -> Result<ExitCode, CliError> {
    let loaded = args.source.load_in(lang)?;
    let kpis = metrics::compute(&loaded.project, &args.source.filter());
    // The prefixes stay English in every language: scripts grep for them.
    for n in &kpis.notices {
        eprintln!("notice: {}", i18n::kpi_notice(n, lang));
    }
    if args.json {
        print_json(&kpis)?;
    } else {
        print!("{}", kpi_tables(&kpis, Locale::new(lang, &loaded.project.settings.currency)));
    }
    let code = loaded.exit_code();
    // A million joined visits are freed on a thread of their own: the process ends without
    // waiting for it (the system takes the memory back at once).
    std::thread::spawn(move || drop(loaded));
    Ok(code)
}

fn write_report(args: &ReportArgs, lang: Lang) -> Result<ExitCode, CliError> {
    let loaded = args.source.load_in(lang)?;
    report::write_report(&loaded.project, &args.source.filter(), lang, &args.output)?;
    eprintln!("{}", fill(tr(lang, K::CliWroteReport), &[("file", &args.output.display().to_string())]));
    Ok(loaded.exit_code())
}

/// Saves a project where the user asked: a project file, or a template workbook for `.xlsx`; says
/// so in `lang`.
pub fn save_to(project: &Project, path: &Path, lang: Lang) -> Result<(), CliError> {
    let file = path.display().to_string();
    if store::is_project_file(path) {
        store::save_project(project, path)?;
    } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) {
        report::template::write_template(project, path)?;
    } else {
        return Err(CliError::Message(fill(
            tr(lang, K::CliChooseFile),
            &[("file", &file), ("ext", store::PROJECT_EXTENSION)],
        )));
    }
    eprintln!("{}", fill(tr(lang, K::CliWrote), &[("file", &file)]));
    Ok(())
}

fn import(args: &ImportArgs, lang: Lang) -> Result<ExitCode, CliError> {
    if args.raw.is_empty() {
        return Err(CliError::Message(tr(lang, K::CliImportNeedsExport).to_string()));
    }
    let (loaded, report) = load_with_raw(args.template.as_deref(), &args.raw, lang)?;
    if let Some(r) = &report {
        // All or nothing: a project is never saved with less data because an input failed.
        if !r.unread.is_empty() {
            let files: Vec<String> = r.unread.iter().map(|f| format!("«{f}»")).collect();
            let key = if files.len() == 1 { K::CliNothingSavedOne } else { K::CliNothingSavedMany };
            let output = args.output.display().to_string();
            return Err(CliError::Message(fill(tr(lang, key), &[("output", &output), ("files", &files.join(", "))])));
        }
        eprintln!("{}", join_summary(r, lang));
    }
    save_to(&loaded.project, &args.output, lang)?;
    Ok(loaded.exit_code())
}

/// One line of counts after a join, for the terminal, in `lang` (a count before its noun takes the
/// noun's plural form: 1 лид, 2 лида, 5 лидов).
pub fn join_summary(r: &JoinReport, lang: Lang) -> String {
    use i18n::plural::nouns;
    let n = |x: usize| format::count(Some(x as f64), lang);
    fill(
        tr(lang, K::CliJoinSummary),
        &[
            ("leads", &n(r.leads)),
            ("leads_noun", nouns::LEADS.form(r.leads as u64, lang)),
            ("counted", &n(r.counted)),
            ("duplicates", &n(r.duplicates)),
            ("returning", &n(r.returning)),
            ("leads_no_phone", &n(r.leads_without_phone)),
            ("visits", &n(r.visits)),
            ("visits_noun", nouns::VISITS.form(r.visits as u64, lang)),
            ("matched", &n(r.matched_visits)),
            ("visits_no_phone", &n(r.visits_without_phone)),
            ("patients", &n(r.patients)),
            ("spend_rows", &n(r.spend_rows)),
            ("calls", &n(r.calls)),
            ("calls_noun", nouns::CALLS.form(r.calls as u64, lang)),
            ("contacts", &n(r.contacts)),
            ("unknown", &n(r.unknown_sources.len())),
        ],
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
            notices: plan.notices.iter().map(|n| i18n::plan_notice(n, Lang::En)).collect(),
        }
    }
}

fn plan(args: &PlanArgs, lang: Lang) -> Result<ExitCode, CliError> {
    if args.source.branch.is_some() && args.output.is_some() {
        // One branch's plan written alone would replace the whole chain's rows of that year.
        return Err(CliError::Message(tr(lang, K::ErrPlanBranchOutput).to_string()));
    }
    let (mut loaded, _) = args.source.load_scoped_in(lang)?;
    let year = args.year.unwrap_or_else(|| analysis::plan::default_year(&loaded.project));
    let mut input = analysis::plan::PlanInput::new(year);
    input.growth = args.growth;
    input.growth_by_direction = args.growth_direction.iter().cloned().collect();
    input.marketing_share = args.marketing_share;
    input.tiers = args.tiers;
    // The prefixes stay English in every language: scripts grep for them.
    for w in input.warnings() {
        eprintln!("warning: {}", i18n::plan_warning(&w, lang));
    }
    let plan = analysis::plan::build_plan(&loaded.project, &input);
    for n in &plan.notices {
        eprintln!("notice: {}", i18n::plan_notice(n, lang));
    }
    if args.json {
        print_json(&PlanJson::of(&plan))?;
    } else {
        let loc = Locale::new(lang, &loaded.project.settings.currency);
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
        print!("{}", text_table(&headers(&[K::Month, K::RevenuePlan, K::BudgetPlan], lang), &rows));
    }
    if let Some(out) = &args.output {
        analysis::plan::apply_plan(&mut loaded.project, &plan);
        save_to(&loaded.project, out, lang)?;
    }
    Ok(loaded.exit_code())
}

/// A what-if, ranking or goal seek that cannot be done, in `lang`.
fn lever_error(e: analysis::levers::LeverError, lang: Lang) -> CliError {
    CliError::Message(i18n::lever_error(&e, lang))
}

/// A budget that cannot be allocated, in `loc`'s language (English: the error's own text).
fn alloc_error(e: analysis::allocate::AllocError, loc: Locale) -> CliError {
    CliError::Message(i18n::alloc_error(&e, loc))
}

fn whatif(args: &WhatifArgs, lang: Lang) -> Result<ExitCode, CliError> {
    let (loaded, filter) = args.source.load_scoped_in(lang)?;
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
    let outcome = Base::new(&loaded.project, &filter)
        .apply(&changes, args.scope.lead_cost())
        .map_err(|e| lever_error(e, lang))?;
    for w in &outcome.warnings {
        eprintln!("warning: {}", i18n::rate_warning(w, lang));
    }
    if args.json {
        print_json(&outcome)?;
    } else {
        let loc = Locale::new(lang, &loaded.project.settings.currency);
        print!("{}", snapshot_table(&outcome.before, &outcome.after, loc));
    }
    Ok(loaded.exit_code())
}

/// The before and after snapshots side by side, one figure a row.
fn snapshot_table(before: &Snapshot, after: &Snapshot, loc: Locale) -> String {
    let lang = loc.lang;
    let (m, p, r) = (|x| format::money(x, loc), |x| format::percent(x, lang), |x| format::ratio(x, lang));
    type Row<'a> = (K, &'a dyn Fn(&Snapshot) -> String);
    let rows: [Row; 8] = [
        (K::Revenue, &|s| m(s.revenue)),
        (K::GrossProfit, &|s| m(s.gross_profit)),
        (K::Spend, &|s| m(s.spend)),
        (K::Profit, &|s| m(s.profit)),
        (K::Leads, &|s| format::count(s.leads, lang)),
        (K::Romi, &|s| p(s.romi)),
        (K::CardCac, &|s| m(s.cac)),
        (K::LtvToCac, &|s| r(s.ltv_to_cac)),
    ];
    let body: Vec<Vec<String>> =
        rows.iter().map(|(name, f)| vec![tr(lang, *name).to_string(), f(before), f(after)]).collect();
    text_table(&headers(&[K::Indicator, K::SnapshotBefore, K::SnapshotAfter], lang), &body)
}

/// `levers --json`: the +10 % sensitivity rows and the ranking by headroom.
#[derive(serde::Serialize)]
struct LeversJson<'a> {
    ranking: &'a [analysis::levers::LeverGain],
    headroom: &'a [analysis::headroom::HeadroomEntry],
}

fn levers(args: &LeversArgs, lang: Lang) -> Result<ExitCode, CliError> {
    let (loaded, filter) = args.source.load_scoped_in(lang)?;
    let ranking = Base::new(&loaded.project, &filter)
        .rank(args.change, args.scope.channel.as_deref(), args.scope.direction.as_deref(), args.scope.lead_cost())
        .map_err(|e| lever_error(e, lang))?;
    let headroom = analysis::headroom::headroom(&loaded.project, args.source.branch.as_deref());
    for n in &headroom.notices {
        eprintln!("notice: {}", i18n::analysis_notice(n, lang));
    }
    if args.json {
        print_json(&LeversJson { ranking: &ranking, headroom: &headroom.entries })?;
    } else {
        let loc = Locale::new(lang, &loaded.project.settings.currency);
        let t = |k| tr(lang, k);
        let rows: Vec<Vec<String>> = headroom
            .entries
            .iter()
            .map(|e| {
                let percent = e.lever != Lever::Leads && e.lever != Lever::RevenuePerPaid;
                let value = |x: f64| {
                    if percent { format::percent(Some(x), lang) } else { format::number(x, 0, lang) }
                };
                vec![
                    e.direction.clone().unwrap_or_else(|| t(K::WholeClinic).to_string()),
                    t(i18n::lever(e.lever)).to_string(),
                    i18n::owner_label(e.owner, lang).to_string(),
                    value(e.current),
                    value(e.target),
                    format!("{}..{}", e.window_first, e.window_last),
                    format::money(Some(e.revenue_gain), loc),
                    format::money(Some(e.profit_gain), loc),
                ]
            })
            .collect();
        println!("{}", title(t(K::HeadroomHeading)));
        let header = [
            K::ScopeCol,
            K::Lever,
            K::Owner,
            K::NowWord,
            K::BestWord,
            K::BestWindow,
            K::RevenueGainMonth,
            K::ProfitGainPerMonth,
        ];
        print!("{}", text_table(&headers(&header, lang), &rows));
        let rows: Vec<Vec<String>> = ranking
            .iter()
            .map(|g| {
                vec![
                    t(i18n::lever(g.lever)).to_string(),
                    i18n::owner_label(g.owner, lang).to_string(),
                    format::money(Some(g.revenue_gain), loc),
                    format::money(Some(g.spend_change), loc),
                    format::money(g.profit_gain, loc),
                    format::money(g.profit_gain_per_month, loc),
                ]
            })
            .collect();
        let sign = if args.change > 0.0 { "+" } else { "" };
        let change = format!("{sign}{}", format::percent(Some(args.change), lang));
        println!("\n{}", title(&fill(t(K::CliSensitivity), &[("change", &change)])));
        let header = [K::Lever, K::Owner, K::RevenueGain, K::SpendChange, K::ProfitGain, K::ProfitGainPerMonth];
        print!("{}", text_table(&headers(&header, lang), &rows));
    }
    Ok(loaded.exit_code())
}

fn goalseek(args: &GoalseekArgs, lang: Lang) -> Result<ExitCode, CliError> {
    let (loaded, filter) = args.source.load_scoped_in(lang)?;
    let loc = Locale::new(lang, &loaded.project.settings.currency);
    let t = |k| tr(lang, k);
    if let Some(month) = args.budget_for_plan {
        let target = metrics::revenue_plan_of(&loaded.project, month, None);
        let opts = analysis::allocate::AllocOptions { budget: 0.0, ..Default::default() };
        let answer = analysis::allocate::budget_for_revenue(&loaded.project, &filter, target, &opts)
            .map_err(|e| alloc_error(e, loc))?;
        if args.json {
            print_json(&answer)?;
        } else {
            let month = month.to_string();
            match (answer.reachable, answer.budget) {
                (true, Some(b)) => println!(
                    "{}",
                    fill(
                        t(K::CliBudgetForPlan),
                        &[
                            ("budget", &format::money(Some(b), loc)),
                            ("revenue", &format::money(Some(answer.revenue), loc)),
                            ("month", &month),
                            ("target", &format::money(Some(target), loc)),
                        ]
                    )
                ),
                _ => {
                    let why = answer.message.map(|m| i18n::analysis_notice(&m, lang)).unwrap_or_default();
                    println!("{}", fill(t(K::CliPlanOutOfReach), &[("month", &month), ("why", &why)]));
                }
            }
        }
        return Ok(loaded.exit_code());
    }
    let target = args.revenue.ok_or_else(|| CliError::Message(t(K::CliGiveRevenue).to_string()))?;
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
        .map_err(|e| lever_error(e, lang))?;
    if args.json {
        print_json(&answer)?;
    } else {
        let what = t(answer.lever.map_or(K::CliEachLever, i18n::lever));
        println!(
            "{}",
            fill(
                t(K::CliGoalAnswer),
                &[
                    ("what", what),
                    ("change", &format::percent(Some(answer.required_change), lang)),
                    ("rise", &format::percent(answer.attributed_rise, lang)),
                ]
            )
        );
        print!("{}", snapshot_table(&answer.before, &answer.after, loc));
    }
    Ok(loaded.exit_code())
}

fn allocate(args: &AllocateArgs, lang: Lang) -> Result<ExitCode, CliError> {
    let (loaded, filter) = args.source.load_scoped_in(lang)?;
    let opts = analysis::allocate::AllocOptions {
        budget: args.budget,
        min: args.min.iter().cloned().collect(),
        max: args.max.iter().cloned().collect(),
        tiers: args.tiers,
        free: args.free,
    };
    let loc = Locale::new(lang, &loaded.project.settings.currency);
    let a = analysis::allocate::allocate(&loaded.project, &filter, &opts).map_err(|e| alloc_error(e, loc))?;
    for n in &a.notices {
        eprintln!("notice: {}", i18n::analysis_notice(n, lang));
    }
    for w in &a.warnings {
        eprintln!("warning: {}", i18n::analysis_notice(w, lang));
    }
    if args.json {
        print_json(&a)?;
    } else {
        let (m, c) = (|x| format::money(x, loc), |x| format::count(x, lang));
        let rows: Vec<Vec<String>> = a
            .channels
            .iter()
            .map(|ch| {
                vec![
                    ch.channel.clone(),
                    tr(lang, i18n::tier(ch.tier)).to_string(),
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
        let header = [
            K::Channel,
            K::Tier,
            K::CurveB,
            K::MonthsUsed,
            K::SpendToday,
            K::Proposal,
            K::Leads,
            K::ColVisits,
            K::Revenue,
            K::GrossProfit,
            K::Romi,
        ];
        print!("{}", text_table(&headers(&header, lang), &rows));
        println!(
            "{} {} ({}: {})",
            tr(lang, K::ObjectiveWord),
            m(Some(a.objective)),
            tr(lang, K::TodayWord),
            m(Some(a.objective_today))
        );
    }
    Ok(loaded.exit_code())
}

/// The catalogue's words for a table's header, in `lang`.
fn headers(keys: &[K], lang: Lang) -> Vec<&'static str> {
    keys.iter().map(|k| tr(lang, *k)).collect()
}

/// A section's title as the terminal shows it: in capitals (Chinese has none, and stays as it is).
fn title(words: &str) -> String {
    words.to_uppercase()
}

/// Renders rows as an aligned text table (first column left, the rest right), measured in terminal
/// columns: a Chinese character takes two.
pub fn text_table(header: &[&str], rows: &[Vec<String>]) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.width());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
            let pad = w - c.width();
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

/// A terminal table's rows: each row's label cells, then `figures` in their units.
fn figure_rows<T: Figures>(
    rows: &[T],
    labels: impl Fn(&T) -> Vec<String>,
    figures: &[Figure],
    loc: Locale,
) -> Vec<Vec<String>> {
    rows.iter().map(|r| labels(r).into_iter().chain(figures.iter().map(|&f| r.figure_text(f, loc))).collect()).collect()
}

/// A terminal table's header: the label columns, then the figures' short names.
fn figure_headers(labels: &[K], figures: &[Figure], lang: Lang) -> Vec<&'static str> {
    labels.iter().copied().chain(figures.iter().map(|&f| i18n::figure_short(f))).map(|key| tr(lang, key)).collect()
}

/// The terminal view of `kpi` without `--json`, in `loc`'s language and number format.
pub fn kpi_tables(k: &Kpis, loc: Locale) -> String {
    use Figure::*;
    let lang = loc.lang;
    let t = |key| tr(lang, key);
    let m = |x| format::money(x, loc);
    let mut out = title(t(K::SheetMonths)) + "\n";
    let figures =
        [RevenuePlan, Revenue, PlanCompletion, Spend, Leads, BookingRate, ShowRate, PaidRate, Cpl, Cac, Romi, Forecast];
    let mut rows = figure_rows(&k.months, |r| vec![r.month.to_string()], &figures, loc);
    let mut total = figure_rows(std::slice::from_ref(&k.total.kpis), |_| vec![t(K::Total).into()], &figures, loc);
    // The period has no forecast: only the month in progress has one.
    total.iter_mut().for_each(|r| r.last_mut().into_iter().for_each(String::clear));
    rows.append(&mut total);
    out += &text_table(&figure_headers(&[K::Month], &figures, lang), &rows);
    out += &format!("\n{}\n", title(t(K::Channels)));
    let figures = [Spend, Leads, Visits, Paid, AttributedRevenue, Cpl, Cac, Roas, Romi];
    let rows = figure_rows(&k.channels, |r| vec![r.channel.clone(), t(i18n::tier(r.tier)).into()], &figures, loc);
    out += &text_table(&figure_headers(&[K::Channel, K::Tier], &figures, lang), &rows);
    out += &format!("\n{}\n", title(t(K::Directions)));
    let figures = [Margin, RevenuePlan, Revenue, PlanCompletion, Spend, Cac, Ltv, LtvToCac];
    let rows = figure_rows(&k.directions, |r| vec![r.direction.clone()], &figures, loc);
    out += &text_table(&figure_headers(&[K::Direction], &figures, lang), &rows);
    out += &format!("\n{}\n", title(t(K::SheetGaps)));
    let rows: Vec<Vec<String>> = k
        .gaps
        .iter()
        .map(|g| {
            let mut r = vec![g.month.to_string(), m(g.plan), m(g.fact)];
            r.extend(metrics::Factor::ALL.iter().map(|f| m(g.contributions.get(*f))));
            r.push(
                g.bottleneck
                    .map(|b| format!("{} ({})", i18n::factor_label(b, lang), i18n::owner_label(b.owner(), lang)))
                    .unwrap_or_default(),
            );
            r
        })
        .collect();
    let mut header = headers(&[K::Month, K::Plan, K::Fact], lang);
    header.extend(metrics::Factor::ALL.iter().map(|f| i18n::factor_label(*f, lang)));
    header.push(t(K::Bottleneck));
    out += &text_table(&header, &rows);
    if let Some(pr) = &k.progress {
        let month = pr.month.to_string();
        out += "\n";
        out += &fill(
            t(K::CliMonthInProgress),
            &[
                ("month", &month),
                ("to_date", &m(Some(pr.revenue_to_date))),
                ("forecast", &m(pr.forecast)),
                ("plan", &m(Some(pr.revenue_plan))),
                ("pace", &m(pr.required_pace)),
                ("current", &m(pr.current_pace)),
            ],
        );
        out += "\n";
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

    /// Latin words a Russian or Chinese table may show: the KPI abbreviations every marketer reads
    /// as they are, and the allocator curve's parameter.
    const SHARED: &[&str] = &["CPL", "CAC", "ROMI", "ROAS", "LTV", "b"];

    #[test]
    fn kpi_tables_speak_russian_and_chinese_with_the_locales_numbers() {
        let project = demo::demo_project();
        let kpis = metrics::compute(&project, &metrics::Filter::default());
        let ru = kpi_tables(&kpis, Locale::new(Lang::Ru, "RUB"));
        for heading in ["МЕСЯЦЫ", "КАНАЛЫ", "НАПРАВЛЕНИЯ", "РАЗРЫВЫ ВЫРУЧКИ", "Итого", "Узкое место", "Выполнение"]
        {
            assert!(ru.contains(heading), "{heading}: {ru}");
        }
        // Money grouped by no-break spaces and signed ₽, rates with a decimal comma.
        let spend = kpis.total.kpis.spend.unwrap();
        assert!(ru.contains(&format::money(Some(spend), Locale::new(Lang::Ru, "RUB"))), "{ru}");
        assert!(ru.contains("\u{a0}₽") && ru.contains(',') && ru.contains("\u{a0}%"), "{ru}");
        let zh = kpi_tables(&kpis, Locale::new(Lang::Zh, "RUB"));
        for heading in ["月度", "各渠道", "各科室", "营收缺口", "合计", "瓶颈"] {
            assert!(zh.contains(heading), "{heading}: {zh}");
        }
        let names: Vec<&str> = kpis.channels.iter().map(|c| c.channel.as_str()).collect();
        for text in [&ru, &zh] {
            let latin: Vec<&str> = text
                .lines()
                .filter(|l| !names.iter().any(|n| l.starts_with(n)))
                .flat_map(|l| l.split(|c: char| !c.is_ascii_alphabetic()))
                .filter(|w| !w.is_empty() && !SHARED.contains(w))
                .collect();
            assert!(latin.is_empty(), "{latin:?}");
        }
    }

    #[test]
    fn the_join_summary_counts_with_the_plural_of_each_language() {
        let r = JoinReport { leads: 21, visits: 3, calls: 1_205, contacts: 12, ..JoinReport::default() };
        let ru = join_summary(&r, Lang::Ru);
        // 21 лид (one), 3 визита (few), 1 205 звонков (many).
        assert!(ru.starts_with("Объединено: 21 лид ("), "{ru}");
        assert!(ru.contains("; 3 визита (") && ru.contains("; 1\u{a0}205 звонков (обращений: 12)"), "{ru}");
        let en = join_summary(&JoinReport { leads: 1, ..r.clone() }, Lang::En);
        assert!(
            en.starts_with("Joined: 1 lead (") && en.contains("; 3 visits (") && en.contains("1,205 calls"),
            "{en}"
        );
        let zh = join_summary(&r, Lang::Zh);
        assert!(zh.starts_with("已合并：21条线索") && zh.contains("3次就诊"), "{zh}");
    }

    #[test]
    fn table_aligns_columns() {
        let t = text_table(&["a", "bb"], &[vec!["long".into(), "1".into()]]);
        assert_eq!(t, "a     bb\n----  --\nlong   1\n");
        // 营收 is four columns wide in a terminal, as wide as "1234".
        let t = text_table(&["营收", "x"], &[vec!["1234".into(), "1".into()]]);
        assert_eq!(t, "营收  x\n----  -\n1234  1\n");
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
            Some(c @ Command::Report(_)) => {
                assert_eq!(c.lang(), Lang::En);
                let Command::Report(a) = c else { unreachable!() };
                assert_eq!(a.output.as_path(), Path::new("r.xlsx"));
                assert_eq!(a.source.to, Month::new(2026, 6));
            }
            other => panic!("{other:?}"),
        }
        assert!(Cli::try_parse_from(["medfunnel", "report", "--lang", "de"]).is_err());
        match Cli::try_parse_from(["medfunnel", "report", "--lang", "zh"]).unwrap().command {
            Some(c @ Command::Report(_)) => assert_eq!(c.lang(), Lang::Zh),
            other => panic!("{other:?}"),
        }
        match Cli::try_parse_from(["medfunnel", "plan", "--lang", "ru"]).unwrap().command {
            Some(c @ Command::Plan(_)) => assert_eq!(c.lang(), Lang::Ru),
            other => panic!("{other:?}"),
        }
        match Cli::try_parse_from(["medfunnel", "plan"]).unwrap().command {
            Some(Command::Plan(a)) => assert_eq!(a.lang.lang, None, "plan's documented default (en) applies"),
            other => panic!("{other:?}"),
        }
        // One flag on every command that prints words.
        for cmd in [
            "kpi",
            "levers",
            "whatif --lever leads=+5%",
            "goalseek --revenue +5%",
            "allocate --budget 1000",
            "import --leads l.csv -o x.xlsx",
        ] {
            let mut argv: Vec<&str> = vec!["medfunnel"];
            argv.extend(cmd.split(' '));
            argv.extend(["--lang", "zh"]);
            let parsed = Cli::try_parse_from(&argv).unwrap_or_else(|e| panic!("{cmd}: {e}"));
            let lang = match parsed.command {
                Some(Command::Kpi(a)) => a.lang,
                Some(Command::Levers(a)) => a.lang,
                Some(Command::Whatif(a)) => a.lang,
                Some(Command::Goalseek(a)) => a.lang,
                Some(Command::Allocate(a)) => a.lang,
                Some(Command::Import(a)) => a.lang,
                other => panic!("{other:?}"),
            };
            assert_eq!(lang.lang, Some(Lang::Zh), "{cmd}");
        }
        assert!(Cli::try_parse_from(["medfunnel", "kpi", "--lang", "fr"]).is_err());
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
