//! `FormErrors`: what a form shows as errors. Validation errors, and the server's errors that
//! point at a field (`source.pointer`) mapped onto that field; the rest of a failure for the
//! general error view ([`FormFailure`]); focus on the first invalid field. Owns no request:
//! the pages validate and send. Each `Field` shows its error with [`FormErrors::field`].

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use zt_risk_api::validate::FieldError;

use crate::api::ApiError;
use crate::components::ErrorView;

/// A form's fields: the name validation and the server use (`FieldError::field`, the last
/// segment of a JSON pointer) and the control's id, in the order they appear (the first
/// invalid one gets focus).
pub type FieldIds = &'static [(&'static str, &'static str)];

/// The server's errors that point at a field of the form, as field errors. A pointer names the
/// field by its last segment (`/tenant_url`), or, for a member inside a list field, by its first
/// (`/exclude/0/user_risk_score/user_risk_score/1` is the `exclude` list's).
fn server_field_errors(fields: FieldIds, error: &ApiError) -> Vec<FieldError> {
    error
        .errors()
        .iter()
        .filter_map(|item| {
            let mut segments = item.pointer()?.split('/').filter(|s| !s.is_empty());
            let (first, last) = (segments.next()?, segments.next_back());
            let (field, _) = [last, Some(first)]
                .into_iter()
                .flatten()
                .find_map(|key| fields.iter().find(|(field, _)| *field == key))?;
            Some(FieldError::new(field, item.message.clone()))
        })
        .collect()
}

/// Whether `error` needs the general error view: nothing in it pointed at a field, or
/// some of its items did not.
fn needs_error_view(fields: FieldIds, error: &ApiError) -> bool {
    let mapped = server_field_errors(fields, error).len();
    mapped == 0 || mapped < error.errors().len()
}

/// Moves focus to the first field that has an error.
fn focus_first_invalid(fields: FieldIds, errors: &[FieldError]) {
    let Some((_, id)) = fields
        .iter()
        .find(|(field, _)| errors.iter().any(|e| e.field == *field))
    else {
        return;
    };
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// What a form shows as errors: validation's, else those of the last failed request that
/// point at fields; the rest of that failure goes to [`FormFailure`].
#[derive(Clone, Copy)]
pub struct FormErrors {
    fields: FieldIds,
    client: RwSignal<Vec<FieldError>>,
    failure: Signal<Option<ApiError>>,
}

impl FormErrors {
    /// The errors of a form that only validates (it sends nothing itself).
    pub fn local(fields: FieldIds) -> Self {
        Self {
            fields,
            client: RwSignal::new(Vec::new()),
            failure: Signal::derive(|| None),
        }
    }

    /// The errors of the form that sends with `action`. When a request fails, focus moves to
    /// the first field the server named.
    pub fn sending<B, T>(fields: FieldIds, action: Action<B, Result<T, ApiError>>) -> Self
    where
        B: Send + Sync + 'static,
        T: Send + Sync + 'static,
    {
        let outcome = action.value();
        let failure = Memo::new(move |_| {
            outcome.with(|o| o.as_ref().and_then(|r| r.as_ref().err().cloned()))
        });
        Effect::new(move |_| {
            if let Some(error) = failure.get() {
                focus_first_invalid(fields, &server_field_errors(fields, &error));
            }
        });
        Self {
            fields,
            client: RwSignal::new(Vec::new()),
            failure: failure.into(),
        }
    }

    /// The message to show on `field`, if any.
    pub fn field(self, field: &'static str) -> Signal<Option<String>> {
        let fields = self.fields();
        Signal::derive(move || {
            fields.with(|e| {
                e.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    }

    /// Shows validation's verdict: `Some(body)` when valid (errors cleared), else the field
    /// errors, with focus on the first invalid field.
    pub fn check<B>(self, body: Result<B, Vec<FieldError>>) -> Option<B> {
        match body {
            Ok(body) => {
                self.client.set(Vec::new());
                Some(body)
            }
            Err(list) => {
                focus_first_invalid(self.fields, &list);
                self.client.set(list);
                None
            }
        }
    }

    /// The errors shown on the fields.
    pub fn fields(self) -> Signal<Vec<FieldError>> {
        Signal::derive(move || {
            let client = self.client.get();
            match (client.is_empty(), self.failure.get()) {
                (true, Some(error)) => server_field_errors(self.fields, &error),
                _ => client,
            }
        })
    }

    /// The last failure, when it needs the general error view (not all of it fits on fields).
    pub fn general(self) -> Option<ApiError> {
        self.failure
            .get()
            .filter(|e| self.client.with(Vec::is_empty) && needs_error_view(self.fields, e))
    }

    /// Dispatches the validated `body` through `action`, or shows the field errors and focuses
    /// the first invalid field. Ignored while a request is pending.
    pub fn submit<B, O>(self, action: Action<B, O>, body: Result<B, Vec<FieldError>>)
    where
        B: Send + Sync + 'static,
        O: Send + Sync + 'static,
    {
        if action.pending().get_untracked() {
            return;
        }
        if let Some(body) = self.check(body) {
            action.value().set(None);
            action.dispatch(body);
        }
    }

    /// Forgets validation errors (the draft was discarded).
    pub fn clear(self) {
        self.client.set(Vec::new());
    }
}

/// The general error view of a form's last failure, when it does not all fit on fields.
#[component]
pub fn FormFailure(
    /// The form's errors.
    errors: FormErrors,
) -> impl IntoView {
    move || errors.general().map(|error| view! { <ErrorView error/> })
}
