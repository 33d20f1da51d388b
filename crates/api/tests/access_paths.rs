//! The Access paths (each id one encoded segment, segments parsers drop refused), the paging
//! query, and when to ask for the next page from `result_info`.

mod common;

use common::ids::ACCOUNT;
use zt_risk_api::paging::PageRequest;
use zt_risk_api::paths::{self, PathError, SegmentKind};
use zt_risk_api::ResultInfo;

const APP: &str = "0f8b2a1e-9a4c-4d2e-8f1a-2b3c4d5e6f70";
const POLICY: &str = "f174e90a-fafe-4643-bbbc-4a0ed4fc8415";

#[test]
fn one_path_per_operation() {
    let base = format!("/accounts/{ACCOUNT}/access");
    let page = Some(PageRequest {
        page: 3,
        per_page: 50,
    });
    for (built, expected) in [
        (
            paths::access_apps(ACCOUNT, page),
            format!("{base}/apps?page=3&per_page=50"),
        ),
        (paths::access_apps(ACCOUNT, None), format!("{base}/apps")),
        (
            paths::access_app(ACCOUNT, APP),
            format!("{base}/apps/{APP}"),
        ),
        (
            paths::access_app_policies(ACCOUNT, APP, page),
            format!("{base}/apps/{APP}/policies?page=3&per_page=50"),
        ),
        (
            paths::access_app_policies(ACCOUNT, APP, None),
            format!("{base}/apps/{APP}/policies"),
        ),
        (
            paths::access_policies(ACCOUNT, page),
            format!("{base}/policies?page=3&per_page=50"),
        ),
        (
            paths::access_policy(ACCOUNT, POLICY),
            format!("{base}/policies/{POLICY}"),
        ),
    ] {
        assert_eq!(built, Ok(expected));
    }
}

#[test]
fn ids_are_one_encoded_segment() {
    let base = format!("/accounts/{ACCOUNT}/access");
    assert_eq!(
        paths::access_app(ACCOUNT, "../policies?x=1#y"),
        Ok(format!("{base}/apps/..%2Fpolicies%3Fx%3D1%23y"))
    );
    assert_eq!(
        paths::access_policy(ACCOUNT, "a/b"),
        Ok(format!("{base}/policies/a%2Fb"))
    );
    assert_eq!(
        paths::access_app_policies(ACCOUNT, "é", None),
        Ok(format!("{base}/apps/%C3%A9/policies"))
    );
    for bad in ["", ".", ".."] {
        assert_eq!(
            paths::access_app(ACCOUNT, bad),
            Err(PathError {
                kind: SegmentKind::Application,
                value: bad.into()
            })
        );
        assert_eq!(
            paths::access_policy(ACCOUNT, bad).map_err(|e| e.kind),
            Err(SegmentKind::Policy)
        );
    }
    assert_eq!(
        paths::access_policies("..", None).map_err(|e| e.kind),
        Err(SegmentKind::Account)
    );
    assert_eq!(SegmentKind::Application.label(), "application id");
    assert_eq!(SegmentKind::Policy.label(), "policy id");
}

fn info(total_count: Option<u64>, total_pages: Option<u64>) -> ResultInfo {
    ResultInfo {
        count: None,
        page: None,
        per_page: None,
        total_count,
        total_pages,
    }
}

#[test]
fn next_page_follows_result_info() {
    let first = PageRequest::first(50);
    assert_eq!(first.query(), "page=1&per_page=50");
    let second = Some(PageRequest {
        page: 2,
        per_page: 50,
    });
    // total_pages first, then total_count, then "a full page may have more".
    assert_eq!(first.next(50, Some(&info(Some(999), Some(2)))), second);
    assert_eq!(first.next(50, Some(&info(Some(999), Some(1)))), None);
    assert_eq!(first.next(50, Some(&info(Some(51), None))), second);
    assert_eq!(first.next(50, Some(&info(Some(50), None))), None);
    assert_eq!(first.next(50, None), second);
    assert_eq!(first.next(49, None), None);
    assert_eq!(
        first.next(0, Some(&info(Some(999), Some(20)))),
        None,
        "an empty page ends"
    );
    // The server's own per_page counts when it differs from the one asked for.
    let capped = ResultInfo {
        per_page: Some(20),
        ..info(Some(30), None)
    };
    assert_eq!(first.next(20, Some(&capped)), second);
    // 1,000 applications at 50 a page: 20 pages.
    let mut page = Some(first);
    let mut asked = 0;
    while let Some(p) = page {
        asked += 1;
        page = p.next(50, Some(&info(Some(1000), Some(20))));
    }
    assert_eq!(asked, 20);
}
