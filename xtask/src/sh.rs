//! Process helpers: print each command before running it, fail with a clear message.
//!
//! ```ignore
//! sh::Cmd::new("cargo").args(["fmt", "--all", "--check"]).run()?;
//! let version = sh::Cmd::new("wasm-opt").arg("--version").read()?;
//! ```

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by commands whose stdout is for a result only (`cargo xtask edge` prints its URL there).
static PROGRESS_TO_STDERR: AtomicBool = AtomicBool::new(false);

/// From now on, progress lines and the stdout of commands run with [`Cmd::run`] go to stderr.
pub fn progress_to_stderr() {
    PROGRESS_TO_STDERR.store(true, Ordering::Relaxed);
}

/// Prints one progress line (`==> …`) to stdout, or stderr after [`progress_to_stderr`].
fn announce(line: &str) {
    if PROGRESS_TO_STDERR.load(Ordering::Relaxed) {
        eprintln!("{line}");
    } else {
        println!("{line}");
    }
}

/// A command to run: program, arguments, extra environment and working directory.
#[derive(Debug, Clone)]
pub struct Cmd {
    program: OsString,
    args: Vec<OsString>,
    envs: Vec<(OsString, OsString)>,
    dir: Option<PathBuf>,
}

impl Cmd {
    /// A command for `program` (looked up on `PATH`, which `tools::activate` extends).
    /// `"cargo"` resolves to the cargo that runs this xtask (`$CARGO`), if set.
    pub fn new(program: impl Into<OsString>) -> Self {
        let mut program = program.into();
        if program == "cargo" {
            if let Some(cargo) = std::env::var_os("CARGO") {
                program = cargo;
            }
        }
        Cmd {
            program,
            args: Vec::new(),
            envs: Vec::new(),
            dir: None,
        }
    }

    /// Appends one argument.
    pub fn arg(mut self, arg: impl Into<OsString>) -> Self {
        self.args.push(arg.into());
        self
    }

    /// Appends several arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Sets an environment variable for the child (shown in the `==>` line).
    pub fn env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> Self {
        self.envs.push((key.into(), value.into()));
        self
    }

    /// Runs the child in `dir` instead of the current directory (the repository root).
    pub fn dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// The command line as printed: `KEY=value program arg…`.
    pub fn display(&self) -> String {
        let env = self
            .envs
            .iter()
            .map(|(k, v)| format!("{}={}", k.to_string_lossy(), quote(v)));
        let program = Path::new(&self.program)
            .file_name()
            .map_or_else(|| quote(&self.program), |n| quote(&n.to_os_string()));
        let args = self.args.iter().map(quote);
        env.chain(std::iter::once(program))
            .chain(args)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The `std` command, for callers that redirect its output.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(&self.program);
        cmd.args(&self.args);
        cmd.envs(self.envs.iter().map(|(k, v)| (k, v)));
        if let Some(dir) = &self.dir {
            cmd.current_dir(dir);
        }
        cmd
    }

    /// Prints `==> command`, runs it with inherited stdio and fails unless it exits with 0.
    pub fn run(&self) -> Result<(), String> {
        announce(&format!("==> {}", self.display()));
        let mut command = self.command();
        if PROGRESS_TO_STDERR.load(Ordering::Relaxed) {
            command.stdout(Stdio::from(std::io::stderr()));
        }
        let status = command
            .status()
            .map_err(|e| format!("cannot start `{}`: {e}", self.display()))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", self.display()))
        }
    }

    /// Runs quietly and returns its stdout (trimmed); fails with its stderr on a non-zero exit.
    pub fn read(&self) -> Result<String, String> {
        let out = self
            .command()
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("cannot start `{}`: {e}", self.display()))?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
        } else {
            Err(format!(
                "`{}` failed ({}): {}",
                self.display(),
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        }
    }
}

/// Shorthand for `Cmd::new(program).args(args).run()`.
pub fn run<S: Into<OsString>>(
    program: &str,
    args: impl IntoIterator<Item = S>,
) -> Result<(), String> {
    Cmd::new(program).args(args).run()
}

/// Prints a step that is not a command (`==> installing trunk…`).
pub fn step(message: &str) {
    announce(&format!("==> {message}"));
}

fn quote(s: &OsString) -> String {
    let s = s.to_string_lossy();
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@,+%".contains(c));
    if plain {
        s.into_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_shows_env_program_and_quoted_args() {
        let cmd = Cmd::new("/usr/bin/echo")
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .args(["a b", "--x=1"]);
        assert_eq!(
            cmd.display(),
            "CHROMEDRIVER=/usr/bin/chromedriver echo 'a b' --x=1"
        );
    }

    #[test]
    fn read_captures_stdout_and_reports_failures() {
        assert_eq!(Cmd::new("echo").arg("hi").read(), Ok("hi".to_string()));
        assert!(Cmd::new("false").read().is_err());
        assert!(Cmd::new("/nonexistent/program").run().is_err());
    }
}
