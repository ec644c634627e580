/** Provenance stamped on every output: code version, parameter hash, seed, model. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { paramHash, type Params } from '../config/params.ts';
import type { Provenance } from '../contracts/ring.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let cached: string | undefined;
export function codeVersion(): string {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string };
  let sha = process.env.RINGWATCH_GIT_SHA ?? '';
  if (!sha) {
    try {
      sha = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    } catch {
      sha = 'unknown';
    }
  }
  return (cached = `${pkg.version}+${sha}`);
}

/**
 * `model_id` is the transformer's id; in gated semantic mode it also names the static table that
 * chose which notes were embedded: `<id>+static:<sha256 of static-table.bin>`.
 */
export function makeProvenance(params: Params, model: { id: string; sha256?: string; staticSha256?: string } | null): Provenance {
  return {
    code_version: codeVersion(),
    param_hash: paramHash(params),
    seed: params.seed,
    model_id: model ? (model.staticSha256 ? `${model.id}+static:${model.staticSha256}` : model.id) : 'simhash64-only',
    ...(model?.sha256 ? { model_sha256: model.sha256 } : {}),
  };
}
