/**
 * Generate schemas/*.schema.json from the zod contracts (the one source of truth).
 * `--check` fails when a committed schema differs from what the contracts generate (drift).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { z } from 'zod';
import { AccountEvent, InteractionEvent, NoteEvent } from '../src/contracts/events.ts';
import { RingEvent } from '../src/contracts/ring.ts';
import { Truth } from '../src/contracts/truth.ts';
import { DeployConfigSchema } from '../src/config/deploy-config.ts';
import { ParamsSchema } from '../src/config/params.ts';

const ROOT = new URL('../schemas/', import.meta.url);
const SCHEMAS: Record<string, z.ZodType> = {
  'account-event.v1': AccountEvent,
  'note-event.v1': NoteEvent,
  'interaction-event.v1': InteractionEvent,
  'ring-event.v1': RingEvent,
  'truth.v1': Truth,
  'deploy-config': DeployConfigSchema,
  params: ParamsSchema,
};

export function generate(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    const isInput = name.endsWith('-event.v1') && name !== 'ring-event.v1';
    if (isInput) delete json.additionalProperties; // extra fields are allowed in input events
    out[`${name}.schema.json`] = `${JSON.stringify({ $id: `https://ringwatch.dev/schemas/${name}.schema.json`, title: name, ...json }, null, 2)}\n`;
  }
  return out;
}

const check = process.argv.includes('--check');
mkdirSync(ROOT, { recursive: true });
let drift = 0;
for (const [file, text] of Object.entries(generate())) {
  const url = new URL(file, ROOT);
  if (check) {
    let cur = '';
    try {
      cur = readFileSync(url, 'utf8');
    } catch {}
    if (cur !== text) {
      drift++;
      console.error(`schema drift: schemas/${file} differs from the zod contracts; run npm run schemas`);
    }
  } else writeFileSync(url, text);
}
if (drift) process.exit(1);
console.log(check ? 'schemas: no drift' : `schemas: wrote ${Object.keys(SCHEMAS).length} files`);
