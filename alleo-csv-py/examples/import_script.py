"""An HR import script: check the file, show the plan, and stop on errors.

Checked with `mypy --strict` in CI, and run by the tests.
"""

import datetime
import sys
from pathlib import Path

import alleo_csv

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    config = {"company": {"groups": ["Engineering", "Sales", "Operations", "Finance", "People"]}}
    as_of = datetime.date(2026, 11, 26)
    report = alleo_csv.validate(
        ROOT / "examples" / "lifecycle" / "alleo_employees_acme.csv",
        config=config,
        as_of=as_of,
        previous=ROOT / "examples" / "lifecycle" / "previous.csv",
    )
    for issue in report.issues:
        print(f"{issue.severity:8} {issue.code:24} row {issue.row}: {issue.message}")
    plan = alleo_csv.diff(
        ROOT / "examples" / "lifecycle" / "previous.csv",
        ROOT / "examples" / "lifecycle" / "alleo_employees_acme.csv",
        config=config,
        as_of=as_of,
    )
    summary = plan.summary
    print(f"{summary['onboard']} to onboard, {summary['deactivate']} deactivations")
    for action in plan.actions:
        if action.action == "deactivate":
            print(f"{action.email} is deactivated at {action.effective}")
    return 0 if report.valid else 1


if __name__ == "__main__":
    sys.exit(main())
