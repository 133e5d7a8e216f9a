// Issue 13: a save must not overwrite changes made outside ftui. checkFileUnchanged is the check
// the save (and the upload) makes against the stamp of what was read.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDemoDataset } from '../../../src/core/dataset/demoDataset.js';
import { checkFileUnchanged, sha256Of, type FileStamp } from '../../../src/core/dataset/fileStamp.js';
import { loadDataset } from '../../../src/core/dataset/load.js';

async function stampOf(path: string): Promise<FileStamp> {
  const loaded = await loadDataset(path);
  return { sizeBytes: loaded.sizeBytes, mtimeMs: loaded.mtimeMs!, sha256: await sha256Of(loaded.bytes!) };
}

describe('checkFileUnchanged', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ftui-stamp-'));
  const file = join(dir, 'train.jsonl');

  it('is unchanged for the file as read, and for a file only touched', async () => {
    writeFileSync(file, '{"a":1}\n');
    const stamp = await stampOf(file);
    expect(await checkFileUnchanged(file, stamp)).toEqual({ changed: false });
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(await checkFileUnchanged(file, stamp)).toEqual({ changed: false });
  });

  it('sees a line appended from a shell, a same-size rewrite, a deletion', async () => {
    writeFileSync(file, '{"a":1}\n');
    const stamp = await stampOf(file);
    appendFileSync(file, '{"b":2}\n');
    expect(await checkFileUnchanged(file, stamp)).toEqual({ changed: true, what: 'it is now 16 bytes (was 8)' });
    writeFileSync(file, '{"a":2}\n');
    utimesSync(file, new Date(), new Date(Date.now() + 9000));
    expect(await checkFileUnchanged(file, stamp)).toEqual({ changed: true, what: 'it was modified (same size)' });
    rmSync(file);
    expect(await checkFileUnchanged(file, stamp)).toEqual({ changed: true, what: 'it was deleted or moved' });
  });

  it('for a dataset never written: a file created at its path since is a change', async () => {
    const fresh = join(dir, 'new.jsonl');
    expect(await checkFileUnchanged(fresh, null)).toEqual({ changed: false });
    writeFileSync(fresh, 'x\n');
    expect((await checkFileUnchanged(fresh, null)).changed).toBe(true);
  });
});

describe('the demo dataset', () => {
  it('is written when missing and kept, as the user left it, when it exists', () => {
    const env = { FTUI_DATA_DIR: mkdtempSync(join(tmpdir(), 'ftui-demo-')) };
    const first = ensureDemoDataset(env);
    expect(first.created).toBe(true);
    expect(readFileSync(first.path, 'utf8').trim().split('\n')).toHaveLength(first.examples);
    appendFileSync(first.path, '{"messages":[{"role":"user","content":"mine"}]}\n');
    const again = ensureDemoDataset(env);
    expect(again).toMatchObject({ path: first.path, created: false });
    expect(readFileSync(first.path, 'utf8')).toContain('mine');
  });
});
