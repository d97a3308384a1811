// Checks a file in two Web Workers, as the CLI does on two threads: one parses the
// file's chunks into batches of records, the other applies the rules to them. The
// page's own thread only waits, so it never freezes.

const PARSE = new URL("parse-worker.js", import.meta.url);
const CHECK = new URL("check-worker.js", import.meta.url);

/// Two workers, started before a file is chosen so that the WebAssembly is already
/// compiled when one is.
const start = () => [new Worker(PARSE, { type: "module" }), new Worker(CHECK, { type: "module" })];

let idle = start();
let stop = null;

/// Checks `file` under `config` (an object shaped like alleo.toml) for `asOf`, in
/// `lang`; calls `progress` with the part done (0 to 1). Resolves to
/// `{ report, csv }`; rejects with the reason the file could not be checked, or with
/// a `cancelled` error when another check starts first.
export function check(file, { config, asOf, lang }, progress) {
  if (stop) stop(Object.assign(new Error("cancelled"), { cancelled: true }));
  const [parse, rules] = idle;
  return new Promise((resolve, reject) => {
    const end = () => {
      parse.terminate();
      rules.terminate();
      stop = null;
      idle = start();
    };
    stop = (error) => { end(); reject(error); };
    rules.onmessage = ({ data }) => {
      if (data.progress !== undefined) progress(data.progress);
      if (data.report) { end(); resolve(data); }
      if (data.error) stop(new Error(data.error));
    };
    parse.onerror = rules.onerror = (e) => {
      e.preventDefault();
      stop(new Error(e.message || "the checker could not be started"));
    };
    const { port1, port2 } = new MessageChannel();
    rules.postMessage({ port: port2, size: file.size, config, asOf, lang }, [port2]);
    parse.postMessage({ file, port: port1 }, [port1]);
  });
}
