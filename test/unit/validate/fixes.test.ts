import { describe, expect, it } from 'vitest';
import { availableFixes, dropBlankLines, dropDuplicates, jsonArrayToJsonl, moveWeight, trimBlankMessages, type FixPlan } from '../../../src/core/validate/fixes.js';
import { analyzerFor, resolveModel, validateLines } from '../../../src/core/validate/index.js';
import type { FindingCode } from '../../../src/core/validate/types.js';

const analyzer = analyzerFor(resolveModel('gpt-4.1-mini')!);
const codes = (lines: readonly string[]): FindingCode[] => validateLines(lines, analyzer, { path: null, format: 'jsonl', bytes: 0 }).findings.map((g) => g.code);

/** What the dataset's replaceLines does with a plan: null removes a line, a text with newlines becomes several. */
function apply(lines: readonly string[], plan: FixPlan): string[] {
  const byIndex = new Map(plan.changes.map((c) => [c.index, c.text]));
  return lines.flatMap((text, i) => {
    if (!byIndex.has(i)) return [text];
    const next = byIndex.get(i);
    return next === null || next === undefined ? [] : next.split('\n');
  });
}

const ex = (messages: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ messages, ...extra });
const sys = { role: 'system', content: 'You help.' };
const u = (content: string, more: Record<string, unknown> = {}) => ({ role: 'user', content, ...more });
const a = (content: string, more: Record<string, unknown> = {}) => ({ role: 'assistant', content, ...more });
// Ten clean examples so the dataset-level minimum-size rule stays quiet.
const clean = Array.from({ length: 10 }, (_, i) => ex([sys, u(`Question ${i}`), a(`Answer ${i}`)]));

describe('each safe fix clears the engine finding it answers, and nothing else changes', () => {
  const cases: Array<[string, (lines: readonly string[]) => FixPlan | null, FindingCode, string[]]> = [
    ['dropBlankLines', dropBlankLines, 'blank_line', [clean[0]!, '', '   ', clean[1]!]],
    ['trimBlankMessages', trimBlankMessages, 'missing_content', [ex([sys, u('  '), u('Q'), a('A')]), ex([sys, u('Q'), a('\t'), a('Real')])]],
    ['dropDuplicates', dropDuplicates, 'duplicate_example', [ex([sys, u('Q'), a('A')]), JSON.stringify({ messages: [sys, u('Q'), a('A')] }, null, 0).replace(/,/g, ', '), ex([sys, u('Q'), a('A')])]],
    ['moveWeight', moveWeight, 'weight_on_non_assistant', [ex([sys, u('Q', { weight: 0 }), a('A'), u('Q2'), a('A2')]), ex([{ ...sys, weight: 1 }, u('Q'), a('A')])]],
  ];
  it.each(cases)('%s', (_name, fix, code, broken) => {
    const lines = [...clean, ...broken];
    expect(codes(lines)).toContain(code);
    const plan = fix(lines)!;
    expect(plan.changes.every((c) => c.index >= clean.length)).toBe(true);
    const fixed = apply(lines, plan);
    expect(fixed.slice(0, clean.length)).toEqual(clean);
    expect(codes(fixed)).not.toContain(code);
    // Applied twice, a fix has nothing left to do.
    expect(fix(fixed)).toBeNull();
  });

  it('drops duplicates the engine flags even when the line is not an example', () => {
    const lines = [...clean, '[1, 2]', '[1,2]', '"text"', '"text"'];
    expect(codes(lines)).toContain('duplicate_example');
    const plan = dropDuplicates(lines)!;
    expect(plan.changes).toEqual([
      { index: 11, text: null },
      { index: 13, text: null },
    ]);
    expect(codes(apply(lines, plan))).not.toContain('duplicate_example');
  });

  it('moves a weight of 0 onto the reply after it and keeps a reply that has its own weight', () => {
    const plan = moveWeight([ex([u('Q', { weight: 0 }), a('A', { weight: 1 }), u('Q2', { weight: 0 }), a('A2')])])!;
    expect(JSON.parse(plan.changes[0]!.text!).messages).toEqual([u('Q'), a('A', { weight: 1 }), u('Q2'), a('A2', { weight: 0 })]);
  });

  it('keeps an assistant turn that is blank only because it carries a tool call', () => {
    const call = { id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } };
    expect(trimBlankMessages([ex([u('Q'), a(' ', { tool_calls: [call] }), { role: 'tool', tool_call_id: 'c1', content: 'ok' }, a('Done')])])).toBeNull();
  });

  it('turns a JSON array file into one example per line that the engine accepts', () => {
    const items = clean.map((line) => JSON.parse(line) as unknown);
    const lines = JSON.stringify(items, null, 2).split('\n');
    expect(codes(lines)).toContain('invalid_json');
    const fixed = apply(lines, jsonArrayToJsonl(lines)!);
    expect(fixed).toEqual(clean);
    expect(codes(fixed)).toEqual([]);
  });

  it('does not offer the array conversion for a file that is already JSONL or broken JSON', () => {
    expect(jsonArrayToJsonl(clean)).toBeNull();
    expect(jsonArrayToJsonl(['[', clean[0]!, ','])).toBeNull();
    expect(availableFixes(clean)).toEqual([]);
  });

  it('converts a one-line array followed by a blank line, and reads JSONL without joining it', () => {
    const oneLine = [JSON.stringify(clean.map((l) => JSON.parse(l))), ''];
    expect(apply(oneLine, jsonArrayToJsonl(oneLine)!)).toEqual(clean);
    // A dataset read line by line (as the open dataset is): JSONL is recognised from its first two lines.
    const read: number[] = [];
    const lazy = { length: 10_000, at: (i: number) => (read.push(i), clean[i % clean.length]) };
    expect(jsonArrayToJsonl(lazy)).toBeNull();
    expect(read.length).toBeLessThanOrEqual(2);
  });

  it('says in its preview how many lines it changes', () => {
    expect(dropBlankLines(['', 'x', ''])?.description).toBe('Remove blank lines (2 lines)');
    expect(dropBlankLines(['', 'x'])?.description).toBe('Remove blank lines (1 line)');
  });
});

describe('fixes on messages that are not objects', () => {
  // Found by the fuzz suite (seed 12004): `f` on the Validate screen threw "Cannot use 'in'
  // operator to search for 'weight' in 1e+308" and stopped the app.
  it('leave a line whose messages are not all objects alone instead of throwing', () => {
    const lines = [
      '{"messages":[{"role":"user","content":"q","weight":1},1e308,{"role":"assistant","content":"a"}]}',
      '{"messages":[{"role":"user","content":"  "},"text",true,{"role":"assistant","content":"a"}]}',
    ];
    expect(() => availableFixes(lines)).not.toThrow();
    expect(availableFixes(lines).map((p) => p.id)).toEqual([]);
  });
});
