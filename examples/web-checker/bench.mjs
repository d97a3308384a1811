// The figures (a benchmark, not a test): the generated 1,000,000-row file checked in
// the page in headless Chromium, against native `alleo-sync validate`, alternately
// in one run.  node examples/web-checker/bench.mjs [ROWS] [RUNS]
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
const times = { chromium: [], native: [] };
for (let run = 0; run < runs; run++) {
  const page = await site.browser.newPage();
  await page.goto(`${site.origin}/examples/web-checker/?asOf=2026-11-26`);
  const started = Date.now();
  await page.setInputFiles("#file", file);
  await page.locator("#counts").waitFor({ timeout: 300_000 });
  times.chromium.push((Date.now() - started) / 1000);
  await page.close();
  const native = Date.now();
  spawnSync(join(root, "target", "release", "alleo-sync"),
    ["validate", file, "--as-of", "2026-11-26", "--format", "json", "--no-previous"], { stdio: "ignore" });
  times.native.push((Date.now() - native) / 1000);
}
await site.close();
const best = (list) => Math.min(...list);
console.log(`${rows} rows, ${runs} alternating runs, best times:`);
console.log(`  headless Chromium (the page, a worker, one thread): ${best(times.chromium).toFixed(2)} s`);
console.log(`  native alleo-sync validate (two threads):           ${best(times.native).toFixed(2)} s`);
console.log(`  ratio: ${(best(times.chromium) / best(times.native)).toFixed(2)}x (target within 2.5x)`);
