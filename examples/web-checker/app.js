// The page: a file in, the report out, in the chosen language, under the settings
// saved in this browser. The report stays in the checking worker; the page shows
// what the CLI's text report shows: every error, and each warning found on many
// rows once.
import init, { checkConfig, companionName, schema, words as wordsOf } from "../../alleo-csv-wasm/pkg/alleo_csv_wasm.js";
import { check } from "./check.js";
import { setupSettings } from "./settings.js";
import { fixInGrid, plan, save, showImport, showPlan, suggest } from "./import.js";
import { editCount, hasEdits } from "./grid.js";

/// Issue lines drawn at most: a file with an error on every row would otherwise
/// stop the page drawing; the CSV download holds them all.
const SHOWN = 2000;

const $ = (id) => document.getElementById(id);
let lang = "en";
/// The last check: { file, summary, digest, listed, ask, page }.
let last = null;
/// Every word shown, from the core (through WebAssembly), by language.
const words = {};
const word = (key) => words[lang][key];
/// The pickup date to check for, when the address gives one (`?asOf=2026-11-26`,
/// as the tests do); else the core's default, the next pickup.
const asOfGiven = () => new URLSearchParams(location.search).get("asOf") || undefined;

function translate() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-text]")) el.textContent = word(el.dataset.text);
  for (const el of document.querySelectorAll("[data-label]")) el.setAttribute("aria-label", word(el.dataset.label));
}

/// The start of a CSV file for the suggestion, which reads its first rows only:
/// its first MiB, cut after the last ASCII byte, so that no character is cut in
/// two (a UTF-8 "ë" cut in two would read as Windows-1252, and the export would
/// be transformed as such). The rest of a row cut there does not matter.
async function head(file) {
  const MIB = 1 << 20;
  if (file.size <= MIB) return file;
  const bytes = new Uint8Array(await file.slice(0, MIB).arrayBuffer());
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] >= 0x80) end -= 1;
  return new Blob([bytes.subarray(0, end)]);
}

/// Checks `file` and shows its report, or, for an HR export (a workbook, or what
/// the core's suggestion calls one), shows the importer; a check started
/// later wins.
async function checkFile(file) {
  const workbook = /\.xlsx$/i.test(file.name);
  const suggestion = await suggest(workbook ? file : await head(file), settings(), lang).catch(() => null);
  // The core says whether it is an export; a workbook is never an Alleo file.
  const importing = suggestion && (workbook || suggestion.export);
  $("import").hidden = !importing;
  $("grid-section").hidden = true;
  if (importing) {
    last = null;
    asking += 1; // a pending request for issues is no longer wanted
    $("issues").removeAttribute("aria-busy");
    $("summary").replaceChildren();
    $("tools").hidden = $("issues").hidden = $("shown").hidden = $("warning-groups").hidden = true;
    const asOf = asOfGiven();
    showImport({ file, suggestion, base: settings(), fields, word, options: { asOf, lang } });
    return;
  }
  const progress = $("progress");
  progress.hidden = false;
  progress.value = 0;
  performance.clearMeasures("alleo-check");
  performance.mark("alleo-check-start");
  const asOf = asOfGiven();
  try {
    const result = await check(file, { config: settings(), asOf, lang, shown: SHOWN }, (done) => { progress.value = done; });
    last = { file, ...result, page: result.listed };
    show();
    planFile();
    performance.measure("alleo-check", "alleo-check-start");
  } catch (e) {
    if (e.cancelled) return;
    last = null;
    $("issues").removeAttribute("aria-busy");
    $("summary").textContent = e.message;
    $("tools").hidden = $("issues").hidden = $("shown").hidden = $("warning-groups").hidden = true;
  }
  progress.hidden = true;
}

/// With the previous file chosen: what Alleo will do with the file checked.
async function planFile() {
  const previous = $("previous").files[0];
  $("plan").hidden = true;
  if (!previous || !last) return;
  const asked = last;
  const asOf = asOfGiven();
  try {
    const p = await plan(asked.file, previous, settings(), { asOf, lang, name: asked.file.name });
    if (asked === last) showPlan(p, word, lang);
  } catch (e) {
    $("plan-counts").textContent = e.message;
    $("plan").hidden = false;
  }
}

/// The summary, the warnings shown once, the filter's codes and the issues.
function show() {
  const { file, summary, digest } = last;
  const t = words[lang];
  const counts = document.createElement("p");
  counts.id = "counts";
  counts.textContent = `${file.name}: ${summary.counts}. ${t.checkedFor} ${summary.as_of}.`;
  const verdict = document.createElement("p");
  verdict.className = summary.valid ? "valid" : "invalid";
  verdict.textContent = `${summary.valid ? "✓" : "✗"} ${summary.verdict}`;
  $("summary").replaceChildren(counts, verdict);
  if (settings()) {
    const using = document.createElement("p");
    using.textContent = t.withSettings;
    $("summary").append(using);
  }
  // A warning on many rows: once, with its meaning, how many and the first rows.
  const groups = $("group-list");
  groups.replaceChildren();
  for (const g of digest.groups) {
    const li = document.createElement("li");
    li.dataset.code = g.code;
    const head = document.createElement("p");
    head.append(
      Object.assign(document.createElement("span"), { className: "warning", textContent: t.warning }),
      ` ${g.code} `,
      g.line,
    );
    li.append(head, Object.assign(document.createElement("p"), { className: "about", textContent: g.about }));
    groups.append(li);
  }
  $("warning-groups").hidden = digest.groups.length === 0;
  $("first-run").hidden = !digest.needs_previous_state;
  const code = $("code");
  const chosen = code.value;
  code.replaceChildren(code.options[0]);
  for (const c of summary.codes) code.add(new Option(c, c));
  code.value = [...code.options].some((o) => o.value === chosen) ? chosen : "";
  // The grid fixes cells: offered when every error is about a row.
  $("fix").hidden = summary.valid || digest.file_errors > 0;
  $("tools").hidden = false;
  chooseIssues();
}

/// The last request for issues: an older answer is not drawn.
let asking = 0;

/// Asks the check for the issues of the chosen severity and code (a code shown
/// once above is listed whole when chosen), then draws them.
async function chooseIssues() {
  const severity = $("severity").value;
  const code = $("code").value;
  const asked = last;
  const ticket = ++asking;
  // Busy until the issues asked for last are drawn (screen readers, and tests, wait).
  const table = $("issues");
  table.setAttribute("aria-busy", "true");
  try {
    const page = severity || code ? await asked.ask({ want: "issues", severity, code }) : asked.listed;
    if (asked !== last || ticket !== asking) return;
    last.page = page;
    draw();
  } finally {
    if (ticket === asking) table.removeAttribute("aria-busy");
  }
}

/// The issues asked for, grouped by row (they come sorted by row): each row of the
/// file is a group of lines headed by its number.
function draw() {
  const t = words[lang];
  const { issues, total } = last.page;
  const table = $("issues");
  for (const body of [...table.tBodies]) body.remove();
  let group = null;
  for (const issue of issues) {
    const row = issue.row ?? "file";
    if (!group || group.dataset.row !== String(row)) {
      group = table.createTBody();
      group.dataset.row = row;
      const th = document.createElement("th");
      th.scope = "rowgroup";
      th.colSpan = 3;
      th.textContent = issue.row ? `${t.row} ${issue.row}` : t.file;
      group.insertRow().append(th);
    }
    const tr = group.insertRow();
    tr.dataset.code = issue.code;
    tr.dataset.severity = issue.severity;
    for (const [text, cls] of [[t[issue.severity], issue.severity], [issue.code], [issue.message]]) {
      const td = tr.insertCell();
      td.textContent = text;
      if (cls) td.className = cls;
    }
  }
  table.hidden = issues.length === 0;
  const shown = $("shown");
  shown.hidden = total <= issues.length;
  shown.textContent = t.shown.replace("{shown}", issues.length.toLocaleString(lang)).replace("{total}", total.toLocaleString(lang));
}

// The core's words, schema and settings check, on this thread (the checks run in
// workers).
await init();
words[lang] = wordsOf(lang);
const { fields, customTypes } = schema();
/// New settings check the file again; cells changed in the grid would be undone,
/// so the person is asked first (no, and the grid stays as it is).
function settingsSaved() {
  const edits = editCount();
  if (!last || (edits > 0 && !confirm(word("undoEdits").replace("{edits}", edits.toLocaleString(lang))))) return;
  checkFile(last.file);
}
const settings = setupSettings({ fields, customTypes, checkConfig: (config) => checkConfig(config, lang), word, saved: settingsSaved });

$("severity").addEventListener("change", chooseIssues);
$("code").addEventListener("change", chooseIssues);
$("download").addEventListener("click", async () => {
  const csv = await last.ask({ want: "csv" });
  save(new Blob([csv], { type: "text/csv" }), companionName(last.file.name, "issues"));
});

$("fix").addEventListener("click", () => {
  const asOf = asOfGiven();
  fixInGrid(last.file, settings(), { asOf, lang, name: last.file.name }, word);
});
$("file").addEventListener("change", (e) => e.target.files[0] && checkFile(e.target.files[0]));
$("previous").addEventListener("change", planFile);
$("lang").addEventListener("change", (e) => {
  lang = e.target.value;
  words[lang] ??= wordsOf(lang);
  translate();
  // The report in the new language; not while cells are being fixed in the grid,
  // which a new check would lose (its messages stay in the language it opened in).
  if (last && !hasEdits()) checkFile(last.file);
});
const drop = $("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  if (e.dataTransfer.files[0]) checkFile(e.dataTransfer.files[0]);
});

translate();
// For tests: every control is wired.
document.body.dataset.ready = "true";
