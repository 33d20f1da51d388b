//! The panel shown after a create: the well-known URL to copy and the next step in Okta (the
//! steps are shared with the integration's page).

use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::Integration;

use super::copy::CopyField;
use crate::routes::Page;

/// What to do in Okta with the well-known URL shown above the steps.
#[component]
pub fn OktaSteps() -> impl IntoView {
    view! {
        <ol>
            <li>"In the Okta Admin Console, go to " <strong>"Security → Device Integrations"</strong> "."</li>
            <li>"Open " <strong>"Receive shared signals"</strong> " and create a stream."</li>
            <li>"Paste the well-known URL above and save."</li>
        </ol>
    }
}

/// "Integration created": the well-known URL with Copy, what to do in Okta, and where to go next.
#[component]
pub fn CreatedPanel(
    /// The integration the API returned.
    integration: Integration,
) -> impl IntoView {
    let href = Page::Integration.link(&integration.id);
    let heading = NodeRef::<leptos::html::H2>::new();
    // Focus moves from the (now gone) submit button to the result.
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    view! {
        <section class="created" role="status" aria-labelledby="created-heading">
            <h2 id="created-heading" tabindex="-1" node_ref=heading>"Integration created"</h2>
            <p>
                "Cloudflare will share risk score changes with "
                <strong>{integration.tenant_url.clone()}</strong>
                ". Reference ID: " <code>{integration.reference_id.clone()}</code>
            </p>
            <CopyField id="well-known-url" label="Well-known URL" value=integration.well_known_url.clone()/>
            <h3>"Next step in Okta"</h3>
            <OktaSteps/>
            <div class="actions">
                <A href=href attr:class="button">"View integration"</A>
                <A href=Page::Integrations.path() attr:class="button secondary">"Back to integrations"</A>
            </div>
        </section>
    }
}
