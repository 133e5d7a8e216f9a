// Drafts that refer to lines of the saved file, under SIGKILL at any moment between moving rows,
// saving and drafting: the file always parses, the draft always decodes, and a draft whose base
// is the file on disk restores exactly the rows the process had (one whose base is gone is refused).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDraft, draftPathFor, restoreRows } from '../../../src/core/dataset/journal.js';
import { loadDataset } from '../../../src/core/dataset/load.js';
import { runAndKill } from '../../helpers/killLoop.js';
import { repoRoot } from '../../helpers/tmux.js';
// @ts-expect-error: a plain .mjs fixture shared with the child process, no type declarations.
import { churnStep } from '../../fixtures/dataset/churnStep.mjs';

const step = churnStep as (rows: string[], n: number, make: (text: string) => string) => string[];

const churn = join(repoRoot, 'test', 'fixtures', 'dataset', 'churn-refs.mjs');

describe('drafts with line references under SIGKILL', () => {
  it('always decode, and restore whenever their base is the file on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-kill-refs-'));
    const env = { ...process.env, FTUI_DATA_DIR: join(dir, 'data') };
    const path = join(dir, 'train.jsonl');
    const rows = 300;
    writeFileSync(path, `${Array.from({ length: rows }, (_, i) => JSON.stringify({ messages: [{ role: 'user', content: `q${i} ${'w '.repeat(i % 50)}` }] })).join('\r\n')}\r\n`);
    let restoredOnce = false;
    for (let round = 0; round < 10; round++) {
      const start = (await loadDataset(path)).rows.map((r) => r.text);
      const roundStartedAt = Date.now();
      // Round 0 is killed while it waits after its first step, so at least one round restores on
      // any machine; the others are killed at moments that depend on its speed, anywhere in a step.
      await runAndKill(churn, path, env, 3 + ((round * 29) % 70), round === 0 ? ['--hold'] : []);
      const loaded = await loadDataset(path);
      expect(loaded.rows).toHaveLength(rows);
      for (const row of loaded.rows) JSON.parse(row.text);
      const draftPath = draftPathFor(path, env);
      if (!existsSync(draftPath)) continue;
      const draft = decodeDraft(readFileSync(draftPath, 'utf8'));
      expect(draft.entries).toHaveLength(rows);
      const base = draft.meta.base;
      if (base && (base.mtimeMs !== loaded.mtimeMs || base.sizeBytes !== loaded.sizeBytes)) {
        expect(() => restoreRows(draft, loaded)).toThrow(/file changed/);
        continue;
      }
      // A draft left by an earlier round (this one was killed before its first draft) is not replayable.
      if (draft.meta.savedAt < roundStartedAt) continue;
      let expected = start;
      for (let n = 0; n <= (draft.meta.extra as { n: number }).n; n++) expected = step(expected, n, (text) => text);
      expect(restoreRows(draft, loaded).map((r) => r.text)).toEqual(expected);
      restoredOnce = true;
    }
    expect(restoredOnce).toBe(true);
  });
});
