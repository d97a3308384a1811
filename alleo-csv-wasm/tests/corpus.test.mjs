// The WebAssembly package under Node: the fixture corpus gives the CLI's reports,
// whole and pushed in small chunks; the other exports; errors as JavaScript Errors.
// Run by scripts/test-wasm.sh after scripts/build-wasm.sh.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parse as parseToml } from "smol-toml";

const root = new URL("../..", import.meta.url).pathname;
/// The CLI to compare with (scripts/test-wasm.sh names its debug build).
const alleoSync = process.env.ALLEO_SYNC ?? join(root, "target", "debug", "alleo-sync");
const wasm = createRequire(import.meta.url)("../pkg-node/alleo_csv_wasm.js");
const casesDir = join(root, "tests", "cases");
const cases = readdirSync(casesDir).filter((name) => existsSync(join(casesDir, name, "report.json")));

function load(name) {
  const dir = join(casesDir, name);
  const expected = JSON.parse(readFileSync(join(dir, "report.json"), "utf8"));
  const tomlPath = join(dir, "alleo.toml");
  const config = existsSync(tomlPath) ? parseToml(readFileSync(tomlPath, "utf8")) : undefined;
  const previousPath = join(dir, "previous.csv");
  const previous = existsSync(previousPath) ? readFileSync(previousPath) : undefined;
  const namePath = join(dir, "file-name");
  // Checked as a file of that name when the case has one, as every front checks it.
  const fileName = existsSync(namePath) ? readFileSync(namePath, "utf8").trim() : undefined;
  const options = { asOf: expected.as_of, lang: "en", name: fileName };
  return { expected, config, previous, options, bytes: readFileSync(join(dir, "input.csv")) };
}

/// The report part of a plan: what `validate --previous` gives.
function reportOf(plan) {
  const { valid, as_of, rows, errors, warnings, issues } = plan;
  return { valid, as_of, rows, errors, warnings, issues };
}

test("the corpus has cases", () => assert.ok(cases.length >= 20, `${cases.length} cases`));

for (const name of cases) {
  test(`${name}: the report, whole and in chunks`, () => {
    const { expected, config, previous, options, bytes } = load(name);
    if (previous) {
      const plan = wasm.diff(previous, bytes, config, options);
      assert.deepEqual(reportOf(plan), expected);
      assert.deepEqual(plan, JSON.parse(readFileSync(join(casesDir, name, "plan.json"), "utf8")), "plan.json");
      return;
    }
    assert.deepEqual(wasm.validate(bytes, config, options), expected);
    for (const size of [1, 3, 7, 64]) {
      const validator = new wasm.Validator(config, options);
      for (let at = 0; at < bytes.length; at += size) {
        validator.push(bytes.subarray(at, at + size));
      }
      assert.deepEqual(validator.finish(), expected, `chunks of ${size} bytes`);
    }
    assert.deepEqual(split(bytes, config, options, 5), expected, "split into Parser and Checker");
    const kept = new wasm.Validator(config, options);
    kept.push(bytes);
    const report = kept.finishReport();
    assert.deepEqual(JSON.parse(report.json()), expected, "the kept report's JSON");
    const { valid, as_of, rows, errors, warnings } = expected;
    const codes = [...new Set(expected.issues.map((i) => i.code))];
    const summary = report.summary();
    assert.deepEqual({ ...summary, codes: undefined, counts: undefined, verdict: undefined }, { valid, as_of, rows, errors, warnings, codes: undefined, counts: undefined, verdict: undefined });
    assert.match(summary.verdict, valid ? /^Valid: / : /^Not valid: /, "the text report's verdict");
    assert.deepEqual([...summary.codes].sort(), codes.sort());
    assert.deepEqual(report.issues(undefined, undefined, true, 1e9), { total: expected.issues.length, issues: expected.issues });
  });
}

test("a kept report answers what a page shows: the digest, a page of issues, the CSV", () => {
  // A first file of a whole workforce: an onboarding date in the past on 30 rows,
  // an address without @ on one.
  let text = "Email,First name,Last name,Onboarding date\nnot-an-address,A,B,\n";
  for (let i = 0; i < 30; i++) text += `p${i}@example.nl,Anna,Smit,2020-01-01\n`;
  const bytes = new TextEncoder().encode(text);
  const checker = new wasm.Checker(undefined, { asOf: "2026-11-26", lang: "nl" });
  const parser = new wasm.Parser();
  checker.check(parser.push(bytes));
  checker.check(parser.finish());
  const report = checker.finishReport();
  const digest = report.digest(false);
  assert.equal(digest.error_rows, 1);
  assert.equal(digest.needs_previous_state, true);
  assert.equal(digest.groups.length, 1);
  const [group] = digest.groups;
  assert.equal(group.code, "onboarding-past");
  assert.equal(group.rows, 30);
  assert.deepEqual(group.first.map((f) => f.row), [3, 4, 5, 6, 7]);
  assert.match(group.about, /^Onboardingdatums vóór de ophaaldatum/, "in the report's language");
  // The listing leaves the folded warnings out, unless asked for their code or for all.
  const listed = report.issues(undefined, undefined, false, 10);
  assert.deepEqual(listed.issues.map((i) => i.code), ["email-format"]);
  const past = report.issues("warning", "onboarding-past", false, 10);
  assert.equal(past.total, 30);
  assert.equal(past.issues.length, 10);
  assert.equal(report.issues(undefined, undefined, true, 100).total, 31);
  assert.equal(report.digest(true).groups.length, 0);
  // The CSV is the CLI's.
  const cli = spawnSync(alleoSync, ["validate", "-", "--as-of", "2026-11-26", "--lang", "nl", "--format", "csv", "--no-previous"], { input: bytes });
  assert.deepEqual(Buffer.from(report.csv()), cli.stdout);
  assert.throws(() => report.issues("fatal", undefined, false, 1), /not a severity/);
});

/// The report of a check split as the page splits it: a Parser's batches, copied
/// (they cross between workers there), checked by a Checker.
function split(bytes, config, options, size) {
  const parser = new wasm.Parser();
  const checker = new wasm.Checker(config, options);
  for (let at = 0; at < bytes.length; at += size) {
    checker.check(parser.push(bytes.subarray(at, at + size)).slice());
  }
  checker.check(parser.finish());
  const report = checker.finishReport();
  assert.ok(report.csv() instanceof Uint8Array);
  return JSON.parse(report.json());
}

test("a damaged batch is an Error, and the check goes on without it", () => {
  const bytes = new TextEncoder().encode("Email,First name,Last name\na@example.nl,A,B\n");
  const parser = new wasm.Parser();
  const checker = new wasm.Checker(undefined, { asOf: "2026-11-26" });
  const batch = parser.push(bytes);
  assert.throws(() => checker.check(batch.subarray(0, batch.length - 1)), /damaged/);
  assert.throws(() => checker.check(new Uint8Array([1, 2, 3])), /damaged/);
  checker.check(batch);
  checker.check(parser.finish());
  const report = checker.finishReport().summary();
  assert.equal(report.rows, 1);
  assert.equal(report.valid, true);
});

test("the demo file gives the CLI's report", () => {
  const file = join(root, "examples", "alleo_employees_demo.csv");
  const toml = join(root, "examples", "alleo.toml");
  const run = spawnSync(alleoSync, [
    "validate", "-", "--config", toml, "--as-of", "2026-11-26", "--format", "json", "--no-previous",
  ], { input: readFileSync(file) });
  assert.equal(run.status, 1, run.stderr.toString()); // the demo is invalid by design
  const cli = JSON.parse(run.stdout.toString());
  const report = wasm.validate(readFileSync(file), parseToml(readFileSync(toml, "utf8")), { asOf: "2026-11-26" });
  assert.deepEqual(report, cli);
  assert.equal(Object.getPrototypeOf(report), Object.prototype, "a plain object, not a Map");
});

test("a bad configuration is an Error with the core's message", () => {
  assert.throws(() => wasm.validate(new Uint8Array(), { mapping: { Mail: "emial" } }), (e) => {
    assert.ok(e instanceof Error);
    assert.match(e.message, /mapping\.Mail: .*Did you mean `email`\?/);
    return true;
  });
  assert.throws(() => wasm.validate(new Uint8Array(), { compnay: {} }), /compnay/);
  assert.throws(() => wasm.validate(new Uint8Array(), undefined, { asOf: "25-11-2026" }), /YYYY-MM-DD/);
  assert.throws(() => new wasm.Validator(undefined, { lang: "fr" }), /en, nl or de/);
  assert.throws(() => new wasm.Validator(undefined, { as_of: "2026-11-26" }), /unknown field `as_of`/);
  // In the page's language, as the CLI says it with --lang.
  assert.throws(() => wasm.validate(new Uint8Array(), { compnay: {} }, { lang: "nl" }), /^Error: de configuratie is niet bruikbaar: compnay/);
  assert.throws(() => wasm.checkConfig({ compnay: {} }, "de"), /^Error: die Konfiguration ist nicht verwendbar: compnay/);
  const oldXls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
  for (const lang of ["en", "nl", "de"]) {
    const cli = spawnSync(alleoSync, ["transform", "-", "-o", "/dev/null", "--lang", lang], { input: oldXls });
    // "error: cannot read -: <why>": the why, which the page says too.
    const said = cli.stderr.toString().trim().split(": ").slice(2).join(": ");
    assert.throws(() => wasm.transform(oldXls, undefined, { lang }), (e) => {
      assert.ok(said.length > 20 && e.message.includes(said), `${lang}: the page says ${e.message}; the CLI ${said}`);
      return true;
    });
  }
});

test("the other exports", () => {
  const { columns } = wasm.suggestMapping(["E-mailadres", "Email consent"]);
  assert.equal(columns[0].target, "email");
  assert.equal(columns[1].confidence, "low");
  // From an export's bytes, header and values, as the CLI suggests it.
  const export_ = join(root, "examples", "exports", "afas", "export.csv");
  const run = spawnSync(alleoSync, ["mapping", "suggest", "-", "--format", "json"], { input: readFileSync(export_) });
  assert.equal(run.status, 0, run.stderr.toString());
  assert.deepEqual(wasm.suggestMapping(readFileSync(export_)), JSON.parse(run.stdout.toString()));
  assert.match(wasm.nextPickup(), /^\d{4}-\d{2}-\d{2}T(02:45|20:00):00Z$/);
  const defaulted = wasm.validate(new TextEncoder().encode("Email,First name,Last name\na@example.nl,A,B\n"));
  assert.equal(defaulted.as_of, wasm.nextPickup().slice(0, 10));
});

test("chosenConfig: the choices as suggested make the CLI's TOML; the base's other sections are kept", () => {
  const export_ = readFileSync(join(root, "examples", "exports", "afas", "export.csv"));
  const suggested = wasm.suggestMapping(export_);
  const base = { company: { groups: ["Sales"] }, sftp: { host: "sftp.example.com", file_id: "acme" } };
  const config = wasm.chosenConfig(export_, base, suggested.choices);
  const fromToml = parseToml(suggested.toml);
  assert.deepEqual(config.sftp, base.sftp, "a section the rules do not read stays");
  assert.deepEqual(config.company, base.company);
  assert.deepEqual(config.mapping, fromToml.mapping);
  assert.deepEqual(config.input, fromToml.input);
  assert.deepEqual(base, { company: { groups: ["Sales"] }, sftp: { host: "sftp.example.com", file_id: "acme" } }, "the base is not changed");
  // A column left out; a wrong target named.
  const targets = [...suggested.choices.targets];
  const first = targets.findIndex((t) => t === "email");
  targets[first] = null;
  const header = suggested.columns[first].header;
  assert.ok(wasm.chosenConfig(export_, base, { ...suggested.choices, targets }).input.ignore.includes(header));
  assert.throws(() => wasm.chosenConfig(export_, base, { ...suggested.choices, targets: [7, ...targets.slice(1)] }), /choices\.targets: text or null/, "a number is not a choice");
  assert.throws(() => wasm.chosenConfig(export_, base, {}), /choices\.targets: a list/);
  targets[first] = "emial";
  assert.throws(() => wasm.chosenConfig(export_, base, { ...suggested.choices, targets }), new RegExp(`mapping\\."${header}": `));
});

/// The corpus's transform cases (`export.csv`, `transform.json`).
const transformCases = readdirSync(casesDir).filter((name) =>
  existsSync(join(casesDir, name, "transform.json")),
);

test("the corpus has transform cases", () => assert.ok(transformCases.length >= 3, `${transformCases.length}`));

for (const name of transformCases) {
  test(`${name}: transform gives the case's summary, report and files`, () => {
    const dir = join(casesDir, name);
    const expected = JSON.parse(readFileSync(join(dir, "transform.json"), "utf8"));
    const tomlPath = join(dir, "alleo.toml");
    const config = existsSync(tomlPath) ? parseToml(readFileSync(tomlPath, "utf8")) : undefined;
    const done = wasm.transform(readFileSync(join(dir, "export.csv")), config, { asOf: expected.as_of, lang: "en" });
    const report = JSON.parse(done.report().json());
    assert.deepEqual(
      { as_of: expected.as_of, report, summary: done.summary, usable: done.usable },
      expected,
    );
    for (const [file, bytes] of [
      ["output.csv", done.output()],
      ["rejects.csv", done.rejects()],
      ["changes.csv", done.changes()],
    ]) {
      const path = join(dir, file);
      if (expected.usable) {
        assert.deepEqual(Buffer.from(bytes), readFileSync(path), `${file}, byte for byte`);
      } else {
        assert.equal(bytes, undefined, `${file}: nothing written`);
      }
    }
  });
}

test("the example exports, CSV and workbook, transform as the CLI transforms them", () => {
  const exports = join(root, "examples", "exports");
  const systems = readdirSync(exports).filter((s) => existsSync(join(exports, s, "alleo.toml")));
  assert.ok(systems.length >= 4, systems.join());
  let workbooks = 0;
  for (const system of systems) {
    const dir = join(exports, system);
    const config = parseToml(readFileSync(join(dir, "alleo.toml"), "utf8"));
    for (const file of readdirSync(dir).filter((f) => /^export\.(csv|xlsx)$/.test(f))) {
      workbooks += file.endsWith(".xlsx") ? 1 : 0;
      const done = wasm.transform(readFileSync(join(dir, file)), config, { asOf: "2026-11-26" });
      const out = join(root, "target", `wasm-transform-${system}.csv`);
      rmSync(out, { force: true });
      const cli = spawnSync(alleoSync, [
        "transform", join(dir, file), "-o", out, "--config", join(dir, "alleo.toml"),
        "--as-of", "2026-11-26", "--rejects", `${out}.rejects`, "--changes", `${out}.changes`,
      ]);
      assert.equal(done.usable, existsSync(out), `${system}/${file}: ${cli.stderr}`);
      if (done.usable) {
        assert.deepEqual(Buffer.from(done.output()), readFileSync(out), `${system}/${file}: the Alleo file`);
        assert.deepEqual(Buffer.from(done.changes()), readFileSync(`${out}.changes`), `${system}/${file}: the change log`);
      }
    }
  }
  assert.ok(workbooks >= 1, "a workbook among the examples");
  assert.throws(() => wasm.transform(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), undefined, {}), /xls|workbook/i);
});
