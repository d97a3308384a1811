// The settings panel: company groups, a header mapping and custom field types,
// entered in a small form or pasted as alleo.toml text. The two are views of one
// configuration: the form writes the text, the text fills the form. Saved settings
// are checked by the core first, then kept in this browser's localStorage.
import { parse, stringify } from "./vendor/smol-toml/index.js";

const KEY = "alleo-checker:alleo.toml";
const $ = (id) => document.getElementById(id);

/// Wires the panel. `fields` and `customTypes` come from the core's schema;
/// `checkConfig` throws the core's error for unusable settings; `word(key)` is a
/// word in the page's language; `saved()` is called when the settings in use change.
/// Returns a function that gives the saved configuration (undefined for none).
export function setupSettings({ fields, customTypes, checkConfig, word, saved }) {
  const groups = $("groups");
  const mapping = $("mapping-rows");
  const custom = $("custom-rows");
  const toml = $("toml");
  const status = $("settings-status");
  let draft = {};
  let inUse;

  const targets = $("targets");
  for (const { key, label } of fields) targets.append(new Option(label, key));

  const say = (text, problem = false) => {
    status.textContent = text;
    status.classList.toggle("problem", problem);
    toml.setAttribute("aria-invalid", String(problem));
  };

  const control = (tag, label, value) => {
    const el = document.createElement(tag);
    el.dataset.label = label;
    el.setAttribute("aria-label", word(label));
    if (value !== undefined) el.value = value;
    el.addEventListener("input", fromForm);
    return el;
  };

  const row = (body, cells) => {
    const tr = body.insertRow();
    const remove = document.createElement("button");
    remove.type = "button";
    remove.dataset.text = "remove";
    remove.textContent = word("remove");
    remove.addEventListener("click", () => {
      tr.remove();
      fromForm();
    });
    for (const el of [...cells, remove]) tr.insertCell().append(el);
    return cells[0];
  };

  const mappingRow = (header = "", target = "") => {
    const to = control("input", "target", target);
    to.setAttribute("list", "targets");
    return row(mapping, [control("input", "header", header), to]);
  };

  const customRow = (name = "", type = "text") => {
    const select = control("select", "customType");
    for (const t of customTypes) select.add(new Option(t, t));
    select.value = type;
    return row(custom, [control("input", "customName", name), select]);
  };

  /// Fills the form from `config` (the text stays as it is).
  const fill = (config) => {
    groups.value = (config?.company?.groups ?? []).join("\n");
    mapping.replaceChildren();
    for (const [header, target] of Object.entries(config?.mapping ?? {})) mappingRow(header, String(target));
    custom.replaceChildren();
    for (const [name, type] of Object.entries(config?.custom_fields ?? {})) customRow(name, String(type));
  };

  /// Writes the form into the configuration and the text.
  function fromForm() {
    const entries = (body) => [...body.rows]
      .map((tr) => [...tr.querySelectorAll("input, select")].map((el) => el.value.trim()))
      .filter(([name]) => name);
    const named = groups.value.split("\n").map((g) => g.trim()).filter(Boolean);
    const next = { ...draft };
    delete next.company;
    delete next.mapping;
    delete next.custom_fields;
    if (named.length) next.company = { ...draft.company, groups: named };
    if (entries(mapping).length) next.mapping = Object.fromEntries(entries(mapping));
    if (entries(custom).length) next.custom_fields = Object.fromEntries(entries(custom));
    draft = next;
    toml.value = stringify(draft);
    say("");
  }

  /// Reads the text into the configuration and the form.
  const fromText = () => {
    try {
      draft = parse(toml.value);
      fill(draft);
      say("");
    } catch (e) {
      say(`${word("unreadable")} ${e.message}`, true);
    }
  };

  /// The configuration in `text`, checked by the core; throws what is wrong.
  const usable = (text) => {
    let config;
    try {
      config = parse(text);
    } catch (e) {
      throw new Error(`${word("unreadable")} ${e.message}`);
    }
    try {
      checkConfig(config);
    } catch (e) {
      throw new Error(`${word("unusable")} ${e.message}`);
    }
    return config;
  };

  groups.addEventListener("input", fromForm);
  toml.addEventListener("input", fromText);
  $("add-mapping").addEventListener("click", () => mappingRow().focus());
  $("add-custom").addEventListener("click", () => customRow().focus());
  $("settings-form").addEventListener("submit", (e) => {
    e.preventDefault();
    try {
      inUse = usable(toml.value);
      localStorage.setItem(KEY, toml.value);
      say(word("saved"));
      saved();
    } catch (error) {
      say(error.message, true);
    }
  });
  $("forget").addEventListener("click", () => {
    localStorage.removeItem(KEY);
    inUse = undefined;
    draft = {};
    toml.value = "";
    fill(draft);
    say(word("forgotten"));
    saved();
  });

  const stored = localStorage.getItem(KEY);
  if (stored !== null) {
    toml.value = stored;
    fromText();
    try {
      inUse = usable(stored);
    } catch (error) {
      say(error.message, true);
      $("settings").open = true;
    }
  }
  return () => inUse;
}
