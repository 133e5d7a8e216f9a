// Find ignores case exactly as text.toLowerCase().includes(needle) does, on rows read from a file
// (searched in their bytes when the needle is ASCII) and on edited rows alike.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRows } from '../../../src/core/dataset/find.js';
import { loadDataset } from '../../../src/core/dataset/load.js';
import { freshRow, type Row } from '../../../src/core/dataset/row.js';

const lines = [
  '{"messages":[{"role":"user","content":"Weather in İSTANBUL?"}]}',
  '{"messages":[{"role":"user","content":"300 \u212Aelvin is hot"}]}',
  '{"messages":[{"role":"user","content":"NAÏVE CAFÉ, 東京 weather"}]}',
  '{"messages":[{"role":"user","content":"plain weather report axb"}]}',
  'not json at all: WEATHER, A.B (X)[Y]*+?^$|\\/{2}',
];
const invalidUtf8 = Buffer.concat([Buffer.from('{"content":"caf'), Buffer.from([0xe9, 0x41]), Buffer.from('Weather"}')]);

describe('find', () => {
  it('matches text.toLowerCase().includes() for ASCII and other needles, loaded and edited rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftui-find-'));
    const path = join(dir, 'data.jsonl');
    writeFileSync(path, Buffer.concat([Buffer.from(`${lines.join('\r\n')}\n`), invalidUtf8, Buffer.from('\n')]));
    const loaded = (await loadDataset(path)).rows;
    const rows: Row[] = [...loaded, ...lines.map((l) => freshRow(l))];
    const reference = (query: string) => rows.flatMap((r, i) => (r.text.toLowerCase().includes(query.toLowerCase()) ? [i] : []));
    for (const query of ['weather', 'WEATHER', 'i̇stanbul', 'in i', 'kelvin', '300 k', 'naïve', 'café', '東京', 'caf\uFFFDa', 'zzz', '"role"', 'é', 'a.b', '(x)[y]*+?^$|\\/{2}']) {
      expect(findRows(rows, query), query).toEqual(reference(query));
    }
    // The two characters that lowercase into ASCII from outside it are found by ASCII needles.
    expect(findRows(loaded, 'kelvin')).toEqual([1]);
    expect(findRows(loaded, 'in i')).toEqual([0, 1]); // "in İSTANBUL", and "kelvin is"
    expect(findRows(loaded, 'weather')).toEqual([0, 2, 3, 4, 5]);
  });
});
