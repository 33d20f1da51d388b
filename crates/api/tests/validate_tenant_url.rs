//! Validation of the Okta tenant URL an admin types: what is accepted and how it is normalised,
//! what is refused, the host length limits, the messages, and awkward Unicode.

use zt_risk_api::validate::tenant_url;

#[test]
fn tenant_url_accepts_and_normalises() {
    let cases = [
        ("https://acme.okta.com", "https://acme.okta.com"),
        ("https://acme.okta.com/", "https://acme.okta.com"),
        ("HTTPS://Acme.Okta.com", "https://acme.okta.com"),
        ("hTtPs://ACME.OKTA.COM/", "https://acme.okta.com"),
        ("  https://acme.okta.com \n", "https://acme.okta.com"),
        ("\thttps://acme.okta.com/\t", "https://acme.okta.com"),
        ("https://acme.okta.com:8443", "https://acme.okta.com:8443"),
        ("https://acme.okta.com:443/", "https://acme.okta.com:443"),
        ("https://acme.okta.com:65535", "https://acme.okta.com:65535"),
        (
            "https://acme-dev.oktapreview.com",
            "https://acme-dev.oktapreview.com",
        ),
        ("https://acme.okta-emea.com", "https://acme.okta-emea.com"),
        ("https://a.b.c.d.example", "https://a.b.c.d.example"),
        ("https://123.okta.com", "https://123.okta.com"),
    ];
    for (input, normalised) in cases {
        assert_eq!(tenant_url(input).as_deref(), Ok(normalised), "{input:?}");
        // Normalised output is a fixed point.
        assert_eq!(tenant_url(normalised).as_deref(), Ok(normalised));
    }
}

#[test]
fn tenant_url_rejects() {
    let cases = [
        "",
        "   ",
        "http://acme.okta.com",
        "acme.okta.com",
        "//acme.okta.com",
        "ftp://acme.okta.com",
        "https:/acme.okta.com",
        "https//acme.okta.com",
        "https://",
        "https:///",
        "https://acme.okta.com/oauth2",
        "https://acme.okta.com//",
        "https://acme.okta.com/?",
        "https://acme.okta.com?x=1",
        "https://acme.okta.com#frag",
        "https://user:pw@acme.okta.com",
        "https://user@acme.okta.com",
        "https://evil.com\\@acme.okta.com",
        "https://evil.com%40acme.okta.com",
        "https://localhost",
        "https://okta",
        "https://acme.okta.com.",
        "https://.okta.com",
        "https://acme..okta.com",
        "https://-acme.okta.com",
        "https://acme-.okta.com",
        "https://acme_corp.okta.com",
        "https://acme .okta.com",
        "https:// acme.okta.com",
        "https://acme.okta.com /",
        "https://ac\nme.okta.com",
        "https://acmé.okta.com",
        "https://127.0.0.1",
        "https://[::1]",
        "https://[::1]:443",
        "https://acme.okta.com:",
        "https://acme.okta.com:0",
        "https://acme.okta.com:65536",
        "https://acme.okta.com:99999999999",
        "https://acme.okta.com:+443",
        "https://acme.okta.com:-1",
        "https://acme.okta.com:80:80",
        "https://acme.okta.com:http",
        "https://:443",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "https://<script>.okta.com",
    ];
    for input in cases {
        let err = tenant_url(input).expect_err(input);
        assert_eq!(err.field, "tenant_url", "{input:?}");
        assert!(!err.message.is_empty());
        assert_eq!(err.to_string(), err.message);
    }
}

#[test]
fn tenant_url_host_length_limits() {
    let label63 = "a".repeat(63);
    let ok = format!("https://{label63}.okta.com");
    assert!(tenant_url(&ok).is_ok());
    let label64 = "a".repeat(64);
    assert!(tenant_url(&format!("https://{label64}.okta.com")).is_err());
    // 4 × 63 + separators is over 253 characters.
    let long_host = [label63.as_str(); 4].join(".") + ".com";
    assert!(tenant_url(&format!("https://{long_host}")).is_err());
}

#[test]
fn tenant_url_messages_say_what_is_wrong() {
    let message = |input: &str| tenant_url(input).unwrap_err().message;
    assert!(message("").contains("Enter"));
    assert!(message("http://acme.okta.com").contains("https://"));
    assert!(message("https://acme.okta.com/path").contains("path"));
    assert!(message("https://u:p@acme.okta.com").contains("password"));
    assert!(message("https://acme.okta.com:0").contains("port"));
    assert!(message("https://localhost").contains("host"));
}

#[test]
fn tenant_url_survives_awkward_unicode_without_panicking() {
    // The scheme check slices by bytes; a multi-byte char across that boundary must not panic.
    for input in [
        "ｈttps://acme.okta.com",
        "httpé://x",
        "é",
        "https:/é",
        "🙂🙂🙂🙂🙂🙂🙂🙂",
    ] {
        assert!(tenant_url(input).is_err(), "{input:?}");
    }
}
