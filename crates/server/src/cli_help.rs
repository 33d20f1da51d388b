//! The text of `zt-risk-server --help`; the PROXY OPTIONS section comes from the proxy's
//! settings (`zt_risk_proxy_settings::help`), the one place its flags are described.

use zt_risk_proxy_settings as settings;

use super::MAX_USERS;
use crate::emulator::access::seed::MAX_APPS;
use crate::emulator::seed::{DEFAULT_APPS, DEFAULT_SEED, DEFAULT_USERS};

/// The help text: usage, what each subcommand serves, and every option.
pub fn help() -> String {
    format!(
        "\
zt-risk-server: local emulator, CORS proxy and static host for the risk scoring console

USAGE:
  zt-risk-server emulate [--listen 127.0.0.1:8787] [DATA OPTIONS]
  zt-risk-server proxy   [--listen 127.0.0.1:8788] [PROXY OPTIONS] [--dist DIR]
                         [--connect-src ORIGIN]...
  zt-risk-server demo    [--listen 127.0.0.1:8080] [--dist dist] [DATA OPTIONS]
  zt-risk-server headers --dist DIR [--connect-src ORIGIN]...   (writes DIR/_headers)

Every server prints the URL it serves once it is ready.

emulate   The 11 Zero Trust Risk Scoring operations at /accounts/... and /client/v4/accounts/...
          with Cloudflare's v4 envelope, auth (Bearer token or X-Auth-Email + X-Auth-Key) and
          validation, and the 6 Access operations the console uses (applications, their
          policies, reusable policies: list, get, update). Every 32-hex account id has a
          data set of its own, made on first use, unless --account pins one. Each
          integration's SSF transmitter configuration is public at
          /ssf/.well-known/sse-configuration/{{id}}.
proxy     Forwards only those 17 operations to --upstream for the exact origins given with
          --allow-origin; everything else is refused with a v4 error. Also
          GET [/client/v4]/ssf/.well-known/sse-configuration/{{uuid}}, fetched without
          credentials from the SSF host. With --dist it serves the console too.
demo      The console (--dist) and the emulator on one origin, with a config.json that points
          the console at the emulator (any token accepted).
headers   Writes the static hosts' _headers file for a built dist (the same CSP and headers
          the server sends); serves nothing.

PROXY OPTIONS (proxy; `cargo xtask edge` takes the same, the Worker as vars):
{proxy}
DATA OPTIONS (emulate, demo):
  --seed N        demo data seed (default {DEFAULT_SEED}): same seed and account id, same users, ids
                  and events; each account id gets its own data set, made on first use
  --users N       number of demo users per account (default {DEFAULT_USERS}, at most {MAX_USERS})
  --apps N        Access applications per account (default {DEFAULT_APPS}, the demo set; at most
                  {MAX_APPS}): more are generated after the demo ones, fewer keep the first N
  --fresh         every account starts like a new Cloudflare account: no users, no
                  integrations, every behavior disabled (the demo seed enables 6 of 8),
                  no Access applications or policies
  --token T       accept only this token (Bearer, or X-Auth-Key); default: any
  --account ID    serve only this account id (32 hex); others get 403/404
  --state FILE    keep the data of every account in FILE: loaded at start, every write
                  (and every new account) made durable before it is acknowledged
  --access-denied-token T
                  requests with token (or X-Auth-Key) T get 403 (code 10000) from every
                  Access operation, as a token without the Access permissions does; the
                  risk scoring operations accept it
  --rate-limit N/SECS
                  answer 429 (code 971, Retry-After) once a credential has made N requests
                  in the last SECS seconds (sliding window); off by default. Cloudflare's
                  limit is 1200/300
  --activity N/MIN
                  time passes: every MIN minutes (N/min: every minute), N distinct users
                  of each account get one new event of an enabled behavior, the same for
                  the same seed; the summary's rows change with them. Off by default
  --request-log FILE
                  append one line per API request answered to FILE (METHOD PATH STATUS),
                  for tests and benchmarks that count requests

BEHAVIORS: imp_travel, high_dlp and sentinel_one are Cloudflare's public ids. The other five
are INVENTED by this emulator (Cloudflare has not published theirs): crowdstrike_low_zta,
crowdstrike_medium_zta, malicious_file_interaction, suspicious_security_domain,
high_risk_domain.
",
        proxy = settings::help()
    )
}
