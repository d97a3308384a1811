"""The installed alleo_csv wheel: every public function, the error paths, equality
with the CLI on the shared fixture corpus, the GIL, and the README's examples.

Run by scripts/test-python.sh from a folder without the sources, so that what is
imported is the installed wheel. ALLEO_SYNC names the alleo-sync binary to compare
with; ALLEO_CSV_ROOT the repository.
"""

import collections.abc
import datetime
import io
import json
import os
import re
import subprocess
import threading
import time
import tomllib
import tracemalloc
from pathlib import Path

import pytest

import alleo_csv

ROOT = Path(os.environ.get("ALLEO_CSV_ROOT", Path(__file__).resolve().parents[2]))
ALLEO_SYNC = os.environ.get("ALLEO_SYNC")
AS_OF = datetime.date(2026, 11, 26)
CASES = sorted(p for p in (ROOT / "tests" / "cases").iterdir() if (p / "report.json").exists())
TRANSFORM_CASES = sorted(p for p in (ROOT / "tests" / "cases").iterdir() if (p / "transform.json").exists())
DEMO = ROOT / "examples" / "alleo_employees_demo.csv"
LIFECYCLE = ROOT / "examples" / "lifecycle"
DUTCH = ROOT / "examples" / "dutch-export"


def test_the_wheel_is_what_is_imported() -> None:
    assert "site-packages" in alleo_csv.__file__, alleo_csv.__file__


def cli(*args: str, stdin: bytes = b"") -> dict:
    if not ALLEO_SYNC:
        pytest.fail("ALLEO_SYNC is not set: scripts/test-python.sh sets it to the alleo-sync binary")
    done = subprocess.run([ALLEO_SYNC, *args], input=stdin, capture_output=True, check=False)
    assert done.returncode in (0, 1), done.stderr.decode()
    return json.loads(done.stdout)


# --- validate


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_every_corpus_case_gives_the_clis_report(case: Path, tmp_path: Path) -> None:
    expected = json.loads((case / "report.json").read_text())
    config = case / "alleo.toml" if (case / "alleo.toml").exists() else None
    previous = case / "previous.csv" if (case / "previous.csv").exists() else None
    as_of = datetime.date.fromisoformat(expected["as_of"])
    data = (case / "input.csv").read_bytes()
    if (case / "file-name").exists():
        # Checked as a file of that name: by path, and as an open file object.
        named = tmp_path / (case / "file-name").read_text().strip()
        named.write_bytes(data)
        assert alleo_csv.validate(named, config=config, as_of=as_of, previous=previous).to_dict() == expected
        with open(named, "rb") as f:
            assert alleo_csv.validate(f, config=config, as_of=as_of, previous=previous).to_dict() == expected
        return
    report = alleo_csv.validate(data, config=config, as_of=as_of, previous=previous)
    assert report.to_dict() == expected
    args = ["validate", "-", "--format", "json", "--as-of", expected["as_of"], "--no-previous"]
    if config:
        args += ["--config", str(config)]
    if previous:
        args += ["--previous", str(previous)]
    args = [a for a in args if not (previous and a == "--no-previous")]
    assert report.to_dict() == cli(*args, stdin=data)
    if previous:
        plan = alleo_csv.diff(previous, data, config=config, as_of=as_of)
        assert plan.to_dict() == json.loads((case / "plan.json").read_text())
    # The order of issues is the CLI's too.
    assert [i["code"] for i in report.to_dict()["issues"]] == [i["code"] for i in expected["issues"]]


def test_every_kind_of_source_gives_one_report() -> None:
    data = DEMO.read_bytes()
    by_path = alleo_csv.validate(str(DEMO), config=ROOT / "examples" / "alleo.toml", as_of=AS_OF)
    expected = by_path.to_dict()
    # A file name is checked against alleo_employees_<ID>.csv only when there is one.
    sources = [DEMO, data, bytearray(data), io.BytesIO(data)]
    with open(DEMO, "rb") as f:
        sources.append(f)
        for source in sources:
            report = alleo_csv.validate(source, config=ROOT / "examples" / "alleo.toml", as_of=AS_OF)
            assert report.to_dict()["issues"][-3:] == expected["issues"][-3:]
            assert (report.rows, report.errors) == (25, 13)


def test_the_report_reads_as_the_cli_does() -> None:
    report = alleo_csv.validate(DEMO, config=ROOT / "examples" / "alleo.toml", as_of=AS_OF)
    assert (report.valid, report.rows, report.errors, report.warnings) == (False, 25, 13, 2)
    assert report.as_of == AS_OF
    assert repr(report) == "<Report valid=False rows=25 errors=13 warnings=2 as_of=2026-11-26>"
    issue = report.issues[0]
    assert (issue.severity, issue.code, issue.row, issue.column, issue.field, issue.value) == (
        "error", "date-format", 8, "Birthday", "birthday", "17-05-1990")
    assert "write 1990-05-17" in issue.message
    assert "date-format row=8" in repr(issue)
    assert json.loads(report.to_json()) == report.to_dict()
    args = ["validate", str(DEMO), "--config", str(ROOT / "examples" / "alleo.toml"), "--as-of", "2026-11-26", "--format", "json", "--no-previous"]
    assert report.to_dict() == cli(*args)


def test_values_can_be_left_out_as_with_the_clis_no_values() -> None:
    config = ROOT / "examples" / "alleo.toml"
    hidden = alleo_csv.validate(DEMO, config=config, as_of=AS_OF, values=False)
    assert all(i.value is None for i in hidden.issues)
    assert "17-05-1990" not in hidden.to_json()
    args = ["validate", str(DEMO), "--config", str(config), "--as-of", "2026-11-26", "--format", "json", "--no-previous", "--no-values"]
    assert hidden.to_dict() == cli(*args)


def test_messages_follow_lang_but_codes_do_not() -> None:
    en = alleo_csv.validate(DEMO, as_of=AS_OF)
    nl = alleo_csv.validate(DEMO, as_of=AS_OF, lang="nl")
    assert [i.code for i in en.issues] == [i.code for i in nl.issues]
    assert en.issues[1].message != nl.issues[1].message
    with pytest.raises(ValueError, match="en, nl"):
        alleo_csv.validate(DEMO, lang="fr")


def test_as_of_defaults_to_the_next_pickup() -> None:
    report = alleo_csv.validate(b"Email,First name,Last name\na@example.nl,A,B\n")
    assert report.as_of == alleo_csv.next_pickup().date()


def test_bytes_that_are_not_csv_are_a_report_not_an_exception() -> None:
    report = alleo_csv.validate(bytes(range(256)) * 4, as_of=AS_OF)
    assert not report.valid
    assert report.issues[0].code in ("encoding", "empty-file", "missing-column")


# --- errors


def test_a_missing_file_is_an_input_error() -> None:
    with pytest.raises(alleo_csv.InputError, match="nope.csv"):
        alleo_csv.validate(Path("nope.csv"))
    assert issubclass(alleo_csv.InputError, alleo_csv.AlleoCsvError)


def test_errors_speak_the_language_asked_for() -> None:
    with pytest.raises(alleo_csv.InputError, match="^kan nope.csv niet lezen: het bestaat niet$"):
        alleo_csv.validate(Path("nope.csv"), lang="nl")
    with pytest.raises(alleo_csv.ConfigError, match="^de configuratie is niet bruikbaar: "):
        alleo_csv.validate(DEMO, config={"compnay": {}}, lang="nl")
    with pytest.raises(alleo_csv.InputError, match="^der Export hat keine Kopfzeile"):
        alleo_csv.suggest_mapping(ROOT / "tests" / "cases" / "empty-file" / "input.csv", lang="de")
    with pytest.raises(alleo_csv.InputError, match="^cannot read nope.csv: it does not exist$"):
        alleo_csv.validate(Path("nope.csv"))


def test_a_text_mode_file_object_says_to_open_it_in_binary() -> None:
    with open(DEMO, encoding="utf-8") as f, pytest.raises(alleo_csv.InputError, match='"rb"'):
        alleo_csv.validate(f)


def test_a_config_of_the_wrong_shape_names_the_key() -> None:
    with pytest.raises(alleo_csv.ConfigError, match="company.groups") as raised:
        alleo_csv.validate(DEMO, config={"company": {"groups": "not a list"}})
    assert isinstance(raised.value, alleo_csv.AlleoCsvError)
    with pytest.raises(alleo_csv.ConfigError, match="mapping.Mail"):
        alleo_csv.validate(DEMO, config={"mapping": {"Mail": "emial"}})
    with pytest.raises(alleo_csv.ConfigError, match="compnay"):
        alleo_csv.validate(DEMO, config={"compnay": {}})
    with pytest.raises(alleo_csv.ConfigError, match="text, numbers"):
        alleo_csv.validate(DEMO, config={"company": {"groups": [datetime.date.today()]}})


def test_a_config_file_may_hold_every_section(tmp_path: Path) -> None:
    toml = tmp_path / "alleo.toml"
    toml.write_text('[company]\ngroups = ["Sales"]\n[sftp]\nhost = "sftp.example.com"\n[state]\ndir = "s"\n')
    report = alleo_csv.validate(DEMO, config=toml, as_of=AS_OF)
    assert any(i.code == "company-group" for i in report.issues)
    toml.write_text('[company]\ngroups = "Sales"\n')
    with pytest.raises(alleo_csv.ConfigError, match="line 2"):
        alleo_csv.validate(DEMO, config=toml)


def test_a_path_s_file_name_is_checked_as_the_cli_checks_it(tmp_path: Path) -> None:
    badly_named = tmp_path / "employees.csv"
    badly_named.write_bytes(b"Email,First name,Last name\na@example.nl,A,B\n")
    report = alleo_csv.validate(badly_named, as_of=AS_OF)
    assert [i.code for i in report.issues] == ["file-name"]
    assert report.to_dict() == cli("validate", str(badly_named), "--as-of", "2026-11-26", "--format", "json", "--no-previous")
    # Bytes and file objects have no name to check.
    assert len(alleo_csv.validate(badly_named.read_bytes(), as_of=AS_OF).issues) == 0


def test_issues_are_a_sequence_made_as_it_is_read() -> None:
    report = alleo_csv.validate(DEMO, config=ROOT / "examples" / "alleo.toml", as_of=AS_OF)
    issues = report.issues
    expected = report.to_dict()["issues"]
    assert isinstance(issues, collections.abc.Sequence)
    assert len(issues) == len(expected) == 15
    assert [i.code for i in issues] == [i["code"] for i in expected]
    assert issues[-1].message == expected[-1]["message"]
    assert [i.row for i in issues[1:6:2]] == [e["row"] for e in expected[1:6:2]]
    assert [i.row for i in issues[::-1]] == [e["row"] for e in reversed(expected)]
    with pytest.raises(IndexError):
        issues[15]
    with pytest.raises(IndexError):
        issues[-16]


def test_a_million_issues_are_not_a_million_objects() -> None:
    # 200,000 rows, each with an onboarding date in the past: 200,000 warnings.
    rows = "".join(f"p{i}@example.nl,Anna,Smit,2020-01-01\n" for i in range(200_000))
    report = alleo_csv.validate(("Email,First name,Last name,Onboarding date\n" + rows).encode(), as_of=AS_OF)
    tracemalloc.start()
    try:
        issues = report.issues
        assert len(issues) == 200_000
        assert issues[199_999].row == 200_001
        held, _ = tracemalloc.get_traced_memory()
        assert held < 100_000, f"reading two issues allocated {held} bytes"
        materialised = list(issues)
        everything, _ = tracemalloc.get_traced_memory()
        # The check above can fail: holding every Issue costs far more.
        assert everything > 200 * held
        del materialised
    finally:
        tracemalloc.stop()


def test_something_that_is_not_a_source_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="binary file object"):
        alleo_csv.validate(42)  # type: ignore[arg-type]
    # The file's text given as a str (a path): told to pass bytes, not "it does
    # not exist".
    text = "Email,First name,Last name\njan@example.nl,Jan,Jansen\n"
    with pytest.raises(TypeError, match=r"pass it as bytes \(text.encode\(\)\)"):
        alleo_csv.validate(text)
    assert alleo_csv.validate(text.encode(), as_of=AS_OF).valid


# --- diff, transform, mapping, names, schedule


def test_diff_is_the_clis_plan() -> None:
    previous, new = LIFECYCLE / "previous.csv", LIFECYCLE / "alleo_employees_acme.csv"
    plan = alleo_csv.diff(previous, new, config=ROOT / "examples" / "alleo.toml", as_of=AS_OF)
    assert plan.valid and plan.previous == 8
    assert plan.summary == {"onboard": 2, "update": 1, "deactivate": 1, "unchanged": 4, "absent": 2}
    deactivate = next(a for a in plan.actions if a.action == "deactivate")
    assert (deactivate.email, deactivate.row, deactivate.effective) == (
        "lukas.mueller@example.de", 4, "2027-01-31T23:00:00Z")
    assert deactivate.changes == [("offboarding_date", "", "2027-01-31")]
    assert "deactivate lukas.mueller@example.de row=4" in repr(deactivate)
    assert "onboard=2" in repr(plan)
    assert [i.code for i in plan.report.issues] == ["absent", "absent", "email-change-suspected"]
    expected = cli("diff", str(previous), str(new), "--config", str(ROOT / "examples" / "alleo.toml"),
                   "--as-of", "2026-11-26", "--format", "json")
    assert plan.to_dict() == expected
    # The previous state and the file may be bytes or file objects too.
    with open(new, "rb") as f:
        again = alleo_csv.diff(previous.read_bytes(), f, config=ROOT / "examples" / "alleo.toml", as_of=AS_OF)
    assert again.to_dict() == expected


def test_validate_with_a_previous_state_and_the_guard() -> None:
    before = "Email,First name,Last name,Offboarding date\n" + "".join(f"e{i}@x.nl,E,{i},\n" for i in range(20))
    after = "Email,First name,Last name,Offboarding date\n" + "".join(
        f"e{i}@x.nl,E,{i},{'2027-06-30' if i < 6 else ''}\n" for i in range(20))
    report = alleo_csv.validate(after.encode(), previous=before.encode(), as_of=AS_OF)
    assert [i.code for i in report.issues] == ["mass-deactivation"]
    assert alleo_csv.validate(after.encode(), previous=before.encode(), as_of=AS_OF, allow_deactivations=6).valid


def test_transform_the_dutch_export_as_csv_and_as_workbook() -> None:
    config = DUTCH / "alleo.toml"
    from_csv = alleo_csv.transform(DUTCH / "export.csv", config=config, as_of=AS_OF, changes=True)
    from_book = alleo_csv.transform((DUTCH / "export.xlsx").read_bytes(), config=config, as_of=AS_OF)
    assert from_csv.usable and from_book.usable
    assert from_csv.output == from_book.output
    assert from_csv.output is not None and from_csv.output.startswith(b"Email,First name,Last name,Prefix,")
    assert from_csv.summary["rows"] == 12 and from_csv.summary["encoding"] == "windows-1252"
    assert from_csv.summary["changes"]["date"] == 27
    assert from_csv.changes is not None and b"decimal-comma" in from_csv.changes
    assert from_book.changes is None and from_csv.rejects is None
    assert alleo_csv.validate(from_csv.output, config=config, as_of=AS_OF).valid
    assert "usable=True" in repr(from_csv)


def test_transform_sets_invalid_rows_aside_only_when_asked() -> None:
    export = b"E-mail;Voornaam;Achternaam\nbad;A;B\ngood@example.nl;C;D\n"
    config = {"mapping": {"E-mail": "email", "Voornaam": "first_name", "Achternaam": "last_name"}}
    refused = alleo_csv.transform(export, config=config, as_of=AS_OF)
    assert not refused.usable and refused.output is None
    assert refused.report.issues[0].code == "email-format"
    kept = alleo_csv.transform(export, config=config, as_of=AS_OF, rejects=True)
    assert kept.usable
    assert kept.output == b"Email,First name,Last name\ngood@example.nl,C,D\n"
    assert kept.rejects is not None and kept.rejects.decode("utf-8-sig").startswith("E-mail;Voornaam;Achternaam;reason\nbad;A;B;")
    # As --keep-invalid: the bad row stays in the file, where a check finds it.
    to_fix = alleo_csv.transform(export, config=config, as_of=AS_OF, keep_invalid=True)
    assert to_fix.usable and to_fix.output == b"Email,First name,Last name\nbad,A,B\ngood@example.nl,C,D\n"
    assert [i.code for i in alleo_csv.validate(to_fix.output, as_of=AS_OF).issues] == ["email-format"]


@pytest.mark.parametrize("case", TRANSFORM_CASES, ids=lambda p: p.name)
def test_every_corpus_transform_writes_the_expected_files(case: Path) -> None:
    expected = json.loads((case / "transform.json").read_text())
    config = case / "alleo.toml" if (case / "alleo.toml").exists() else None
    as_of = datetime.date.fromisoformat(expected["as_of"])
    done = alleo_csv.transform(case / "export.csv", config=config, as_of=as_of, rejects=True, changes=True)
    assert done.usable == expected["usable"]
    assert done.summary == expected["summary"]
    assert done.report.to_dict() == expected["report"]
    for name, got in [("output.csv", done.output), ("rejects.csv", done.rejects), ("changes.csv", done.changes)]:
        want = (case / name).read_bytes() if (case / name).exists() else None
        assert got == want, name


def test_transform_refuses_an_old_xls_workbook_as_the_cli_does() -> None:
    old_xls = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    with pytest.raises(alleo_csv.InputError, match=r"old Excel \.xls workbook; open it in Excel and save it as \.xlsx"):
        alleo_csv.transform(old_xls, as_of=AS_OF)


def test_suggest_mapping_never_applies_a_doubtful_line() -> None:
    suggested = alleo_csv.suggest_mapping(["E-mailadres", "Voornaam", "Email consent", "Salaris"])
    by_header = {s["header"]: s for s in suggested["columns"]}
    assert by_header["E-mailadres"]["target"] == "email" and by_header["E-mailadres"]["apply"]
    assert by_header["Voornaam"]["confidence"] == "high"
    assert not by_header["Email consent"]["apply"]
    # Pay is left out, and never offered as a custom field.
    assert by_header["Salaris"]["target"] is None and not by_header["Salaris"]["apply"]
    assert by_header["Salaris"]["leave_out"] == {"kind": "sensitive", "reason": "pay-header"}
    kostenplaats = alleo_csv.suggest_mapping(["Kostenplaats"])["columns"][0]
    assert kostenplaats["target"] == "custom_kostenplaats" and kostenplaats["leave_out"] == {"kind": "no-match"}


@pytest.mark.parametrize("export", ["afas/export.csv", "personio/export.xlsx"])
def test_suggest_mapping_reads_the_values_as_the_cli_does(export: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = ROOT / "examples" / "exports" / export
    # Run from the repository, as the committed alleo.toml was made.
    relative = os.path.relpath(path, ROOT)
    done = subprocess.run([ALLEO_SYNC or "", "mapping", "suggest", relative, "--format", "json"],
                          capture_output=True, check=True, cwd=ROOT)
    cli = json.loads(done.stdout)
    # By path, the suggestion is the CLI's, word for word the committed alleo.toml.
    monkeypatch.chdir(ROOT)
    by_path = alleo_csv.suggest_mapping(relative)
    assert by_path == cli
    assert by_path["toml"] == (path.parent / "alleo.toml").read_text()
    # As bytes or an open file, the same but for the name in the heading.
    without_toml = {k: v for k, v in cli.items() if k != "toml"}
    from_bytes = alleo_csv.suggest_mapping(path.read_bytes())
    assert {k: v for k, v in from_bytes.items() if k != "toml"} == without_toml
    with open(path, "rb") as f:
        assert {k: v for k, v in alleo_csv.suggest_mapping(f).items() if k != "toml"} == without_toml


def test_chosen_config_is_the_pages_and_says_what_the_toml_says(tmp_path: Path) -> None:
    export = ROOT / "examples" / "exports" / "afas" / "export.csv"
    suggested = alleo_csv.suggest_mapping(export)
    base = {"company": {"groups": ["Sales"]}, "sftp": {"host": "sftp.example.com", "file_id": "acme"}}
    made = alleo_csv.chosen_config(export, suggested["choices"], config=base)
    from_toml = tomllib.loads(suggested["toml"])
    assert made["mapping"] == from_toml["mapping"] and made["input"] == from_toml["input"]
    assert made["sftp"] == base["sftp"] and made["company"] == base["company"]
    # The same from the saved alleo.toml's path; the page's WebAssembly gives it too.
    saved = tmp_path / "alleo.toml"
    saved.write_text('[company]\ngroups = ["Sales"]\n[sftp]\nhost = "sftp.example.com"\nfile_id = "acme"\n')
    assert alleo_csv.chosen_config(export, suggested["choices"], config=saved) == made
    # A column left out goes to [input] ignore; a wrong target is refused, named.
    targets = list(suggested["choices"]["targets"])
    first = targets.index("email")
    header = suggested["columns"][first]["header"]
    targets[first] = None
    assert header in alleo_csv.chosen_config(export, {**suggested["choices"], "targets": targets})["input"]["ignore"]
    targets[first] = "emial"
    with pytest.raises(alleo_csv.ConfigError, match=f'mapping."{header}": '):
        alleo_csv.chosen_config(export, {**suggested["choices"], "targets": targets})
    with pytest.raises(alleo_csv.ConfigError, match="choices: "):
        alleo_csv.chosen_config(export, {"targets": [7]})


def test_chosen_config_keeps_the_saved_dialect_the_values_do_not_decide(tmp_path: Path) -> None:
    # Dates that read as well day first as month first decide no date format.
    export = tmp_path / "export.csv"
    export.write_bytes(b"E-mailadres;Datum in dienst\njan@example.nl;01-02-2020\npiet@example.nl;03-04-2021\n")
    saved = {"input": {"delimiter": ";", "date_format": "%d-%m-%Y"}}
    suggested = alleo_csv.suggest_mapping(export, config=saved)
    assert suggested["choices"]["date_format"] == "%d-%m-%Y"
    made = alleo_csv.chosen_config(export, suggested["choices"], config=saved)
    assert made["input"]["delimiter"] == ";" and made["input"]["date_format"] == "%d-%m-%Y"
    # Headers alone decide nothing: the saved dialect is chosen.
    choices = alleo_csv.suggest_mapping(["E-mailadres", "Datum in dienst"], config=saved)["choices"]
    assert (choices["delimiter"], choices["date_format"]) == (";", "%d-%m-%Y")


def test_names_and_the_schedule() -> None:
    assert alleo_csv.reporting_name("custom_employee_id") == "alleo_custom_employee_id"
    assert alleo_csv.upload_name("alleo_custom_employee_id") == "custom_employee_id"
    assert alleo_csv.reporting_name("Employee ID") is None
    assert alleo_csv.upload_name("custom_x") is None
    evening = datetime.datetime(2026, 11, 25, 21, 0, tzinfo=datetime.timezone.utc)
    assert alleo_csv.next_pickup(evening) == datetime.datetime(2026, 11, 26, 2, 45, tzinfo=datetime.timezone.utc)
    assert alleo_csv.next_pickup().tzinfo is not None


# --- the GIL


def test_a_large_validation_does_not_block_other_threads() -> None:
    rows = 1_000_000
    data = ("Email,First name,Last name,Birthday,Language\n" + "".join(
        f"user{i}@example.nl,Anna,Jansen,1990-01-{i % 28 + 1:02d},nl\n" for i in range(rows))).encode()
    ticks: list = []
    done = threading.Event()

    def ticker() -> None:
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.002)

    thread = threading.Thread(target=ticker)
    thread.start()
    time.sleep(0.05)
    started = time.perf_counter()
    report = alleo_csv.validate(data, as_of=AS_OF)
    took = time.perf_counter() - started
    done.set()
    thread.join()
    assert report.rows == rows and report.valid
    during = [t for t in ticks if started <= t <= started + took]
    gaps = [b - a for a, b in zip(during, during[1:])]
    # Holding the GIL would stop the ticker for the whole validation.
    assert took > 0.1, f"the validation took {took:.3f} s: too quick to tell"
    assert len(during) > 10, f"{len(during)} ticks in {took:.3f} s"
    assert max(gaps) < took / 2, f"the ticker waited {max(gaps):.3f} s of {took:.3f} s"


# --- the README's Python examples and the import script


def readme_examples() -> list:
    text = (ROOT / "README.md").read_text()
    return re.findall(r"```python\n(.*?)```", text, re.S)


@pytest.mark.parametrize("number", range(len(readme_examples())))
def test_the_readmes_python_examples_run(number: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(readme_examples()[number], f"README.md python example {number + 1}", "exec"), {})


def test_the_readme_has_python_examples() -> None:
    assert len(readme_examples()) >= 1


def test_the_import_script_runs() -> None:
    script = ROOT / "alleo-csv-py" / "examples" / "import_script.py"
    done = subprocess.run(["python", str(script)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "lukas.mueller@example.de is deactivated at 2027-01-31T23:00:00Z" in done.stdout
