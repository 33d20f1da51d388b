//! The ids the path tests build requests with, and the path prefix they give.

pub const ACCOUNT: &str = "023e105f4ecef8ad9ca31a8372d0c353";
pub const USER: &str = "f2108713-1206-4e84-8b80-0e71a6a1c67b";
pub const INTEGRATION: &str = "f174e90a-fafe-4643-bbbc-4a0ed4fc8415";
pub const REFERENCE: &str = "idp-1";
pub const PREFIX: &str = "/accounts/023e105f4ecef8ad9ca31a8372d0c353/zt_risk_scoring";
