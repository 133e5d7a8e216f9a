// The app on rows built to break it. The file opens, every other row stays usable, and the
// hostile row is marked with what is wrong with it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDataset } from '../../src/effects/datasetFiles.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp, tick, type RenderedApp } from '../helpers/renderApp.js';

let dir: string;
let app: RenderedApp | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftui-hostile-rows-'));
  process.env.FTUI_DATA_DIR = join(dir, 'data');
});
afterEach(() => {
  app?.unmount();
  app = null;
});

const example = (q: string) => JSON.stringify({ messages: [{ role: 'user', content: q }, { role: 'assistant', content: 'ok' }] });

const path = () => join(dir, 'train.jsonl');

async function open(lines: string[]): Promise<RenderedApp> {
  writeFileSync(path(), `${lines.join('\n')}\n`);
  app = await renderApp({}, { columns: 100, rows: 30 });
  await openDataset(app.store, path());
  await tick(30);
  return app;
}


describe('a row nested 5,000 levels deep', () => {
  // Before: the duplicate hash's JSON.stringify overflowed the stack while the list drew the row,
  // and `ftui FILE` exited with "Maximum call stack size exceeded" (3 of 3).
  it('is one marked row; the others list, open and validate, and the fixes and token view keep working', async () => {
    const deep = `{"messages":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const a = await open([example('first'), deep, example('third'), example('first')]);
    expect(a.lastFrame()).toMatch(/2 ✗ +0t +invalid: nested more than 100 levels deep/);
    expect(a.lastFrame()).toMatch(/3 +\S* +2t +\d+ tok +third/);
    await a.until(() => a.store.getState().validation.status === 'done');
    const report = a.store.getState().validation.report!;
    expect(report.findings.find((g) => g.code === 'nesting_too_deep')?.lines).toEqual([2]);
    expect(report.findings.find((g) => g.code === 'duplicate_example')?.lines).toEqual([4]);

    // Opened, it is text to fix, like a line that is not JSON.
    await a.press('j', KEYS.enter);
    expect(a.lastFrame()).toContain('edit the line as text');
    await a.press(KEYS.esc);
    await tick(60);
    await a.press('j', KEYS.enter);
    expect(a.lastFrame()).toContain('third');
    await a.press(KEYS.esc);
    await tick(60);

    // The Validate screen's safe fixes and token view read every row.
    await a.press('2', 'f');
    expect(a.lastFrame()).toMatch(/Remove exact duplicate examples/);
    await a.press(KEYS.esc);
    await tick(60);
    await a.press('t');
    expect(a.lastFrame()).not.toContain('Maximum call stack');
  });
});

describe('a row over the 16 MiB line limit', () => {
  it('is listed and reported as too long without being opened; the file saves back byte for byte', async () => {
    const huge = JSON.stringify({ messages: [{ role: 'user', content: 'z '.repeat(9_000_000) }, { role: 'assistant', content: 'ok' }] });
    const a = await open([example('first'), huge, example('third')]);
    expect(a.lastFrame()).toMatch(/2 ✗ +0t +line too long \(18\.0 MB, over 16 MiB\): kept as it is, not opened/);
    await a.until(() => a.store.getState().validation.status === 'done');
    expect(a.store.getState().validation.report!.findings.find((g) => g.code === 'line_too_long')?.lines).toEqual([2]);
    await a.press('j', KEYS.enter);
    expect(a.store.getState().dataset.editor).toBeNull();
    expect(a.lastFrame()).toContain('Line 2 is 18.0 MB, over the 16 MiB ftui opens; it stays in the file as it is.');
    await a.press('j', KEYS.enter);
    expect(a.lastFrame()).toContain('third');
    await a.press(KEYS.esc);
    await tick(60);
    await a.press(KEYS.ctrl('s'));
    await a.until(() => a.lastFrame().includes('Saved 3 lines'));
    expect(readFileSync(path(), 'utf8')).toBe(`${[example('first'), huge, example('third')].join('\n')}\n`);
  });
});

describe('a row slow to tokenize', () => {
  it('is listed as being analysed, then with its figures; its token view and editor counts come the same way', async () => {
    const slow = JSON.stringify({ messages: [{ role: 'user', content: 'q'.repeat(40_000) }, { role: 'assistant', content: 'ok' }] });
    const a = await open([example('first'), slow, example('third')]);
    // Under the tests there is no built worker: the same queue runs the job here, a tick later.
    await a.until(() => /2 . +2t +\d+ tok +qqqq/.test(a.lastFrame()));
    await a.press('j', KEYS.enter);
    await a.until(() => /1 user · \d+ tok/.test(a.lastFrame()));
    await a.press(KEYS.esc);
    await tick(60);
    await a.press('2', 't');
    await a.until(() => a.lastFrame().includes('Example 2:'));
    expect(a.lastFrame()).toMatch(/user · CONTEXT · \d[\d,]* tokens/);
  });
});
