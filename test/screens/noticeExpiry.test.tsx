// A status message on screen goes away on its own after a while (on the app's clock).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDataset } from '../../src/effects/datasetFiles.js';
import { NOTICE_MS } from '../../src/effects/useNoticeExpiry.js';
import { renderApp, type RenderedApp } from '../helpers/renderApp.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const example = (q: string) => JSON.stringify({ messages: [{ role: 'user', content: q }, { role: 'assistant', content: 'A' }] });

describe('status messages', () => {
  it('expire: "Example 1 deleted" is gone once its time is up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-notice-'));
    process.env.FTUI_DATA_DIR = join(dir, 'data');
    const path = join(dir, 'train.jsonl');
    writeFileSync(path, `${example('one')}\n${example('two')}\n`);
    app = await renderApp();
    await openDataset(app.store, path);
    await app.waitFor('two');
    await app.press('d', 'y');
    await app.waitFor('Example 1 deleted (u to undo).');
    app.clock.advance(NOTICE_MS.info! - 1);
    await app.press('j');
    expect(app.lastFrame()).toContain('Example 1 deleted (u to undo).');
    app.clock.advance(1);
    await app.waitFor((f) => !f.includes('Example 1 deleted'));
  });
});
