// The data under the tokenizer: the ranks (gpt-tokenizer's copy) are tiktoken's, byte for byte,
// the pinned Unicode table is what the generator makes from Unicode 16, and a table written by
// `npm run build` reads back the same.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { generatedSource } from '../../../scripts/gen-unicode-classes.js';
import { RankTable } from '../../../src/core/tokenizer/rankTable.js';
import { buildRankTable, ENCODINGS, rankTable } from '../../../src/core/tokenizer/tables.js';

const require = createRequire(import.meta.url);

describe.each(ENCODINGS)('%s ranks', (encoding) => {
  it("are tiktoken's, rank for rank", () => {
    const { bpe_ranks } = require(`tiktoken/encoders/${encoding}.json`) as { bpe_ranks: string };
    const [, offset, ...tokens] = bpe_ranks.split(' ');
    const table = rankTable(encoding);
    expect(table.size).toBe(Number(offset) + tokens.length);
    tokens.forEach((b64, i) => {
      const bytes = Buffer.from(b64, 'base64');
      const rank = Number(offset) + i;
      if (!Buffer.from(table.tokenBytes(rank)).equals(bytes)) expect({ rank, bytes: [...table.tokenBytes(rank)] }).toEqual({ rank, bytes: [...bytes] });
      if (table.rankOf(bytes, 0, bytes.length) !== rank) expect({ bytes: b64, rank: table.rankOf(bytes, 0, bytes.length) }).toEqual({ bytes: b64, rank });
    });
  });

  it('read back from their file as built', () => {
    const built = buildRankTable(encoding);
    const read = RankTable.deserialize(built.serialize(), built.source);
    expect(read).not.toBeNull();
    expect(read?.size).toBe(built.size);
    expect(Buffer.from(read?.pool ?? []).equals(Buffer.from(built.pool))).toBe(true);
    expect(read?.rankOf(new TextEncoder().encode(' hello'), 0, 6)).toBe(built.rankOf(new TextEncoder().encode(' hello'), 0, 6));
    expect(read?.maxTokenBytes).toBe(built.maxTokenBytes);
    expect(Buffer.from(read?.serialize() ?? []).equals(Buffer.from(built.serialize()))).toBe(true);
    // A file of an earlier format (no filter after the slots) is not used either.
    const older = built.serialize().slice();
    new Uint32Array(older.buffer)[1] = 2;
    expect(RankTable.deserialize(older, built.source)).toBeNull();
    // A file from another source (another gpt-tokenizer) is not used.
    expect(RankTable.deserialize(built.serialize(), built.source + 1)).toBeNull();
    expect(RankTable.deserialize(built.serialize().subarray(0, 100), built.source)).toBeNull();
  });
});

it('unicodeClasses.gen.ts is what scripts/gen-unicode-classes.ts makes from the Unicode 16 database', async () => {
  const committed = readFileSync(new URL('../../../src/core/tokenizer/unicodeClasses.gen.ts', import.meta.url), 'utf8');
  expect(committed).toBe(await generatedSource());
});
