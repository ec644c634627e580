/**
 * Look-alike characters folded to the Latin letter they imitate, for fingerprinting only.
 *
 * Spammers swap Latin letters for Cyrillic, Greek, Armenian or Cherokee letters (and Latin
 * small capitals / IPA letters) that render the same, so that exact and shingle matching
 * miss the copy. The table is a hand-picked subset of the visually identical pairs in
 * Unicode's confusables data (UTS #39), limited to letters that imitate a-z. Both cases are
 * listed because folding happens before lower-casing: Greek capital eta 'Η' imitates 'H'
 * while its small form 'η' imitates 'n'.
 *
 * Characters with a compatibility decomposition (full-width forms, mathematical
 * alphanumerics, circled letters) are not listed: NFKD folds them before this table runs.
 * Digits are not folded to letters (prices and model numbers matter).
 */

const PAIRS: readonly (readonly [string, string])[] = [
  // Cyrillic capitals
  ['А', 'a'], ['В', 'b'], ['Е', 'e'], ['Ѕ', 's'], ['І', 'i'], ['Ј', 'j'], ['К', 'k'],
  ['М', 'm'], ['Н', 'h'], ['О', 'o'], ['Р', 'p'], ['С', 'c'], ['Т', 't'], ['У', 'y'],
  ['Х', 'x'], ['Ү', 'y'], ['Һ', 'h'], ['Ӏ', 'l'], ['Ԛ', 'q'], ['Ԝ', 'w'], ['Ь', 'b'],
  ['Ԍ', 'g'], ['Ꙅ', 's'],
  // Cyrillic small letters
  ['а', 'a'], ['в', 'b'], ['е', 'e'], ['ѕ', 's'], ['і', 'i'], ['ј', 'j'], ['к', 'k'],
  ['м', 'm'], ['н', 'h'], ['о', 'o'], ['р', 'p'], ['с', 'c'], ['т', 't'], ['у', 'y'],
  ['х', 'x'], ['ү', 'y'], ['һ', 'h'], ['ӏ', 'l'], ['ԁ', 'd'], ['ԛ', 'q'], ['ԝ', 'w'],
  ['ь', 'b'], ['г', 'r'], ['п', 'n'], ['ԍ', 'g'], ['ꙅ', 's'], ['ҽ', 'e'], ['ҿ', 'e'],
  ['Ҽ', 'e'], ['Ҿ', 'e'], ['ѵ', 'v'], ['Ѵ', 'v'],
  // Greek capitals
  ['Α', 'a'], ['Β', 'b'], ['Ε', 'e'], ['Ζ', 'z'], ['Η', 'h'], ['Ι', 'i'], ['Κ', 'k'],
  ['Μ', 'm'], ['Ν', 'n'], ['Ο', 'o'], ['Ρ', 'p'], ['Τ', 't'], ['Υ', 'y'], ['Χ', 'x'],
  ['Ϳ', 'j'],
  // Greek small letters (μ also arrives from MICRO SIGN via NFKD)
  ['α', 'a'], ['β', 'b'], ['γ', 'y'], ['ε', 'e'], ['η', 'n'], ['ι', 'i'], ['κ', 'k'],
  ['ν', 'v'], ['ο', 'o'], ['ρ', 'p'], ['τ', 't'], ['υ', 'u'], ['χ', 'x'], ['ω', 'w'],
  ['ϳ', 'j'], ['μ', 'u'],
  // final sigma: NFKD turns the lunate sigma 'ϲ', a 'c' look-alike, into it
  ['ς', 'c'],
  // Armenian
  ['օ', 'o'], ['ս', 'u'], ['ց', 'g'], ['հ', 'h'], ['ո', 'n'], ['Օ', 'o'], ['Ս', 'u'],
  // Cherokee capitals
  ['Ꭺ', 'a'], ['Ᏼ', 'b'], ['Ꮯ', 'c'], ['Ꭼ', 'e'], ['Ꮋ', 'h'], ['Ꮮ', 'l'], ['Ꮇ', 'm'],
  ['Ꮲ', 'p'], ['Ꮪ', 's'], ['Ꭲ', 't'], ['Ꮃ', 'w'], ['Ꮓ', 'z'], ['Ꮶ', 'k'],
  // Lisu capitals (a whole Latin-capital look-alike alphabet)
  ['ꓮ', 'a'], ['ꓐ', 'b'], ['ꓚ', 'c'], ['ꓓ', 'd'], ['ꓰ', 'e'], ['ꓝ', 'f'], ['ꓖ', 'g'],
  ['ꓧ', 'h'], ['ꓲ', 'i'], ['ꓙ', 'j'], ['ꓗ', 'k'], ['ꓡ', 'l'], ['ꓟ', 'm'], ['ꓠ', 'n'],
  ['ꓳ', 'o'], ['ꓑ', 'p'], ['ꓣ', 'r'], ['ꓢ', 's'], ['ꓔ', 't'], ['ꓴ', 'u'], ['ꓦ', 'v'],
  ['ꓪ', 'w'], ['ꓫ', 'x'], ['ꓬ', 'y'], ['ꓜ', 'z'],
  // Latin look-alikes without a decomposition: IPA, small capitals, ligatures, stroked.
  // 'Ɩ' (capital iota) imitates 'l' although its small form 'ɩ' imitates 'i'.
  ['Ɩ', 'l'], ['ı', 'i'], ['ȷ', 'j'], ['ɑ', 'a'], ['ɡ', 'g'], ['ɩ', 'i'], ['ɪ', 'i'], ['ʏ', 'y'],
  ['ᴀ', 'a'], ['ʙ', 'b'], ['ᴄ', 'c'], ['ᴅ', 'd'], ['ᴇ', 'e'], ['ɢ', 'g'], ['ʜ', 'h'],
  ['ᴊ', 'j'], ['ᴋ', 'k'], ['ʟ', 'l'], ['ᴍ', 'm'], ['ɴ', 'n'], ['ᴏ', 'o'], ['ᴘ', 'p'],
  ['ʀ', 'r'], ['ꜱ', 's'], ['ᴛ', 't'], ['ᴜ', 'u'], ['ᴠ', 'v'], ['ᴡ', 'w'], ['ᴢ', 'z'],
  ['ø', 'o'], ['Ø', 'o'], ['ł', 'l'], ['Ł', 'l'], ['đ', 'd'], ['Đ', 'd'], ['ħ', 'h'],
  ['Ħ', 'h'], ['ß', 'ss'], ['ẞ', 'ss'], ['æ', 'ae'], ['Æ', 'ae'], ['œ', 'oe'], ['Œ', 'oe'],
];

/**
 * The listed pairs, plus the capital of every listed small letter that is not listed
 * itself ('Г' → 'r' because 'г' → 'r'). Folding runs before lower-casing, so without these
 * 'Г' would survive as 'г' and a second normalisation would change it: the closure keeps
 * normalisation idempotent.
 */
function withCapitals(pairs: readonly (readonly [string, string])[]): Map<string, string> {
  const map = new Map(pairs);
  for (const [small, latin] of pairs) {
    const cap = small.toUpperCase();
    if ([...cap].length === 1 && cap !== small && cap.toLowerCase() === small && !map.has(cap)) {
      map.set(cap, latin);
    }
  }
  return map;
}

/** Look-alike character → lower-case Latin replacement. */
export const CONFUSABLES: ReadonlyMap<string, string> = withCapitals(PAIRS);

const CLASS = [...CONFUSABLES.keys()].join('');

/** Matches one confusable character (all keys are single BMP code points). */
export const CONFUSABLE_RE = new RegExp(`[${CLASS}]`, 'gu');

/** Replace every look-alike character by the Latin letter(s) it imitates. */
export function foldConfusables(s: string): string {
  CONFUSABLE_RE.lastIndex = 0;
  if (!CONFUSABLE_RE.test(s)) return s;
  CONFUSABLE_RE.lastIndex = 0;
  return s.replace(CONFUSABLE_RE, (c) => CONFUSABLES.get(c) ?? c);
}
