// The importer: an HR export (CSV in any dialect, or .xlsx) in, the Alleo file out.
// A mapping step shows each column with what the core suggests it becomes (an
// Alleo field, a custom field, or left out; sensitive columns left out), with how
// sure and why, and the dialect found; every choice can be changed. The export is
// then transformed by the core, as `alleo-sync transform` does, and the Alleo file,
// the change log, the rejected rows and the alleo.toml that does the same nightly
// are offered for download. Nothing leaves the page.
import { companionName } from "../../alleo-csv-wasm/pkg/alleo_csv_wasm.js";
import { stringify } from "./vendor/smol-toml/index.js";
import { forgetEdits, showGrid } from "./grid.js";
import { asker } from "./check.js";

const WORKER = new URL("import-worker.js", import.meta.url);
const $ = (id) => document.getElementById(id);
const ask = asker(new Worker(WORKER, { type: "module" }));

/// The suggestion for `file` under `config`, in `lang`.
export function suggest(file, config, lang) {
  return ask({ want: "suggest", file, config, options: { lang } }).then((d) => d.suggestion);
}

/// What Alleo will do with `file` given `previous` (the file last sent, or
/// Alleo's reporting export): the plan, as `alleo-sync diff --format json`.
export function plan(file, previous, config, options) {
  return ask({ want: "plan", file, previous, config, options }).then((d) => d.plan);
}

/// Shows `plan` in the plan section: the counts, the deactivations with their
/// times, and what the guard and the other previous-state rules said.
export function showPlan(p, word, lang) {
  const s = p.summary;
  const counts = word("planCounts").replace(/\{(\w+)\}/g, (_, k) => (s[k] ?? 0).toLocaleString(lang));
  const list = $("plan-deactivations");
  list.replaceChildren();
  for (const a of p.actions.filter((a) => a.action === "deactivate").slice(0, 50)) {
    list.append(Object.assign(document.createElement("li"), { textContent: `${a.email}: ${a.effective}` }));
  }
  $("plan-deactivations-heading").hidden = list.children.length === 0;
  $("plan-counts").textContent = counts;
  const errors = $("plan-errors");
  errors.replaceChildren();
  for (const i of p.issues.filter((i) => i.severity === "error" && i.row == null)) {
    errors.append(Object.assign(document.createElement("li"), { className: "invalid", textContent: i.message }));
  }
  $("plan").hidden = false;
}

/// Opens the Alleo file `file` (checked already) in the grid, to fix it there;
/// `options` as for a check, with the file's `name`. The file as fixed is offered
/// for download once it has no error.
export async function fixInGrid(file, config, options, word) {
  $("get-fixed").hidden = true;
  let grid;
  try {
    grid = await ask({ want: "open", file, config, options });
  } catch (e) {
    forgetEdits();
    $("grid-counts").textContent = e.message;
    $("grid-section").hidden = false;
    return;
  }
  const offer = ({ errors }) => { $("get-fixed").hidden = errors !== 0; };
  $("get-fixed").onclick = () => saveChecked(options.name, offer);
  offer(grid);
  showGrid({ ask, word, grid, onChange: offer });
  $("grid-heading").focus();
}

/// Shows the mapping step for `file` with its `suggestion`; `base` is the saved
/// configuration (company groups and the like), `fields` the core's schema,
/// `word(key)` a word in the page's language, `options` the run's options.
export function showImport({ file, suggestion, base, fields, word, options }) {
  const section = $("import");
  const body = $("import-columns");
  body.replaceChildren();
  const customs = new Set(suggestion.columns.map((c) => c.target).filter((t) => t?.startsWith("custom_")));
  const chosen = suggestion.choices; // the core's: what it suggests, column by column
  suggestion.columns.forEach((c, i) => {
    const tr = body.insertRow();
    tr.dataset.header = c.header;
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = c.header;
    tr.append(th);
    const select = document.createElement("select");
    select.setAttribute("aria-label", `${word("becomes")}: ${c.header}`);
    select.add(new Option(word("leaveOut"), ""));
    for (const { key, label } of fields) select.add(new Option(label, key));
    for (const custom of customs) select.add(new Option(custom, custom));
    select.value = chosen.targets[i] ?? "";
    tr.insertCell().append(select);
    const why = tr.insertCell();
    why.textContent = suggestion.notes[i]; // the confidence, the reason and the evidence, in words
    if (c.leave_out?.kind === "sensitive") {
      tr.classList.add("sensitive");
      why.prepend(Object.assign(document.createElement("strong"), { textContent: `${word("sensitive")}. ` }));
    }
  });
  // The core's choices keep the saved dialect where the export's values decide none.
  $("delimiter").value = chosen.delimiter ?? "";
  $("encoding").value = chosen.encoding ?? "";
  $("date-format").value = chosen.date_format ?? "";
  $("file-id").value ||= base?.sftp?.file_id ?? "";
  $("made").hidden = true;
  section.hidden = false;
  section.querySelector("h2").focus();

  $("make").onclick = async () => {
    const id = $("file-id").value.trim();
    if (!/^[A-Za-z0-9_-]+$/.test(id)) {
      $("file-id").setAttribute("aria-invalid", "true");
      $("file-id").focus();
      return;
    }
    $("file-id").removeAttribute("aria-invalid");
    const name = `alleo_employees_${id}.csv`;
    $("make").disabled = true;
    try {
      // The core makes the configuration of the choices, as the CLI's suggestion.
      const made = await ask({ want: "transform", file, base, choices: choicesOf(), options: { ...options, name: file.name }, output: name });
      await showMade(made, made.config, { ...options, name }, word);
    } catch (e) {
      $("made-text").textContent = e.message;
      $("made").hidden = false;
    } finally {
      $("make").disabled = false;
    }
  };
}

/// What the mapping step shows chosen: each column's target (`null`: left out)
/// and the dialect (`null`: detected).
function choicesOf() {
  const targets = [...$("import-columns").rows].map((tr) => tr.querySelector("select").value || null);
  // As typed: the core reads them (a tab is a delimiter, spaces around are not).
  const [delimiter, encoding, date_format] = ["delimiter", "encoding", "date-format"].map((id) => $(id).value || null);
  return { targets, delimiter, encoding, date_format };
}

/// What the transform made, the downloads, and then the grid to fix it in;
/// `options` are the run's, with the Alleo file's name.
async function showMade(made, config, options, word) {
  const name = options.name;
  $("made-text").textContent = made.text;
  const offer = (id, bytes, filename, type) => {
    const button = $(id);
    button.hidden = !bytes;
    button.onclick = () => save(new Blob([bytes], { type }), filename);
  };
  // Named so that Alleo never picks them up, wherever they are saved.
  offer("get-changes", made.files.changes, companionName(name, "changes"), "text/csv");
  offer("get-rejects", made.summary.rejected ? made.files.rejects : null, companionName(name, "rejects"), "text/csv");
  offer("get-toml", new TextEncoder().encode(stringify(config) + "\n"), "alleo.toml", "application/toml");
  // The Alleo file, as the grid has it now, only while it has no error.
  const offerFile = ({ errors }) => {
    const final = made.usable && errors === 0;
    $("get-file").hidden = !final;
    $("not-final").hidden = final;
  };
  $("get-file").onclick = () => saveChecked(name, offerFile);
  $("grid-section").hidden = true;
  $("get-fixed").hidden = true;
  $("get-file").hidden = true;
  $("not-final").hidden = made.usable && made.valid;
  $("made").hidden = false;
  if (!made.usable) return;
  const grid = await ask({ want: "grid", config, options });
  offerFile(grid);
  showGrid({ ask, word, grid, onChange: offerFile });
}

/// Saves the grid's file as `name` once a whole check of it finds no error;
/// otherwise withdraws the offer (`offer`) and says what is wrong.
async function saveChecked(name, offer) {
  const { bytes, valid, errors, problems } = await ask({ want: "file" });
  if (valid) {
    save(new Blob([bytes], { type: "text/csv" }), name);
    return;
  }
  offer({ errors });
  $("grid-counts").textContent = problems.join(" ");
}

/// Offers `blob` for download as `filename`.
export function save(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
