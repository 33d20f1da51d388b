//! Validation of what admins type: the Okta tenant URL, reference ids, account ids, UUIDs, and
//! the integration draft that turns a form into a request body or every field error at once.

use zt_risk_api::validate::{
    account_id, is_uuid, reference_id, required_reference_id, tenant_url, FieldError,
    IntegrationDraft,
};
use zt_risk_api::{CreateIntegration, IntegrationType, UpdateIntegration};

// ---- tenant URL ----

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

// ---- reference id ----

#[test]
fn reference_id_is_trimmed_and_blank_means_none() {
    assert_eq!(reference_id(""), Ok(None));
    assert_eq!(reference_id("   \t\n"), Ok(None));
    assert_eq!(reference_id("  idp-1  "), Ok(Some("idp-1".into())));
    assert_eq!(
        reference_id("f174e90a-fafe-4643-bbbc-4a0ed4fc8415"),
        Ok(Some("f174e90a-fafe-4643-bbbc-4a0ed4fc8415".into()))
    );
    // Inner spaces and path-ish characters are data (the path builder encodes them).
    assert_eq!(reference_id(" a b/c?d "), Ok(Some("a b/c?d".into())));
    assert_eq!(reference_id("é"), Ok(Some("é".into())));
    assert_eq!(reference_id(".a"), Ok(Some(".a".into())));
}

#[test]
fn reference_id_rejects_control_characters_and_dot_only() {
    for input in [
        "a\u{0}b",
        "a\u{7}b",
        "a\nb",
        "a\tb",
        "a\u{1b}[31mb",
        "a\u{7f}",
        "a\u{85}b",
        ".",
        "..",
        " ... ",
    ] {
        let err = reference_id(input).expect_err(input);
        assert_eq!(err.field, "reference_id", "{input:?}");
    }
}

#[test]
fn reference_id_length_limit() {
    assert!(reference_id(&"a".repeat(255)).is_ok());
    assert!(reference_id(&format!("  {}  ", "a".repeat(255))).is_ok());
    assert_eq!(
        reference_id(&"a".repeat(256)).unwrap_err().field,
        "reference_id"
    );
}

#[test]
fn reference_id_limit_counts_characters_as_its_message_says() {
    // "255 characters at most": 255 two-byte characters fit, 256 do not.
    let message = reference_id(&"a".repeat(256)).unwrap_err().message;
    assert!(message.contains("255 characters"), "{message}");
    assert_eq!(reference_id(&"é".repeat(255)), Ok(Some("é".repeat(255))));
    assert!(reference_id(&"é".repeat(256)).is_err());
    assert!(reference_id(&"用".repeat(255)).is_ok());
}

#[test]
fn required_reference_id_refuses_blank() {
    assert_eq!(required_reference_id(" idp "), Ok("idp".into()));
    let err = required_reference_id("  ").unwrap_err();
    assert_eq!(err.field, "reference_id");
    assert!(err.message.contains("Enter"));
    assert_eq!(
        required_reference_id("..").unwrap_err().field,
        "reference_id"
    );
}

// ---- account id ----

#[test]
fn account_id_is_32_hex_characters() {
    let id = "023e105f4ecef8ad9ca31a8372d0c353";
    assert_eq!(account_id(id).as_deref(), Ok(id));
    assert_eq!(
        account_id("  023E105F4ECEF8AD9CA31A8372D0C353 ").as_deref(),
        Ok(id)
    );
    for bad in [
        "",
        "   ",
        "023e105f4ecef8ad9ca31a8372d0c35",
        "023e105f4ecef8ad9ca31a8372d0c3533",
        "023e105f4ecef8ad9ca31a8372d0c35g",
        "023e105f-4ece-f8ad-9ca3-1a8372d0c353",
        "023e105f4ecef8ad 9ca31a8372d0c353",
        "../../../../../../../../../../..",
        "０23e105f4ecef8ad9ca31a8372d0c35",
        "0x3e105f4ecef8ad9ca31a8372d0c353",
    ] {
        let err = account_id(bad).expect_err(bad);
        assert_eq!(err.field, "account_id", "{bad:?}");
    }
}

#[test]
fn uuid_check() {
    assert!(is_uuid("f174e90a-fafe-4643-bbbc-4a0ed4fc8415"));
    assert!(is_uuid("F174E90A-FAFE-4643-BBBC-4A0ED4FC8415"));
    assert!(is_uuid("00000000-0000-0000-0000-000000000000"));
    for bad in [
        "",
        "f174e90afafe4643bbbc4a0ed4fc8415",
        "f174e90a-fafe-4643-bbbc-4a0ed4fc841",
        "f174e90a-fafe-4643-bbbc-4a0ed4fc84155",
        "f174e90a_fafe-4643-bbbc-4a0ed4fc8415",
        "g174e90a-fafe-4643-bbbc-4a0ed4fc8415",
        "{f174e90a-fafe-4643-bbbc-4a0ed4fc841}",
        " f174e90a-fafe-4643-bbbc-4a0ed4fc841",
        "summary",
    ] {
        assert!(!is_uuid(bad), "{bad:?}");
    }
}

// ---- integration draft ----

fn draft(tenant: &str, reference: &str, active: bool) -> IntegrationDraft {
    IntegrationDraft {
        tenant_url: tenant.into(),
        reference_id: reference.into(),
        active,
    }
}

fn fields(errors: &[FieldError]) -> Vec<&'static str> {
    errors.iter().map(|e| e.field).collect()
}

#[test]
fn draft_to_create() {
    assert_eq!(
        draft(" HTTPS://Acme.Okta.com/ ", "", false).to_create(),
        Ok(CreateIntegration {
            integration_type: IntegrationType::Okta,
            tenant_url: "https://acme.okta.com".into(),
            reference_id: None,
        })
    );
    assert_eq!(
        draft("https://acme.okta.com", " idp ", true).to_create(),
        Ok(CreateIntegration {
            integration_type: IntegrationType::Okta,
            tenant_url: "https://acme.okta.com".into(),
            reference_id: Some("idp".into()),
        })
    );
}

#[test]
fn draft_to_update_carries_active() {
    for active in [true, false] {
        assert_eq!(
            draft("https://acme.okta.com:8443", "idp", active).to_update(),
            Ok(UpdateIntegration {
                active,
                tenant_url: "https://acme.okta.com:8443".into(),
                reference_id: Some("idp".into()),
            })
        );
    }
}

#[test]
fn draft_returns_every_field_error_at_once() {
    let bad = draft("http://acme.okta.com", "a\u{0}b", true);
    let create = bad.to_create().unwrap_err();
    assert_eq!(fields(&create), ["tenant_url", "reference_id"]);
    let update = bad.to_update().unwrap_err();
    assert_eq!(update, create);

    assert_eq!(
        fields(&draft("", "..", false).to_create().unwrap_err()),
        ["tenant_url", "reference_id"]
    );
    assert_eq!(
        fields(&draft("nope", "ok", false).to_create().unwrap_err()),
        ["tenant_url"]
    );
    assert_eq!(
        fields(
            &draft("https://acme.okta.com", &"x".repeat(300), false)
                .to_update()
                .unwrap_err()
        ),
        ["reference_id"]
    );
}

#[test]
fn default_draft_asks_for_the_tenant_url_only() {
    let errors = IntegrationDraft::default().to_create().unwrap_err();
    assert_eq!(fields(&errors), ["tenant_url"]);
    assert!(errors[0].message.contains("Enter"));
}
