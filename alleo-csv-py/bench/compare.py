"""alleo_csv.validate against pandas and frictionless, on one generated file, in one run.

    python alleo-csv-py/bench/compare.py FILE.csv [FRICTIONLESS_SAMPLE_ROWS]

FILE.csv comes from `target/release/generate 1000000 FILE.csv` (its configuration is
FILE.csv.toml); `scripts/bench-python.sh` does it all. This is a benchmark, not a
test: it prints a table of times, and whether the three agree on the file being
valid.

Every tool checks what it can of the same rules: required values, email format and
uniqueness (case-insensitive), YYYY-MM-DD dates that exist, onboarding and
offboarding dates against the pickup date, birthday plausibility, language,
company group, and the typed custom fields. pandas does it with vectorised
operations after read_csv; frictionless validates a Table Schema with the same
constraints. frictionless is slow enough that it checks a sample of the first rows
(100,000 by default); its time is scaled to the whole file, and the table says so.
"""

import datetime
import sys
import time
from pathlib import Path

import alleo_csv

AS_OF = datetime.date(2026, 11, 26)
GROUPS = ["Engineering", "Sales", "Operations", "Finance", "People"]
EMAIL = r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
DATE = r"^\d{4}-\d{2}-\d{2}$"
DATES = ["Onboarding date", "Offboarding date", "Birthday", "Work anniversary", "custom_contract_end"]


def with_alleo(path: Path) -> tuple:
    started = time.perf_counter()
    report = alleo_csv.validate(path, config=Path(f"{path}.toml"), as_of=AS_OF)
    return time.perf_counter() - started, report.valid, report.rows


def with_pandas(path: Path) -> tuple:
    import pandas as pd

    started = time.perf_counter()
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    problems = 0
    for column in ["Email", "First name", "Last name"]:
        problems += int((df[column].str.strip() == "").sum())
    email = df["Email"].str.strip()
    problems += int((~email.str.match(EMAIL)).sum())
    problems += int(email.str.lower().duplicated().sum())
    parsed = {}
    for column in DATES:
        values = df[column]
        filled = values != ""
        dates = pd.to_datetime(values.where(filled), format="%Y-%m-%d", errors="coerce")
        problems += int((filled & (~values.str.match(DATE) | dates.isna())).sum())
        parsed[column] = dates
    today = pd.Timestamp(AS_OF)
    problems += int((parsed["Offboarding date"] <= today).sum())
    problems += int((parsed["Offboarding date"] <= parsed["Onboarding date"]).sum())
    problems += int(((parsed["Birthday"] > today) | (parsed["Birthday"] < today - pd.DateOffset(years=120))).sum())
    problems += int((~df["Language"].isin(["", "en", "nl", "de"])).sum())
    problems += int((~df["Company group"].isin([""] + GROUPS)).sum())
    problems += int((~df["custom_employee_id"].str.match(r"^-?\d+$")).sum())
    problems += int((~df["custom_fte"].str.match(r"^-?\d+(\.\d+)?$")).sum())
    return time.perf_counter() - started, problems == 0, len(df)


def with_frictionless(path: Path, sample: int) -> tuple:
    from frictionless import Checklist, Resource, Schema, validate

    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    sample_path = path.with_name(f"{path.stem}_sample_{sample}.csv")
    sample_path.write_text("".join(lines[: sample + 1]), encoding="utf-8")
    date = {"type": "date", "format": "%Y-%m-%d"}
    schema = Schema.from_descriptor(
        {
            "fields": [
                {"name": "Email", "type": "string", "constraints": {"required": True, "unique": True, "pattern": EMAIL[1:-1]}},
                {"name": "First name", "type": "string", "constraints": {"required": True}},
                {"name": "Last name", "type": "string", "constraints": {"required": True}},
                {"name": "Prefix", "type": "string"},
                {"name": "Onboarding date", **date},
                {"name": "Offboarding date", **date},
                {"name": "Birthday", **date, "constraints": {"maximum": AS_OF.isoformat()}},
                {"name": "Work anniversary", **date},
                {"name": "Language", "type": "string", "constraints": {"enum": ["en", "nl", "de"]}},
                {"name": "Company group", "type": "string", "constraints": {"enum": GROUPS}},
                {"name": "custom_employee_id", "type": "string", "constraints": {"pattern": r"-?\d+"}},
                {"name": "custom_fte", "type": "number"},
                {"name": "custom_contract_end", **date},
            ]
        }
    )
    started = time.perf_counter()
    # frictionless refuses absolute paths ("not safe"): a name in a base folder.
    resource = Resource(path=sample_path.name, basepath=str(sample_path.parent), schema=schema)
    report = validate(resource, checklist=Checklist())
    took = time.perf_counter() - started
    sample_path.unlink()
    if not report.valid:
        print("frictionless:", report.flatten(["rowNumber", "type", "note"])[:3], file=sys.stderr)
    return took, report.valid, sample


def main() -> None:
    path = Path(sys.argv[1]).resolve()
    sample = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    alleo_time, alleo_valid, rows = with_alleo(path)
    pandas_time, pandas_valid, _ = with_pandas(path)
    fl_time, fl_valid, fl_rows = with_frictionless(path, sample)
    fl_scaled = fl_time * rows / fl_rows
    size = path.stat().st_size / 1e6
    print(f"{rows:,} rows, {size:.0f} MB; frictionless on the first {fl_rows:,} rows, scaled by {rows / fl_rows:.0f}")
    print(f"| tool | time | vs alleo_csv | says valid |")
    print(f"| --- | --- | --- | --- |")
    print(f"| `alleo_csv.validate` | {alleo_time:.2f} s | 1x | {alleo_valid} |")
    print(f"| pandas `read_csv` + vectorised checks | {pandas_time:.2f} s | {pandas_time / alleo_time:.1f}x slower | {pandas_valid} |")
    print(f"| frictionless Table Schema ({fl_rows:,} rows: {fl_time:.2f} s) | {fl_scaled:.1f} s scaled | {fl_scaled / alleo_time:.0f}x slower | {fl_valid} |")


if __name__ == "__main__":
    main()
