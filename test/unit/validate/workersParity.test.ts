// `ftui validate` with worker threads reports exactly what it reports without them: every
// example's result in line order, every finding in full with its line (and column), and every
// figure, on a file that throws the awkward cases at the pipeline: a BOM, CRLF ends, invalid
// UTF-8, bad JSON and shapes, duplicates far apart, lines over the 16 MiB limit (counted, never
// read), lines over what a worker takes (analysed beside the pool, in their place), lines across
// the reader's 1 MiB reads, and a last line without a newline. Worker threads need the built
// files (under vitest the sources are TypeScript), so this runs what `npm test` builds first.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Validate from '../../../src/core/validate/index.js';
import type * as Pool from '../../../src/core/validate/analyzerPool.js';
import type { ExampleResult } from '../../../src/core/validate/types.js';
import { seededRandom } from '../../../src/core/seededRandom.js';

const dist = (path: string) => new URL(`../../../dist/core/validate/${path}`, import.meta.url).href;
const built = (await import(dist('index.js'))) as typeof Validate;
const pool = (await import(dist('analyzerPool.js'))) as typeof Pool;

const cookbook = (name: string) => readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'datasets', 'cookbook', `${name}.jsonl`), 'utf8').trim().split('\n');
const MODEL = 'gpt-4o-mini';
const WORDS = ['the', 'ünïcode', '数据', 'token', '😀', 'a\u0085b', 'x\ufeffy', '<|endoftext|>', 'naïve', 'résumé', '__proto__', "don't", '12345', 'tab\there'];

function varied(): Buffer {
  const random = seededRandom(16);
  const word = () => WORDS[Math.floor(random() * WORDS.length)] as string;
  const text = (n: number) => Array.from({ length: n }, word).join(' ');
  const real = [...cookbook('drone_training'), ...cookbook('recipe_ner_train_100'), ...cookbook('toy_chat_fine_tuning')];
  const lines: Buffer[] = [];
  for (let i = 0; i < 4000; i++) {
    const r = random();
    let line: string | Buffer;
    if (r < 0.25) line = real[Math.floor(random() * real.length)] as string;
    else if (r < 0.27) line = '{"messages": [';
    else if (r < 0.28) line = i % 2 ? '' : '   ';
    else if (r < 0.29) line = '[1, 2]';
    else if (r < 0.3) line = '{"messages": [{"role": "user", "content": "x"}]}';
    else if (r < 0.31) line = '{"messages": [{"role": "user", "content": "lone \\ud800 key sk-abcdefghijklmnopqrstuvwxyz0123"}, {"role": "assistant", "content": "y"}]}';
    else if (r < 0.33) {
      // Not UTF-8: a stray byte, a cut sequence or an overlong form, somewhere in the content.
      const bad = [Buffer.from([0xff]), Buffer.from([0xe2, 0x82]), Buffer.from([0xc0, 0xaf])][Math.floor(random() * 3)] as Buffer;
      line = Buffer.concat([Buffer.from(`{"messages": [{"role": "user", "content": "${text(3)} `), bad, Buffer.from(' end"}, {"role": "assistant", "content": "ok"}]}')]);
    } else {
      const messages = [
        ...(random() < 0.8 ? [{ role: 'system', content: text(5) }] : []),
        { role: 'user', content: `${text(10 + Math.floor(random() * 60))} ${i}` },
        { role: 'assistant', content: text(5 + Math.floor(random() * 80)), ...(random() < 0.1 && { weight: 0 }) },
      ];
      line = JSON.stringify({ messages });
    }
    lines.push(Buffer.isBuffer(line) ? line : Buffer.from(line));
  }
  // Over what a worker takes (1,000,000 bytes), under the 16 MiB limit: analysed beside the pool.
  lines[900] = Buffer.from(JSON.stringify({ messages: [{ role: 'user', content: 'word '.repeat(210_000) }, { role: 'assistant', content: 'ok' }] }));
  lines[1800] = Buffer.concat([Buffer.from('{"messages": [{"role": "user", "content": "'), Buffer.alloc(1_100_000, 'q'), Buffer.from([0xfe]), Buffer.from('"}, {"role": "assistant", "content": "ok"}]}')]);
  // Over the limit: counted, reported, never read whole.
  lines[2500] = Buffer.concat([Buffer.from('{"messages": [{"role": "user", "content": "'), Buffer.alloc(17 * 1024 * 1024, 'z'), Buffer.from('"}]}')]);
  const ends = lines.map((_, i) => Buffer.from(i === lines.length - 1 ? '' : i % 7 === 3 ? '\r\n' : '\n'));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ...lines.flatMap((l, i) => [l, ends[i] as Buffer])]);
}

/** The report with every finding kept in full, and every example's result in the order the report took them. */
async function validate(path: string, workers: number): Promise<{ report: Validate.DatasetReport; results: ExampleResult[] }> {
  const results: ExampleResult[] = [];
  const add = built.ReportBuilder.prototype.add;
  built.ReportBuilder.prototype.add = function (this: Validate.ReportBuilder, result: ExampleResult) {
    results.push(result);
    add.call(this, result);
  };
  try {
    const { report } = await built.validatePath(path, built.createAnalyzer({ model: MODEL }), { workers, maxFindingsPerCode: Infinity, maxLinesPerCode: Infinity });
    return { report, results };
  } finally {
    built.ReportBuilder.prototype.add = add;
  }
}

describe('ftui validate with and without workers', () => {
  it('is built (the tests run after npm run build)', () => {
    expect(pool.workersAvailable).toBe(true);
  });

  it('gives the same results, findings, lines and figures on a varied file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ftui-parity-')), 'varied.jsonl');
    writeFileSync(path, varied());
    const inline = await validate(path, 0);

    // The fixture has what it is meant to have (so equality below covers those cases).
    const codes = new Map(inline.report.findings.map((g) => [g.code, g]));
    expect(inline.results.map((r) => r.line)).toEqual(Array.from({ length: 4000 }, (_, i) => i + 1));
    expect(codes.get('line_too_long')?.lines).toEqual([2501]);
    expect(codes.get('invalid_utf8')?.lines).toContain(1801);
    expect(codes.get('invalid_utf8')?.count).toBeGreaterThan(40);
    expect(codes.get('invalid_json')?.count).toBeGreaterThan(40);
    expect(codes.get('duplicate_example')?.count).toBeGreaterThan(100);
    expect(inline.results[900]?.figures?.billedTokens).toBeGreaterThan(200_000);
    expect(codes.has('file_bom')).toBe(true);
    expect(codes.has('crlf_line_endings')).toBe(true);

    for (const workers of [1, 2]) {
      const pooled = await validate(path, workers);
      expect({ workers, ...pooled }).toStrictEqual({ workers, ...inline });
    }
  });
});
