// `ftui validate` against inputs built to break it: special files, a line too long to hold, a line
// nested too deep, keys in the data, and signals while a slow line is being analysed. Each ends in
// a plain report (exit 1 or 2) within its bound, never a hang, a stack trace or a printed key.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { binPath, E2E_WAIT_MS, repoRoot } from '../helpers/tmux.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftui-cli-hostile-'));
});

/**
 * Runs the built CLI; a run that outlives `timeoutMs` is killed and reported as status null. The
 * bound tells a hang (a FIFO read forever) from a run: each run takes about a second idle, several
 * times that on a busy machine, and a hang never ends, so the bound is generous.
 */
function ftui(args: string[], options: { timeoutMs?: number; nodeArgs?: string[]; env?: Record<string, string> } = {}) {
  const run = spawnSync(process.execPath, [...(options.nodeArgs ?? []), binPath, ...args], {
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

const example = (i: number) => JSON.stringify({ messages: [{ role: 'system', content: 's' }, { role: 'user', content: `question ${i}` }, { role: 'assistant', content: `answer ${i}` }] });
const examples = (n: number, from = 0) => Array.from({ length: n }, (_, i) => example(from + i));
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('ftui validate refuses what is not a regular file', () => {
  // Before: a FIFO blocked forever (the run was killed at the timeout).
  it('a FIFO: exit 2 with a plain message, at once', () => {
    const fifo = join(dir, 'pipe.jsonl');
    execFileSync('mkfifo', [fifo]);
    const r = ftui(['validate', fifo]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('The file cannot be read: this is not a regular file (a pipe, socket or device).');
    noStack(r.stdout + r.stderr);
  });

  // Before: /dev/zero (or a symlink to it) was read until the process held 4.9 GB.
  it('/dev/zero and a symlink to it: exit 2 with a plain message', () => {
    const link = join(dir, 'zero.jsonl');
    symlinkSync('/dev/zero', link);
    for (const path of ['/dev/zero', link]) {
      const r = ftui(['validate', path, '--json']);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      const doc = JSON.parse(r.stdout);
      expect(doc.outcome).toBe('unreadable');
      expect(doc.training.findings[0].examples[0].message).toContain('this is not a regular file');
    }
  });
});

describe('ftui validate bounds the memory of one line', () => {
  // Before: a 60 MB line was held whole, parsed and tokenized (3 GB, and no end in sight).
  it('a 60 MB line is reported too long by its line number, without holding it', () => {
    const path = join(dir, 'huge-line.jsonl');
    const fd = openSync(path, 'w');
    writeSync(fd, `${example(0)}\n{"messages":[{"role":"user","content":"`);
    const piece = 'abcdefghij'.repeat(100_000);
    for (let i = 0; i < 60; i++) writeSync(fd, piece);
    writeSync(fd, `"},{"role":"assistant","content":"x"}]}\n${examples(11, 1).join('\n')}\n`);
    closeSync(fd);
    const rssFile = join(dir, 'rss');
    const r = ftui(['validate', path, '--json', '--workers', '0'], {
      nodeArgs: ['--import', join(repoRoot, 'bench', 'lib', 'rss-on-exit.mjs')],
      env: { FTUI_BENCH_RSS_FILE: rssFile },
    });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const tooLong = doc.training.findings.find((g: { code: string }) => g.code === 'line_too_long');
    expect(tooLong.lines).toEqual([2]);
    expect(tooLong.examples[0].message).toContain('60.0 MB');
    // The other lines were read and counted around it.
    expect(doc.training.file).toMatchObject({ lines: 13, examples: 13, validExamples: 12 });
    // Far less than the line itself decoded, parsed and tokenized would need.
    expect(Number(readFileSync(rssFile, 'utf8')) / 1024).toBeLessThan(400);
  });
});

describe('ftui validate on lines that are valid JSON but hostile', () => {
  // Before: "The file cannot be read: Maximum call stack size exceeded." (exit 2, no line).
  it('a line nested 5,000 levels deep is one error on its line; the rest is validated (exit 1)', () => {
    const path = join(dir, 'deep.jsonl');
    const deep = `{"messages":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    writeFileSync(path, `${[...examples(5), deep, ...examples(6, 5)].join('\n')}\n`);
    const r = ftui(['validate', path, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.outcome).toBe('errors');
    expect(doc.training.findings.map((g: { code: string }) => g.code)).toEqual(['nesting_too_deep']);
    expect(doc.training.findings[0].lines).toEqual([6]);
    expect(doc.training.file).toMatchObject({ examples: 12, validExamples: 11 });
    noStack(r.stdout + r.stderr);
  });

  // Before: the whole-array path and --write-jsonl serialised it and overflowed the stack.
  it('a JSON array with an element nested too deep: the finding names it and --write-jsonl writes nothing', () => {
    const path = join(dir, 'deep-array.json');
    const items = examples(11);
    items.splice(3, 0, `{"messages":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    writeFileSync(path, `[\n${items.join(',\n')}\n]\n`);
    const out = join(dir, 'deep-array.jsonl');
    const r = ftui(['validate', path, '--json', '--write-jsonl', out]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.training.findings.find((g: { code: string }) => g.code === 'nesting_too_deep').lines).toEqual([4]);
    expect(r.stderr).toContain('nothing written');
    expect(r.stderr).toContain('example 4 is nested more than 100 levels deep');
    noStack(r.stdout + r.stderr);
  });

  // Before: both passed without a finding.
  it('lone surrogates and duplicate keys are warnings with line and path', () => {
    const path = join(dir, 'odd-json.jsonl');
    const lines = examples(12);
    lines[3] = '{"messages":[{"role":"user","content":"broken \\ud800 text"},{"role":"assistant","content":"ok"}]}';
    lines[7] = '{"messages":[{"role":"user","content":"a","content":"b"},{"role":"assistant","content":"ok"}]}';
    writeFileSync(path, `${lines.join('\n')}\n`);
    const doc = JSON.parse(ftui(['validate', path, '--json']).stdout);
    const group = (code: string) => doc.training.findings.find((g: { code: string }) => g.code === code);
    expect(group('lone_surrogate')).toMatchObject({ severity: 'warning', lines: [4] });
    expect(group('lone_surrogate').examples[0].path).toBe('messages[0].content');
    expect(group('duplicate_key')).toMatchObject({ severity: 'warning', lines: [8] });
    expect(group('duplicate_key').examples[0].path).toBe('messages[0]');
  });

  // Before: --json printed the finding's preview of the key as it was.
  it('never prints a key found in the data, in --json or the summary', () => {
    const path = join(dir, 'with-key.jsonl');
    const lines = examples(12);
    // A key pasted where the role goes: the finding quotes the role.
    lines[2] = JSON.stringify({ messages: [{ role: 'sk-proj-DataLeak0123456789abcdef', content: 'hi' }, { role: 'assistant', content: 'ok' }] });
    writeFileSync(path, `${lines.join('\n')}\n`);
    for (const args of [['--json'], []]) {
      const r = ftui(['validate', path, ...args]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('unrecognized_role');
      expect(r.stdout).not.toContain('DataLeak');
    }
    expect(() => JSON.parse(ftui(['validate', path, '--json']).stdout)).not.toThrow();
  });
});

describe('ftui validate answers signals while a slow line is analysed', () => {
  /** CPU seconds the process has used so far (Linux /proc). */
  function cpuSeconds(pid: number): number {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return 0; // gone: the exit event says so next
    }
  }

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} ends it while it tokenizes a 15 MB run without spaces`, async () => {
      const path = join(dir, `no-spaces-${signal}.jsonl`);
      // Just under the line limit: seconds of tokenizing even for a linear tokenizer.
      writeFileSync(path, `${JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(15_000_000) }, { role: 'assistant', content: 'ok' }] })}\n`);
      const child = spawn(process.execPath, [binPath, 'validate', path, '--workers', '0'], { stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
      // Busy in the tokenizer: a second of CPU spent, well past start-up and reading.
      let done = false;
      void exited.then(() => (done = true));
      while (!done && cpuSeconds(child.pid!) < 1) await new Promise((r) => setTimeout(r, 50));
      expect(done, 'it finished before it could be signalled').toBe(false);
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), E2E_WAIT_MS);
      expect(await exited).toBe(signal);
      clearTimeout(timer);
    });
  }
});
