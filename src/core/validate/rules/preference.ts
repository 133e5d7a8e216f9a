// A preference (DPO) example: {"input": {"messages": [...], "tools"?}, "preferred_output": [assistant],
// "non_preferred_output": [assistant]}. The API takes single-turn, text-only outputs; the input
// is a conversation that ends with the user's turn.
import { isPlainObject, preview, typeName, type ExampleContext } from '../context.js';
import type { ExampleFigures } from '../types.js';
import { checkContent } from './content.js';
import { checkToolDefinitions, definitionTokens } from './tools.js';
import { firstSystemContent } from '../toolRender.js';

const FIELDS = ['input', 'preferred_output', 'non_preferred_output'] as const;
const INPUT_ROLES = new Set(['system', 'user', 'assistant', 'tool']);
const TOKENS_PER_MESSAGE = 3;

export function looksLikePreference(example: Record<string, unknown>): boolean {
  return !('messages' in example) && FIELDS.some((f) => f in example);
}

export function analyzePreference(ctx: ExampleContext, example: Record<string, unknown>): ExampleFigures | null {
  const missing = FIELDS.filter((f) => !(f in example));
  if (missing.length > 0) {
    ctx.report('dpo_missing_field', null, `The preference example has no ${missing.map((f) => `"${f}"`).join(', ')}.`);
    return null;
  }
  const input = example.input;
  if (!isPlainObject(input) || !Array.isArray(input.messages) || input.messages.length === 0) {
    ctx.report('dpo_invalid_input', 'input', `"input" must be {"messages": [...]} with at least one message, not ${preview(input)}.`);
    return null;
  }
  const definitions = checkToolDefinitions(ctx, input);
  const toolTokens = definitionTokens(ctx, definitions.functions, firstSystemContent(input.messages as unknown[]));
  let billed = (ctx.model.template?.perExample ?? 1) + toolTokens;
  let cookbook = 3;
  let hasSystem = false;
  let hasUser = false;
  let images = 0;

  input.messages.forEach((message, i) => {
    const path = `input.messages[${i}]`;
    billed += ctx.model.template?.perMessage ?? TOKENS_PER_MESSAGE;
    cookbook += TOKENS_PER_MESSAGE;
    if (!isPlainObject(message)) {
      ctx.report('message_not_object', path, `Message ${i} is ${typeName(message)}, not an object.`);
      return;
    }
    const role = message.role;
    if (typeof role !== 'string' || !INPUT_ROLES.has(role)) ctx.report('unrecognized_role', `${path}.role`, `Message ${i} has role ${preview(role)}.`);
    if (role === 'system') hasSystem = true;
    if (role === 'user') hasUser = true;
    const content = checkContent(ctx, message.content, `${path}.content`, String(role), role === 'system');
    if (!content.hasContent) ctx.report('missing_content', `${path}.content`, `Message ${i} (${String(role)}) has no content.`);
    images += content.images;
    const roleTokens = typeof role === 'string' ? ctx.tokens.countCached(role) : 0;
    billed += roleTokens + content.tokens;
    cookbook += roleTokens + content.tokens;
  });
  const last = input.messages[input.messages.length - 1];
  if (!isPlainObject(last) || last.role !== 'user') {
    ctx.report('dpo_invalid_input', `input.messages[${input.messages.length - 1}]`, 'The input must end with the user turn the outputs answer.');
  }

  const preferred = checkOutput(ctx, example.preferred_output, 'preferred_output');
  const rejected = checkOutput(ctx, example.non_preferred_output, 'non_preferred_output');
  if (preferred.text !== null && preferred.text === rejected.text) {
    ctx.report('dpo_identical_outputs', 'non_preferred_output', 'The preferred and non-preferred outputs are the same.');
  }
  const trained = preferred.tokens + rejected.tokens;
  billed += preferred.billed + rejected.billed;
  cookbook += preferred.billed + rejected.billed;
  return {
    format: 'preference',
    messages: input.messages.length + 1,
    cookbookTokens: cookbook,
    cookbookAssistantTokens: trained,
    billedTokens: billed,
    estimatedToolTokens: toolTokens,
    toolDefinitionTokens: toolTokens,
    toolCallTokens: 0,
    trainedTokens: trained,
    contextTokens: billed - trained,
    assistantTokens: trained,
    images,
    hasSystem,
    hasUser,
    hasAssistant: preferred.text !== null || rejected.text !== null,
  };
}

interface OutputFigures {
  text: string | null;
  tokens: number;
  billed: number;
}

function checkOutput(ctx: ExampleContext, output: unknown, path: string): OutputFigures {
  const none: OutputFigures = { text: null, tokens: 0, billed: 0 };
  if (!Array.isArray(output) || output.length !== 1) {
    ctx.report('dpo_invalid_output', path, `"${path}" must be a list of exactly one assistant message, not ${preview(output)}.`);
    return none;
  }
  const message = output[0];
  if (!isPlainObject(message) || message.role !== 'assistant') {
    ctx.report('dpo_invalid_output', `${path}[0]`, `The output must be an assistant message, not ${preview(message)}.`);
    return none;
  }
  if (typeof message.content !== 'string' || message.content.trim().length === 0) {
    ctx.report('dpo_invalid_output', `${path}[0].content`, 'The output must have text content (no parts, images or tool calls).');
    return none;
  }
  if ('tool_calls' in message || 'function_call' in message) {
    ctx.report('dpo_invalid_output', `${path}[0]`, 'Preference outputs cannot contain tool or function calls.');
  }
  const content = checkContent(ctx, message.content, `${path}[0].content`, 'assistant', false);
  return { text: message.content, tokens: content.tokens, billed: (ctx.model.template?.perMessage ?? TOKENS_PER_MESSAGE) + ctx.tokens.countCached('assistant') + content.tokens };
}
