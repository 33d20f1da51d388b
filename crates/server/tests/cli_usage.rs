//! The real binary refuses every bad numeric option with a usage error: a message naming the
//! option on stderr and exit code 2, never a panic (exit 101) and never a server that starts.

use std::process::{Command, Stdio};
use std::time::Duration;

/// Runs `zt-risk-server ARGS` with a deadline; returns (exit code, stderr).
fn run(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zt-risk-server"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start zt-risk-server");
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let output = child.wait_with_output().expect("output");
            let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
            return (status.code(), stderr);
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("zt-risk-server {args:?} did not exit: it started serving instead of refusing");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn assert_usage_error(args: &[&str], option: &str) {
    let (code, stderr) = run(args);
    assert_eq!(code, Some(2), "{args:?} → {code:?}\n{stderr}");
    assert!(!stderr.contains("panicked"), "{args:?} panicked:\n{stderr}");
    assert!(
        stderr.starts_with("error: ") && stderr.lines().next().is_some_and(|l| l.contains(option)),
        "{args:?}: the first line must name {option}:\n{stderr}"
    );
}

#[test]
fn bad_timeouts_are_usage_errors() {
    for bad in [
        "-1", "nan", "NaN", "inf", "-inf", "1e400", "0", "-0", "1e-12", "1e20", "abc", "",
    ] {
        assert_usage_error(
            &["proxy", "--listen", "127.0.0.1:0", "--timeout", bad],
            "--timeout",
        );
    }
}

#[test]
fn bad_body_caps_are_usage_errors() {
    for bad in [
        "-1",
        "0",
        "18446744073709551616",
        "1e3",
        "68719476736",
        "nan",
    ] {
        assert_usage_error(
            &["proxy", "--listen", "127.0.0.1:0", "--max-body", bad],
            "--max-body",
        );
    }
}

#[test]
fn bad_seeds_and_user_counts_are_usage_errors() {
    for sub in ["emulate", "demo"] {
        for bad in ["-1", "18446744073709551616", "1.5", "nan", "inf"] {
            assert_usage_error(&[sub, "--listen", "127.0.0.1:0", "--seed", bad], "--seed");
        }
        for bad in ["-1", "1000001", "18446744073709551616", "1e5", "nan", "inf"] {
            assert_usage_error(&[sub, "--listen", "127.0.0.1:0", "--users", bad], "--users");
        }
    }
}

#[test]
fn bad_rate_limits_are_usage_errors() {
    for sub in ["emulate", "demo"] {
        for bad in [
            "0/1",
            "1/0",
            "-1/5",
            "5/-1",
            "5",
            "5/",
            "/5",
            "nan/1",
            "1/nan",
            "1/inf",
            "1e3/1",
            "1/1.5",
            "99999999999999999999/1",
            "1/99999999999999999999",
            "100001/1",
            "1/86401",
            "1/1/1",
            "a/b",
        ] {
            assert_usage_error(
                &[sub, "--listen", "127.0.0.1:0", "--rate-limit", bad],
                "--rate-limit",
            );
        }
    }
    assert_usage_error(&["proxy", "--rate-limit", "1/1"], "--rate-limit");
}
