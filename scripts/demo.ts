// `npm run demo`: starts the SANDBOX in this process, writes a small sample dataset of its own,
// and opens ftui on it with OPENAI_BASE_URL pointing at the sandbox and a dummy key, so every
// screen can be toured offline. Nothing is trained and no real API is called.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appPaths } from '../src/core/paths.js';
import { startSandbox } from '../src/sandbox/server.js';

const QA: [string, string][] = [
  ['How do I reset my password?', 'Open Settings → Account → Reset password, and follow the link we email you.'],
  ['Can I change my username?', 'Yes: Settings → Profile → Username. You can change it once every 30 days.'],
  ['Where is my invoice?', 'Invoices are under Billing → History; each one can be downloaded as a PDF.'],
  ['How do I cancel my subscription?', 'Go to Billing → Plan → Cancel. You keep access until the end of the period.'],
  ['Do you offer refunds?', 'Within 14 days of a charge, yes. Reply with the invoice number and we will refund it.'],
  ['The app crashes on start.', 'Sorry about that! Please update to the latest version; if it still crashes, send us the log file.'],
  ['How do I export my data?', 'Settings → Privacy → Export data. We email a download link within an hour.'],
  ['Is there a dark mode?', 'Yes: Settings → Appearance → Theme → Dark.'],
  ['Can I use the app offline?', 'You can read saved items offline; syncing resumes when you reconnect.'],
  ['How do I add a team member?', 'Team → Invite, then enter their email. They join once they accept.'],
  ['How do I delete my account?', 'Settings → Account → Delete account. This cannot be undone after 7 days.'],
  ['What payment methods do you take?', 'Cards (Visa, Mastercard, Amex) and, on yearly plans, bank transfer.'],
];

function sampleDataset(): string {
  const system = 'You are the support assistant of Acme Notes. Answer in one or two friendly sentences.';
  return `${QA.map(([q, a]) =>
    JSON.stringify({ messages: [{ role: 'system', content: system }, { role: 'user', content: q }, { role: 'assistant', content: a }] }),
  ).join('\n')}\n`;
}

const port = Number(process.env.FTUI_DEMO_PORT ?? 0);
const dir = join(appPaths().data, 'demo');
mkdirSync(dir, { recursive: true });
const dataset = join(dir, 'support-demo.jsonl');
writeFileSync(dataset, sampleDataset());

const sandbox = await startSandbox({ port });
process.stdout.write(
  [
    '',
    `  ftui demo — SANDBOX at ${sandbox.baseUrl}: it TRAINS NOTHING; jobs, losses and replies are simulated.`,
    `  Sample dataset (${QA.length} examples): ${dataset}`,
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
