// A kill at any moment, during a save or a draft write, never leaves a file that does not parse.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDraft, draftPathFor } from '../../../src/core/dataset/journal.js';
import { runAndKill } from '../../helpers/killLoop.js';
import { repoRoot } from '../../helpers/tmux.js';

const churn = join(repoRoot, 'test', 'fixtures', 'dataset', 'churn.mjs');

describe('saving and drafting under SIGKILL', () => {
  it('leaves the dataset and the draft parseable after every kill', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-kill-'));
    const env = { ...process.env, FTUI_DATA_DIR: join(dir, 'data') };
    const path = join(dir, 'train.jsonl');
    const line = (i: number) => JSON.stringify({ messages: [{ role: 'user', content: `q${i} ${'words '.repeat(200)}` }, { role: 'assistant', content: 'a' }] });
    writeFileSync(path, `${Array.from({ length: 2000 }, (_, i) => line(i)).join('\n')}\n`);
    for (let round = 0; round < 12; round++) {
      await runAndKill(churn, path, env, 5 + ((round * 37) % 120));
      const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
      expect(lines.length).toBe(2000);
      for (const l of lines) JSON.parse(l);
      const draft = draftPathFor(path, env);
      if (existsSync(draft)) expect(decodeDraft(readFileSync(draft, 'utf8')).entries).toHaveLength(2000);
    }
  });
});
