// Where an encoding's ranks come from. The data is gpt-tokenizer's (a dependency; a test checks it
// against tiktoken's own files token by token). Turning its 200,000 strings into a RankTable takes
// ~200 ms, so `npm run build` writes each table once to dist/tables/ and a process reads it back in
// a few milliseconds. Without that file (or with one from another gpt-tokenizer) the table is
// built in memory, with the same result.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { hashBytes, RankTable } from './rankTable.js';

export type EncodingName = 'o200k_base' | 'cl100k_base';
export const ENCODINGS: readonly EncodingName[] = ['o200k_base', 'cl100k_base'];

const require = createRequire(import.meta.url);
// src/core/tokenizer and dist/core/tokenizer are as deep as each other: both find <root>/dist/tables.
const TABLE_DIR = new URL('../../../dist/tables/', import.meta.url);
const loaded = new Map<EncodingName, RankTable>();

function tablePath(encoding: EncodingName): string {
  return fileURLToPath(new URL(`${encoding}.bin`, TABLE_DIR));
}

/** Changes whenever gpt-tokenizer does, so a table written from an older copy is not read. */
function sourceId(encoding: EncodingName): number {
  const { version } = require('gpt-tokenizer/package.json') as { version: string };
  const key = new TextEncoder().encode(`${encoding} gpt-tokenizer@${version}`);
  return hashBytes(key, 0, key.length) >>> 0;
}

/** Builds the table from gpt-tokenizer's rank list (strings, or byte arrays for tokens that are not UTF-8). */
export function buildRankTable(encoding: EncodingName): RankTable {
  const ranks = (require(`gpt-tokenizer/cjs/bpeRanks/${encoding}`) as { default: ReadonlyArray<string | number[] | undefined> }).default;
  const encoder = new TextEncoder();
  const tokens = Array.from(ranks, (t) => (t === undefined ? undefined : typeof t === 'string' ? encoder.encode(t) : Uint8Array.from(t)));
  return RankTable.build(tokens, sourceId(encoding));
}

function readTableFile(encoding: EncodingName): RankTable | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(tablePath(encoding));
  } catch {
    return null;
  }
  return RankTable.deserialize(bytes, sourceId(encoding));
}

/** One table per encoding per thread, loaded on first use. */
export function rankTable(encoding: EncodingName): RankTable {
  let table = loaded.get(encoding);
  if (!table) {
    table = readTableFile(encoding) ?? buildRankTable(encoding);
    loaded.set(encoding, table);
  }
  return table;
}

/** Writes dist/tables/<encoding>.bin unless a current one is there. Run by `npm run build`. */
export function writeTableFiles(): string[] {
  mkdirSync(TABLE_DIR, { recursive: true });
  const written: string[] = [];
  for (const encoding of ENCODINGS) {
    if (readTableFile(encoding)) continue;
    writeFileSync(tablePath(encoding), buildRankTable(encoding).serialize());
    written.push(tablePath(encoding));
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const path of writeTableFiles()) console.log(`wrote ${path}`);
}
