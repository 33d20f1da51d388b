"""The official Python SDK (cloudflare 5.9.0), with strict response validation, against the
emulator: every Access operation the console uses, paging, the update of a reusable policy,
typed errors, and the 403 of a token without the Access permissions.

Usage: access_check.py BASE_URL ACCOUNT_ID TOKEN DENIED_TOKEN APP_COUNT
Prints one line per check; exits non-zero on the first failure.
"""

import sys

import cloudflare
from cloudflare import Cloudflare
from cloudflare.types.zero_trust.access.applications.access_rule import (
    AccessUserRiskScoreRule,
)


def check(what, ok):
    if not ok:
        raise SystemExit(f"FAILED: {what}")
    print(f"ok: {what}")


def client(base, token):
    return Cloudflare(
        api_token=token, base_url=base, _strict_response_validation=True, max_retries=0
    )


def rules(items):
    return [r.to_dict() for r in items or []]


def main():
    base, account, token, denied, app_count = sys.argv[1:6]
    cf = client(base, token)
    apps_api = cf.zero_trust.access.applications
    policies_api = cf.zero_trust.access.policies

    # Applications: every page, as the SDK iterates (next page until an empty one).
    apps = list(apps_api.list(account_id=account))
    check(f"applications.list iterates {len(apps)} applications", len(apps) == int(app_count))
    check("application ids are unique", len({a.id for a in apps}) == len(apps))
    first = apps_api.list(account_id=account, page=1, per_page=7)
    check(
        "applications.list page=1 per_page=7",
        len(first.result) == min(7, len(apps))
        and first.result_info.page == 1
        and first.result_info.per_page == 7,
    )
    types = {a.type for a in apps}
    check(f"self-hosted and SaaS applications ({sorted(types)})", {"self_hosted", "saas"} <= types)

    for app in apps:
        got = apps_api.get(app.id, account_id=account)
        check(f"applications.get {app.name}", got.id == app.id and got.name == app.name)
        listed = list(apps_api.policies.list(app.id, account_id=account))
        embedded = [p.id for p in app.policies or []]
        check(
            f"applications.policies.list {app.name} ({len(listed)})",
            [p.id for p in listed] == embedded
            and [p.precedence for p in listed] == list(range(1, len(listed) + 1)),
        )

    # Reusable policies.
    reusable = list(policies_api.list(account_id=account))
    check(f"policies.list iterates {len(reusable)} reusable policies", len(reusable) > 0)
    for p in reusable:
        got = policies_api.get(p.id, account_id=account)
        check(f"policies.get {p.name}", got.id == p.id and got.reusable is True)
    risk_rules = [
        r for p in reusable for r in (p.include or []) + (p.exclude or []) + (p.require or [])
        if isinstance(r, AccessUserRiskScoreRule)
    ]
    check(f"user_risk_score rules read as AccessUserRiskScoreRule ({len(risk_rules)})", risk_rules)

    # Update: add "exclude Medium" to a reusable policy, everything else as read.
    target = next(p for p in reusable if p.name == "Employees")
    added = {"user_risk_score": {"user_risk_score": ["medium"]}}
    updated = policies_api.update(
        target.id,
        account_id=account,
        decision=target.decision,
        name=target.name,
        include=rules(target.include),
        exclude=rules(target.exclude) + [added],
        require=rules(target.require),
        session_duration=target.session_duration,
    )
    check(
        "policies.update adds the rule and keeps the others",
        rules(updated.exclude) == rules(target.exclude) + [added]
        and rules(updated.include) == rules(target.include)
        and updated.name == target.name,
    )
    again = policies_api.get(target.id, account_id=account)
    check("policies.get reads the update back", rules(again.exclude) == rules(updated.exclude))

    # Typed errors.
    missing = "00000000-0000-4000-8000-000000000000"
    for what, call, error in [
        ("applications.get of a missing id", lambda: apps_api.get(missing, account_id=account), cloudflare.NotFoundError),
        ("policies.get of a missing id", lambda: policies_api.get(missing, account_id=account), cloudflare.NotFoundError),
        (
            "policies.update with a bad decision",
            lambda: policies_api.update(target.id, account_id=account, decision="maybe", name="n", include=[]),
            cloudflare.BadRequestError,
        ),
    ]:
        try:
            call()
            check(what, False)
        except error:
            check(f"{what} raises {error.__name__}", True)

    # A token without the Access permissions: 403 on Access, risk scoring still works.
    no_access = client(base, denied)
    try:
        no_access.zero_trust.access.applications.list(account_id=account)
        check("applications.list with a token without Access", False)
    except cloudflare.PermissionDeniedError as e:
        check("applications.list with a token without Access raises PermissionDeniedError", e.status_code == 403)
    summary = no_access.zero_trust.risk_scoring.summary.get(account_id=account)
    check("the same token still reads the risk summary", summary is not None)
    print("all Access checks passed")


if __name__ == "__main__":
    main()
