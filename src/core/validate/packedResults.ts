// Per-example results as a worker thread sends them back: the figures of a whole batch in one
// Float64Array (transferred, not copied), the content hashes as a list of strings, and findings
// only for the examples that have any. Structured-cloning one ExampleResult object per example
// cost the receiving thread more than reading and aggregating the file; rebuilding the objects
// from numbers costs a small part of that. Lossless: unpack(pack(results)) deep-equals results.
import type { ExampleFigures, ExampleResult, Finding } from './types.js';

const KINDS: ReadonlyArray<ExampleResult['kind']> = ['chat', 'preference', 'unparsed', 'invalid', 'blank'];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));

// Per example: line, kind, worst, flags, then the figures' numbers (when it has figures).
const FIELDS = 15;
const HAS_FIGURES = 1;
const PREFERENCE = 2;
const HAS_SYSTEM = 4;
const HAS_USER = 8;
const HAS_ASSISTANT = 16;
const HAS_DATA_FORMAT = 32;
const HAS_FINDINGS = 64;

export interface PackedResults {
  count: number;
  numbers: Float64Array<ArrayBuffer>;
  hashes: Array<string | null>;
  /** The findings of each example that has any, in order. */
  findings: Finding[][];
  /** The dataFormat of each example whose figures have one, in order. */
  dataFormats: string[];
}

export function packResults(results: readonly ExampleResult[]): PackedResults {
  const numbers = new Float64Array(results.length * FIELDS);
  const hashes: Array<string | null> = [];
  const findings: Finding[][] = [];
  const dataFormats: string[] = [];
  results.forEach((r, i) => {
    const at = i * FIELDS;
    const f = r.figures;
    let flags = 0;
    if (r.findings.length > 0) {
      flags |= HAS_FINDINGS;
      findings.push(r.findings);
    }
    if (f) {
      flags |= HAS_FIGURES;
      if (f.format === 'preference') flags |= PREFERENCE;
      if (f.hasSystem) flags |= HAS_SYSTEM;
      if (f.hasUser) flags |= HAS_USER;
      if (f.hasAssistant) flags |= HAS_ASSISTANT;
      if (f.dataFormat !== undefined) {
        flags |= HAS_DATA_FORMAT;
        dataFormats.push(f.dataFormat);
      }
      numbers[at + 4] = f.messages;
      numbers[at + 5] = f.cookbookTokens;
      numbers[at + 6] = f.cookbookAssistantTokens;
      numbers[at + 7] = f.billedTokens;
      numbers[at + 8] = f.estimatedToolTokens;
      numbers[at + 9] = f.toolDefinitionTokens;
      numbers[at + 10] = f.toolCallTokens;
      numbers[at + 11] = f.trainedTokens;
      numbers[at + 12] = f.contextTokens;
      numbers[at + 13] = f.assistantTokens;
      numbers[at + 14] = f.images;
    }
    numbers[at] = r.line;
    numbers[at + 1] = KIND_CODE.get(r.kind) as number;
    numbers[at + 2] = r.worst === null ? 0 : r.worst === 'warning' ? 1 : 2;
    numbers[at + 3] = flags;
    hashes.push(r.contentHash);
  });
  return { count: results.length, numbers, hashes, findings, dataFormats };
}

/**
 * A count read back from the Float64Array as a small integer where it is one. A number read from a
 * Float64Array is a double to V8, and an object field that has held a double keeps every value of
 * that field boxed (a 16-byte heap number each): the app keeps one result per row (rowResults), so
 * 100k rows validated on a worker held 1.2 million heap numbers, 19 MB. Counts are whole numbers.
 */
function count(x: number): number {
  const whole = x | 0;
  return whole === x ? whole : x;
}

/** Calls `onResult` with each example's result, rebuilt, in order. */
export function unpackResults(packed: PackedResults, onResult: (result: ExampleResult) => void): void {
  const { numbers, hashes } = packed;
  let finding = 0;
  let dataFormat = 0;
  for (let i = 0; i < packed.count; i++) {
    const at = i * FIELDS;
    const flags = numbers[at + 3] as number;
    let figures: ExampleFigures | null = null;
    if (flags & HAS_FIGURES) {
      figures = {
        format: flags & PREFERENCE ? 'preference' : 'chat',
        messages: count(numbers[at + 4] as number),
        cookbookTokens: count(numbers[at + 5] as number),
        cookbookAssistantTokens: count(numbers[at + 6] as number),
        billedTokens: count(numbers[at + 7] as number),
        estimatedToolTokens: count(numbers[at + 8] as number),
        toolDefinitionTokens: count(numbers[at + 9] as number),
        toolCallTokens: count(numbers[at + 10] as number),
        trainedTokens: count(numbers[at + 11] as number),
        contextTokens: count(numbers[at + 12] as number),
        assistantTokens: count(numbers[at + 13] as number),
        images: count(numbers[at + 14] as number),
        hasSystem: (flags & HAS_SYSTEM) !== 0,
        hasUser: (flags & HAS_USER) !== 0,
        hasAssistant: (flags & HAS_ASSISTANT) !== 0,
      };
      if (flags & HAS_DATA_FORMAT) figures.dataFormat = packed.dataFormats[dataFormat++] as string;
    }
    const worst = numbers[at + 2];
    onResult({
      line: count(numbers[at] as number),
      kind: KINDS[numbers[at + 1] as number] as ExampleResult['kind'],
      findings: flags & HAS_FINDINGS ? (packed.findings[finding++] as Finding[]) : [],
      figures,
      contentHash: hashes[i] as string | null,
      worst: worst === 0 ? null : worst === 1 ? 'warning' : 'error',
    });
  }
}
