// The figures (a benchmark, not a test): the generated 1,000,000-row file checked in
// the page in headless Chromium, against native `alleo-sync validate`, alternately
// in one run (the median of the per-run ratios, since this machine's speed swings).
//   node examples/web-checker/bench.mjs [ROWS] [RUNS]
// Needs scripts/build-wasm.sh, target/release/{alleo-sync,generate} and npm ci.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { serve } from "./tests/serve.mjs";

const root = new URL("../..", import.meta.url).pathname;
const rows = Number(process.argv[2] || 1_000_000);
const runs = Number(process.argv[3] || 3);
const file = join(root, "bench-data", `alleo_employees_bench_${rows}.csv`);
if (!existsSync(file)) {
  mkdirSync(join(root, "bench-data"), { recursive: true });
  spawnSync(join(root, "target", "release", "generate"), [String(rows), file], { stdio: "inherit" });
}
const site = await serve(root);
const times = { chromium: [], outside: [], native: [] };
for (let run = 0; run < runs; run++) {
  const page = await site.browser.newPage();
  await page.goto(`${site.origin}/examples/web-checker/?asOf=2026-11-26`);
  await page.locator("body[data-ready]").waitFor();
  // The page is ready (its workers compiled) by the time a person picks a file.
  await page.waitForTimeout(500);
  const started = Date.now();
  await page.setInputFiles("#file", file);
  await page.locator("#counts").waitFor({ timeout: 300_000 });
  times.outside.push((Date.now() - started) / 1000);
  // From the file chosen to the report shown, as the page measures it.
  times.chromium.push(await page.evaluate(() => performance.getEntriesByName("alleo-check")[0].duration / 1000));
  await page.close();
  const native = Date.now();
  spawnSync(join(root, "target", "release", "alleo-sync"),
    ["validate", file, "--as-of", "2026-11-26", "--format", "json", "--no-previous"], { stdio: "ignore" });
  times.native.push((Date.now() - native) / 1000);
}
await site.close();
const best = (list) => Math.min(...list);
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ratios = times.chromium.map((t, i) => t / times.native[i]);
console.log(`${rows} rows, ${runs} alternating runs, best times:`);
console.log(`  the page in headless Chromium (two workers), file chosen to report shown: ${best(times.chromium).toFixed(2)} s`);
console.log(`    (${best(times.outside).toFixed(2)} s as Playwright sees it, handing the file over included)`);
console.log(`  native alleo-sync validate (two threads), the whole process: ${best(times.native).toFixed(2)} s`);
console.log(`  ratio: median of the runs ${median(ratios).toFixed(2)}x, best to best ${(best(times.chromium) / best(times.native)).toFixed(2)}x (target within 2.5x)`);
