// Checks a file off the page's thread: streams it through the WebAssembly
// Validator chunk by chunk, so a large file never sits whole in WASM memory.
import init, { Validator } from "../../alleo-csv-wasm/pkg/alleo_csv_wasm.js";

const ready = init();

self.onmessage = async ({ data: { file, config, asOf, lang } }) => {
  try {
    await ready;
    const validator = new Validator(config, asOf, lang);
    let read = 0;
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      validator.push(value);
      read += value.length;
      self.postMessage({ progress: read / file.size });
    }
    const { report, csv } = validator.finishWithCsv();
    self.postMessage({ report, csv });
  } catch (e) {
    self.postMessage({ error: String(e && e.message ? e.message : e) });
  }
};
