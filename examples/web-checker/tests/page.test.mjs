// The checker page in Chromium (playwright-core driving Debian's /usr/bin/chromium),
// served from 127.0.0.1: the demo file through the file picker gives the CLI's
// counts and issues, the language switch changes the page, and no request leaves
// the page's own origin. Run by scripts/test-wasm.sh.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdirSync, readFileSync, existsSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { spawnSync } from "node:child_process";
import { chromium } from "playwright-core";

const root = new URL("../../..", import.meta.url).pathname;
const demo = join(root, "examples", "alleo_employees_demo.csv");
const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".csv": "text/csv" };
let server, browser, origin;

before(async () => {
  server = createServer((req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    const file = path.endsWith("/") ? join(path, "index.html") : path;
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": types[extname(file)] || "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/// The CLI's report for the demo file without a configuration (the page has no settings yet).
function cliReport() {
  const run = spawnSync(join(root, "target", "release", "alleo-sync"), [
    "validate", "-", "--as-of", "2026-11-26", "--format", "json", "--no-previous",
  ], { input: readFileSync(demo), cwd: "/" });
  return JSON.parse(run.stdout.toString());
}

test("the demo file, checked in the page, as the CLI checks it", async () => {
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
