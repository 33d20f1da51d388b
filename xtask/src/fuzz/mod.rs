//! `cargo xtask fuzz [TARGET] [--seconds N] [--runs N] | --smoke`: the libFuzzer targets in
//! `fuzz/` (cargo-fuzz), one after the other, then a table of executions, coverage and crashes per
//! target; and the short smoke run `cargo xtask test` makes of every target.
//!
//! Installs what it needs into the tools cache: the pinned nightly through rustup (cargo-fuzz
//! needs nightly rustc flags) and cargo-fuzz from crates.io. Builds without a sanitizer (the
//! code under test is safe Rust) but with debug assertions, so an overflow is a crash too.
//! Each target reads its seeds (`fuzz/seeds/<target>`, read-only) and its dictionary
//! (`fuzz/dict/`), and grows a corpus outside the repository
//! (`fuzz/target/corpus/{long,smoke}/<target>`).

mod install;
mod report;

use crate::files;
use crate::sh::{self, Cmd};
use install::ensure_tools;
use lexopt::{Arg, Parser, ValueExt};
use report::{table, Outcome, Stats};
use std::fs::File;
use std::path::Path;
use std::process::Stdio;
use std::time::Instant;
/// Seconds per target in `cargo xtask test`.
const SMOKE_SECONDS: u64 = 10;
/// Seconds per target of `cargo xtask fuzz` without `--seconds`.
const DEFAULT_SECONDS: u64 = 60;
/// An input that runs this long is a failure (a timeout), not a slow case.
const TIMEOUT_SECONDS: u64 = 10;
/// Build options shared by every build and run, so a run reuses the build.
const BUILD: [&str; 3] = ["-s", "none", "--debug-assertions"];

/// `cargo xtask fuzz [TARGET] [--seconds N] [--runs N] | --smoke`: `--runs` stops a target
/// after that many inputs if it gets there before `--seconds`; `--smoke` is what
/// `cargo xtask test` runs.
pub fn run(args: &[String]) -> Result<(), String> {
    let (mut only, mut seconds, mut runs) = (None, DEFAULT_SECONDS, None);
    if args.iter().any(|a| a == "--smoke") {
        return smoke().map(|summary| println!("{summary}"));
    }
    let mut parser = Parser::from_args(args);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Arg::Long("seconds") => {
                seconds = parser
                    .value()
                    .and_then(|v| v.parse())
                    .map_err(|e| e.to_string())?
            }
            Arg::Long("runs") => {
                runs = Some(
                    parser
                        .value()
                        .and_then(|v| v.parse::<u64>())
                        .map_err(|e| e.to_string())?,
                )
            }
            Arg::Value(v) if only.is_none() => only = Some(v.string().map_err(|e| e.to_string())?),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let all = targets()?;
    let chosen: Vec<String> = match only {
        Some(t) if all.contains(&t) => vec![t],
        Some(t) => {
            return Err(format!(
                "no fuzz target `{t}`; the targets: {}",
                all.join(", ")
            ))
        }
        None => all,
    };
    fuzz(&chosen, Limits { seconds, runs }, false).map(|_| ())
}

/// The smoke run of `cargo xtask test`: every target for [`SMOKE_SECONDS`] from its seeds
/// only; returns the summary line.
pub fn smoke() -> Result<String, String> {
    let start = Instant::now();
    let limits = Limits {
        seconds: SMOKE_SECONDS,
        runs: None,
    };
    let outcomes = fuzz(&targets()?, limits, true)?;
    let execs: u64 = outcomes.iter().map(|o| o.stats.execs).sum();
    Ok(format!(
        "fuzz smoke ({} targets, {execs} inputs, {}s)",
        outcomes.len(),
        start.elapsed().as_secs()
    ))
}

/// How long each target runs: `seconds`, or until `runs` inputs if that comes first.
#[derive(Debug, Clone, Copy)]
struct Limits {
    seconds: u64,
    runs: Option<u64>,
}

/// Installs, builds, runs each target within `limits` and prints the table; fails if any
/// target crashed or timed out. `fresh`: start from the seeds alone (an empty corpus).
fn fuzz(targets: &[String], limits: Limits, fresh: bool) -> Result<Vec<Outcome>, String> {
    let cargo_fuzz = ensure_tools()?;
    cargo_fuzz.clone().args(["build"]).args(BUILD).run()?;
    let mut outcomes = Vec::new();
    for target in targets {
        outcomes.push(run_target(&cargo_fuzz, target, limits, fresh)?);
    }
    println!("{}", table(&outcomes));
    let failed: Vec<String> = outcomes
        .iter()
        .filter_map(|o| {
            o.stats
                .failure
                .as_ref()
                .map(|f| format!("{}: {f}", o.target))
        })
        .collect();
    if failed.is_empty() {
        Ok(outcomes)
    } else {
        Err(format!("fuzzing failed:\n{}", failed.join("\n")))
    }
}
fn run_target(
    cargo_fuzz: &Cmd,
    target: &str,
    limits: Limits,
    fresh: bool,
) -> Result<Outcome, String> {
    let seconds = limits.seconds;
    let work = Path::new("fuzz/target");
    let corpus = work
        .join("corpus")
        .join(if fresh { "smoke" } else { "long" })
        .join(target);
    if fresh && corpus.exists() {
        std::fs::remove_dir_all(&corpus)
            .map_err(|e| format!("cannot empty {}: {e}", corpus.display()))?;
    }
    let logs = work.join("logs");
    for dir in [&corpus, &logs] {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let seeds = Path::new("fuzz/seeds").join(target);
    let log = logs.join(format!("{target}.log"));
    let mut cmd = cargo_fuzz
        .clone()
        .arg("run")
        .args(BUILD)
        .arg(target)
        .arg(fs_arg(&corpus)?)
        .arg(fs_arg(&seeds)?)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-timeout={TIMEOUT_SECONDS}"))
        .arg("-print_final_stats=1");
    if let Some(runs) = limits.runs {
        cmd = cmd.arg(format!("-runs={runs}"));
    }
    if let Some(dict) = dictionary(target) {
        cmd = cmd.arg(format!("-dict={dict}"));
    }
    if target == "csv_write" {
        // Rows of a few dozen cells find what thousands do, four times as often.
        cmd = cmd.arg("-max_len=1024");
    }
    sh::step(&format!(
        "fuzzing {target} for {seconds}s (libFuzzer's output: {})",
        log.display()
    ));
    let start = Instant::now();
    let out = File::create(&log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
    let status = cmd
        .command()
        .stdout(Stdio::null())
        .stderr(out)
        .status()
        .map_err(|e| format!("cannot start `{}`: {e}", cmd.display()))?;
    let mut stats = Stats::read(&files::read_text(&log)?);
    if !status.success() && stats.failure.is_none() {
        stats.failure = Some(format!(
            "libFuzzer exited with {status}; see {}",
            log.display()
        ));
    }
    Ok(Outcome {
        target: target.to_owned(),
        seconds: start.elapsed().as_secs(),
        stats,
    })
}

/// The targets' dictionaries: JSON tokens for the JSON readers, request tokens for the proxy
/// and the path builders, none for the CSV writer (its input is structured).
fn dictionary(target: &str) -> Option<&'static str> {
    match target {
        "proxy_decide" | "paths" => Some("fuzz/dict/http.dict"),
        "csv_write" => None,
        _ => Some("fuzz/dict/json.dict"),
    }
}
/// The fuzz targets, as `fuzz/Cargo.toml` declares them (`[[bin]]` names).
fn targets() -> Result<Vec<String>, String> {
    let manifest = files::read_text(Path::new("fuzz/Cargo.toml"))?;
    Ok(bin_names(&manifest))
}

fn bin_names(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_bin = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_bin = line == "[[bin]]";
        } else if let (true, Some(rest)) = (in_bin, line.strip_prefix("name = \"")) {
            names.extend(rest.split('"').next().map(str::to_owned));
        }
    }
    names
}
fn fs_arg(path: &Path) -> Result<String, String> {
    path.to_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("{} is not UTF-8", path.display()))
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_bin_names_of_the_manifest() {
        let manifest = "[package]\nname = \"zt-risk-fuzz\"\n\n[[bin]]\nname = \"paths\"\npath = \"p.rs\"\n\n[dependencies]\nname = \"x\"\n[[bin]]\nname = \"csv_write\"\n";
        assert_eq!(bin_names(manifest), ["paths", "csv_write"]);
    }
}
