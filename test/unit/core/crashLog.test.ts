import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shortMessage, writeCrashLog } from '../../../src/core/crashLog.js';
import { treatAsSecret } from '../../../src/core/redact.js';

describe('crash log', () => {
  it('writes the stack to a private file under FTUI_LOG_DIR and never the API key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-log-'));
    const key = 'sk-test-1234567890abcdef';
    const env = { FTUI_LOG_DIR: dir, OPENAI_API_KEY: key };
    const file = writeCrashLog(new Error(`request failed with Authorization: Bearer ${key}`), env);
    expect(file.startsWith(dir)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('request failed');
    expect(text).toContain('crashLog.test.ts');
    expect(text).not.toContain(key);
    expect(text).toContain('[OPENAI_API_KEY redacted]');
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('redacts the value of the key variable in use, whatever its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-log-'));
    const key = 'opaque-credential-42424242';
    treatAsSecret('MY_CRED');
    const file = writeCrashLog(new Error(`the service said no to ${key}`), { FTUI_LOG_DIR: dir, MY_CRED: key });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(key);
    expect(text).toContain('[MY_CRED redacted]');
  });

  it('keeps only the first line of the message for the terminal, redacted before it is cut', () => {
    expect(shortMessage(new Error('first line\n    at somewhere'))).toBe('first line');
    expect(shortMessage('plain')).toBe('plain');
    const long = `${'x'.repeat(190)} Bearer sk-proj-abcdefghijklmnopqrstuvwxyz0123456789`;
    expect(shortMessage(new Error(long), {})).not.toMatch(/sk-proj-a/);
  });
});
