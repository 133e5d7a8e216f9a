// A service's rules for the file itself (capabilities.fileRules): Azure wants UTF-8 with a BOM
// (ftui's upload adds one to a copy) and at most 512 MB, so a BOM is no finding there, while
// elsewhere it still is; a file over the limit is an error naming the service.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/core/validate/index.js';
import { sampleTrainingJsonl } from '../../helpers/sandbox.js';

const AZURE = { bom: 'required', maxBytes: 512 * 1024 * 1024, source: 'Azure OpenAI' } as const;
let dir: string;
let withBom: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftui-rules-'));
  withBom = join(dir, 'bom.jsonl');
  await writeFile(withBom, `\uFEFF${sampleTrainingJsonl(12)}`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const codes = (r: Awaited<ReturnType<typeof validateFile>>) => r.findings.map((f) => f.code);

describe('file rules', () => {
  it('a BOM is a warning by default and nothing for a service that asks for one', async () => {
    expect(codes(await validateFile(withBom, { model: 'gpt-4.1-mini' }))).toContain('file_bom');
    expect(codes(await validateFile(withBom, { model: 'gpt-4.1-mini', fileRules: AZURE }))).not.toContain('file_bom');
  });

  it('a file over the service\'s limit is an error that names it', async () => {
    const report = await validateFile(withBom, { model: 'gpt-4.1-mini', fileRules: { ...AZURE, maxBytes: 100 } });
    const finding = report.findings.find((f) => f.code === 'file_too_large');
    expect(finding).toMatchObject({ severity: 'error' });
    expect(finding?.examples[0]?.message).toMatch(/Azure OpenAI takes at most 0 MB/);
  });
});
