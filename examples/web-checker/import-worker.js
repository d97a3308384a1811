// The importer's worker: suggests the mapping of an export, transforms it into
// the Alleo file, and plans a file against the previous one, off the page's thread, with the core's one call for each
// (`suggestMapping`, `transform`, `diff`). Files and results are transferred, not copied.
import init, { diff, suggestMapping, transform } from "../../alleo-csv-wasm/pkg/alleo_csv_wasm.js";

const ready = init();

self.onmessage = async ({ data: { id, want, file, previous, config, options, output } }) => {
  try {
    await ready;
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (want === "plan") {
      const before = new Uint8Array(await previous.arrayBuffer());
      self.postMessage({ id, plan: diff(before, bytes, config, options) });
      return;
    }
    if (want === "suggest") {
      self.postMessage({ id, suggestion: suggestMapping(bytes, config, options.lang) });
      return;
    }
    const done = transform(bytes, config, options);
    const report = done.report();
    const files = { output: done.output(), rejects: done.rejects(), changes: done.changes() };
    self.postMessage(
      {
        id,
        usable: done.usable,
        summary: done.summary,
        valid: report.summary().valid,
        text: done.text(output),
        files,
      },
      Object.values(files).filter(Boolean).map((f) => f.buffer),
    );
  } catch (e) {
    self.postMessage({ id, error: String(e && e.message ? e.message : e) });
  }
};
