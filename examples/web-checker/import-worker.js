// The importer's worker: suggests the mapping of an export, transforms it into
// the Alleo file, plans a file against the previous one, and holds the file made
// for the grid (the core's Sheet), off the page's thread, with the core's one call
// for each (`suggestMapping`, `transform`, `diff`, `Sheet`). Files and results are
// transferred, not copied.
import init, { diff, suggestMapping, transform, Sheet } from "../../alleo-csv-wasm/pkg/alleo_csv_wasm.js";

const ready = init();
/// The Alleo file being edited, and the lines the grid's filter lets through.
let sheet = null;
let shown = new Uint32Array();

const answers = {
  async plan({ file, previous, config, options }) {
    const [before, bytes] = await Promise.all([previous, file].map(async (f) => new Uint8Array(await f.arrayBuffer())));
    return { plan: diff(before, bytes, config, options) };
  },
  async suggest({ file, config, options }) {
    return { suggestion: suggestMapping(new Uint8Array(await file.arrayBuffer()), config, options.lang) };
  },
  // The rows still invalid stay in the file, to be fixed in the grid.
  async transform({ file, config, options, output }) {
    const done = transform(new Uint8Array(await file.arrayBuffer()), config, options, true);
    const report = done.report();
    const files = { output: done.output(), rejects: done.rejects(), changes: done.changes() };
    sheet?.free();
    sheet = files.output ? new Sheet(files.output, config, { ...options, name: output }) : null;
    shown = sheet ? sheet.rowsWith() : new Uint32Array();
    const grid = sheet && { header: sheet.header(), length: sheet.length, errors: sheet.errors, warnings: sheet.warnings };
    delete files.output; // the grid's file, with its edits, is asked for when downloaded
    return [
      { usable: done.usable, summary: done.summary, valid: report.summary().valid, text: done.text(output), files, grid },
      Object.values(files).filter(Boolean).map((f) => f.buffer),
    ];
  },
  filter({ having }) {
    shown = sheet.rowsWith(having || undefined);
    return { shown: shown.length, errors: sheet.errors, warnings: sheet.warnings };
  },
  rows({ from, count }) {
    return { rows: sheet.rows(shown.subarray(from, from + count)) };
  },
  edit({ line, column, value }) {
    sheet.edit(line, column, value);
    return { errors: sheet.errors, warnings: sheet.warnings };
  },
  file() {
    const bytes = sheet.file();
    return [{ bytes, errors: sheet.errors }, [bytes.buffer]];
  },
};

self.onmessage = async ({ data }) => {
  try {
    await ready;
    const answer = await answers[data.want](data);
    const [message, transfer] = Array.isArray(answer) ? answer : [answer, []];
    self.postMessage({ ...message, id: data.id }, transfer);
  } catch (e) {
    self.postMessage({ id: data.id, error: String(e && e.message ? e.message : e) });
  }
};
