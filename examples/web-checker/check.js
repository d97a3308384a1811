// Checks a file in two Web Workers, as the CLI does on two threads: one parses the
// file's chunks into batches of records, the other applies the rules to them. The
// page's own thread only waits, so it never freezes. The checking worker keeps the
// report afterwards and answers questions about it (`ask`), until the next check.

const PARSE = new URL("parse-worker.js", import.meta.url);
const CHECK = new URL("check-worker.js", import.meta.url);

/// Two workers, started before a file is chosen so that the WebAssembly is already
/// compiled when one is.
const start = () => [new Worker(PARSE, { type: "module" }), new Worker(CHECK, { type: "module" })];

let idle = start();
let stop = null;
/// The checking worker of the last finished check, which holds its report.
let kept = null;

/// Checks `file` under `config` (an object shaped like alleo.toml) for `asOf`, in
/// `lang`, listing at most `shown` issues; calls `progress` with the part done (0
/// to 1). Resolves to `{ summary, digest, listed, ask }`: the counts and codes,
/// the digest (warnings on many rows shown once), the first issues, and `ask(q)`,
/// which answers `{ want: "issues", severity, code }` with `{ total, issues }` and
/// `{ want: "csv" }` with the CSV's bytes. Rejects with the reason the file could
/// not be checked, or with a `cancelled` error when another check starts first.
export function check(file, { config, asOf, lang, shown }, progress) {
  if (stop) stop(Object.assign(new Error("cancelled"), { cancelled: true }));
  kept?.terminate();
  kept = null;
  const [parse, rules] = idle;
  idle = start();
  return new Promise((resolve, reject) => {
    stop = (error) => {
      parse.terminate();
      rules.terminate();
      stop = null;
      reject(error);
    };
    rules.onmessage = ({ data }) => {
      if (data.progress !== undefined) progress(data.progress);
      if (data.error) stop(new Error(data.error));
      if (data.summary) {
        parse.terminate();
        stop = null;
        kept = rules;
        resolve({ ...data, ask: asker(rules, (answer) => answer.page ?? answer.csv) });
      }
    };
    parse.onerror = rules.onerror = (e) => {
      e.preventDefault();
      stop?.(new Error(e.message || "the checker could not be started"));
    };
    const { port1, port2 } = new MessageChannel();
    rules.postMessage({ port: port2, size: file.size, config, options: { asOf, lang, name: file.name }, shown }, [port2]);
    parse.postMessage({ file, port: port1 }, [port1]);
  });
}

/// Questions to a worker, each answered by the reply with its id (`pick` takes
/// what the asker wants of a reply); a reply with an `error` rejects.
export function asker(worker, pick = (answer) => answer) {
  let next = 0;
  const waiting = new Map();
  worker.onmessage = ({ data }) => {
    const done = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.error) done?.reject(new Error(data.error));
    else done?.resolve(pick(data));
  };
  return (question) => new Promise((resolve, reject) => {
    const id = next++;
    waiting.set(id, { resolve, reject });
    worker.postMessage({ ...question, id });
  });
}
