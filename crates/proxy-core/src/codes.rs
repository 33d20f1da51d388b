//! The v4 error codes this project uses, for the emulator and the proxy alike.
//!
//! | code  | status | meaning |
//! |-------|--------|---------|
//! | 10000 | 401/403| Authentication error (missing or wrong credentials, account not allowed) |
//! | 7003  | 404    | No route for the URI (and Cloudflare's "Could not route to …" for bad account ids) |
//! | 7001  | 405    | Method not allowed for this route |
//! | 1001  | 400    | Body is not valid JSON |
//! | 1002  | 400    | A required field is missing |
//! | 1003  | 400    | A field, path id, query parameter or header has the wrong type or an invalid value |
//! | 1004  | 404    | The user or integration does not exist |
//! | 1005  | 400    | `PUT /behaviors` names a behavior id that does not exist |
//! | 1006  | 409    | Another integration already uses this `reference_id` |
//! | 1007  | 413    | Request body too large |
//! | 1008  | 403    | (proxy) Origin or preflight header not allowed |
//! | 1009  | 403    | (proxy) Account not allowed by this proxy |
//! | 1010  | 502    | (proxy) Upstream unreachable |
//! | 1011  | 504    | (proxy) Upstream timed out |
//! | 1012  | 500    | (emulator) State could not be saved; nothing was changed |
//! | 1013  | 500    | (proxy) The proxy itself is misconfigured |

pub const AUTH: i64 = 10000;
pub const NO_ROUTE: i64 = 7003;
pub const METHOD: i64 = 7001;
pub const BAD_JSON: i64 = 1001;
pub const MISSING: i64 = 1002;
pub const INVALID: i64 = 1003;
pub const NOT_FOUND: i64 = 1004;
pub const UNKNOWN_BEHAVIOR: i64 = 1005;
pub const CONFLICT: i64 = 1006;
pub const TOO_LARGE: i64 = 1007;
pub const ORIGIN: i64 = 1008;
pub const ACCOUNT: i64 = 1009;
pub const UPSTREAM_DOWN: i64 = 1010;
pub const UPSTREAM_TIMEOUT: i64 = 1011;
pub const STATE: i64 = 1012;
pub const MISCONFIGURED: i64 = 1013;
