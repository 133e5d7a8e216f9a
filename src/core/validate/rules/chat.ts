// A chat example: {"messages": [...], "tools"?, "functions"?, "parallel_tool_calls"?}. Checks every
// message the way the API does (and the cookbook notebook's checks by the same names, per message,
// so counts compare), and computes the example's token figures in one pass.
import { isPlainObject, preview, typeName, type ExampleContext } from '../context.js';
import type { ExampleFigures } from '../types.js';
import { checkContent } from './content.js';
import { firstSystemContent } from '../toolRender.js';
import { callTokens as countCalls, checkToolCalls, checkFunctionCall, checkToolDefinitions, definitionTokens } from './tools.js';

const ROLES = new Set(['system', 'user', 'assistant', 'tool', 'function']);
const MESSAGE_KEYS = new Set(['role', 'content', 'name', 'weight', 'tool_calls', 'tool_call_id', 'function_call']);
// The keys the notebook accepts; tokens of their string values make up its per-example count.
const EXAMPLE_KEYS = new Set(['messages', 'tools', 'functions', 'parallel_tool_calls']);
const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_IMAGES = 10;
// Every message costs this many tokens around its role and content in the chat format.
const TOKENS_PER_MESSAGE = 3;

// A message's paths, made once per index rather than twice per message of every example (they
// are only read when there is a finding to report); an example with more messages than are kept
// gets the rest made as they come.
const KEPT_PATHS = 256;
const messagePaths: string[] = [];
const contentPaths: string[] = [];
const messagePath = (i: number): string => (i < KEPT_PATHS ? (messagePaths[i] ??= `messages[${i}]`) : `messages[${i}]`);
const contentPath = (i: number): string => (i < KEPT_PATHS ? (contentPaths[i] ??= `messages[${i}].content`) : `messages[${i}].content`);

interface Totals {
  cookbook: number;
  cookbookAssistant: number;
  billed: number;
  tools: number;
  toolDefinitions: number;
  toolCalls: number;
  trained: number;
  assistant: number;
  images: number;
}

export function analyzeChat(ctx: ExampleContext, example: Record<string, unknown>, messages: unknown[]): ExampleFigures {
  for (const key of Object.keys(example)) {
    if (!EXAMPLE_KEYS.has(key)) ctx.report('example_unrecognized_key', key, `The example has an unknown key ${preview(key)}.`);
  }
  const definitions = checkToolDefinitions(ctx, example);
  const defined = definitionTokens(ctx, definitions.functions, firstSystemContent(messages));
  const parallelAllowed = example.parallel_tool_calls !== false;
  const callIds = new Set<string>();
  const totals: Totals = {
    cookbook: 3,
    cookbookAssistant: 0,
    billed: (ctx.model.template?.perExample ?? 1) + defined,
    tools: defined,
    toolDefinitions: defined,
    toolCalls: 0,
    trained: 0,
    assistant: 0,
    images: 0,
  };

  let hasSystem = false;
  let hasUser = false;
  let hasAssistant = false;
  let trainable = false;
  let previousRole: unknown;

  messages.forEach((message, i) => {
    const path = messagePath(i);
    totals.cookbook += TOKENS_PER_MESSAGE;
    totals.billed += ctx.model.template?.perMessage ?? TOKENS_PER_MESSAGE;
    if (!isPlainObject(message)) {
      ctx.report('message_not_object', path, `Message ${i} is ${typeName(message)}, not an object.`);
      previousRole = undefined;
      return;
    }
    const role = message.role;
    if (role === 'system') hasSystem = true;
    else if (role === 'user') hasUser = true;
    else if (role === 'assistant') hasAssistant = true;
    const keys = Object.keys(message);
    checkMessageShape(ctx, message, keys, path, i);

    const isAssistant = role === 'assistant';
    const cacheContent = role === 'system';
    const content = checkContent(ctx, message.content, contentPath(i), typeof role === 'string' ? role : '', cacheContent);

    const roleTokens = typeof role === 'string' ? ctx.tokens.countCached(role) : 0;
    // The notebook's count: every string value, plus one per name. A string content was just
    // counted (counting it again here doubled the tokenizing of every message), and so was the role.
    for (const key of keys) {
      const value = message[key];
      if (typeof value === 'string') totals.cookbook += key === 'content' ? content.tokens : key === 'role' ? roleTokens : ctx.tokens.countCached(value);
      if (key === 'name') totals.cookbook += 1;
    }
    totals.images += content.images;
    if (isAssistant && typeof message.content === 'string') totals.cookbookAssistant += content.tokens;

    if (isAssistant && 'tool_calls' in message) {
      checkToolCalls(ctx, message.tool_calls, `${path}.tool_calls`, definitions.names, callIds, parallelAllowed);
    }
    if (isAssistant && 'function_call' in message) {
      checkFunctionCall(ctx, message.function_call, `${path}.function_call`, definitions.names);
    }
    const hasCall = isAssistant && ('tool_calls' in message || 'function_call' in message);
    // A message with neither key has no calls to count (messageCalls would find none).
    const callTokens = hasCall ? countCalls(ctx, message) : 0;
    totals.tools += callTokens;
    totals.toolCalls += callTokens;

    if (!hasCall) {
      const whitespaceOnly = typeof message.content === 'string' && message.content.length > 0 && message.content.trim().length === 0;
      if (whitespaceOnly) ctx.report('missing_content', contentPath(i), `Message ${i} (${String(role)}) has only whitespace as content.`);
      else if (!content.hasContent) ctx.report('missing_content', contentPath(i), `Message ${i} (${String(role)}) has no content (${preview(message.content)}).`);
    }

    let nameTokens = 0;
    if (typeof message.name === 'string') nameTokens = ctx.tokens.countCached(message.name) + 1;
    totals.billed += roleTokens + content.tokens + nameTokens + callTokens;

    if (isAssistant) {
      const produced = content.tokens + callTokens;
      totals.assistant += produced;
      if (message.weight !== 0) {
        totals.trained += produced;
        trainable = true;
      }
      if (previousRole === 'assistant') {
        ctx.report('consecutive_assistant_messages', path, `Messages ${i - 1} and ${i} are both assistant turns.`);
      }
    }
    if (role === 'system' && i > 0) ctx.report('system_message_not_first', path, `The system message is message ${i}, not the first.`);
    if (role === 'tool') checkToolAnswer(ctx, message, path, callIds);
    previousRole = role;
  });

  if (!hasAssistant) ctx.report('example_missing_assistant_message', 'messages', 'The example has no assistant message to learn from.');
  else if (!trainable) ctx.report('no_trainable_assistant_message', 'messages', 'Every assistant message has weight 0, so nothing is trained.');
  const last = messages[messages.length - 1];
  if (hasAssistant && !(isPlainObject(last) && last.role === 'assistant')) {
    ctx.report('last_message_not_assistant', `messages[${messages.length - 1}]`, 'The conversation does not end with an assistant turn; what follows the last one is not learned.');
  }
  if (totals.images > MAX_IMAGES) ctx.report('too_many_images', 'messages', `The example has ${totals.images} images; at most ${MAX_IMAGES} are allowed.`);
  if (!hasSystem) ctx.report('example_missing_system_message', 'messages', 'The example has no system message.');
  if (!hasUser) ctx.report('example_missing_user_message', 'messages', 'The example has no user message.');

  return {
    format: 'chat',
    messages: messages.length,
    cookbookTokens: totals.cookbook,
    cookbookAssistantTokens: totals.cookbookAssistant,
    billedTokens: totals.billed,
    estimatedToolTokens: totals.tools,
    toolDefinitionTokens: totals.toolDefinitions,
    toolCallTokens: totals.toolCalls,
    trainedTokens: totals.trained,
    contextTokens: totals.billed - totals.trained,
    assistantTokens: totals.assistant,
    images: totals.images,
    hasSystem,
    hasUser,
    hasAssistant,
  };
}

function checkMessageShape(ctx: ExampleContext, message: Record<string, unknown>, keys: readonly string[], path: string, i: number): void {
  const role = message.role;
  const assistantCall = role === 'assistant' && ('tool_calls' in message || 'function_call' in message);
  const missing: string[] = [];
  if (!('role' in message)) missing.push('role');
  if (!('content' in message) && !assistantCall) missing.push('content');
  if (missing.length > 0) ctx.report('message_missing_key', path, `Message ${i} has no ${missing.map((k) => `"${k}"`).join(' or ')}.`);

  let unknown: string[] | null = null;
  for (const k of keys) if (!MESSAGE_KEYS.has(k)) (unknown ??= []).push(k);
  if (unknown !== null) ctx.report('message_unrecognized_key', path, `Message ${i} has unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => preview(k)).join(', ')}.`);

  if ('role' in message && (typeof role !== 'string' || !ROLES.has(role))) {
    ctx.report('unrecognized_role', `${path}.role`, `Message ${i} has role ${preview(role)}.`);
  }
  if ('name' in message && (typeof message.name !== 'string' || !NAME.test(message.name))) {
    ctx.report('invalid_name', `${path}.name`, `"name" is ${preview(message.name)}; use 1-64 letters, digits, _ or -.`);
  }
  if ('weight' in message) {
    if (role !== 'assistant') ctx.report('weight_on_non_assistant', `${path}.weight`, `Message ${i} (${String(role)}) has a "weight"; only assistant messages may.`);
    else if (message.weight !== 0 && message.weight !== 1) ctx.report('invalid_weight', `${path}.weight`, `"weight" is ${preview(message.weight)}; use 0 or 1.`);
  }
  if ('tool_calls' in message && role !== 'assistant') {
    ctx.report('key_not_allowed_for_role', `${path}.tool_calls`, `Only assistant messages may have "tool_calls" (message ${i} is ${String(role)}).`);
  }
  if ('function_call' in message && role !== 'assistant') {
    ctx.report('key_not_allowed_for_role', `${path}.function_call`, `Only assistant messages may have "function_call" (message ${i} is ${String(role)}).`);
  }
  if ('tool_call_id' in message && role !== 'tool') {
    ctx.report('key_not_allowed_for_role', `${path}.tool_call_id`, `Only tool messages may have "tool_call_id" (message ${i} is ${String(role)}).`);
  }
}

function checkToolAnswer(ctx: ExampleContext, message: Record<string, unknown>, path: string, callIds: ReadonlySet<string>): void {
  const id = message.tool_call_id;
  if (typeof id !== 'string' || id.length === 0) {
    ctx.report('tool_message_missing_call_id', `${path}.tool_call_id`, 'The tool message does not say which call it answers ("tool_call_id").');
  } else if (!callIds.has(id)) {
    ctx.report('tool_message_unknown_call_id', `${path}.tool_call_id`, `No earlier assistant tool call has id ${preview(id)}.`);
  }
}
