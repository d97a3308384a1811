// The second of the page's two workers: applies the rules to the batches of records
// the parsing worker sends, in order, acknowledging each handover so the parser
// stays only a few ahead; tells the page how far it got. At the end it keeps the
// report (in WebAssembly memory: a million issues are not a million objects) and
// gives the page what it shows: the counts, the digest and the first issues; then
// answers the page's questions: another page of issues, the CSV to download.
import init, { Checker } from "../../alleo-csv-wasm/pkg/alleo_csv_wasm.js";

const ready = init();
const message = (e) => String(e && e.message ? e.message : e);
let report = null;
let shown = 0;

/// What the page asks of a finished check.
function answer({ id, want, severity, code }) {
  try {
    if (want === "issues") {
      self.postMessage({ id, page: report.issues(severity || undefined, code || undefined, false, shown) });
    } else if (want === "csv") {
      const csv = report.csv();
      self.postMessage({ id, csv }, [csv.buffer]);
    }
  } catch (e) {
    self.postMessage({ id, error: message(e) });
  }
}

self.onmessage = async ({ data }) => {
  if (data.want) {
    answer(data);
    return;
  }
  const { port, size, config, options } = data;
  shown = data.shown;
  let checker;
  try {
    await ready;
    checker = new Checker(config, options);
  } catch (e) {
    self.postMessage({ error: message(e) });
    return;
  }
  port.onmessage = ({ data: { batches, read, last, error } }) => {
    try {
      if (error) throw new Error(error);
      for (const batch of batches) checker.check(batch);
      port.postMessage(null);
      self.postMessage({ progress: size ? read / size : 1 });
      if (last) {
        report = checker.finishReport();
        self.postMessage({
          summary: report.summary(),
          digest: report.digest(false),
          listed: report.issues(undefined, undefined, false, shown),
        });
      }
    } catch (e) {
      self.postMessage({ error: message(e) });
    }
  };
};
