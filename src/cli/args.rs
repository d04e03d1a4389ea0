//! The command line, declared with clap. The doc comments here are the `--help`
//! text in Vietnamese, the default language; [`english`] replaces them when the
//! command line asks for `--lang en`, so every word a user reads follows `--lang`.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::messages::Lang;

use clap::{ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// baocao — kiểm tra biểu kết quả của các đơn vị và tổng hợp thành báo cáo kết quả
/// thực hiện Kế hoạch tuyên truyền cải cách hành chính (.docx).
#[derive(Debug, Parser)]
#[command(
    name = "baocao",
    version,
    propagate_version = true,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Lệnh",
    next_help_heading = "Tùy chọn"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command accepts.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Tùy chọn chung")]
pub struct GlobalArgs {
    /// Ngôn ngữ của thông báo: vi (mặc định) hoặc en.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
    /// Tệp kế hoạch của năm (JSON).
    #[arg(
        long,
        global = true,
        value_name = "TỆP",
        default_value = crate::plan::DEFAULT_PATH
    )]
    pub plan: PathBuf,
    /// Tệp văn bản cố định của báo cáo (JSON): tên cơ quan, người ký, nơi nhận…
    #[arg(
        long,
        global = true,
        value_name = "TỆP",
        default_value = crate::report::texts::DEFAULT_PATH
    )]
    pub texts: PathBuf,
    /// Tệp từ ngữ (JSON): tên cột, cách ghi tình trạng, thời gian, đơn vị tính.
    #[arg(
        long,
        global = true,
        value_name = "TỆP",
        default_value = crate::vocabulary::DEFAULT_PATH
    )]
    pub vocabulary: PathBuf,
    /// In hướng dẫn sử dụng.
    #[arg(short = 'h', long, global = true, action = ArgAction::Help)]
    pub help: Option<bool>,
    /// In số phiên bản.
    #[arg(short = 'V', long, action = ArgAction::Version)]
    pub version: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Kiểm tra một hoặc nhiều biểu kết quả theo kế hoạch (từng tệp riêng).
    Check(CheckArgs),
    /// Kiểm tra mọi biểu trong thư mục và ghi báo cáo tổng hợp (.docx).
    Compile(CompileArgs),
    /// Tạo biểu mẫu (.xlsx) đã điền sẵn để đơn vị nhập kết quả.
    Template(TemplateArgs),
    /// In kế hoạch: nhiệm vụ, đơn vị chủ trì/phối hợp, thời gian, thời hạn, việc mỗi đơn vị phải báo cáo.
    Plan(PlanArgs),
    /// Giải thích một mã lỗi/cảnh báo (ví dụ E104), kèm ví dụ và cách sửa.
    Explain(ExplainArgs),
    /// Chạy trang web cho các đơn vị kiểm tra, nộp biểu và cho văn phòng tổng hợp.
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
    /// Tạo trang kiểm tra biểu (một tệp .html) gửi các đơn vị: kiểm tra ngay trong trình duyệt, không cần mạng.
    Page(PageArgs),
}

#[derive(Debug, Args)]
pub struct PageArgs {
    /// Tệp trang cần ghi. Mặc định: output/kiem-tra-bieu-<năm>.html.
    #[arg(long, value_name = "TỆP")]
    pub output: Option<PathBuf>,
}

#[cfg(feature = "serve")]
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Địa chỉ và cổng để phục vụ (0.0.0.0:8080 để các máy trong mạng truy cập).
    #[arg(long, value_name = "ĐỊA_CHỈ", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Thư mục lưu các tệp đã nộp và sổ ghi (cơ sở dữ liệu).
    #[arg(long, value_name = "THƯ_MỤC", default_value = "data")]
    pub data: PathBuf,
    /// Đặt mật khẩu văn phòng (nhập hai lần) rồi thoát.
    #[arg(long)]
    pub set_password: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Các tệp biểu kết quả cần kiểm tra (.xlsx, .xlsm, .xls, .ods).
    #[arg(required = true, value_name = "TỆP")]
    pub files: Vec<PathBuf>,
    /// Coi mọi tệp là của đơn vị này (mã đơn vị, ví dụ TTUD).
    #[arg(long, value_name = "MÃ")]
    pub unit: Option<String>,
    /// Dạng kết quả: text (cho người đọc) hoặc json (cho chương trình).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Nói thêm chi tiết (trang tính không đọc, nguyên nhân lỗi đọc tệp).
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct CompileArgs {
    /// Thư mục chứa biểu kết quả của các đơn vị.
    #[arg(long, value_name = "THƯ_MỤC", default_value = "input")]
    pub input: PathBuf,
    /// Tệp báo cáo cần ghi. Mặc định: output/bao-cao-cchc-<năm>.docx.
    #[arg(long, value_name = "TỆP")]
    pub output: Option<PathBuf>,
    /// Vẫn ghi báo cáo khi có lỗi, bỏ qua các tệp và dòng có lỗi (báo cáo nêu rõ).
    #[arg(long)]
    pub partial: bool,
    /// Ngày của báo cáo (YYYY-MM-DD). Mặc định: để trống ngày, tháng và năm theo
    /// thời hạn báo cáo của kế hoạch.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<chrono::NaiveDate>,
    /// Dạng kết quả: text (cho người đọc) hoặc json (cho chương trình).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Nói thêm chi tiết (trang tính không đọc, nguyên nhân lỗi đọc tệp).
    #[arg(short, long)]
    pub verbose: bool,
    /// Không ghi bảng tính tổng hợp (.xlsx) bên cạnh báo cáo.
    #[arg(long)]
    pub no_workbook: bool,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("who").required(true).args(["unit", "all"])))]
pub struct TemplateArgs {
    /// Mã đơn vị (ví dụ TTUD).
    #[arg(long, value_name = "MÃ")]
    pub unit: Option<String>,
    /// Tạo biểu mẫu cho mọi đơn vị của kế hoạch, vào thư mục --output.
    #[arg(long, requires = "output")]
    pub all: bool,
    /// Tệp cần ghi (với --unit) hoặc thư mục (với --all).
    #[arg(long, value_name = "ĐƯỜNG_DẪN")]
    pub output: Option<PathBuf>,
    /// Ghi đè tệp đã có.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Dạng kết quả: text (cho người đọc) hoặc json (cho chương trình).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Mã cần giải thích, ví dụ E104.
    #[arg(value_name = "MÃ")]
    pub code: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// `--lang vi|en`: the library's [`Lang`] as a command-line value.
impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &[Lang::Vi, Lang::En]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }))
    }
}

impl Cli {
    /// Parses the command line, with the help text in the language it asks for.
    pub fn parse_args<I, T>(argv: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let argv: Vec<OsString> = argv.into_iter().map(Into::into).collect();
        let lang = requested_lang(&argv);
        let mut cmd = Cli::command();
        if lang == Lang::En {
            cmd = english(cmd);
        }
        let cmd = headings(cmd, lang);
        let matches = cmd.try_get_matches_from(argv)?;
        Cli::from_arg_matches(&matches)
    }
}

/// The `--lang` the command line asks for, read before parsing so that `--help`
/// and parse errors can follow it.
pub fn requested_lang(argv: &[OsString]) -> Lang {
    let mut lang = Lang::Vi;
    let mut it = argv.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => it.next().map(|v| v.to_string()),
            None => None,
        };
        if let Some(v) = value {
            lang = if v.eq_ignore_ascii_case("en") {
                Lang::En
            } else {
                Lang::Vi
            };
        }
    }
    lang
}

/// The usage and arguments headings in the language, on every command (clap
/// writes them in English otherwise).
fn headings(cmd: clap::Command, lang: Lang) -> clap::Command {
    let (usage, arguments, options) = match lang {
        Lang::Vi => ("Cách dùng:", "Tham số", "Tùy chọn"),
        Lang::En => ("Usage:", "Arguments", "Options"),
    };
    let one = move |c: clap::Command| {
        let positionals: Vec<String> = c
            .get_positionals()
            .map(|a| a.get_id().to_string())
            .collect();
        let mut c = c.help_template(format!("{{about}}\n\n{usage} {{usage}}\n\n{{all-args}}"));
        let unheaded: Vec<String> = c
            .get_arguments()
            .filter(|a| !a.is_positional() && a.get_help_heading().is_none())
            .map(|a| a.get_id().to_string())
            .collect();
        for id in positionals {
            c = c.mut_arg(id, |a| a.help_heading(arguments));
        }
        for id in unheaded {
            c = c.mut_arg(id, |a| a.help_heading(options));
        }
        c
    };
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut cmd = one(cmd);
    for name in subs {
        cmd = cmd.mut_subcommand(name, one);
    }
    cmd
}

/// English value names, by the Vietnamese ones.
const VALUE_NAMES_EN: &[(&str, &str)] = &[
    ("TỆP", "FILE"),
    ("MÃ", "CODE"),
    ("THƯ_MỤC", "DIR"),
    ("ĐƯỜNG_DẪN", "PATH"),
    ("ĐỊA_CHỈ", "ADDRESS"),
];

/// English help: (argument or command id, text). `""` is the top-level about.
const HELP_EN: &[(&str, &str)] = &[
    ("", "baocao — checks the units' results spreadsheets and compiles them into the report on the administrative-reform communication plan (.docx)."),
    ("lang", "Language of messages: vi (default) or en."),
    ("plan", "The year's plan file (JSON)."),
    ("texts", "The report's fixed texts (JSON): agency names, signer, distribution list…"),
    ("vocabulary", "The words units write (JSON): column labels, status words, period phrases, units of measure."),
    ("help", "Print help."),
    ("version", "Print the version."),
    ("check", "Check one or more results spreadsheets against the plan, each on its own."),
    ("compile", "Check every spreadsheet in a folder and write the consolidated report (.docx)."),
    ("template", "Write the pre-filled spreadsheet (.xlsx) a unit fills in."),
    ("plan-cmd", "Print the plan: tasks, lead/coordinating units, timelines, deadlines, what each unit must report."),
    ("explain", "Explain a finding code (e.g. E104) at length, with an example and the fix."),
    ("files", "The spreadsheets to check (.xlsx, .xlsm, .xls, .ods)."),
    ("unit", "Treat every file as this unit's (a unit code such as TTUD)."),
    ("format", "Output format: text (for people) or json (for programs)."),
    ("verbose", "Say more (sheets not read, why a file could not be read)."),
    ("input", "Folder of the units' spreadsheets."),
    ("output", "The report to write. Default: output/bao-cao-cchc-<year>.docx."),
    ("partial", "Write the report even with errors, leaving out the files and rows in error (the report says so)."),
    ("no_workbook", "Do not write the workbook (.xlsx) beside the report."),
    ("date", "The report's date (YYYY-MM-DD). Default: day left blank, month and year of the plan's report deadline."),
    ("template.unit", "The unit's code (e.g. TTUD)."),
    ("all", "One template per unit of the plan, into the folder given by --output."),
    ("template.output", "The file to write (with --unit) or the folder (with --all)."),
    ("force", "Overwrite existing files."),
    ("code", "A finding code, e.g. E104."),
    ("serve", "Run the web page where units check and send their spreadsheets and the office compiles the report."),
    ("bind", "Address and port to serve on (0.0.0.0:8080 for the other computers of the network)."),
    ("data", "Folder of the submitted files and the ledger (database)."),
    ("set_password", "Set the office password (typed twice), then exit."),
    ("page", "Write the spreadsheet check page (one .html file) for the units: it checks in the browser, offline."),
    ("page.output", "The page to write. Default: output/kiem-tra-bieu-<year>.html."),
];

fn en(id: &str) -> &'static str {
    HELP_EN
        .iter()
        .find(|(k, _)| *k == id)
        .map(|(_, v)| *v)
        .unwrap_or_else(|| panic!("no English help for {id:?} (tested)"))
}

/// The command with its help in English.
pub fn english(cmd: clap::Command) -> clap::Command {
    let args = |mut c: clap::Command, prefix: &str| {
        let ids: Vec<String> = c.get_arguments().map(|a| a.get_id().to_string()).collect();
        for id in ids {
            let key = format!("{prefix}{id}");
            let text = HELP_EN
                .iter()
                .find(|(k, _)| *k == key)
                .or_else(|| HELP_EN.iter().find(|(k, _)| *k == id))
                .map(|(_, v)| *v)
                .unwrap_or_else(|| panic!("no English help for {id:?} (tested)"));
            c = c.mut_arg(id, |a| {
                let names: Vec<clap::builder::Str> = a
                    .get_value_names()
                    .unwrap_or_default()
                    .iter()
                    .map(|n| {
                        let en = VALUE_NAMES_EN.iter().find(|(vi, _)| n.as_str() == *vi);
                        en.map_or_else(|| n.clone(), |(_, e)| clap::builder::Str::from(*e))
                    })
                    .collect();
                let a = a.help(text).help_heading(None::<&str>);
                if names.is_empty() {
                    a
                } else {
                    a.value_names(names)
                }
            });
        }
        c
    };
    let mut cmd = args(cmd, "")
        .about(en(""))
        .subcommand_help_heading("Commands")
        .next_help_heading("Options");
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let about_key = if name == "plan" { "plan-cmd" } else { &name };
        let about = en(about_key);
        let prefix = format!("{name}.");
        cmd = cmd.mut_subcommand(&name, |s| args(s.about(about), &prefix));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the text has a letter only Vietnamese uses.
    fn is_vietnamese(s: &str) -> bool {
        s.chars()
            .any(|c| "ăâđêôơưĂÂĐÊÔƠƯ".contains(c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c))
    }

    #[test]
    fn vietnamese_help_by_default() {
        let help = Cli::command().render_long_help().to_string();
        assert!(
            help.contains("Kiểm tra một hoặc nhiều biểu kết quả"),
            "{help}"
        );
        assert!(help.contains("Tùy chọn chung"), "{help}");
    }

    #[test]
    fn lang_is_read_before_parsing() {
        let v = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(requested_lang(&v(&["baocao", "check", "x"])), Lang::Vi);
        assert_eq!(
            requested_lang(&v(&["baocao", "--lang", "en", "check"])),
            Lang::En
        );
        assert_eq!(
            requested_lang(&v(&["baocao", "check", "--lang=en"])),
            Lang::En
        );
    }

    #[test]
    fn every_argument_and_command_has_english_help() {
        let cmd = english(Cli::command());
        let mut all = vec![cmd.clone()];
        all.extend(cmd.get_subcommands().cloned());
        for c in &all {
            for a in c.get_arguments() {
                let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
                assert!(
                    !is_vietnamese(&help),
                    "{} {}: {help}",
                    c.get_name(),
                    a.get_id()
                );
            }
            let about = c.get_about().map(|h| h.to_string()).unwrap_or_default();
            assert!(!about.is_empty() && !is_vietnamese(&about), "{about}");
        }
    }

    #[test]
    fn parses_like_clap() {
        let cli = Cli::parse_args(["baocao", "--lang", "en", "compile", "--partial"]).unwrap();
        assert_eq!(cli.global.lang, Lang::En);
        assert!(matches!(cli.command, Command::Compile(ref a) if a.partial));
    }
}
