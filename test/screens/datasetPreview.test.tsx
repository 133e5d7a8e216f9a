// The preview pane: the selected example's messages under the list at 80 columns, beside it from
// 110 (tried at 120x40 and 160x48), with tool calls as the open example shows them; p hides and shows it. And the find: the
// list shows only matching examples, the match marked in the rows and the preview, optionally in
// one role's messages; n/N and j/k move between matches; esc shows every example again.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDataset } from '../../src/effects/datasetFiles.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp, type RenderedApp } from '../helpers/renderApp.js';
import { plain } from '../helpers/ansi.js';

// Colours on (chalk decides when Ink is first imported), so the marks can be seen in the frames.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

const drone = fileURLToPath(new URL('../../../shared/datasets/cookbook/drone_training.jsonl', import.meta.url));
/** A match is drawn on a yellow background. */
// eslint-disable-next-line no-control-regex
const marked = (frame: string) => [...frame.matchAll(/\u001B\[43m(?:\u001B\[30m)?([^\u001B]*)/g)].map((m) => m[1]);

let dir: string;
let app: RenderedApp | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftui-preview-'));
  process.env.FTUI_DATA_DIR = join(dir, 'data');
});
afterEach(() => app?.unmount());

async function open(path: string, size: { columns: number; rows: number }) {
  app = await renderApp({}, size);
  await openDataset(app.store, path);
  return app.waitFor((f) => /^\s*1 [ !✗]/m.test(plain(f)));
}

/** Waits until the frame's text (colours aside) shows `text`. */
const waitText = (text: string) => app!.waitFor((f) => plain(f).includes(text));

function fits(frame: string, size: { columns: number; rows: number }) {
  const lines = plain(frame).split('\n');
  expect(lines.length).toBeLessThanOrEqual(size.rows - 1);
  for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(size.columns);
}

const ex = (user: string, assistant: string, system = 'You answer billing questions.') =>
  JSON.stringify({ messages: [{ role: 'system', content: system }, { role: 'user', content: user }, { role: 'assistant', content: assistant }] });

describe('the preview pane', () => {
  it('at 80x24 shows the selected example under the list: roles, wrapped text, tool calls; j moves it on; p hides it', async () => {
    const path = join(dir, 'drone.jsonl');
    copyFileSync(drone, path);
    const size = { columns: 80, rows: 24 };
    let frame = plain(await open(path, size));
    expect(frame).toMatch(/── Example 1 · enter opens it · p hides this ─+/);
    expect(frame).toMatch(/^ system$/m);
    expect(frame).toMatch(/^ assistant · 1 tool call$/m);
    expect(frame).toContain("→ takeoff_drone({\"altitude\": 100})");
    fits(frame, size);
    await app!.press('j', 'j');
    frame = plain(app!.lastFrame());
    expect(frame).toContain('── Example 3 ·');
    expect(frame).toContain('land_drone');
    // Hidden, the list takes the rows back.
    const listRows = (f: string) => plain(f).split('\n').filter((l) => /^\s+\d+ [ !✗] +\dt/.test(l)).length;
    const withPreview = listRows(app!.lastFrame());
    await app!.press('p');
    expect(plain(app!.lastFrame())).not.toContain('── Example');
    expect(listRows(app!.lastFrame())).toBeGreaterThan(withPreview);
    await app!.press('p');
    expect(plain(app!.lastFrame())).toContain('── Example 3');
  });

  it('from 110 columns stands beside the list', async () => {
    const path = join(dir, 'billing.jsonl');
    writeFileSync(path, [ex('Where is my invoice?', 'Under Billing, then Invoices.'), ex('Can I get a refund?', 'Yes, within 30 days.')].join('\n') + '\n');
    const size = { columns: 120, rows: 40 };
    const frame = plain(await open(path, size));
    // The first example's row and the preview's title share a line.
    expect(frame).toMatch(/^\s+1 .*Where is my invoice\?.*│ Example 1 · enter opens it/m);
    expect(frame).toMatch(/│\s+Under Billing, then Invoices\./);
    fits(frame, size);
  });

  it('at 160x48 stands beside the list with the whole example, and the list keeps every row', async () => {
    const path = join(dir, 'drone.jsonl');
    copyFileSync(drone, path);
    const size = { columns: 160, rows: 48 };
    let frame = plain(await open(path, size));
    expect(frame).toMatch(/^\s+1 .*│ Example 1 · enter opens it · p hides this/m);
    expect(frame).toMatch(/│ assistant · 1 tool call\s*$/m);
    expect(frame).toMatch(/│\s+→ takeoff_drone\(\{"altitude": 100\}\)/);
    fits(frame, size);
    const listRows = (f: string) => plain(f).split('\n').filter((l) => /^\s+\d+ [ !✗] +\dt/.test(l)).length;
    // Beside, the preview takes no rows from the list: hiding it shows no more examples.
    const beside = listRows(frame);
    expect(beside).toBeGreaterThan(40);
    await app!.press('p');
    expect(plain(app!.lastFrame())).not.toContain('Example 1 ·');
    expect(listRows(app!.lastFrame())).toBe(beside);
    await app!.press('p', 'G');
    frame = plain(app!.lastFrame());
    expect(frame).toContain('│ Example 103 ·');
    fits(frame, size);
  });

  it('says a huge line is too big to preview instead of parsing it on every key', async () => {
    const path = join(dir, 'huge.jsonl');
    writeFileSync(path, `${ex('small', 'one')}\n${ex('x'.repeat(400_000), 'big')}\n`);
    await open(path, { columns: 80, rows: 24 });
    await app!.press('j');
    await waitText('MB line: too big to preview here; enter opens it.');
  });
});

describe('find', () => {
  const lines = [
    ex('Where is my invoice?', 'Under Billing, then Invoices.'),
    ex('Can I get a refund?', 'Yes: a refund takes 30 days.'),
    ex('I was charged twice.', 'We will look into it.'),
    ex('Refund my order now', 'Please share the order id.'),
    ex('Thanks', 'Glad to help.', 'Never promise a refund.'),
  ];

  it('filters the list to matching examples and marks the match in the rows and the preview; n/N and j/k move; esc clears', async () => {
    const path = join(dir, 'billing.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n`);
    await open(path, { columns: 80, rows: 24 });
    await app!.press('/');
    for (const ch of 'refund') await app!.press(ch);
    await app!.press(KEYS.enter);
    let frame = await waitText('Find "refund": 3 matches (n/N · esc clears)');
    const rows = plain(frame).split('\n').filter((l) => /^\s+\d+ [ !✗] +\dt/.test(l));
    expect(rows.map((r) => Number(r.trim().split(' ')[0]))).toEqual([2, 4, 5]);
    expect(rows[0]).toMatch(/user: Can I get a refund\?/);
    expect(rows[2]).toMatch(/system: Never promise a refund\./);
    expect(app!.store.getState().dataset.cursor).toBe(1);
    // Marked in the list rows and in the preview (user and assistant messages of example 2).
    expect(marked(frame).filter((m) => m?.toLowerCase() === 'refund').length).toBeGreaterThanOrEqual(4);
    await app!.press('j');
    expect(app!.store.getState().dataset.cursor).toBe(3);
    // The row left behind is drawn marked again, the one moved to in reverse video.
    const listLine = (f: string, n: number) => f.split('\n').find((l) => new RegExp(`^\\s+${n} [ !✗]`).test(plain(l))) ?? '';
    frame = await app!.waitFor((f) => listLine(f, 4).includes('\u001B[7m'));
    expect(listLine(frame, 2)).not.toContain('\u001B[7m');
    expect(marked(listLine(frame, 2)).map((m) => m?.toLowerCase())).toContain('refund');
    await app!.press('n');
    expect(app!.store.getState().dataset.cursor).toBe(4);
    await app!.press('n');
    expect(app!.store.getState().dataset.cursor).toBe(1);
    await app!.press('N');
    expect(app!.store.getState().dataset.cursor).toBe(4);
    await app!.press('k', 'G', 'g');
    expect(app!.store.getState().dataset.cursor).toBe(1);
    await app!.press(KEYS.esc);
    frame = plain(app!.lastFrame());
    expect(frame).not.toContain('Find "refund"');
    expect(frame).toContain('Where is my invoice?');
    expect(app!.store.getState().dataset.cursor).toBe(1);
  });

  it('looks in one role when asked: role:assistant, or tab in the field', async () => {
    const path = join(dir, 'billing.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n`);
    await open(path, { columns: 100, rows: 30 });
    await app!.press('/');
    for (const ch of 'role:assistant refund') await app!.press(ch);
    await app!.press(KEYS.enter);
    let frame = await waitText('Find "refund" in assistant messages: 1 match');
    expect(plain(frame)).toMatch(/^\s+2 .*assistant: Yes: a refund takes 30 days\./m);
    // / again: the query opens selected; tab cycles the role (assistant -> system).
    await app!.press('/');
    await app!.press(KEYS.right);
    await app!.press(KEYS.tab);
    expect(app!.store.getState().dataset.filter?.field?.text).toBe('role:system refund');
    await app!.press(KEYS.enter);
    frame = await waitText('Find "refund" in system messages: 1 match');
    expect(app!.store.getState().dataset.cursor).toBe(4);
    // system -> tool -> any role again.
    await app!.press('/');
    await app!.press(KEYS.right);
    await app!.press(KEYS.tab, KEYS.tab);
    await app!.press(KEYS.enter);
    await waitText('Find "refund": 3 matches');
  });

  it('reads prompt/completion and text examples by their fields, in the preview and the find', async () => {
    const path = join(dir, 'together.jsonl');
    writeFileSync(path, [JSON.stringify({ prompt: 'Where is my invoice?', completion: 'Under Billing.' }), JSON.stringify({ prompt: 'Refund?', completion: 'Within 30 days, a refund.' })].join('\n') + '\n');
    const frame = plain(await open(path, { columns: 80, rows: 24 }));
    expect(frame).toMatch(/^ prompt\n   Where is my invoice\?\n completion\n   Under Billing\.$/m);
    await app!.press('/');
    for (const ch of 'refund') await app!.press(ch);
    await app!.press(KEYS.enter);
    await waitText('Find "refund": 1 match');
    expect(plain(app!.lastFrame())).toMatch(/^\s+2 .*prompt: Refund\?/m);
    expect(app!.store.getState().dataset.cursor).toBe(1);
  });

  it('says so when nothing matches', async () => {
    const path = join(dir, 'billing.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n`);
    await open(path, { columns: 80, rows: 24 });
    await app!.press('/');
    for (const ch of 'zebra') await app!.press(ch);
    await app!.press(KEYS.enter);
    await waitText('No example matches. / changes the find, esc clears it.');
    expect(plain(app!.lastFrame())).toContain('Find "zebra": 0 matches');
  });
});
