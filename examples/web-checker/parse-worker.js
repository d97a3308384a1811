// The first of the page's two workers: streams the file through the WebAssembly
// Parser and hands the records to the checking worker through a MessagePort, about
// a megabyte of them at a time (their memory is transferred, not copied). It stays
// at most `AHEAD` handovers ahead of the checker, so memory stays bounded however
// large the file.
import init, { Parser } from "../../alleo-csv-wasm/pkg/alleo_csv_wasm.js";

const ready = init();
const AHEAD = 4;
const HANDOVER = 1 << 20;

self.onmessage = async ({ data: { file, port } }) => {
  let ahead = 0;
  let wake = null;
  port.onmessage = () => {
    ahead--;
    if (wake) { wake(); wake = null; }
  };
  let batches = [];
  let size = 0;
  const send = async (batch, read, last) => {
    batches.push(batch);
    size += batch.length;
    if (size < HANDOVER && !last) return;
    while (ahead >= AHEAD) await new Promise((resolve) => { wake = resolve; });
    ahead++;
    port.postMessage({ batches, read, last }, batches.map((b) => b.buffer));
    batches = [];
    size = 0;
  };
  try {
    await ready;
    const parser = new Parser();
    const reader = file.stream().getReader();
    let read = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.length;
      await send(parser.push(value), read, false);
    }
    await send(parser.finish(), read, true);
  } catch (e) {
    port.postMessage({ error: String(e && e.message ? e.message : e) });
  }
};
