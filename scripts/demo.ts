// `npm run demo`: starts the SANDBOX in this process, writes a small sample dataset (once: the
// demo dataset from last time is kept) and opens ftui on it with OPENAI_BASE_URL pointing at the
// sandbox and a dummy key, so every screen can be toured offline. Nothing is trained and no real API is called.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureDemoDataset } from '../src/core/dataset/demoDataset.js';
import { startSandbox } from '../src/sandbox/server.js';

const port = Number(process.env.FTUI_DEMO_PORT ?? 0);
// Kept if it is already there: the user's edits from the last demo are theirs.
const { path: dataset, created, examples } = ensureDemoDataset();

const sandbox = await startSandbox({ port });
process.stdout.write(
  [
    '',
    `  ftui demo — SANDBOX at ${sandbox.baseUrl}: it TRAINS NOTHING; jobs, losses and replies are simulated.`,
    created ? `  Sample dataset (${examples} examples): ${dataset}` : `  Your demo dataset from last time (kept; delete it for a fresh copy): ${dataset}`,
    '  Starting ftui…',
    '',
  ].join('\n'),
);

const bin = fileURLToPath(new URL('../bin/ftui.js', import.meta.url));
const child = spawn(process.execPath, [bin, dataset], {
  stdio: 'inherit',
  env: { ...process.env, OPENAI_BASE_URL: sandbox.baseUrl, OPENAI_API_KEY: 'sandbox-demo-key' },
});
// Ctrl+C reaches ftui too (same terminal); ftui decides when to quit, then the sandbox stops.
const ignore = (): void => undefined;
process.on('SIGINT', ignore);
child.on('exit', (code, signal) => {
  process.off('SIGINT', ignore);
  void sandbox.close().then(() => {
    process.stdout.write('ftui demo: sandbox stopped.\n');
    process.exitCode = code ?? (signal ? 1 : 0);
  });
});
