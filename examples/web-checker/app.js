// The page: a file in, the report out, in the chosen language.
import { check } from "./check.js";

const words = {
  en: { showSeverity: "Show", allSeverities: "errors and warnings", errorsOnly: "errors", warningsOnly: "warnings", showCode: "Code", allCodes: "all", download: "Download the issues (CSV)", title: "Alleo file checker", privacy: "Your file is checked in this browser and never leaves your computer.", language: "Language", drop: "Drop the employee file here, or choose it:", choose: "Choose a file", row: "Row", severity: "Severity", code: "Code", message: "Message", file: "File", rows: "rows", errors: "errors", warnings: "warnings", valid: "Valid: the file can be sent.", invalid: "Not valid: fix the errors before sending the file.", checkedFor: "Checked for", error: "error", warning: "warning" },
  nl: { showSeverity: "Toon", allSeverities: "fouten en waarschuwingen", errorsOnly: "fouten", warningsOnly: "waarschuwingen", showCode: "Code", allCodes: "alle", download: "Download de meldingen (CSV)", title: "Alleo-bestandscontrole", privacy: "Uw bestand wordt in deze browser gecontroleerd en verlaat uw computer nooit.", language: "Taal", drop: "Sleep het medewerkersbestand hierheen, of kies het:", choose: "Kies een bestand", row: "Rij", severity: "Ernst", code: "Code", message: "Melding", file: "Bestand", rows: "rijen", errors: "fouten", warnings: "waarschuwingen", valid: "Geldig: het bestand kan worden verstuurd.", invalid: "Niet geldig: herstel de fouten voordat u het bestand verstuurt.", checkedFor: "Gecontroleerd voor", error: "fout", warning: "let op" },
  de: { showSeverity: "Zeige", allSeverities: "Fehler und Warnungen", errorsOnly: "Fehler", warningsOnly: "Warnungen", showCode: "Code", allCodes: "alle", download: "Meldungen herunterladen (CSV)", title: "Alleo-Dateiprüfung", privacy: "Ihre Datei wird in diesem Browser geprüft und verlässt Ihren Computer nie.", language: "Sprache", drop: "Ziehen Sie die Mitarbeiterdatei hierher, oder wählen Sie sie:", choose: "Datei wählen", row: "Zeile", severity: "Schwere", code: "Code", message: "Meldung", file: "Datei", rows: "Zeilen", errors: "Fehler", warnings: "Warnungen", valid: "Gültig: Die Datei kann gesendet werden.", invalid: "Ungültig: Beheben Sie die Fehler, bevor Sie die Datei senden.", checkedFor: "Geprüft für", error: "Fehler", warning: "Warnung" },
};

const $ = (id) => document.getElementById(id);
let lang = "en";
let lastFile = null;
let lastCsv = null;

function translate() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-text]")) el.textContent = words[lang][el.dataset.text];
}

/// Checks `file` and shows its report; a check started later wins.
async function checkFile(file) {
  lastFile = file;
  const progress = $("progress");
  progress.hidden = false;
  progress.value = 0;
  performance.clearMeasures("alleo-check");
  performance.mark("alleo-check-start");
  const asOf = new URLSearchParams(location.search).get("asOf") || undefined;
  try {
    const { report, csv } = await check(file, { config: undefined, asOf, lang }, (done) => { progress.value = done; });
    lastCsv = csv;
    show(file, report);
    performance.measure("alleo-check", "alleo-check-start");
  } catch (e) {
    if (e.cancelled) return;
    $("summary").textContent = e.message;
  }
  progress.hidden = true;
}

function show(file, report) {
  const t = words[lang];
  const summary = $("summary");
  summary.replaceChildren();
  const counts = document.createElement("p");
  counts.id = "counts";
  counts.textContent = `${file.name}: ${report.rows} ${t.rows}, ${report.errors} ${t.errors}, ${report.warnings} ${t.warnings}. ${t.checkedFor} ${report.as_of}.`;
  const verdict = document.createElement("p");
  verdict.className = report.valid ? "valid" : "invalid";
  verdict.textContent = report.valid ? t.valid : t.invalid;
  summary.append(counts, verdict);
  const body = $("issues").tBodies[0];
  body.replaceChildren();
  for (const issue of report.issues) {
    const tr = body.insertRow();
    tr.dataset.code = issue.code;
    tr.dataset.severity = issue.severity;
    for (const [text, cls] of [[issue.row ?? t.file], [t[issue.severity], issue.severity], [issue.code], [issue.message]]) {
      const td = tr.insertCell();
      td.textContent = text;
      if (cls) td.className = cls;
    }
  }
  $("issues").hidden = report.issues.length === 0;
  $("tools").hidden = false;
  const code = $("code");
  const chosen = code.value;
  code.replaceChildren(code.options[0]);
  for (const c of [...new Set(report.issues.map((i) => i.code))].sort()) code.add(new Option(c, c));
  code.value = [...code.options].some((o) => o.value === chosen) ? chosen : "";
  filter();
}

/// Shows the rows of the chosen severity and code.
function filter() {
  const severity = $("severity").value;
  const code = $("code").value;
  for (const tr of $("issues").tBodies[0].rows) {
    tr.hidden = (severity && tr.dataset.severity !== severity) || (code && tr.dataset.code !== code);
  }
}

$("severity").addEventListener("change", filter);
$("code").addEventListener("change", filter);
$("download").addEventListener("click", () => {
  const url = URL.createObjectURL(new Blob([lastCsv], { type: "text/csv" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = (lastFile?.name || "file").replace(/\.csv$/i, "") + "-issues.csv";
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

$("file").addEventListener("change", (e) => e.target.files[0] && checkFile(e.target.files[0]));
$("lang").addEventListener("change", (e) => {
  lang = e.target.value;
  translate();
  if (lastFile) checkFile(lastFile);
});
const drop = $("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  if (e.dataTransfer.files[0]) checkFile(e.dataTransfer.files[0]);
});
drop.addEventListener("keydown", (e) => {
  if (e.key === "Enter" || e.key === " ") { e.preventDefault(); $("file").click(); }
});
translate();
