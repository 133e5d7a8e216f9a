// One example at a time: shape rules, findings and token figures in the chosen model's encoding.
// Synchronous and allocation-light, because it runs 100,000 times per file and again on every edit.
import { resolveModel, UnknownModelError } from '../models.js';
import { ExampleContext, isPlainObject, preview, typeName } from './context.js';
import { duplicateKeys, inspectValue, MAX_DEPTH } from './structure.js';
import { columnOf, locateJsonError } from './jsonError.js';
import { analyzeChat } from './rules/chat.js';
import { checkTogetherExample } from './rules/together.js';
import { analyzePreference, looksLikePreference } from './rules/preference.js';
import { createTokenCounter } from './tokens.js';
import { exampleHash } from './exampleHash.js';
import type { AnalyzeOptions, ExampleAnalyzer, ExampleFigures, ExampleResult, Finding, ModelFacts, Severity } from './types.js';
import { makeFinding } from './findings.js';

export function createAnalyzer(options: AnalyzeOptions): ExampleAnalyzer {
  const model = resolveModel(options.model);
  if (!model) throw new UnknownModelError(options.model);
  return analyzerFor(model);
}

/**
 * The analyzer for a model as a worker gets it: with the connected service's facts for it (its
 * limits) when the sender had them, which a worker cannot look up itself; else ftui's own.
 */
export function analyzerForModel(model: string, facts?: ModelFacts | null): ExampleAnalyzer {
  return facts ? analyzerFor(facts) : createAnalyzer({ model });
}

export function analyzerFor(model: ModelFacts): ExampleAnalyzer {
  const tokens = createTokenCounter(model.encoding);

  const analyze = (value: unknown, line: number, controlFree = false): ExampleResult => {
    const ctx = new ExampleContext(line, model, tokens, controlFree);
    let figures: ExampleFigures | null = null;
    let kind: ExampleResult['kind'] = 'invalid';
    // A service with its own data rules (Together) checks the line its way too; its plain
    // prompt/completion and text formats are counted here, as OpenAI's rules do not take them.
    const together = model.dataRules === 'together' && isPlainObject(value) ? checkTogetherExample(ctx, value) : null;
    if (together === 'instruction' || together === 'general') {
      figures = plainFigures(ctx, value as Record<string, unknown>, together);
      kind = 'chat';
    } else if (!isPlainObject(value)) {
      ctx.report('data_type', null, `The line is ${typeName(value)}, not a JSON object.`);
    } else if (looksLikePreference(value)) {
      figures = analyzePreference(ctx, value);
      if (figures) kind = 'preference';
    } else if ('prompt' in value && 'completion' in value && !('messages' in value)) {
      ctx.report('legacy_prompt_completion', null, 'This is the legacy {"prompt", "completion"} format, which chat models do not accept.');
    } else if (!Array.isArray(value.messages) || value.messages.length === 0) {
      ctx.report('missing_messages_list', 'messages', 'The example has no non-empty "messages" list.');
    } else {
      figures = analyzeChat(ctx, value, value.messages);
      kind = 'chat';
    }
    if (figures && together !== null) figures.dataFormat = together;
    if (figures && figures.billedTokens > model.tokenLimit) {
      ctx.report(
        'example_over_token_limit',
        null,
        `The example is about ${figures.billedTokens} tokens; ${model.id} trains on at most ${model.tokenLimit} per example and cuts the rest.`,
      );
    }
    return { line, kind, findings: ctx.findings, figures, contentHash: exampleHash(value), worst: worstOf(ctx.findings) };
  };

  // Structure first: a line nested too deep is one finding and nothing walks it further (the
  // rules, the duplicate hash and JSON.stringify would overflow the stack on it).
  const analyzeParsed = (value: unknown, line: number, text: string | null, controlFree = false): ExampleResult => {
    const facts = inspectValue(value);
    if (facts.tooDeep) {
      const finding = makeFinding('nesting_too_deep', line, null, `The line nests arrays and objects more than ${MAX_DEPTH} levels deep; ftui does not analyse it further.`);
      return { line, kind: 'invalid', findings: [finding], figures: null, contentHash: null, worst: 'error' };
    }
    const structural: Finding[] = facts.loneSurrogates.map((path) =>
      makeFinding('lone_surrogate', line, path || null, `${path ? `The string at ${path}` : 'The line'} holds a lone surrogate (a \\uD800-\\uDFFF escape without its pair), which UTF-8 cannot encode.`),
    );
    if (text !== null) {
      for (const dup of duplicateKeys(text, facts.keys)) {
        structural.push(makeFinding('duplicate_key', line, dup.path || null, `The key ${preview(dup.key)} appears twice in ${dup.path || 'the example'}; parsers disagree on which value wins.`));
      }
    }
    const result = analyze(value, line, controlFree);
    if (structural.length === 0) return result;
    const findings = [...structural, ...result.findings];
    return { ...result, findings, worst: worstOf(findings) };
  };

  return {
    model,
    analyze: (value, line) => analyzeParsed(value, line, null),
    analyzeText(text, line, controlFree = false) {
      if (text.trim().length === 0) {
        const finding = makeFinding('blank_line', line, null, 'The line is blank.');
        return { line, kind: 'blank', findings: [finding], figures: null, contentHash: null, worst: finding.severity };
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return unparsed(text, line);
      }
      return analyzeParsed(value, line, text, controlFree);
    },
    countTokens: (text) => tokens.count(text),
  };
}

/** Figures for Together's instruction (prompt/completion) and text lines: the answer (or all the text) trains. */
function plainFigures(ctx: ExampleContext, value: Record<string, unknown>, format: 'instruction' | 'general'): ExampleFigures {
  const count = (v: unknown) => (typeof v === 'string' ? ctx.tokens.count(v) : 0);
  const overhead = ctx.model.template?.perExample ?? 1;
  const prompt = format === 'instruction' ? count(value.prompt) : 0;
  const answer = format === 'instruction' ? count(value.completion) : count(value.text);
  const billed = overhead + prompt + answer;
  return {
    format: 'chat',
    messages: format === 'instruction' ? 2 : 1,
    cookbookTokens: prompt + answer + 3,
    cookbookAssistantTokens: answer,
    billedTokens: billed,
    estimatedToolTokens: 0,
    toolDefinitionTokens: 0,
    toolCallTokens: 0,
    trainedTokens: answer,
    contextTokens: billed - answer,
    assistantTokens: answer,
    images: 0,
    hasSystem: false,
    hasUser: format === 'instruction',
    hasAssistant: true,
  };
}

function unparsed(text: string, line: number): ExampleResult {
  const error = locateJsonError(text);
  const offset = error?.offset ?? 0;
  const finding = makeFinding('invalid_json', line, null, `Not valid JSON at column ${columnOf(text, offset)}: ${error?.message ?? 'cannot be parsed'}.`, {
    column: columnOf(text, offset),
  });
  return { line, kind: 'unparsed', findings: [finding], figures: null, contentHash: null, worst: 'error' };
}

export function worstOf(findings: readonly Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) {
    if (f.severity === 'error') return 'error';
    worst = 'warning';
  }
  return worst;
}
