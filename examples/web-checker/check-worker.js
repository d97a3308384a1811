// The second of the page's two workers: applies the rules to the batches of records
// the parsing worker sends, in order, acknowledging each handover so the parser
// stays only a few ahead; tells the page how far it got, and at the end gives it
// the report and the issues as CSV.
import init, { Checker } from "../../alleo-csv-wasm/pkg/alleo_csv_wasm.js";

const ready = init();
const message = (e) => String(e && e.message ? e.message : e);

self.onmessage = async ({ data: { port, size, config, asOf, lang } }) => {
  let checker;
  try {
    await ready;
    checker = new Checker(config, asOf, lang);
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
      if (last) self.postMessage(checker.finishWithCsv());
    } catch (e) {
      self.postMessage({ error: message(e) });
    }
  };
};
