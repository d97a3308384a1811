// The grid of the Alleo file the importer made: every cell, the invalid ones
// marked with their message, editable in place from the keyboard or the mouse.
// The file stays in the importer's worker (the core's Sheet, in WebAssembly): the
// grid asks for the rows it shows, so a million rows cost the page a screenful of
// elements, and each edit is checked there at once, uniqueness across the file
// included. The rows are drawn a screenful at a time (the scroll moves by rows).
const $ = (id) => document.getElementById(id);
/// Height of a row in pixels (style.css sets it on the grid's rows).
const ROW = 32;
/// The tallest the scrolled area is made (browsers cap an element's height);
/// beyond it, a pixel of scrolling moves over more than one row's worth.
const TALLEST = 4_000_000;

let ask;
let word;
let header = [];
let length = 0; // rows in the file
let shown = 0; // rows the filter lets through
let first = 0; // the first row drawn, counted among those shown
let active = { at: 0, column: 0 }; // the cell that takes the keyboard
let asked = 0; // the last request for rows: older answers are dropped
let editing = false; // a cell's editor is open: nothing is redrawn under it
let edits = 0; // cells changed since the grid was shown
let changed = () => {};

/// Shows the grid of the worker's sheet: `grid` is what the worker said of it
/// (`{ header, length, errors, warnings, shown }`); `onChange(counts)` hears of
/// each edit's new counts.
export function showGrid({ ask: asker, word: words, grid, onChange }) {
  [ask, word, changed] = [asker, words, onChange];
  edits = 0;
  ({ header, length } = grid);
  active = { at: 0, column: 0 };
  const head = $("grid-head");
  head.replaceChildren(Object.assign(document.createElement("th"), { scope: "col", textContent: word("row") }));
  for (const h of header) head.append(Object.assign(document.createElement("th"), { scope: "col", textContent: h }));
  head.append(Object.assign(document.createElement("th"), { scope: "col", textContent: word("problems") }));
  $("grid").setAttribute("aria-colcount", String(header.length + 2));
  $("grid-filter").value = grid.errors ? "errors" : "";
  $("grid-section").hidden = false;
  filter($("grid-filter").value);
}

/// Whether the grid is shown with cells changed in it (which a new check of the
/// file would lose).
export const hasEdits = () => !$("grid-section").hidden && edits > 0;

/// Forgets the count of changed cells (a grid that could not be opened has none).
export function forgetEdits() {
  edits = 0;
}

/// How many cells were changed in the grid shown (0 when none is shown).
export const editCount = () => (hasEdits() ? edits : 0);

$("grid-filter").onchange = (e) => filter(e.target.value);
$("grid-viewport").onscroll = () => requestAnimationFrame(draw);
$("grid").addEventListener("keydown", onKey);
$("grid").addEventListener("dblclick", (e) => {
  const td = e.target.closest("td[data-column]");
  if (td && !td.querySelector("input")) edit(td);
});
// The cell that has the keyboard is the one focused, however it got there.
$("grid").addEventListener("focusin", (e) => {
  const td = e.target.closest("td[data-column]");
  if (td) active = { at: Number(td.dataset.at), column: Number(td.dataset.column) };
});
$("grid").addEventListener("click", (e) => {
  const td = e.target.closest("td[data-column]");
  if (td && !td.querySelector("input")) focusCell(Number(td.dataset.at), Number(td.dataset.column));
});

/// Lets through the rows `having` asks for ("", "errors", "problems").
async function filter(having) {
  const answer = await ask({ want: "filter", having });
  resize(answer.shown);
  counts(answer);
  $("grid-viewport").scrollTop = 0;
  active = { at: 0, column: active.column };
  await draw();
}

/// Makes room for `rows` rows shown.
function resize(rows) {
  shown = rows;
  $("grid-sizer").style.height = `${Math.min(shown * ROW, TALLEST) + ROW}px`;
  $("grid").setAttribute("aria-rowcount", String(shown + 1));
}

function counts({ errors, warnings, fileIssues }) {
  // What is wrong with the file as a whole (no cell shows it): a column of
  // sensitive numbers, the header.
  const list = $("grid-file-issues");
  list.replaceChildren(...(fileIssues ?? []).map((i) =>
    Object.assign(document.createElement("li"), { className: i.severity, textContent: i.message })));
  list.hidden = list.children.length === 0;
  $("grid-counts").textContent = word("gridCounts").replace(/\{(\w+)\}/g, (_, k) =>
    ({ errors, warnings, rows: length, shown })[k].toLocaleString());
  changed({ errors, warnings });
}

/// How many rows the viewport holds, and how far down the scrolling can go (the
/// scroll range is mapped onto the rows, from the first screenful to the last).
function geometry() {
  const viewport = $("grid-viewport");
  const fits = Math.max(1, Math.floor(viewport.clientHeight / ROW) - 1);
  const range = Math.max(1, viewport.scrollHeight - viewport.clientHeight);
  const last = Math.max(0, shown - fits); // the first row of the last screenful
  return { fits, range, last };
}

/// Draws the rows at the scroll position.
async function draw() {
  if (editing) return; // drawn again when the editor closes
  const viewport = $("grid-viewport");
  const { fits, range, last } = geometry();
  first = Math.min(last, Math.round((viewport.scrollTop / range) * last));
  const mine = ++asked;
  const { rows } = await ask({ want: "rows", from: first, count: fits });
  if (mine !== asked || editing) return;
  const hadFocus = $("grid").contains(document.activeElement) && !document.activeElement.matches("input");
  $("grid").style.top = `${viewport.scrollTop}px`;
  const body = $("grid-body");
  body.replaceChildren();
  rows.forEach((r, k) => {
    const tr = body.insertRow();
    tr.setAttribute("aria-rowindex", String(first + k + 2));
    const th = Object.assign(document.createElement("th"), { scope: "row", textContent: r.row });
    // What is wrong with the row as a whole (its length, a blank row) is said on its number too.
    const whole = r.issues.filter((i) => i.column == null);
    if (whole.length) {
      th.className = whole.some((i) => i.severity === "error") ? "error" : "warning";
      th.setAttribute("aria-description", whole.map((i) => i.message).join(" "));
    }
    tr.append(th);
    header.forEach((_, column) => {
      const td = tr.insertCell();
      td.textContent = r.values[column] ?? "";
      Object.assign(td.dataset, { at: first + k, line: r.line, column });
      td.tabIndex = -1;
      const issues = r.issues.filter((i) => i.column === column);
      if (issues.length) {
        const error = issues.some((i) => i.severity === "error");
        td.className = error ? "error" : "warning";
        td.title = issues.map((i) => i.message).join("\n");
        td.setAttribute("aria-description", td.title);
        if (error) td.setAttribute("aria-invalid", "true");
      }
    });
    const problems = tr.insertCell();
    problems.className = "problems";
    problems.textContent = r.issues.map((i) => i.message).join(" ");
  });
  const cell = cellAt(active.at, active.column) ?? body.querySelector("td[data-column]");
  if (cell) {
    cell.tabIndex = 0;
    if (hadFocus) cell.focus();
  }
}

const cellAt = (at, column) => $("grid-body").querySelector(`td[data-at="${at}"][data-column="${column}"]`);

/// Moves the keyboard to a cell, scrolling it into view.
async function focusCell(at, column) {
  at = Math.max(0, Math.min(at, shown - 1));
  column = Math.max(0, Math.min(column, header.length - 1));
  active = { at, column };
  const { fits, range, last } = geometry();
  if (at < first || at >= first + fits) {
    const top = at < first ? at : at - fits + 1;
    $("grid-viewport").scrollTop = last ? Math.ceil((top / last) * range) : 0;
    await draw();
  }
  for (const td of $("grid-body").querySelectorAll("td[tabindex='0']")) td.tabIndex = -1;
  const cell = cellAt(at, column);
  if (cell) {
    cell.tabIndex = 0;
    cell.focus();
  }
}

function onKey(e) {
  if (e.target.matches("input")) return;
  const td = e.target.closest("td[data-column]");
  if (!td) return;
  const { fits } = geometry();
  const moves = {
    ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1],
    PageUp: [-fits, 0], PageDown: [fits, 0],
  };
  if (moves[e.key]) {
    e.preventDefault();
    const [down, right] = moves[e.key];
    focusCell(active.at + down, active.column + right);
  } else if (e.key === "Home" || e.key === "End") {
    e.preventDefault();
    const end = e.key === "End";
    if (e.ctrlKey) focusCell(end ? shown - 1 : 0, active.column);
    else focusCell(active.at, end ? header.length - 1 : 0);
  } else if (e.key === "Enter" || e.key === "F2") {
    e.preventDefault();
    edit(td);
  } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    edit(td, e.key);
  }
}

/// Edits `td` in place, starting from `typed` (a key pressed) or its value.
function edit(td, typed) {
  const before = td.textContent;
  const input = Object.assign(document.createElement("input"), { value: typed ?? before, spellcheck: false });
  const column = Number(td.dataset.column);
  input.setAttribute("aria-label", `${header[column]}, ${word("row")} ${td.parentElement.querySelector("th").textContent}`);
  td.replaceChildren(input);
  input.focus();
  editing = true;
  let done = false;
  const finish = async (save, move) => {
    if (done) return;
    done = true;
    const value = input.value;
    // The keyboard leaves the editor at once, so no key typed next is lost in it.
    td.textContent = save ? value : before;
    td.focus();
    editing = false;
    if (save && value !== before) {
      edits += 1;
      const answer = await ask({ want: "edit", line: Number(td.dataset.line), column, value });
      resize(answer.shown);
      counts(answer);
    }
    await draw();
    focusCell(active.at + move, active.column);
  };
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") { e.preventDefault(); finish(true, 1); }
    else if (e.key === "Escape") { e.preventDefault(); finish(false, 0); }
    else if (e.key === "Tab") { e.preventDefault(); active.column += e.shiftKey ? -1 : 1; finish(true, 0); }
  });
  input.addEventListener("blur", () => finish(true, 0));
}
