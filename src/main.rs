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
        /// The YAML drafts to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Language of messages (default: from LC_ALL, LC_MESSAGES or LANG).
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
        None => ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
            .map_or(Lang::En, |l| Lang::from_locale(&l)),
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
        Command::Check { files, format, lang: l, color } => cli::check(&files, format, lang(l), color),
        Command::Explain { rule, lang: l } => cli::explain(&rule, lang(l)),
        Command::Lsp => senshin_lint::server::run(),
        Command::Rules { lang: l, markdown } => cli::rules(lang(l), markdown),
    }
}
