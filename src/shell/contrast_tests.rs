//! WCAG contrast of the stylesheet's color tokens, in both themes: each token's
//! `light-dark(light, dark)` pair is read from style/main.css and every text/background pair
//! the console draws is checked (4.5:1 for text, 3:1 for focus rings and chart marks).

use std::collections::HashMap;

const CSS: &str = include_str!("../../style/main.css");

/// `--name: light-dark(#light, #dark)` or `--name: #both` → (light, dark) as RGB.
fn tokens() -> HashMap<String, [(f64, f64, f64); 2]> {
    let root = &CSS[CSS.find(":root {").expect(":root")..];
    let mut root = root[..root.find("\n}").expect("end of :root")].to_owned();
    while let (Some(start), Some(end)) = (root.find("/*"), root.find("*/")) {
        root.replace_range(start..end + 2, "");
    }
    let mut out = HashMap::new();
    for decl in root.split(';') {
        let Some((name, value)) = decl.split_once(':') else {
            continue;
        };
        let name = name
            .trim()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let hexes: Vec<_> = value
            .split(|c: char| !(c.is_ascii_hexdigit() || c == '#'))
            .filter(|w| w.starts_with('#') && w.len() == 7)
            .map(rgb)
            .collect();
        match hexes[..] {
            [both] => out.insert(name.to_owned(), [both, both]),
            [light, dark] => out.insert(name.to_owned(), [light, dark]),
            _ => None,
        };
    }
    out
}

fn rgb(hex: &str) -> (f64, f64, f64) {
    let c = |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"));
    (c(1), c(3), c(5))
}

fn luminance((r, g, b): (f64, f64, f64)) -> f64 {
    let lin = |c: f64| {
        let c = c / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

fn ratio(a: (f64, f64, f64), b: (f64, f64, f64)) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn text_and_marks_keep_aa_contrast_in_both_themes() {
    let t = tokens();
    let text = [
        ("--text", "--bg"),
        ("--text", "--surface"),
        ("--text", "--unknown-bg"),
        ("--muted", "--bg"),
        ("--muted", "--surface"),
        ("--link", "--bg"),
        ("--link", "--surface"),
        ("--accent-text", "--bg"),
        ("--on-button", "--button"),
        ("--on-danger", "--danger-button"),
        ("--danger", "--danger-bg"),
        ("--danger", "--surface"),
        ("--ok", "--surface"),
        ("--ok", "--bg"),
        ("--high", "--high-bg"),
        ("--medium", "--medium-bg"),
        ("--low", "--low-bg"),
        ("--on-toast", "--toast"),
        ("--chart-text", "--surface"),
    ];
    let marks = [
        ("--focus", "--bg"),
        ("--focus", "--surface"),
        ("--control-border", "--surface"),
        ("--chart-high", "--surface"),
        ("--chart-medium", "--surface"),
        ("--chart-low", "--surface"),
    ];
    let mut failures = Vec::new();
    for (pairs, min) in [(&text[..], 4.5), (&marks[..], 3.0)] {
        for (fg, bg) in pairs {
            for (theme, i) in [("light", 0), ("dark", 1)] {
                let (Some(f), Some(b)) = (t.get(*fg), t.get(*bg)) else {
                    panic!("{fg} or {bg} is not a color token in :root");
                };
                let r = ratio(f[i], b[i]);
                if r < min {
                    failures.push(format!("{theme}: {fg} on {bg} is {r:.2}:1 (< {min})"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
