//! The `senshin-lint` binary: argument parsing only.

use clap::{Parser, Subcommand, ValueEnum};
use senshin_lint::cli::{self, Color, Format};
use senshin_lint::diagnostics::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "senshin-lint", version, about = "Lint drafts of 「先進医療の実績報告」 (MHLW)")]
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
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// When to use colours in human output.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    /// Print the documentation of a rule.
    Explain {
        rule: String,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
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
        /// Language of what it prints (default: the system's).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// List every rule.
    Rules {
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Print the README's rule table (Markdown) instead.
        #[arg(long)]
        markdown: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Ja,
    En,
}

fn lang(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::Ja) => Lang::Ja,
        Some(LangArg::En) => Lang::En,
        None => senshin_lint::diagnostics::Lang::of_system(),
    }
}

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
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
        } => {
            let fix = match (fix || diff, unsafe_fixes) {
                (_, true) => Some(senshin_lint::fix::FixMode::Unsafe),
                (true, false) => Some(senshin_lint::fix::FixMode::Safe),
                (false, false) => None,
            };
            let (paths, lang) = (files, l.map(|l| lang(Some(l))));
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
            })
        }
        Command::Explain { rule, lang: l } => cli::explain(&rule, lang(l)),
        Command::Lsp => senshin_lint::server::run(),
        Command::Schema => cli::print_schema(),
        Command::Rules { lang: l, markdown } => cli::rules(lang(l), markdown),
        Command::New { file, year, lang: l } => cli::new(&file, year.as_deref(), lang(l)),
    }
}
