// Issue 13: a save must not overwrite changes made outside ftui. checkFileUnchanged is the check
// the save (and the upload) makes against the stamp of what was read.
import { createHash } from 'node:crypto';
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

describe('sha256Of', () => {
  it('hashes in slices to the same digest as one pass, for empty, small and multi-slice inputs', async () => {
    const once = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    const big = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i++) big[i] = (i * 2654435761) >>> 24;
    for (const bytes of [Buffer.alloc(0), Buffer.from('{"a":1}\n'), big, big.subarray(0, 1024 * 1024)]) {
      expect(await sha256Of(bytes)).toBe(once(bytes));
    }
    expect(await sha256Of(Buffer.alloc(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('a file of several slices, only touched, is unchanged; one byte changed in its last slice is a change', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ftui-stamp-')), 'big.jsonl');
    const line = `${JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(200) }] })}\n`;
    writeFileSync(file, line.repeat(Math.ceil((2.5 * 1024 * 1024) / line.length)));
    const stamp = await stampOf(file);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(await checkFileUnchanged(file, stamp)).toEqual({ changed: false });
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] = 0x79; // an x becomes a y
    writeFileSync(file, bytes);
    utimesSync(file, new Date(), new Date(Date.now() + 9000));
    expect(await checkFileUnchanged(file, stamp)).toEqual({ changed: true, what: 'it was modified (same size)' });
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
