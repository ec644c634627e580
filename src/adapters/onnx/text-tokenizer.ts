/**
 * Wraps @huggingface/tokenizers (a JS port of the Rust `tokenizers` pipeline,
 * driven by tokenizer.json) with the one thing it does not do: truncation to the
 * model's maximum sequence length. Truncation matches the Rust library's
 * single-sequence behaviour: content tokens are cut, special tokens kept.
 */
import { readFile } from 'node:fs/promises';
import { Tokenizer } from '@huggingface/tokenizers';

export type TextTokenizer = {
  /** Token ids including special tokens, at most `maxTokens` long. */
  encode(text: string): number[];
  padId: number;
  maxTokens: number;
  vocabSize: number;
};

/**
 * Characters kept before tokenizing. A token spans at least one character, so
 * cutting at maxTokens × 8 only ever drops text whose tokens would be truncated
 * anyway, unless the text is mostly whitespace; it bounds the work a huge note costs.
 */
const CHARS_PER_TOKEN_CAP = 8;

export async function loadTextTokenizer(tokenizerPath: string, maxTokens: number): Promise<TextTokenizer> {
  const json = JSON.parse(await readFile(tokenizerPath, 'utf8')) as {
    padding?: { pad_id?: number } | null;
    added_tokens?: { id: number; content: string; special?: boolean }[];
  };
  const tokenizer = new Tokenizer(json, {});
  const specials = new Set((json.added_tokens ?? []).filter((t) => t.special).map((t) => t.id));
  const padId = json.padding?.pad_id ?? tokenizer.token_to_id('[PAD]') ?? 0;
  // Special tokens the post-processor appends after the content (e.g. [SEP]).
  const probe = tokenizer.encode('', { add_special_tokens: true }).ids;
  const headCount = tokenizer.encode('a', { add_special_tokens: true }).ids.findIndex((id: number) => !specials.has(id));
  const tailCount = probe.length - Math.max(0, headCount);
  if (maxTokens <= probe.length) throw new RangeError(`maxTokens ${maxTokens} leaves no room for content`);
  const maxChars = maxTokens * CHARS_PER_TOKEN_CAP;

  return {
    padId,
    maxTokens,
    vocabSize: tokenizer.get_vocab(true).size,
    encode(text: string): number[] {
      const src = text.length > maxChars ? text.slice(0, maxChars) : text;
      const ids = tokenizer.encode(src, { add_special_tokens: true }).ids;
      if (ids.length <= maxTokens) return ids;
      return ids.slice(0, maxTokens - tailCount).concat(tailCount > 0 ? ids.slice(ids.length - tailCount) : []);
    },
  };
}
