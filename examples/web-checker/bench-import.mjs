// The importer's figures (a benchmark, not a test): an HR export made into the
// Alleo file in the page, in headless Chromium, against native `alleo-sync
// transform` on the same file, alternately in one run (the median of the per-run
// ratios, since this machine's speed swings). The page's time runs from "Make the
// Alleo file" to what the transform made being shown, with its downloads (the
// CLI's work: the transform, its rejects and change log), and on to the grid's
// first rows (the file checked whole once more, for the grid); the CLI's is the
// whole process.
//   node examples/web-checker/bench-import.mjs [RUNS]
// Needs scripts/build-wasm.sh, target/release/alleo-sync, the hr_exports example
// built with --release, and npm ci.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { serve } from "./tests/serve.mjs";

const root = new URL("../..", import.meta.url).pathname;
const runs = Number(process.argv[2] || 3);
// The example exports of two HR systems, written large, and the roster (a whole
// workforce, 2% of rows with a real error) as a Dutch Excel export.
const cases = [
  { system: "afas", file: "export.csv", rows: 1_000_000 },
  { system: "personio", file: "export.xlsx", rows: 100_000 },
  { system: "roster", file: "export_nl_roster_1000000.csv", rows: 1_000_000 },
];
const site = await serve(root);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const { system, file, rows } of cases) {
  const roster = system === "roster";
  const dir = join(root, "bench-data", `exports-${rows}`);
  const path = roster ? join(root, "bench-data", file) : join(dir, system, file);
  const config = roster ? `${path}.toml` : join(root, "examples", "exports", system, "alleo.toml");
  if (roster && !existsSync(path)) {
    spawnSync(join(root, "target", "release", "generate"), [String(rows), path, "1", "--roster", "--dutch"], { stdio: "inherit" });
  } else if (!existsSync(path)) {
    spawnSync(join(root, "target", "release", "examples", "hr_exports"), [String(rows), dir, system], { stdio: "inherit" });
  }
  const times = { page: [], grid: [], native: [], ratio: [] };
  for (let run = 0; run < runs; run++) {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/examples/web-checker/?asOf=2026-11-26`);
    await page.locator("body[data-ready]").waitFor();
    await page.setInputFiles("#file", path);
    await page.locator("#import:not([hidden])").waitFor({ timeout: 300_000 });
    await page.fill("#file-id", "acme");
    const started = Date.now();
    await page.click("#make");
    await page.locator("#made:not([hidden])").waitFor({ timeout: 600_000 });
    const inPage = (Date.now() - started) / 1000;
    await page.locator("#grid-body td[data-column]").first().waitFor({ timeout: 600_000 });
    const grid = (Date.now() - started) / 1000;
    await page.close();

    const out = join(root, "target", "bench-import.csv");
    const begun = process.hrtime.bigint();
    spawnSync(join(root, "target", "release", "alleo-sync"), [
      "transform", path, "-o", out, "--config", config,
      "--as-of", "2026-11-26", "--rejects", `${out}.rejects`, "--changes", `${out}.changes`, "--format", "json",
    ]);
    const native = Number(process.hrtime.bigint() - begun) / 1e9;
    times.page.push(inPage);
    times.grid.push(grid);
    times.native.push(native);
    times.ratio.push(inPage / native);
    console.log(`${system} ${rows} rows, run ${run + 1}: page ${inPage.toFixed(2)} s (grid ${grid.toFixed(2)} s), native ${native.toFixed(2)} s`);
  }
  console.log(`${system} (${file}, ${rows} rows): page ${median(times.page).toFixed(2)} s (grid ${median(times.grid).toFixed(2)} s), native ${median(times.native).toFixed(2)} s, median ratio ${median(times.ratio).toFixed(2)}x`);
}
await site.close();
