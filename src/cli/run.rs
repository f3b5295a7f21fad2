//! The inputs of `check`, found, read, checked (or fixed) and rendered a batch at a time: a batch is worked
//! on every core while the one before it is rendered in input order, then dropped, so memory is that of two
//! batches however many drafts a folder holds, and the output is the same from run to run.

use super::configs::{self, Configs};
use super::done::Done;
use super::emit::{Emitter, Summary};
use super::fixing::{self, Fixing};
use super::inputs::{self, Arg};
use super::paths;
use super::{CheckOptions, Checked, check_owned, complain};
use crate::MAX_FILE_BYTES;
use crate::config::Config;
use crate::diagnostics::RuleId;
use crate::diagnostics::{Diagnostic, Lang};
use crate::ide::is_report_draft;
use crate::read::{self, Contents, Unreadable};
use crate::text::Span;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Files in one batch at most.
const BATCH_FILES: usize = 64;
/// Bytes in one batch at most (by the files' sizes; a single larger file is a batch of its own).
const BATCH_BYTES: u64 = MAX_FILE_BYTES as u64;

/// What is done with each draft.
#[derive(Debug, Clone, Copy)]
pub enum Work {
    Check,
    Fix(Fixing),
}

/// What fixing came to over a whole run.
#[derive(Debug, Default)]
pub struct Fixed {
    pub applied: usize,
    pub changed: bool,
    /// A draft could not be written.
    pub failed: bool,
}

/// Why a run stopped before its end.
pub enum Stop {
    Input(PathBuf, Unreadable),
    Output(std::io::Error),
}

/// A file to read and check.
struct Job {
    name: String,
    path: Option<PathBuf>,
    /// Standard input, read already.
    contents: Option<Contents>,
    /// Whether only a report draft is checked (files found in folders, and with `--drafts-only`).
    drafts_only: bool,
    config: Option<Arc<Config>>,
    /// The argument it comes from.
    origin: usize,
}

/// What a folder argument held.
#[derive(Default)]
struct Found {
    yaml: usize,
    drafts: usize,
    /// The configuration that left some YAML file out.
    excluded_by: Option<Arc<Config>>,
}

/// A draft over the size limit, reported without reading it.
fn too_large(name: &str, size: Option<u64>) -> Checked {
    let d = Diagnostic::new(RuleId::YamlSyntax, Span::empty(0), crate::too_large(size));
    Checked { path: name.to_owned(), text: String::new(), diagnostics: vec![d], previous: None }
}

/// Reads and checks (or fixes) one file; `None` when it is not a draft and only drafts are wanted.
fn process(job: Job, work: Work) -> Processed {
    let contents = match (job.contents, &job.path) {
        (Some(c), _) => c,
        (None, Some(path)) => read::file(path).map_err(|e| (path.clone(), e))?,
        (None, None) => Contents::Bytes(Vec::new()),
    };
    let bytes = match contents {
        // Never given to the fixer: it would write back the part that was read.
        Contents::TooLarge(size) => return Ok(Some(Done::checked(too_large(&job.name, size)))),
        Contents::Bytes(bytes) => bytes,
    };
    if job.drafts_only && !is_report_draft(&job.name, &String::from_utf8_lossy(&bytes)) {
        return Ok(None);
    }
    let config = job.config.as_deref();
    Ok(Some(match work {
        Work::Check => Done::checked(check_owned(&job.name, job.path.as_deref(), bytes, config)),
        Work::Fix(how) => fixing::fix(&job.name, job.path.as_deref(), bytes, config, how),
    }))
}

/// Standard input, under the configuration found from the folder of the name it is given (`--stdin-filename`),
/// as that file would be, else from the current folder.
fn stdin_job(opts: &CheckOptions, configs: &Configs, origin: usize) -> Result<Job, Stop> {
    let contents = read::capped(std::io::stdin().lock(), 0).map_err(|e| Stop::Input("-".into(), e.into()))?;
    let name = opts.stdin_filename.as_deref().unwrap_or("<stdin>").to_owned();
    let config = configs.for_path(opts.stdin_filename.as_deref().map_or(Path::new("."), Path::new));
    Ok(Job { name, path: None, contents: Some(contents), drafts_only: opts.drafts_only, config, origin })
}

struct Runner<'a> {
    configs: &'a Configs,
    work: Work,
    emitter: &'a mut dyn Emitter,
    out: &'a mut dyn Write,
    /// Where standard input's fixed text and diffs go (standard output).
    side: &'a mut dyn Write,
    fixed: Fixed,
    summary: Summary,
    found: Vec<Found>,
    /// The configuration files that applied to a checked draft, in the order they first did.
    applied: Vec<PathBuf>,
    batch: Vec<Job>,
    bytes: u64,
    /// The batch being checked while the one before it is rendered.
    checking: Option<Checking>,
}

/// A batch being checked on other threads.
struct Checking {
    /// Configurations with mistakes read while the batch was gathered.
    problems: Vec<Checked>,
    /// Each job's argument and configuration file.
    meta: Vec<(usize, Option<PathBuf>)>,
    results: std::thread::JoinHandle<Vec<Processed>>,
}

/// What one job gave: a draft done, nothing (not a draft), or why it could not be read.
type Processed = Result<Option<Done>, (PathBuf, Unreadable)>;

impl Runner<'_> {
    fn push(&mut self, job: Job, size: u64) -> Result<(), Stop> {
        if !self.batch.is_empty() && (self.batch.len() >= BATCH_FILES || self.bytes + size > BATCH_BYTES) {
            self.flush()?;
        }
        self.bytes += size;
        self.batch.push(job);
        Ok(())
    }

    fn emit(&mut self, checked: &Checked) -> Result<(), Stop> {
        self.summary.add(checked);
        self.emitter.file(self.out, checked).map_err(Stop::Output)
    }

    /// A configuration file's mistakes: shown as a file of their own, counted as findings, not as a draft.
    fn emit_config(&mut self, checked: &Checked) -> Result<(), Stop> {
        self.summary.add_findings(checked);
        self.emitter.file(self.out, checked).map_err(Stop::Output)
    }

    /// Starts checking the batch on every core, and renders the batch before it meanwhile, so that finding
    /// files and rendering overlap with checking. A configuration read while a batch was gathered is
    /// reported before the files of that batch.
    fn flush(&mut self) -> Result<(), Stop> {
        let batch = std::mem::take(&mut self.batch);
        self.bytes = 0;
        let started = Checking {
            problems: self.configs.take_problems(),
            meta: batch.iter().map(|j| (j.origin, j.config.as_ref().and_then(|c| c.path.clone()))).collect(),
            results: {
                let work = self.work;
                std::thread::spawn(move || inputs::map_parallel(batch, move |job| process(job, work)))
            },
        };
        match self.checking.replace(started) {
            Some(previous) => self.render(previous),
            None => Ok(()),
        }
    }

    fn render(&mut self, batch: Checking) -> Result<(), Stop> {
        for problem in &batch.problems {
            self.emit_config(problem)?;
        }
        // A panic is carried on, never turned into files that silently had no findings.
        let results = batch.results.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        for ((origin, config), result) in batch.meta.into_iter().zip(results) {
            let Some(done) = result.map_err(|(p, e)| Stop::Input(p, e))? else { continue };
            self.found[origin].drafts += 1;
            if let Some(c) = config.filter(|c| !self.applied.contains(c)) {
                self.applied.push(c);
            }
            if let Some(problem) = &done.problem {
                complain(problem);
                self.fixed.failed = true;
            }
            if let Some(bytes) = &done.output {
                self.side.write_all(bytes).map_err(Stop::Output)?;
            }
            self.fixed.applied += done.applied;
            self.fixed.changed |= done.changed;
            self.emit(&done.checked)?;
        }
        Ok(())
    }

    /// Finds the jobs of every argument, in order.
    fn run(&mut self, args: &[Arg], opts: &CheckOptions) -> Result<(), Stop> {
        for (origin, arg) in args.iter().enumerate() {
            match arg {
                Arg::Stdin => {
                    let job = stdin_job(opts, self.configs, origin)?;
                    self.push(job, 0)?;
                }
                Arg::File(path) => {
                    let size = std::fs::metadata(path).map_or(0, |m| m.len());
                    let (name, config) = (paths::typed(path), self.configs.for_path(path));
                    let drafts_only = opts.drafts_only;
                    self.push(
                        Job { name, path: Some(path.clone()), contents: None, drafts_only, config, origin },
                        size,
                    )?;
                }
                Arg::Folder(dir) => {
                    for file in inputs::walk(dir) {
                        let file = file.map_err(|(p, e)| Stop::Input(p, e))?;
                        self.found[origin].yaml += 1;
                        let config = self.configs.for_path(&file);
                        if let Some(c) = config.as_ref().filter(|c| !c.takes(&paths::absolute(&file))) {
                            self.found[origin].excluded_by = Some(c.clone());
                            continue;
                        }
                        let size = std::fs::metadata(&file).map_or(0, |m| m.len());
                        let name = paths::typed(&file);
                        self.push(
                            Job { name, path: Some(file), contents: None, drafts_only: true, config, origin },
                            size,
                        )?;
                    }
                }
            }
        }
        self.flush()?;
        match self.checking.take() {
            Some(last) => self.render(last),
            None => Ok(()),
        }
    }
}

/// Where a run writes: the report, and the texts that go beside it.
pub struct Outputs<'a> {
    pub emitter: &'a mut dyn Emitter,
    pub out: &'a mut dyn Write,
    pub side: &'a mut dyn Write,
}

/// Checks (or fixes) and renders every input, and returns the summary the emitter closed with and what
/// fixing came to.
pub fn stream(
    args: &[Arg],
    opts: &CheckOptions,
    lang: Lang,
    configs: &Configs,
    work: Work,
    outputs: Outputs,
) -> Result<(Summary, Fixed), Stop> {
    let Outputs { emitter, out, side } = outputs;
    emitter.begin(out).map_err(Stop::Output)?;
    let mut runner = Runner {
        configs,
        work,
        emitter,
        out,
        side,
        fixed: Fixed::default(),
        summary: Summary::default(),
        found: args.iter().map(|_| Found::default()).collect(),
        applied: Vec::new(),
        batch: Vec::new(),
        bytes: 0,
        checking: None,
    };
    runner.run(args, opts)?;
    // A folder that gave no draft says why: the configuration left every YAML file out, or there was none.
    for (arg, found) in args.iter().zip(std::mem::take(&mut runner.found)) {
        let Arg::Folder(dir) = arg else { continue };
        if found.drafts > 0 {
            continue;
        }
        match found.excluded_by.and_then(|c| configs.left_nothing(&c, dir, found.yaml)) {
            Some(warning) => runner.emit_config(&warning)?,
            None => runner.summary.notices.push(configs::no_drafts(dir, lang)),
        }
    }
    for problem in configs.take_problems() {
        runner.emit_config(&problem)?;
    }
    let mut summary = std::mem::take(&mut runner.summary);
    summary.configs = runner.applied.iter().map(|p| paths::shown(p)).collect();
    runner.emitter.finish(runner.out, &summary).map_err(Stop::Output)?;
    runner.side.flush().map_err(Stop::Output)?;
    Ok((summary, runner.fixed))
}
