// The sandbox demo's sample dataset (`npm run demo`, and the key on the first screen when ftui
// starts with no file). Written only when it is not there yet: the demo file is the user's to
// edit, and the next demo opens it as they left it.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { appPaths } from '../paths.js';

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

export function sampleDataset(): string {
  const system = 'You are the support assistant of Acme Notes. Answer in one or two friendly sentences.';
  return `${QA.map(([q, a]) =>
    JSON.stringify({ messages: [{ role: 'system', content: system }, { role: 'user', content: q }, { role: 'assistant', content: a }] }),
  ).join('\n')}\n`;
}


/** The demo dataset's path in ftui's data folder, written from the sample only if missing. */
export function ensureDemoDataset(env: NodeJS.ProcessEnv = process.env): { path: string; created: boolean; examples: number } {
  const dir = join(appPaths(env).data, 'demo');
  const path = join(dir, 'support-demo.jsonl');
  if (existsSync(path)) return { path, created: false, examples: QA.length };
  mkdirSync(dir, { recursive: true });
  writeFileAtomic.sync(path, sampleDataset());
  return { path, created: true, examples: QA.length };
}
