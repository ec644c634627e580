/**
 * Text normalisation for fingerprints: undoes the cheap evasions copy-paste rings use to
 * make one note look like many (full-width letters, zero-width characters, look-alike
 * letters, traditional characters, emoji and punctuation noise, spaced-out text).
 *
 * The definition, step by step, is `normalizeTextReference` (normalize-reference.ts); this
 * is the same function done in one pass over the NFKD form with cached per-character
 * classes, because it runs on every note. Property tests check the two agree.
 * The output is for hashing only: never show it to a person as "the text".
 */
import * as cc from './char-class.ts';
import { SPELT_OUT_RE as SPELT_OUT } from './normalize-reference.ts';

// Local copies: under tsx, imported bindings are read through getter calls, which costs
// more than the rest of the loop put together.
const charClass = cc.charClass;
const replacementOf = cc.replacementOf;
const HAN = cc.HAN;
const INVISIBLE = cc.INVISIBLE;
const JAMO = cc.JAMO;
const LETTER_OR_NUMBER = cc.LETTER_OR_NUMBER;
const MARK = cc.MARK;
const REPLACE = cc.REPLACE;
const SPACE = cc.SPACE;
const STRIP_BASE = cc.STRIP_BASE;

const SPELT_OUT_RE = SPELT_OUT;
const UTF16 = new TextDecoder('utf-16le');

let buf = new Uint16Array(1024);

function push(n: number, unit: number): number {
  if (n === buf.length) {
    const next = new Uint16Array(buf.length * 2);
    next.set(buf);
    buf = next;
  }
  buf[n] = unit;
  return n + 1;
}

/** The output buffer as a string (Uint16Array is little-endian on every Node host we run).
 * TextDecoder is faster than fromCharCode but would replace lone surrogates with U+FFFD. */
function decode(n: number, loneSurrogate: boolean): string {
  if (!loneSurrogate) return UTF16.decode(buf.subarray(0, n));
  let out = '';
  for (let i = 0; i < n; i += 4096) {
    out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  }
  return out;
}

/** Fold a note's text to the canonical form its fingerprint is computed from. */
export function normalizeText(input: string): string {
  const s = input.normalize('NFKD');
  const len = s.length;
  let n = 0;
  let stripMarks = true; // marks at the very start have no base: strip them
  let pendingSpace = false;
  let lastHan = false;
  let needNfc = false;
  let loneSurrogate = false;
  // Word shape, to skip the spelt-out regex when it cannot match. It needs a word that is
  // one letter between two spaces, a previous word ending in a short letter/number run
  // and a next word starting with one. Per word: length, leading and trailing L/N runs.
  let wordStart = 0;
  let lead = 0;
  let leadOpen = true;
  let trail = 0;
  let prevTrailOk = false;
  let midOk = false;
  let spelt = false;
  for (let i = 0; i < len; i++) {
    let cp = s.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < len) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    if (width === 1 && cp >= 0xd800 && cp <= 0xdfff) loneSurrogate = true;
    const f = charClass(cp);
    if (f & INVISIBLE) {
      i += width - 1;
      continue;
    }
    if (f & MARK) {
      if (!stripMarks) {
        if (pendingSpace) n = flushSpace(n, false);
        for (let k = 0; k < width; k++) n = push(n, s.charCodeAt(i + k));
        lastHan = false;
        needNfc = true;
        leadOpen = false;
        trail = 0;
      }
      i += width - 1;
      continue;
    }
    stripMarks = (f & STRIP_BASE) !== 0;
    if (f & SPACE) {
      if (n > 0) pendingSpace = true;
      i += width - 1;
      continue;
    }
    const han = (f & HAN) !== 0;
    let units = width;
    if (f & REPLACE) {
      const r = replacementOf(cp);
      units = r.length;
      if (units > 0) {
        if (pendingSpace) n = flushSpace(n, han);
        for (let k = 0; k < units; k++) n = push(n, r.charCodeAt(k));
      }
    } else {
      if (pendingSpace) n = flushSpace(n, han);
      for (let k = 0; k < width; k++) n = push(n, s.charCodeAt(i + k));
      if (f & JAMO) needNfc = true;
    }
    if (units > 0) {
      lastHan = han;
      if (f & LETTER_OR_NUMBER) {
        if (leadOpen) lead += units;
        trail += units;
      } else {
        leadOpen = false;
        trail = 0;
      }
    }
    i += width - 1;
  }
  if (n > wordStart) endWord(n);
  let out = decode(n, loneSurrogate);
  if (needNfc) out = out.normalize('NFC');
  out = out.toLowerCase();
  if (spelt || needNfc) out = out.replace(SPELT_OUT_RE, (w) => w.replace(/ /g, ''));
  return out;

  function flushSpace(m: number, nextHan: boolean): number {
    pendingSpace = false;
    if (lastHan && nextHan) return m;
    endWord(m);
    m = push(m, 0x20);
    wordStart = m;
    lead = 0;
    leadOpen = true;
    trail = 0;
    return m;
  }

  function endWord(m: number): void {
    const wordLen = m - wordStart;
    if (midOk && lead >= 1 && lead <= 2) spelt = true;
    midOk = prevTrailOk && wordLen <= 2;
    prevTrailOk = trail >= 1 && trail <= 2;
  }
}
