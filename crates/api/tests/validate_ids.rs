//! Validation of the ids an admin types or the console is configured with: reference ids (optional
//! and required), account ids and UUIDs.

use zt_risk_api::validate::{account_id, is_uuid, reference_id, required_reference_id};

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
