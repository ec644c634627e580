import { ParquetWriter } from '@dsnp/parquetjs';
import { snapshotSchema } from '../adapters/parquet/snapshot-schemas.ts';
import { mkdirSync } from 'node:fs';
mkdirSync('/tmp/snapx/tiny', { recursive: true });
for (const comp of ['GZIP', 'SNAPPY', 'UNCOMPRESSED'] as const) {
  const schema = snapshotSchema('notes', comp);
  let tOpen = 0, tAppend = 0, tClose = 0;
  for (let i = 0; i < 200; i++) {
    let t = performance.now();
    const w = await ParquetWriter.openFile(schema, `/tmp/snapx/tiny/f${i}.parquet`, { rowGroupSize: 20000 });
    tOpen += performance.now() - t; t = performance.now();
    for (let k = 0; k < 3; k++) await w.appendRow({ seq: k, event_id: 'e' + k, ts: 1e12, account_id: 'a', note_id: 'n', action: 'publish', simhash: 'abcd', targets: [{ kind: 'product', id: 'p' }] });
    tAppend += performance.now() - t; t = performance.now();
    await w.close();
    tClose += performance.now() - t;
  }
  console.log(comp, 'open', tOpen.toFixed(0), 'append', tAppend.toFixed(0), 'close', tClose.toFixed(0));
}
