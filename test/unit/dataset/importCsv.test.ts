// Import: CSV never lets one malformed row cost the others, and every row it does not import is
// reported with its row number (the header is row 1, as in a spreadsheet). JSONL lines come in as
// their own text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/core/dataset/importers.js';

const dir = mkdtempSync(join(tmpdir(), 'ftui-csv-'));
async function csv(name: string, text: string) {
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, text);
  return importFile(path);
}
const users = (lines: string[]) => lines.map((l) => (JSON.parse(l) as { messages: { content: string }[] }).messages[0]?.content);

describe('CSV import with malformed rows', () => {
  it('imports the rows around stray quotes and reports each bad row by its own number', async () => {
    const r = await csv('stray', 'prompt,completion\nA,1\nB,b"ad\nC,c"ad\nD,\nE,5\n');
    expect(users(r.lines)).toEqual(['A', 'E']);
    expect(r.problems.map((p) => p.at)).toEqual([3, 4, 5]);
    expect(r.problems[0]?.message).toMatch(/cannot be read, not imported \(near line 3/);
    expect(r.problems[2]?.message).toMatch(/empty/);
  });

  it('counts a quoted multi-line cell as one row', async () => {
    const r = await csv('multiline', 'prompt,completion\n"two\nlines",1\nB,b"ad\n,x\n');
    expect(users(r.lines)).toEqual(['two\nlines']);
    expect(r.problems.map((p) => p.at)).toEqual([3, 4]);
  });

  it('reports cells past the header instead of dropping them silently', async () => {
    const r = await csv('extra', 'Prompt,Completion\nA,1,surplus\n');
    expect(r.lines).toHaveLength(1);
    expect(r.problems).toEqual([{ at: 2, message: expect.stringContaining('cells past column 2 are not imported') }]);
  });

  it('says that an unclosed quote swallows the rest of the file', async () => {
    const r = await csv('unclosed', 'system,user,assistant\nS,A,1\nS,"B,2\nS,C,3\n');
    expect(users(r.lines)).toEqual(['S']);
    expect(r.problems).toEqual([{ at: 3, message: expect.stringContaining('never closed, so this row and every row after it are not imported') }]);
  });
});

describe('CSV columns', () => {
  it('takes a system column beside prompt/completion and names the columns it leaves out', async () => {
    const r = await csv('columns', 'id,System,prompt,completion,notes\n7,Be brief,Q,A,n\n');
    expect(JSON.parse(r.lines[0]!)).toEqual({ messages: [{ role: 'system', content: 'Be brief' }, { role: 'user', content: 'Q' }, { role: 'assistant', content: 'A' }] });
    expect(r.problems).toEqual([{ at: 1, message: 'columns id, notes are not imported (ftui reads system, prompt, completion)' }]);
  });
});

describe('JSONL import', () => {
  it('brings valid lines in as their own text, so big integer ids survive', async () => {
    const path = join(dir, 'ids.jsonl');
    const line = '{"messages": [{"role": "user", "content": "hi"}], "id": 12345678901234567890, "score": 1.0}';
    writeFileSync(path, `${line}  \r\n\r\n{bad\n`);
    const r = await importFile(path);
    expect(r.lines).toEqual([line, '{bad']);
    expect(r.problems).toEqual([{ at: 3, message: expect.stringContaining('kept as it is') }]);
  });
});
