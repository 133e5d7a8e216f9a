import { describe, expect, it } from 'vitest';
import { redact, redactDeep, treatAsSecret } from '../../../src/core/redact.js';

describe('redact', () => {
  it('blanks the value of a variable registered as holding the key, whatever its name', () => {
    treatAsSecret('MY_CRED_FOR_REDACT_TEST');
    const env = { MY_CRED_FOR_REDACT_TEST: 'zz-opaque-value-000111' };
    expect(redact('sent zz-opaque-value-000111 twice: zz-opaque-value-000111', env)).toBe('sent [MY_CRED_FOR_REDACT_TEST redacted] twice: [MY_CRED_FOR_REDACT_TEST redacted]');
  });

  it('blanks variables named like secrets and leaves short or ordinary values alone', () => {
    expect(redact('token abcdefgh12345678 here', { GITHUB_TOKEN: 'abcdefgh12345678' })).toBe('token [GITHUB_TOKEN redacted] here');
    expect(redact('home is /root', { HOME: '/root', API_KEY: 'short' })).toBe('home is /root');
  });

  it('blanks text shaped like a key or a credential header, from anywhere', () => {
    const env = {};
    expect(redact('Authorization: Bearer abc.def-ghi_jkl', env)).toBe('Authorization: Bearer [redacted]');
    expect(redact('key sk-proj-AbCdEf0123456789_xyz-uvw done', env)).toBe('key [redacted key] done');
    expect(redact('old sk-0123456789abcdefghijklmnop', env)).toBe('old [redacted key]');
    expect(redact('together tgp_v1_0123456789abcdefghij', env)).toBe('together [redacted key]');
    expect(redact(`legacy ${'a1'.repeat(32)}.`, env)).toBe('legacy [redacted key].');
    expect(redact('{"api-key": "0123456789abcdef"}', env)).toBe('{"api-key": "[redacted]"}');
    expect(redact('"apiKey": "hunter2hunter2"', env)).toBe('"apiKey": "[redacted]"');
    // Words that merely resemble: a skill, a short sk- word, a 40-hex commit id.
    expect(redact('sk-learn, task-list, commit 0123456789abcdef0123456789abcdef01234567', env)).toBe('sk-learn, task-list, commit 0123456789abcdef0123456789abcdef01234567');
  });

  it('redacts every string of a document and keeps it valid JSON of the same shape', () => {
    const doc = { a: ['Bearer sk-proj-0123456789abcdefghij', { 'sk-0123456789abcdefghijkl': 1, n: null, t: true }], b: 2 };
    const out = redactDeep(doc, {});
    expect(out).toEqual({ a: ['Bearer [redacted]', { '[redacted key]': 1, n: null, t: true }], b: 2 });
    expect(doc.a[0]).toBe('Bearer sk-proj-0123456789abcdefghij');
    let deep: unknown = 'sk-0123456789abcdefghijkl';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => redactDeep(deep, {})).not.toThrow();
  });
});

describe('the key variable a provider reads', () => {
  it('is redacted from then on, for every kind of provider', async () => {
    const { createProvider } = await import('../../../src/api/createProvider.js');
    const env = { ODD_NAME_ONE: 'first-opaque-value-1234', ODD_NAME_TWO: 'second-opaque-value-5678' };
    createProvider({ name: 'o', kind: 'custom', baseUrl: 'http://127.0.0.1:9/v1', apiKeyEnv: 'ODD_NAME_ONE' }, env);
    createProvider({ name: 't', kind: 'together', baseUrl: 'http://127.0.0.1:9/v1', apiKeyEnv: 'ODD_NAME_TWO' }, env);
    expect(redact('first-opaque-value-1234 and second-opaque-value-5678', env)).toBe('[ODD_NAME_ONE redacted] and [ODD_NAME_TWO redacted]');
  });
});
