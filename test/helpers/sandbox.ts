// Starts the sandbox server in this process on a free loopback port with a manual clock, so a
// test moves jobs through their lifecycle with clock.advance(ms) instead of waiting.
import { manualClock, type ManualClock } from '../../src/sandbox/clock.js';
import { startSandbox, type SandboxOptions } from '../../src/sandbox/server.js';
import { createProvider, type ClientOptions } from '../../src/api/createProvider.js';
import type { FineTuningProvider } from '../../src/api/types.js';

export interface TestSandbox {
  /** e.g. http://127.0.0.1:43123/v1 — what OPENAI_BASE_URL would be. */
  baseUrl: string;
  clock: ManualClock;
  close(): Promise<void>;
}

export async function startTestSandbox(options: Omit<SandboxOptions, 'clock' | 'port'> = {}): Promise<TestSandbox> {
  const clock = manualClock();
  const server = await startSandbox({ slowMs: 200, streamDelayMs: 0, ...options, clock, port: 0 });
  return { baseUrl: server.baseUrl, clock, close: () => server.close() };
}

/** A chat JSONL file as Together takes it: user/assistant turns, `n` examples. */
export function togetherTrainingJsonl(n = 40, salt = ''): string {
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) {
    lines.push(JSON.stringify({ messages: [{ role: 'system', content: 'Answer briefly.' }, { role: 'user', content: `What is ${i} + ${i}?${salt}` }, { role: 'assistant', content: `${2 * i}.` }] }));
  }
  return `${lines.join('\n')}\n`;
}

/** A valid chat JSONL training file with `n` examples. */
export function sampleTrainingJsonl(n = 12): string {
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) {
    lines.push(
      JSON.stringify({
        messages: [
          { role: 'system', content: 'You answer in one short sentence.' },
          { role: 'user', content: `What is ${i} + ${i}?` },
          { role: 'assistant', content: `${i} + ${i} is ${2 * i}.` },
        ],
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The real provider on the official SDK, pointed at a test sandbox; no retries, so faults show at once. */
export function sandboxProvider(sandbox: Pick<TestSandbox, 'baseUrl'>, options: ClientOptions = {}): FineTuningProvider {
  return createProvider({ name: 'sandbox', kind: 'sandbox', baseUrl: sandbox.baseUrl, apiKeyEnv: 'FTUI_TEST_NO_KEY' }, {}, { maxRetries: 0, ...options });
}
