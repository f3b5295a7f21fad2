//! The `senshin-lint` binary: argument parsing only.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use senshin_lint::cli::{self, Color, Format};
use senshin_lint::diagnostics::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "senshin-lint", version = env!("SENSHIN_LINT_VERSION"), about = "Lint drafts of 「先進医療の実績報告」 (MHLW)")]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check report drafts and print their diagnostics.
    Check {
        /// Drafts to check: files, folders (every YAML report draft below them), or `-` for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The name to show for standard input (and to recognise it as a draft).
        #[arg(long)]
        stdin_filename: Option<String>,
        /// The configuration file (default: the nearest senshin-lint.toml above each checked file).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Skip files that are not report drafts (for hooks that pass every YAML file).
        #[arg(long)]
        drafts_only: bool,
        /// Apply the safe fixes (how values are written) and write the files back.
        #[arg(long)]
        fix: bool,
        /// Also apply the fixes that rewrite figures (review them: the other figure may be the wrong one).
        #[arg(long)]
        unsafe_fixes: bool,
        /// Show the fixes as a unified diff instead of writing them (exit status 1 when there are any).
        #[arg(long)]
        diff: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Language of messages (default: the configuration's, else the system's).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// When to use colours in human output.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
        /// Last year's draft, to check the figures restated from it (default: the draft's report.previous,
        /// else the configuration's previous).
        #[arg(long)]
        previous: Option<PathBuf>,
    },
    /// Print the documentation of a rule.
    Explain {
        rule: String,
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Run the language server on standard input and output.
    Lsp,
    /// Print a JSON Schema (2020-12) of the draft format, for yaml-language-server and other validators.
    Schema,
    /// Write a blank draft to fill in: every item with the report's label, the period and the history's years
    /// filled in from the year.
    New {
        /// The file to write (never over an existing one), or `-` for standard output.
        #[arg(default_value = "report.yaml")]
        file: PathBuf,
        /// The report's year: 令和7年度, R7 or 2025 (default: the last year that has ended).
        #[arg(long)]
        year: Option<String>,
        /// Begin next year's draft from last year's: the year advanced, ① and the history carried over, the
        /// technologies kept with their figures to fill.
        #[arg(long)]
        from: Option<PathBuf>,
        /// Language of what it prints (default: the system's).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Write the draft as the published report, an HTML page with every finding marked on its cell.
    Render {
        /// The draft to render.
        draft: PathBuf,
        /// The page to write (default: beside the draft, with .html), or `-` for standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The copy to publish: the findings are left out when the page is printed.
        #[arg(long)]
        publish: bool,
        /// The configuration file (default: the nearest senshin-lint.toml above the draft).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Language of the page around the report, and of what it prints (default: the system's).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Show the rendered report in the browser, updated whenever the draft is saved (served on this PC only).
    Preview {
        /// The draft to show.
        draft: PathBuf,
        /// Do not open a browser: only print the address.
        #[arg(long)]
        no_open: bool,
        /// The configuration file (default: the nearest senshin-lint.toml above the draft).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Language of the page around the report, and of what it prints (default: the system's).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Read a table (参考資料１・２, or 先－１－２'s Ａ・Ｂ) from a workbook, CSV or tab-separated file into a draft, in
    /// place of that table.
    Import {
        /// The file holding the table: a workbook (.xlsx, .xls, .ods), CSV (UTF-8, or CP932 as Excel saves it) or
        /// tab-separated text.
        file: PathBuf,
        /// The draft to write the table into.
        #[arg(long)]
        into: PathBuf,
        /// Which table: A (参考資料１), B (参考資料２), zero-A or zero-B (先－１－２, technologies with no case).
        #[arg(long)]
        table: String,
        /// The workbook's sheet to read (default: the first with a header row of the table).
        #[arg(long)]
        sheet: Option<String>,
        /// Show the change as a unified diff instead of writing it.
        #[arg(long)]
        diff: bool,
        /// Language of what it prints (default: the system's).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Write the draft as a workbook: a sheet per part of the report, the totals and summary figures as live
    /// formulas, each finding coloured on its cell with the finding as the cell's note.
    Export {
        /// The draft to write out.
        draft: PathBuf,
        /// The workbook to write (default: beside the draft, named after it, .xlsx).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The configuration file (default: the nearest senshin-lint.toml above the draft).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Language of the findings' notes and of what it prints (default: the system's).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// List every rule.
    Rules {
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Print the README's rule table (Markdown) instead.
        #[arg(long)]
        markdown: bool,
    },
}

/// `--lang`, read by the parser every setting of the language uses (`ja`, `日本語`, `en`, `英語` …).
fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse::<Lang>().map_err(|m| m.en)
}

fn lang(arg: Option<Lang>) -> Lang {
    arg.unwrap_or_else(Lang::of_system)
}

/// The language asked for on the command line (`--lang ja`, `--lang=en`), else the system's: the help and the
/// argument errors come before any configuration is read.
fn requested_lang(args: &[std::ffi::OsString]) -> Lang {
    let words: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let asked = words.iter().enumerate().find_map(|(i, w)| match w.strip_prefix("--lang") {
        Some("") => words.get(i + 1).cloned(),
        Some(rest) => rest.strip_prefix('=').map(str::to_owned),
        None => None,
    });
    asked.and_then(|a| a.parse::<Lang>().ok()).unwrap_or_else(Lang::of_system)
}

/// The help of every command and option in Japanese, with clap's own words (headings, the help and version
/// flags, possible and default values) written in Japanese too.
fn japanese(cmd: clap::Command) -> clap::Command {
    const HELP: &[(&str, &str, &str)] = &[
        ("", "", "先進医療の実績報告（厚生労働省）の下書きを検査します"),
        ("", "usage", "senshin-lint <コマンド> [オプション]"),
        ("check", "usage", "senshin-lint check [オプション] <ファイル>..."),
        ("explain", "usage", "senshin-lint explain <検査名> [--lang <言語>]"),
        ("lsp", "usage", "senshin-lint lsp"),
        ("schema", "usage", "senshin-lint schema"),
        ("new", "usage", "senshin-lint new [ファイル] [--year <年度>] [--lang <言語>]"),
        ("rules", "usage", "senshin-lint rules [--lang <言語>] [--markdown]"),
        (
            "render",
            "usage",
            "senshin-lint render <下書き> [-o <ファイル>] [--publish] [--config <設定ファイル>] [--lang <言語>]",
        ),
        ("render", "", "下書きを報告書の体裁の HTML にします（指摘は該当する欄に印を付けて表示）"),
        ("render", "draft", "HTML にする下書き"),
        ("render", "output", "書き出すファイル（省略時は下書きと同じ場所に、拡張子を .html にして）。標準出力なら -"),
        ("render", "publish", "公表用：印刷するときに指摘を載せない"),
        ("render", "config", "設定ファイル（省略時は、下書きの場所から上にたどって最初の senshin-lint.toml）"),
        ("render", "lang", "表示の言語：ja か en"),
        (
            "import",
            "usage",
            "senshin-lint import <ファイル> --into <下書き> --table <A|B|zero-A|zero-B> [--sheet <シート>] [--diff] [--lang <言語>]",
        ),
        ("import", "", "Excel や CSV から参考資料１・２や先－１－２の表を読み込み、下書きのその表と置き換えます"),
        (
            "import",
            "file",
            "表のファイル：ブック（.xlsx、.xls、.ods）、CSV（UTF-8、または Excel が保存する CP932）、タブ区切りのテキスト",
        ),
        ("import", "sheet", "読み込むシート（省略時は、表の見出し行がある最初のシート）"),
        ("import", "into", "表を書き込む下書き"),
        ("import", "table", "どの表か：A（参考資料１）、B（参考資料２）、zero-A・zero-B（先－１－２の先進医療Ａ・Ｂ）"),
        ("import", "diff", "書き込まずに、変更を差分で表示する"),
        ("import", "lang", "表示の言語：ja か en"),
        ("export", "usage", "senshin-lint export <下書き> [-o <ファイル>] [--config <設定ファイル>] [--lang <言語>]"),
        ("export", "", "下書きを Excel のブックにします（合計と概要の数字は式、指摘は該当する欄に色とメモ）"),
        ("export", "draft", "ブックにする下書き"),
        ("export", "output", "書き出すブック（省略時は下書きと同じ場所に、拡張子を .xlsx にして）"),
        ("export", "config", "設定ファイル（省略時は、下書きの場所から上にたどって最初の senshin-lint.toml）"),
        ("export", "lang", "メモと表示の言語：ja か en"),
        ("preview", "usage", "senshin-lint preview <下書き> [--no-open] [--config <設定ファイル>] [--lang <言語>]"),
        ("preview", "", "報告書の体裁でブラウザに表示し、下書きを保存するたびに更新します"),
        ("preview", "draft", "表示する下書き"),
        ("preview", "no_open", "ブラウザを開かず、アドレスを表示するだけにする"),
        ("preview", "config", "設定ファイル（省略時は、下書きの場所から上にたどって最初の senshin-lint.toml）"),
        ("preview", "lang", "表示の言語：ja か en"),
        ("check", "", "下書きを検査し、指摘を表示します"),
        ("check", "files", "検査する下書き。ファイル、フォルダ（中の下書きすべて）、標準入力なら -"),
        ("check", "stdin_filename", "標準入力に付ける名前（下書きと見分けるためにも使います）"),
        ("check", "config", "設定ファイル（省略時は、検査するファイルの場所から上にたどって最初の senshin-lint.toml）"),
        ("check", "drafts_only", "下書きでないファイルは飛ばす（すべての YAML を渡すフック向け）"),
        ("check", "fix", "安全な修正（値の書き方だけを変えるもの）を適用して書き戻す"),
        ("check", "unsafe_fixes", "数値を書き換える修正も適用する（要確認：誤っているのは別の数値かもしれません）"),
        ("check", "diff", "修正を書き戻さず、差分として表示する（修正があれば終了コード1）"),
        ("check", "format", "出力の形式：human（既定）、json、github、sarif、junit"),
        ("check", "lang", "表示の言語：ja か en（省略時は設定ファイル、なければ端末の言語）"),
        ("check", "color", "色を付けるか：auto（既定）、always、never"),
        (
            "check",
            "previous",
            "前年度の報告の下書き（再掲した数値を照合します。省略時は下書きの report.previous、なければ設定ファイルの previous）",
        ),
        ("explain", "", "検査の説明を表示します"),
        ("explain", "rule", "検査の名前（一覧は senshin-lint rules で表示できます）"),
        ("explain", "lang", "表示の言語：ja か en"),
        ("lsp", "", "言語サーバーとして動きます（エディタから起動します）"),
        ("schema", "", "下書きの形式を JSON Schema で出力します（yaml-language-server などで使えます）"),
        (
            "new",
            "",
            "記入用の新しい下書きを作ります（各項目に報告書の名前を付け、対象期間と過去５年間の年度は記入済み）",
        ),
        ("new", "file", "作るファイル（既存のファイルには書きません。既定は report.yaml）。標準出力なら -"),
        ("new", "year", "報告の年度：令和7年度、R7、2025 など（省略時は、終わった最新の年度）"),
        ("new", "lang", "表示の言語：ja か en"),
        (
            "new",
            "from",
            "前年度の報告の下書きから始める（年度を進め、技術数の推移の①・過去５年間の実績・技術の行を写す）",
        ),
        ("rules", "", "検査の一覧を表示します"),
        ("rules", "lang", "表示の言語：ja か en"),
        ("rules", "markdown", "README の一覧表（Markdown）を出力する"),
    ];
    let text = |sub: &str, arg: &str| HELP.iter().find(|h| h.0 == sub && h.1 == arg).map(|h| h.2);
    // What each value is called in the help: <ファイル>, not <FILES>.
    const NAMES: &[(&str, &str)] = &[
        ("files", "ファイル"),
        ("file", "ファイル"),
        ("stdin_filename", "名前"),
        ("config", "設定ファイル"),
        ("previous", "前年度の下書き"),
        ("from", "前年度の下書き"),
        ("format", "形式"),
        ("lang", "言語"),
        ("color", "色"),
        ("rule", "検査名"),
        ("year", "年度"),
        ("draft", "下書き"),
        ("output", "ファイル"),
    ];
    let localize = |c: clap::Command, sub: &str| -> clap::Command {
        let mut c = c
            .help_template("{about-with-newline}\n使い方：{usage}\n\n{all-args}{after-help}")
            .subcommand_help_heading("コマンド")
            .disable_help_flag(true);
        if let Some(about) = text(sub, "") {
            c = c.about(about);
        }
        if let Some(usage) = text(sub, "usage") {
            c = c.override_usage(usage);
        }
        let ids: Vec<String> = c.get_arguments().map(|a| a.get_id().to_string()).filter(|id| id != "help").collect();
        for id in ids {
            let help = text(sub, &id);
            let name = NAMES.iter().find(|n| n.0 == id).map(|n| n.1);
            c = c.mut_arg(&id, |a| {
                let heading = if a.is_positional() { "引数" } else { "オプション" };
                let a = match name {
                    Some(n) => a.value_name(n),
                    None => a,
                };
                let values = a.get_action().takes_values();
                let a = a.help_heading(heading).hide_possible_values(values).hide_default_value(values);
                match help {
                    Some(h) => a.help(h),
                    None => a,
                }
            });
        }
        let help = clap::Arg::new("help").short('h').long("help").action(clap::ArgAction::Help);
        c.arg(help.help("この説明を表示する").help_heading("オプション"))
    };
    let names: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_owned()).collect();
    let mut cmd = localize(cmd, "").disable_help_subcommand(true).disable_version_flag(true).arg(
        clap::Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help("版を表示する")
            .help_heading("オプション"),
    );
    for name in names {
        cmd = cmd.mut_subcommand(&name, |c| localize(c, &name));
    }
    cmd
}

/// clap's argument error as a Japanese sentence, with what to do.
fn japanese_error(e: &clap::Error) -> String {
    let context = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join("、")),
        _ => None,
    };
    let arg = context(ContextKind::InvalidArg).unwrap_or_default();
    let value = context(ContextKind::InvalidValue).unwrap_or_default();
    let suggested = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.last().cloned(),
        _ => None,
    };
    let hint = suggested(ContextKind::SuggestedArg)
        .or_else(|| suggested(ContextKind::SuggestedSubcommand))
        .map(|s| format!("「{s}」のことであれば、そう書いてください。"))
        .unwrap_or_default();
    let sentence = match e.kind() {
        ErrorKind::UnknownArgument => format!("「{arg}」という指定はありません。{hint}"),
        ErrorKind::InvalidSubcommand => format!(
            "「{}」というコマンドはありません。{hint}",
            context(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue => {
            let valid = context(ContextKind::ValidValue).map(|v| format!("使えるのは {v} です。")).unwrap_or_default();
            format!("{arg} に「{value}」は指定できません。{valid}")
        }
        ErrorKind::ValueValidation => format!("{arg} に「{value}」は指定できません。"),
        ErrorKind::MissingRequiredArgument => format!("{arg} を指定してください。"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "コマンドを指定してください（check、new、explain、rules、schema、lsp）。".to_owned()
        }
        ErrorKind::ArgumentConflict => format!("{arg} は、ほかの指定と一緒には使えません。"),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("「{value}」は余分な指定です。")
        }
        _ => "指定を読み取れませんでした。".to_owned(),
    };
    format!("senshin-lint: {sentence}\n使い方は senshin-lint --help で表示できます。\n")
}

fn parse() -> Result<Args, ExitCode> {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = requested_lang(&argv[1..]);
    let cmd = if lang == Lang::Ja { japanese(Args::command()) } else { Args::command() };
    let failed = |e: clap::Error| {
        let code = ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                let _ = e.print();
            }
            _ if lang == Lang::Ja => eprint!("{}", japanese_error(&e)),
            _ => {
                let _ = e.print();
            }
        }
        code
    };
    let matches = cmd.try_get_matches_from(argv).map_err(failed)?;
    Args::from_arg_matches(&matches).map_err(failed)
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(args) => args,
        Err(code) => return code,
    };
    match args.command {
        Command::Check {
            files,
            format,
            lang: l,
            color,
            config,
            stdin_filename,
            drafts_only,
            fix,
            unsafe_fixes,
            diff,
            previous,
        } => {
            let fix = match (fix || diff, unsafe_fixes) {
                (_, true) => Some(senshin_lint::fix::FixMode::Unsafe),
                (true, false) => Some(senshin_lint::fix::FixMode::Safe),
                (false, false) => None,
            };
            let (paths, lang) = (files, l);
            cli::check(&cli::CheckOptions {
                paths,
                format,
                lang,
                config,
                color,
                stdin_filename,
                drafts_only,
                fix,
                diff,
                previous,
            })
        }
        Command::Explain { rule, lang: l } => cli::explain(&rule, lang(l)),
        Command::Lsp => senshin_lint::server::run(),
        Command::Schema => cli::print_schema(),
        Command::Rules { lang: l, markdown } => cli::rules(lang(l), markdown),
        Command::New { file, year, from, lang: l } => cli::new(&file, year.as_deref(), from.as_deref(), lang(l)),
        Command::Render { draft, output, publish, config, lang: l } => {
            cli::render_page(&draft, output.as_deref(), publish, config.as_deref(), l)
        }
        Command::Import { file, into, table, sheet, diff, lang: l } => {
            cli::import_table(&file, sheet.as_deref(), &into, &table, diff, l)
        }
        Command::Export { draft, output, config, lang: l } => {
            cli::export_workbook(&draft, output.as_deref(), config.as_deref(), l)
        }
        Command::Preview { draft, no_open, config, lang: l } => {
            senshin_lint::preview::run(&draft, config.as_deref(), l, !no_open)
        }
    }
}
