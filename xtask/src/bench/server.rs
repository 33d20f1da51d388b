//! A server started for a benchmark, optionally on a CPU set of its own, stopped when dropped.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::sh;

/// A running server: its process (a process tree for nginx) and the URL it serves.
pub struct Server {
    child: Child,
    pub url: String,
}

impl Drop for Server {
    /// SIGTERM first (nginx's master then stops its workers; zt-risk-server flushes its log),
    /// SIGKILL after 5 s.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        for _ in 0..100 {
            if !matches!(self.child.try_wait(), Ok(None)) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `program args…`, prefixed with `taskset -c CPUS` when `cpus` is given (children and every
/// thread inherit the set; `available_parallelism` then counts only those CPUs).
pub fn command(cpus: Option<&str>, program: &Path) -> Command {
    match cpus {
        Some(cpus) => {
            let mut c = Command::new("taskset");
            c.args(["-c", cpus]).arg(program);
            c
        }
        None => Command::new(program),
    }
}

impl Server {
    /// Starts `program ARGS --listen 127.0.0.1:0` (on `cpus` if given) and reads the URL it
    /// prints when ready (every `zt-risk-server` subcommand does); its stderr goes to `log`.
    pub fn start(
        program: &Path,
        args: &[&str],
        cpus: Option<&str>,
        log: &Path,
    ) -> Result<Server, String> {
        sh::step(&format!(
            "{}{} {} --listen 127.0.0.1:0 2>{} &",
            cpus.map_or(String::new(), |c| format!("taskset -c {c} ")),
            program.display(),
            args.join(" "),
            log.display()
        ));
        let stderr = std::fs::File::create(log)
            .map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        let mut child = command(cpus, program)
            .args(args)
            .args(["--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
        let mut line = String::new();
        if let Some(out) = child.stdout.take() {
            let _ = BufReader::new(out).read_line(&mut line);
        }
        let url = line.trim().trim_end_matches('/').to_string();
        if !url.starts_with("http://127.0.0.1:") {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "{} {} did not report its URL",
                program.display(),
                args.join(" ")
            ));
        }
        Ok(Server { child, url })
    }

    /// Wraps a process that serves `url` once it accepts connections (waits up to 10 s).
    pub fn adopt(mut child: Child, url: String) -> Result<Server, String> {
        let addr = url.trim_start_matches("http://").to_owned();
        for _ in 0..200 {
            if std::net::TcpStream::connect(&addr).is_ok() {
                return Ok(Server { child, url });
            }
            if let Ok(Some(status)) = child.try_wait() {
                return Err(format!("{url}: the server exited ({status})"));
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        Err(format!("{url}: nothing listens after 10 s"))
    }

    /// The process id (nginx's master; its workers are its children).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Moves every thread of the process to `cpus` (`taskset -a -p`).
    pub fn move_to(&self, cpus: &str) -> Result<(), String> {
        sh::Cmd::new("taskset")
            .args(["-a", "-p", "-c", cpus, &self.pid().to_string()])
            .read()
            .map(|_| ())
    }
}
