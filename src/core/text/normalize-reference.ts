/**
 * The readable, regex-by-regex definition of fingerprint normalisation. `normalizeText`
 * (normalize.ts) is a single-pass version of the same function for the hot path; property
 * tests check that the two agree on arbitrary strings. Change both together.
 *
 * Steps, in order:
 *  1. NFKD: compatibility decomposition folds full-width forms, circled and mathematical
 *     letters, ligatures and CJK compatibility ideographs, and splits accents off letters.
 *  2. Drop invisible characters: format characters (\p{Cf}: zero-width space/joiners, bidi
 *     controls, BOM, soft hyphen, tags), variation selectors, the combining grapheme joiner
 *     and the Hangul fillers that render as blank.
 *  3. Drop combining marks that follow a base of a script that does not need them for
 *     spelling (Latin, Greek, Cyrillic, Armenian, Cherokee, Han, Common) or a base that
 *     step 6 turns into a space: this removes accents ("café" → "cafe") and "Zalgo" stacks
 *     while keeping kana voicing marks and the vowel signs of Indic, Thai, Arabic and
 *     Hebrew text.
 *  4. Fold look-alike letters to Latin (confusables.ts), then lower-case.
 *  5. Fold traditional Chinese characters to simplified (trad-simp.ts).
 *  6. Delete apostrophes (so "don't" stays one word), turn punctuation, symbols, emoji,
 *     control and private-use characters into spaces.
 *  7. Collapse whitespace to single spaces and trim.
 *  8. Delete the spaces between two Han characters (Chinese is written without spaces,
 *     so "好 用" is an evasion of "好用").
 *  9. NFC: recompose what is left (kana with voicing marks, Hangul syllables). Last, so
 *     that characters brought together by deletions compose too (idempotence).
 * 10. Rejoin Latin text spelt out as single letters ("g r e a t" → "great", three
 *     letters or more).
 */
import { foldConfusables } from './confusables.ts';
import { foldTraditional } from './trad-simp.ts';

export const INVISIBLE_RE =
  /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u180B-\u180D\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

const STRIP_MARK_BASE =
  '\\p{sc=Latin}\\p{sc=Greek}\\p{sc=Cyrillic}\\p{sc=Armenian}\\p{sc=Cherokee}\\p{sc=Han}\\p{sc=Common}';
export const NOISE_RE = /[\p{P}\p{S}\p{Extended_Pictographic}\p{Cc}\p{Co}]/gu;
const MARKS_RE = new RegExp(`(^|[${STRIP_MARK_BASE}\\s${NOISE_RE.source.slice(1, -1)}])\\p{M}+`, 'gu');
const APOSTROPHE_RE = /['\u2019]/g;
const SPACES_RE = /\s+/g;
const HAN_GAP_RE = /(\p{sc=Han}) (?=\p{sc=Han})/gu;
export const SPELT_OUT_RE = /(?<![\p{L}\p{N}])\p{Ll}(?: \p{Ll}){2,}(?![\p{L}\p{N}])/gu;

export function normalizeTextReference(input: string): string {
  let s = input.normalize('NFKD');
  s = s.replace(INVISIBLE_RE, '');
  s = s.replace(MARKS_RE, '$1');
  s = foldConfusables(s).toLowerCase();
  s = foldTraditional(s);
  s = s.replace(APOSTROPHE_RE, '');
  s = s.replace(NOISE_RE, ' ');
  s = s.replace(SPACES_RE, ' ').trim();
  s = s.replace(HAN_GAP_RE, '$1');
  s = s.normalize('NFC');
  s = s.replace(SPELT_OUT_RE, (m) => m.replace(/ /g, ''));
  return s;
}
