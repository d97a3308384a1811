// The importer's worker: suggests the mapping of an export, transforms it into
// the Alleo file, plans a file against the previous one, and holds the file made
// (or an Alleo file chosen on the page) for the grid (the core's Sheet), off the page's thread, with the core's one call
// for each (`suggestMapping`, `transform`, `diff`, `Sheet`). Files and results are
// transferred, not copied.
import init, { diff, suggestMapping, transform, Sheet } from "../../alleo-csv-wasm/pkg/alleo_csv_wasm.js";

const ready = init();
/// The transform whose file the grid will hold, until it does.
let made = null;
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
  // The rows still invalid stay in the file, to be fixed in the grid. The file
  // itself stays here: the grid asks for it next, and the download asks the grid.
  async transform({ file, config, options, output }) {
    made?.free();
    sheet?.free();
    made = transform(new Uint8Array(await file.arrayBuffer()), config, options, true);
    sheet = null;
    const report = made.report();
    const files = { rejects: made.rejects(), changes: made.changes() };
    return [
      { usable: made.usable, summary: made.summary, valid: report.summary().valid, text: made.text(output), files },
      Object.values(files).filter(Boolean).map((f) => f.buffer),
    ];
  },
  // An Alleo file chosen on the page, to fix in the grid.
  async open({ file, config, options }) {
    made?.free();
    sheet?.free();
    made = null;
    sheet = new Sheet(new Uint8Array(await file.arrayBuffer()), config, options);
    shown = sheet.rowsWith();
    return { header: sheet.header(), length: sheet.length, errors: sheet.errors, warnings: sheet.warnings };
  },
  // The file just made, checked whole for the grid.
  grid({ config, options }) {
    sheet = made.sheet(config, options);
    made = null;
    shown = sheet.rowsWith();
    return { header: sheet.header(), length: sheet.length, errors: sheet.errors, warnings: sheet.warnings };
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
