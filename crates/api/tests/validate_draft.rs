//! The integration draft: it turns the form into a create or update request body, or returns
//! every field error at once.

use zt_risk_api::validate::{FieldError, IntegrationDraft};
use zt_risk_api::{CreateIntegration, IntegrationType, UpdateIntegration};

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
