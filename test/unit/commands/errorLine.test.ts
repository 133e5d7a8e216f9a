// The one-line error of the job subcommands (ftui jobs, train, watch, cancel …) never prints a key.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../../src/commands/connection.js';

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('runCommand', () => {
  it('redacts a key the failure message carries', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
    await runCommand('jobs', async () => {
      throw new Error('401 Incorrect API key provided: sk-proj-LineLeak0123456789abcdef');
    });
    expect(written.join('')).toContain('ftui jobs: ');
    expect(written.join('')).toContain('[redacted key]');
    expect(written.join('')).not.toContain('LineLeak');
  });
});
