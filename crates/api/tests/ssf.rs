//! The SSF configuration document decodes tolerantly: missing, null and odd fields never fail.

use zt_risk_api::SsfConfiguration;

#[test]
fn a_full_document_decodes() {
    let doc: SsfConfiguration = serde_json::from_str(
        r#"{"spec_version":"1_0","issuer":"https://i","jwks_uri":"https://i/jwks.json",
            "delivery_methods_supported":["urn:ietf:rfc:8935","urn:ietf:rfc:8936"],
            "configuration_endpoint":"https://i/ssf/stream","events_supported":["e1","e2"],
            "authorization_schemes":[{"spec_urn":"urn:ietf:rfc:6749"}],"default_subjects":"ALL"}"#,
    )
    .expect("decodes");
    assert_eq!(doc.issuer.as_deref(), Some("https://i"));
    assert_eq!(doc.jwks_uri.as_deref(), Some("https://i/jwks.json"));
    assert_eq!(doc.delivery_methods_supported.len(), 2);
    assert_eq!(
        doc.configuration_endpoint.as_deref(),
        Some("https://i/ssf/stream")
    );
    assert_eq!(doc.events_supported, ["e1", "e2"]);
}

#[test]
fn a_sparse_or_odd_document_still_decodes() {
    let doc: SsfConfiguration = serde_json::from_str(
        r#"{"issuer":null,"delivery_methods_supported":"push","events_supported":["e1",7,null]}"#,
    )
    .expect("decodes");
    assert_eq!(doc.issuer, None);
    assert!(doc.delivery_methods_supported.is_empty());
    assert_eq!(doc.events_supported, ["e1"]);
    assert_eq!(
        serde_json::from_str::<SsfConfiguration>("{}").ok(),
        Some(SsfConfiguration::default())
    );
}
