// The app on rows built to break it. The file opens, every other row stays usable, and the
// hostile row is marked with what is wrong with it.
import { mkdtempSync, writeFileSync } from 'node:fs';
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

async function open(lines: string[]): Promise<RenderedApp> {
  const path = join(dir, 'train.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  app = await renderApp({}, { columns: 100, rows: 30 });
  await openDataset(app.store, path);
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
