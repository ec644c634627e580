import { describe, expect, it } from 'vitest';
import { toBusMessage } from '../../../src/adapters/kafka/to-bus-message.ts';

describe('toBusMessage', () => {
  it('decodes key and headers as UTF-8, last value of a repeated header wins, null value is empty', () => {
    const m = toBusMessage('t', 2, {
      key: Buffer.from('账号', 'utf8'),
      value: null,
      timestamp: '0',
      attributes: 0,
      offset: '9007199254740993',
      headers: { a: Buffer.from('x'), b: [Buffer.from('1'), '2'], c: undefined },
    });
    expect(m).toEqual({ topic: 't', partition: 2, offset: '9007199254740993', key: '账号', value: Buffer.alloc(0), headers: { a: 'x', b: '2' } });
  });
});
