//! Validation of what admins type, each rule returning an error a form can show by its field.

use std::fmt;

use crate::{CreateIntegration, IntegrationType, UpdateIntegration};

/// A problem with one form field; `field` is the request body key it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The Okta tenant base URL: `https://` + a host (optional port), nothing else.
/// Returns the normalised URL (trimmed, lower-case host, no trailing slash).
pub fn tenant_url(input: &str) -> Result<String, FieldError> {
    let err = |m: &str| Err(FieldError::new("tenant_url", m));
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return err("Enter the Okta tenant URL, for example https://your-company.okta.com.");
    }
    let Some(rest) = strip_prefix_ignore_case(trimmed, "https://") else {
        return err("The tenant URL must start with https://.");
    };
    let authority = rest.strip_suffix('/').unwrap_or(rest);
    if authority.contains(['/', '?', '#']) {
        return err("Use the tenant's base URL only, without a path, query or fragment.");
    }
    if authority.contains('@') {
        return err("The tenant URL must not contain a user name or password.");
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    if let Some(port) = port {
        if port.is_empty()
            || !port.bytes().all(|b| b.is_ascii_digit())
            || port.parse::<u16>().map_or(true, |p| p == 0)
        {
            return err("The port in the tenant URL is not a valid number.");
        }
    }
    if !valid_host(host) {
        return err("The tenant URL needs a valid host name, for example your-company.okta.com.");
    }
    let host = host.to_ascii_lowercase();
    Ok(match port {
        Some(p) => format!("https://{host}:{p}"),
        None => format!("https://{host}"),
    })
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// A DNS name of at least two labels, each 1–63 letters, digits or inner hyphens.
fn valid_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    host.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.bytes().any(|b| b.is_ascii_alphabetic()))
}

/// An optional reference id: trimmed; blank means "let the API generate one".
pub fn reference_id(input: &str) -> Result<Option<String>, FieldError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    // Counted in characters, as the message says; `len()` would count UTF-8 bytes.
    if trimmed.chars().count() > 255 {
        return Err(FieldError::new(
            "reference_id",
            "The reference ID is too long (255 characters at most).",
        ));
    }
    if trimmed.chars().all(|c| c == '.') || trimmed.chars().any(char::is_control) {
        return Err(FieldError::new(
            "reference_id",
            "The reference ID contains characters the API cannot take.",
        ));
    }
    Ok(Some(trimmed.to_owned()))
}

/// A required reference id, e.g. for a lookup.
pub fn required_reference_id(input: &str) -> Result<String, FieldError> {
    reference_id(input)?.ok_or_else(|| FieldError::new("reference_id", "Enter a reference ID."))
}

/// A Cloudflare account id: 32 hexadecimal characters. Returns it trimmed and lower-cased.
pub fn account_id(input: &str) -> Result<String, FieldError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(FieldError::new("account_id", "Enter the account ID (32 hexadecimal characters, shown in the dashboard's URL and Overview page)."));
    }
    if trimmed.len() != 32 || !trimmed.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(FieldError::new(
            "account_id",
            "An account ID is exactly 32 hexadecimal characters (0-9, a-f).",
        ));
    }
    Ok(trimmed.to_ascii_lowercase())
}

/// True if `s` is a UUID in its hyphenated form (any version).
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// What the create form holds, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IntegrationDraft {
    pub tenant_url: String,
    pub reference_id: String,
    pub active: bool,
}

impl IntegrationDraft {
    /// The create body, or every field error at once.
    pub fn to_create(&self) -> Result<CreateIntegration, Vec<FieldError>> {
        let (tenant_url, reference_id) = self.fields()?;
        Ok(CreateIntegration {
            integration_type: IntegrationType::Okta,
            tenant_url,
            reference_id,
        })
    }

    /// The update body (a full overwrite), or every field error at once.
    pub fn to_update(&self) -> Result<UpdateIntegration, Vec<FieldError>> {
        let (tenant_url, reference_id) = self.fields()?;
        Ok(UpdateIntegration {
            active: self.active,
            tenant_url,
            reference_id,
        })
    }

    fn fields(&self) -> Result<(String, Option<String>), Vec<FieldError>> {
        match (
            tenant_url(&self.tenant_url),
            reference_id(&self.reference_id),
        ) {
            (Ok(url), Ok(reference)) => Ok((url, reference)),
            (url, reference) => Err(url.err().into_iter().chain(reference.err()).collect()),
        }
    }
}
