// The importer's worker: suggests the mapping of an export, transforms it into
// the Alleo file, plans a file against the previous one, and holds the file made
// (or an Alleo file chosen on the page) for the grid (the core's Sheet), off the page's thread, with the core's one call
// for each (`suggestMapping`, `transform`, `diff`, `Sheet`). Files and results are
// transferred, not copied.
import init, { chosenConfig, diff, suggestMapping, transform, Sheet } from "../../alleo-csv-wasm/pkg/alleo_csv_wasm.js";

const ready = init();
/// The transform whose file the grid will hold, until it does.
let made = null;
/// The Alleo file being edited, the grid's filter and the lines it lets through.
let sheet = null;
let having = "";
/// The bytes the last suggestion was made from (an export's first MiB).
let suggestedFrom = null;
let shown = new Uint32Array();

/// Frees what the worker holds (before anything that may fail replaces it).
function forget() {
  made?.free();
  sheet?.free();
  [made, sheet] = [null, null];
}

/// The sheet's summary for the grid, its filter reset to every row.
function opened() {
  having = "";
  shown = sheet.rowsWith();
  return { header: sheet.header(), length: sheet.length, ...now() };
}

/// The sheet's counts and its issues about the whole file, as they are now.
const now = () => ({ errors: sheet.errors, warnings: sheet.warnings, fileIssues: sheet.fileIssues() });

/// The lines of both sorted lists, once each, in order.
function union(a, b) {
  const out = new Uint32Array(a.length + b.length);
  let [i, j, n] = [0, 0, 0];
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (n === 0 || out[n - 1] !== next) out[n++] = next;
  }
  return out.slice(0, n);
}

const answers = {
  async plan({ file, previous, config, options }) {
    const [before, bytes] = await Promise.all([previous, file].map(async (f) => new Uint8Array(await f.arrayBuffer())));
    return { plan: diff(before, bytes, config, options) };
  },
  async suggest({ file, config, options }) {
    suggestedFrom = new Uint8Array(await file.arrayBuffer());
    return { suggestion: suggestMapping(suggestedFrom, config, options.lang) };
  },
  // The rows still invalid stay in the file, to be fixed in the grid. The file
  // itself stays here: the grid asks for it next, and the download asks the grid.
  // The configuration is the one the mapping step's choices make of `base`.
  async transform({ file, base, choices, options, output }) {
    forget();
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The choices were made on the suggestion shown: made again from the same bytes.
    const config = chosenConfig(suggestedFrom ?? bytes, base, choices, options.lang);
    made = transform(bytes, config, options, true);
    const report = made.report();
    const files = { rejects: made.rejects(), changes: made.changes() };
    return [
      { config, usable: made.usable, summary: made.summary, valid: report.summary().valid, text: made.text(output), files },
      Object.values(files).filter(Boolean).map((f) => f.buffer),
    ];
  },
  // An Alleo file chosen on the page, to fix in the grid.
  async open({ file, config, options }) {
    forget();
    sheet = new Sheet(new Uint8Array(await file.arrayBuffer()), config, options);
    return opened();
  },
  // The file just made, checked whole for the grid.
  grid({ config, options }) {
    sheet = made.sheet(config, options);
    made = null;
    return opened();
  },
  filter({ having: chosen }) {
    having = chosen;
    shown = sheet.rowsWith(having || undefined);
    return { shown: shown.length, ...now() };
  },
  rows({ from, count }) {
    return { rows: sheet.rows(shown.subarray(from, from + count)) };
  },
  // An edit can give other rows an error (an address used twice): under a
  // filter, they join the rows shown (and the rows fixed stay until it changes).
  edit({ line, column, value }) {
    const joining = sheet.edit(line, column, value, having || undefined);
    if (having) shown = union(shown, joining);
    return { shown: shown.length, ...now() };
  },
  // The file as it is now, and a whole check of it: only that says it may be sent
  // (the rules about the whole file, such as sensitive numbers, included).
  file() {
    const checked = sheet.checkWhole();
    const bytes = checked.takeBytes();
    const report = checked.intoReport();
    const { valid, errors } = report.summary();
    const problems = report.issues("error", "", true, 20).issues.map((i) => i.message);
    report.free();
    return [{ bytes, valid, errors, problems }, [bytes.buffer]];
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
