// The page: a file in, the report out, in the chosen language, under the settings
// saved in this browser.
import init, { checkConfig, schema } from "../../alleo-csv-wasm/pkg/alleo_csv_wasm.js";
import { check } from "./check.js";
import { setupSettings } from "./settings.js";
import { words } from "./words.js";

/// Issue lines drawn at most: a file with an error on every row would otherwise
/// stop the page drawing; the CSV download holds them all.
const SHOWN = 2000;

const $ = (id) => document.getElementById(id);
let lang = "en";
let last = null; // { file, report, csv }
const word = (key) => words[lang][key];

function translate() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-text]")) el.textContent = word(el.dataset.text);
  for (const el of document.querySelectorAll("[data-label]")) el.setAttribute("aria-label", word(el.dataset.label));
}

/// Checks `file` and shows its report; a check started later wins.
async function checkFile(file) {
  const progress = $("progress");
  progress.hidden = false;
  progress.value = 0;
  performance.clearMeasures("alleo-check");
  performance.mark("alleo-check-start");
  const asOf = new URLSearchParams(location.search).get("asOf") || undefined;
  try {
    const { report, csv } = await check(file, { config: settings(), asOf, lang }, (done) => { progress.value = done; });
    last = { file, report, csv };
    show();
    performance.measure("alleo-check", "alleo-check-start");
  } catch (e) {
    if (e.cancelled) return;
    last = null;
    $("summary").textContent = e.message;
    $("tools").hidden = $("issues").hidden = $("shown").hidden = true;
  }
  progress.hidden = true;
}

/// The summary, the filters' codes and the issues of the last check.
function show() {
  const { file, report } = last;
  const t = words[lang];
  const counts = document.createElement("p");
  counts.id = "counts";
  counts.textContent = `${file.name}: ${report.rows} ${t.rows}, ${report.errors} ${t.errors}, ${report.warnings} ${t.warnings}. ${t.checkedFor} ${report.as_of}.`;
  const verdict = document.createElement("p");
  verdict.className = report.valid ? "valid" : "invalid";
  verdict.textContent = report.valid ? t.valid : t.invalid;
  $("summary").replaceChildren(counts, verdict);
  if (settings()) {
    const using = document.createElement("p");
    using.textContent = t.withSettings;
    $("summary").append(using);
  }
  const code = $("code");
  const chosen = code.value;
  code.replaceChildren(code.options[0]);
  for (const c of [...new Set(report.issues.map((i) => i.code))].sort()) code.add(new Option(c, c));
  code.value = [...code.options].some((o) => o.value === chosen) ? chosen : "";
  $("tools").hidden = false;
  draw();
}

/// The issues of the chosen severity and code, grouped by row (issues come sorted
/// by row): each row of the file is a group of lines headed by its number.
function draw() {
  const t = words[lang];
  const severity = $("severity").value;
  const code = $("code").value;
  const issues = last.report.issues.filter((i) => (!severity || i.severity === severity) && (!code || i.code === code));
  const table = $("issues");
  for (const body of [...table.tBodies]) body.remove();
  let group = null;
  for (const issue of issues.slice(0, SHOWN)) {
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
  shown.hidden = issues.length <= SHOWN;
  shown.textContent = t.shown.replace("{shown}", SHOWN.toLocaleString(lang)).replace("{total}", issues.length.toLocaleString(lang));
}

// The core's schema and settings check, on this thread (the checks run in workers).
await init();
const { fields, customTypes } = schema();
const settings = setupSettings({ fields, customTypes, checkConfig, word, saved: () => last && checkFile(last.file) });

$("severity").addEventListener("change", draw);
$("code").addEventListener("change", draw);
$("download").addEventListener("click", () => {
  const url = URL.createObjectURL(new Blob([last.csv], { type: "text/csv" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = last.file.name.replace(/\.csv$/i, "") + "-issues.csv";
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

$("file").addEventListener("change", (e) => e.target.files[0] && checkFile(e.target.files[0]));
$("lang").addEventListener("change", (e) => {
  lang = e.target.value;
  translate();
  if (last) checkFile(last.file);
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
