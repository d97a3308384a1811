// The checker page in Chromium (playwright-core driving Debian's /usr/bin/chromium),
// served from 127.0.0.1: the demo file through the file picker gives the CLI's
// counts and issues, the language switch changes the page, and no request leaves
// the page's own origin. Run by scripts/test-wasm.sh.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { serve } from "./serve.mjs";

const root = new URL("../../..", import.meta.url).pathname;
const demo = join(root, "examples", "alleo_employees_demo.csv");
let site;

before(async () => {
  site = await serve(root);
});

after(async () => site?.close());

/// The CLI's report for the demo file without a configuration (the page has no settings yet).
function cliReport() {
  const run = spawnSync(join(root, "target", "release", "alleo-sync"), [
    "validate", "-", "--as-of", "2026-11-26", "--format", "json", "--no-previous",
  ], { input: readFileSync(demo), cwd: "/" });
  return JSON.parse(run.stdout.toString());
}

test("the demo file, checked in the page, as the CLI checks it", async () => {
  const { browser, origin } = site;
  const page = await browser.newPage({ acceptDownloads: true });
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${origin}/examples/web-checker/?asOf=2026-11-26`);
  await page.setInputFiles("#file", demo);
  const counts = page.locator("#counts");
  await counts.waitFor();
  const cli = cliReport();
  assert.equal(
    await counts.textContent(),
    `alleo_employees_demo.csv: ${cli.rows} rows, ${cli.errors} errors, ${cli.warnings} warnings. Checked for 2026-11-26.`,
  );
  const codes = await page.locator("#issues tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.code));
  assert.deepEqual(codes, cli.issues.map((i) => i.code));
  const duplicate = cli.issues.find((i) => i.code === "email-duplicate");
  assert.ok(await page.getByText(duplicate.message).isVisible());
  assert.equal(await page.locator(".invalid").isVisible(), !cli.valid);

  // Filters by severity and by code.
  const visible = () => page.locator("#issues tbody tr:visible").evaluateAll((rows) => rows.map((r) => r.dataset.code));
  await page.selectOption("#severity", "warning");
  assert.deepEqual(await visible(), cli.issues.filter((i) => i.severity === "warning").map((i) => i.code));
  await page.selectOption("#severity", "");
  await page.selectOption("#code", "date-format");
  assert.deepEqual(await visible(), cli.issues.filter((i) => i.code === "date-format").map((i) => i.code));
  await page.selectOption("#code", "");

  // The download is alleo-sync validate --format csv, byte for byte.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  assert.equal(download.suggestedFilename(), "alleo_employees_demo-issues.csv");
  const csv = readFileSync(await download.path());
  const cliCsv = spawnSync(join(root, "target", "release", "alleo-sync"), [
    "validate", "-", "--as-of", "2026-11-26", "--format", "csv", "--no-previous",
  ], { input: readFileSync(demo), cwd: "/" }).stdout;
  assert.ok(csv.equals(cliCsv), "the CSV equals the CLI's");

  // The whole page changes language, and so do the messages.
  await page.selectOption("#lang", "nl");
  await page.locator("#counts", { hasText: "rijen" }).waitFor();
  assert.equal(await page.locator("h1").textContent(), "Alleo-bestandscontrole");
  assert.equal(await page.locator("html").getAttribute("lang"), "nl");
  assert.match(await page.locator("#issues tbody").textContent(), /is geen geldig e-mailadres|wordt opnieuw gebruikt/);

  mkdirSync(join(root, "target", "screenshots"), { recursive: true });
  await page.screenshot({ path: join(root, "target", "screenshots", "web-checker.png"), fullPage: true });
  assert.deepEqual(errors, []);
  const elsewhere = requests.filter((url) => !url.startsWith(origin));
  assert.deepEqual(elsewhere, [], "every request stays on the page's own origin");
  await page.close();
});

/// A generated file of `rows` employees (valid for 2026-11-26), from the benches' generator.
function generated(rows) {
  const path = join(root, "bench-data", `alleo_employees_bench_${rows}.csv`);
  if (!existsSync(path)) {
    mkdirSync(join(root, "bench-data"), { recursive: true });
    const made = spawnSync(join(root, "target", "release", "generate"), [String(rows), path]);
    assert.equal(made.status, 0, made.stderr.toString());
  }
  return path;
}

test("a 100 MB file completes with the right counts, and the page never freezes", async () => {
  const rows = 790_000; // about 100 MB
  const file = generated(rows);
  const { browser, origin } = site;
  const page = await browser.newPage();
  await page.goto(`${origin}/examples/web-checker/?asOf=2026-11-26`);
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: "longtask", buffered: true });
  });
  // The measurement works: a main thread blocked for 250 ms is seen.
  await page.evaluate(() => setTimeout(() => {
    const start = performance.now();
    while (performance.now() - start < 250);
  }, 0));
  await page.waitForFunction(() => window.longTasks.some((d) => d >= 200));
  await page.evaluate(() => { window.longTasks = []; });
  const started = Date.now();
  await page.setInputFiles("#file", file);
  await page.locator("#counts").waitFor({ timeout: 120_000 });
  const seconds = (Date.now() - started) / 1000;
  const name = file.split("/").pop();
  assert.equal(await page.locator("#counts").textContent(),
    `${name}: ${rows} rows, 0 errors, 0 warnings. Checked for 2026-11-26.`);
  const longTasks = await page.evaluate(() => window.longTasks);
  assert.ok(longTasks.every((d) => d <= 200), `long tasks on the main thread: ${longTasks.join(", ")} ms`);
  console.log(`# ${rows} rows in Chromium: ${seconds.toFixed(2)} s; longest main-thread task ${Math.max(0, ...longTasks).toFixed(0)} ms`);
  await page.close();
});
