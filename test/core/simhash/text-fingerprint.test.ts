import { describe, expect, it } from 'vitest';
import { hamming } from '../../../src/core/simhash/fingerprint64.ts';
import { textFingerprint, textFingerprintHex } from '../../../src/core/simhash/text-fingerprint.ts';

const NOTE = '姐妹们！这款保湿精华我已经用了三个月了，质地很清爽，上脸一抹就吸收。价格两百多，性价比真的很高，强烈推荐 Lancome 小黑瓶！';
const EN = 'Honestly this is the best budget robot vacuum I have owned. Suction is strong on carpet and the app is easy.';

describe('textFingerprint', () => {
  it('is a 16-hex-digit string in wire form', () => {
    expect(textFingerprintHex(NOTE)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('ignores zero-width characters, emoji, punctuation and spacing', () => {
    const evaded = '姐\u200B妹们💕这款 保湿 精华我已经用了三个月了～质地很清爽✨上脸一抹就吸收!!! 价格两百多 性价比真的很高 强烈推荐 LANCOME 小黑瓶🔥';
    expect(hamming(textFingerprint(NOTE), textFingerprint(evaded))).toBe(0);
  });

  it('ignores traditional characters', () => {
    const trad = '姐妹們！這款保濕精華我已經用了三個月了，質地很清爽，上臉一抹就吸收。價格兩百多，性價比真的很高，強烈推薦 Lancome 小黑瓶！';
    expect(hamming(textFingerprint(NOTE), textFingerprint(trad))).toBe(0);
  });

  it('ignores look-alike letters and full-width forms', () => {
    const disguised = 'Ноnеstlу thіs іs thе bеst budgеt rоbоt vасuum Ι hаvе оwnеd. Ｓｕｃｔｉｏｎ is strong on carpet and the app is easy.';
    expect(hamming(textFingerprint(EN), textFingerprint(disguised))).toBe(0);
  });

  it('keeps different notes far apart', () => {
    const other = '说实话这瓶精华我一开始没抱什么希望，结果用了两周皮肤明显变亮了。它的味道有点淡淡的药味，但是吸收特别快。';
    expect(hamming(textFingerprint(NOTE), textFingerprint(other))).toBeGreaterThan(12);
  });
});
