//! The command line, declared with clap. The doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// baocao — tổng hợp biểu kết quả của các đơn vị thành báo cáo kết quả thực hiện
/// Kế hoạch tuyên truyền cải cách hành chính (.docx), và kiểm tra từng biểu trước khi gửi.
///
/// baocao — compiles the units' results spreadsheets into the consolidated report on
/// the administrative-reform communication plan, and checks each spreadsheet first.
#[derive(Debug, Parser)]
#[command(name = "baocao", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command accepts.
#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// Language of messages: vi (default) or en.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
    /// The year's plan (JSON). Default: templates/plan.json.
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        default_value = "templates/plan.json"
    )]
    pub plan: PathBuf,
    /// The report's fixed texts (JSON). Default: templates/texts.json.
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        default_value = "templates/texts.json"
    )]
    pub texts: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check one or more unit spreadsheets against the plan, each on its own.
    Check(CheckArgs),
    /// Check every spreadsheet in a folder and write the consolidated report (.docx).
    Compile(CompileArgs),
    /// Write the pre-filled spreadsheet a unit fills in (.xlsx).
    Template(TemplateArgs),
    /// Print the plan: tasks, units, timelines, deadlines, what each unit reports.
    Plan(PlanArgs),
    /// Explain a finding code (e.g. E104) at length, with an example and the fix.
    Explain(ExplainArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The spreadsheets to check (.xlsx, .xlsm, .xls, .ods).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Treat every file as this unit's (a unit code such as TTUD).
    #[arg(long, value_name = "CODE")]
    pub unit: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Also say which sheets were ignored and other details.
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct CompileArgs {
    /// Folder of the units' spreadsheets.
    #[arg(long, value_name = "DIR", default_value = "input")]
    pub input: PathBuf,
    /// The report to write. Default: output/bao-cao-cchc-<year>.docx.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write the report even with errors, leaving out the files and rows in error.
    #[arg(long)]
    pub partial: bool,
    /// The report's date (YYYY-MM-DD). Default: day left blank, month and year of the
    /// plan's report deadline.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<chrono::NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Also say which sheets were ignored and other details.
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("who").required(true).args(["unit", "all"])))]
pub struct TemplateArgs {
    /// The unit's code (e.g. TTUD).
    #[arg(long, value_name = "CODE")]
    pub unit: Option<String>,
    /// One template per unit of the plan, into the folder given by --output.
    #[arg(long, requires = "output")]
    pub all: bool,
    /// The file to write (with --unit) or the folder (with --all).
    #[arg(long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Overwrite existing files.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A finding code, e.g. E104.
    pub code: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// The language of everything a user reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}
