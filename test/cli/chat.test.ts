// `ftui chat` from a script: the built bin against `ftui sandbox` in a process of its own, with a
// fine-tune trained there. Every form: --once, --compare, --json, --system, and the REPL on
// stdin; exit codes 0/1/2; no colours when stdout is not a terminal.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatCostUsd } from '../../src/core/models.js';
import { replyText } from '../../src/sandbox/chat.js';
import { startSandboxProcess, trainFineTune, type SandboxProcess } from '../helpers/sandboxProcess.js';
import { binPath, E2E_WAIT_MS } from '../helpers/tmux.js';

const BASE = 'gpt-4o-mini-2024-07-18';
let sandbox: SandboxProcess;
let ft: string;

beforeAll(async () => {
  sandbox = await startSandboxProcess('--speed', '500');
  ft = (await trainFineTune(sandbox.baseUrl, BASE)).model;
}, 120_000);
afterAll(() => sandbox?.stop());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ftui chat ARGS` with `input` on its stdin (pipes, so no terminal), and waits for it to end. */
function chat(args: string[], input = '', env: Record<string, string> = { OPENAI_API_KEY: 'sandbox' }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { OPENAI_API_KEY: _key, OPENAI_BASE_URL: _url, ...rest } = process.env;
    const child = spawn(process.execPath, [binPath, 'chat', ...args], { env: { ...rest, FORCE_COLOR: '1', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ftui chat did not end; stdout:\n${stdout}\nstderr:\n${stderr}`));
    }, E2E_WAIT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

const connection = () => ['--base-url', sandbox.baseUrl];
const ESC = '\u001B';

describe('ftui chat', () => {
  it('--once prints the reply and exits 0', async () => {
    const run = await chat([...connection(), '-m', ft, '--once', 'Hello there']);
    expect(run).toEqual({ code: 0, stdout: `${replyText(ft, [{ role: 'user', content: 'Hello there' }])}\n`, stderr: '' });
  });

  it('--once with --system and --compare prints both replies, labelled with latency, tokens and cost, without colours off a terminal', async () => {
    const run = await chat([...connection(), '-m', ft, '--compare', BASE, '--system', 'Be brief.', '--once', 'Hi']);
    const messages = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ];
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(ESC);
    const blocks = run.stdout.split('\n\n');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatch(new RegExp(`^== ${ft.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\.\\d s · \\d+\\+\\d+ tok · \\$0\\.\\d+\\)\\n`));
    expect(blocks[0]).toContain(replyText(ft, messages));
    expect(blocks[1]).toMatch(/^== gpt-4o-mini-2024-07-18 \(\d+\.\d s · \d+\+\d+ tok · \$0\.\d+\)\n/);
    expect(blocks[1]).toContain(replyText(BASE, messages));
  });

  it('--json gives one document: the messages sent and each reply with its usage, latency and cost at its own price', async () => {
    const run = await chat([...connection(), '-m', ft, '--compare', BASE, '--json', '--once', 'Hi']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { schemaVersion: number; messages: unknown[]; replies: Array<{ model: string; text: string; usage: { promptTokens: number; completionTokens: number }; latencyMs: number; costUsd: number; error: null }> };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.messages).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(doc.replies.map((r) => [r.model, r.text, r.error])).toEqual([
      [ft, replyText(ft, doc.messages), null],
      [BASE, replyText(BASE, doc.messages), null],
    ]);
    for (const r of doc.replies) {
      expect(r.usage.completionTokens).toBeGreaterThan(0);
      expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    }
    // The fine-tune at the fine-tuned price ($0.30/$1.20 per 1M), the base at its own ($0.15/$0.60).
    expect(doc.replies[0]!.costUsd).toBeCloseTo((doc.replies[0]!.usage.promptTokens * 0.3 + doc.replies[0]!.usage.completionTokens * 1.2) / 1e6, 12);
    expect(doc.replies[1]!.costUsd).toBeCloseTo(chatCostUsd(BASE, doc.replies[1]!.usage)!, 12);
    expect(doc.replies[1]!.costUsd).toBeCloseTo((doc.replies[1]!.usage.promptTokens * 0.15 + doc.replies[1]!.usage.completionTokens * 0.6) / 1e6, 12);
  });

  it('--once - reads a multi-line message from stdin; --system-file reads the system prompt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-chat-cli-'));
    writeFileSync(join(dir, 'system.txt'), 'You cook.\n');
    const run = await chat([...connection(), '-m', ft, '--system-file', join(dir, 'system.txt'), '--once', '-'], 'Recipe:\n1. Boil water\n2. Add pasta\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${replyText(ft, [{ role: 'system', content: 'You cook.' }, { role: 'user', content: 'Recipe:\n1. Boil water\n2. Add pasta' }])}\n`);
  });

  it('without --once, each line of stdin is a message of one conversation (\\ at the end of a line goes on), as text or JSON lines', async () => {
    const input = 'Hello\nTwo lines \\\nhere\n\nBye\n';
    const u1 = { role: 'user', content: 'Hello' };
    const a1 = { role: 'assistant', content: replyText(ft, [u1]) };
    const u2 = { role: 'user', content: 'Two lines \nhere' };
    const a2 = { role: 'assistant', content: replyText(ft, [u1, a1, u2]) };
    const u3 = { role: 'user', content: 'Bye' };
    const a3 = replyText(ft, [u1, a1, u2, a2, u3]);
    const text = await chat([...connection(), '-m', ft], input);
    expect(text).toEqual({ code: 0, stdout: `${a1.content}\n${a2.content}\n${a3}\n`, stderr: '' });
    const json = await chat([...connection(), '-m', ft, '--json'], input);
    const docs = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { messages: unknown[]; replies: { text: string }[] });
    expect(docs.map((d) => d.replies[0]!.text)).toEqual([a1.content, a2.content, a3]);
    expect(docs[2]!.messages).toEqual([u1, a1, u2, a2, u3]);
  });

  it('with --compare the REPL goes on with --model\'s reply', async () => {
    const run = await chat([...connection(), '-m', ft, '--compare', BASE, '--json'], 'One\nTwo\n');
    const docs = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { messages: unknown[] });
    expect(docs[1]!.messages).toEqual([
      { role: 'user', content: 'One' },
      { role: 'assistant', content: replyText(ft, [{ role: 'user', content: 'One' }]) },
      { role: 'user', content: 'Two' },
    ]);
  });

  it('exits 1 for a model the service refuses, 2 without a key, for a bad flag or an unreachable service; one line each, no stack', async () => {
    const unknown = await chat([...connection(), '-m', 'no-such-model', '--once', 'Hi']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^ftui chat: no-such-model: Not found.*no-such-model.*\n$/);
    expect(unknown.stdout).toBe('');
    // (A loopback base URL is taken for the sandbox, which needs no key; any other needs one.)
    const noKey = await chat(['--base-url', 'https://api.example.invalid/v1', '-m', ft, '--once', 'Hi'], '', {});
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toBe('ftui chat: No API key: set OPENAI_API_KEY (or name another variable with --api-key-env, or use --profile).\n');
    const noModel = await chat([...connection(), '--once', 'Hi']);
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toContain("required option '-m, --model <model>' not specified");
    const offline = await chat(['--base-url', 'http://127.0.0.1:9/v1', '--timeout', '5', '-m', ft, '--once', 'Hi']);
    expect(offline.code).toBe(2);
    expect(offline.stderr).toMatch(/^ftui chat: .*reach the service.*\n$/);
    // A REPL stops at once when the service cannot be reached: every other line would fail the same way.
    const repl = await chat(['--base-url', 'http://127.0.0.1:9/v1', '--timeout', '5', '-m', ft], 'a\nb\nc\n');
    expect(repl.code).toBe(2);
    expect(repl.stderr.trim().split('\n')).toHaveLength(1);
    for (const run of [unknown, noKey, offline, repl]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
