// Tool definitions and calls as the model reads them, so their tokens can be counted rather than
// guessed from per-function constants. The chat format puts the definitions into the system
// message as a TypeScript-like namespace:
//
//   namespace functions {
//
//   // Get the current weather in a given location
//   type get_current_weather = (_: {
//   // The city and state, e.g. San Francisco, CA
//   location: string,
//   unit?: "celsius" | "fahrenheit",
//   }) => any;
//
//   } // namespace functions
//
// and an assistant call as a message addressed to the function (`to=functions.NAME`) whose text
// is the arguments; several calls in one message go through `multi_tool_use.parallel` as one JSON
// document. This is the layout public token-counting libraries reconstruct; on the API's own
// counts for the cookbook's tool request (count_tokens_api_vectors.json) it is exact in both
// encodings. Every figure from here is still labelled an estimate.
import { isPlainObject } from './context.js';

/** A function definition as `tools[].function` and the legacy `functions[]` hold it. */
export type FunctionDefinition = Record<string, unknown>;

// Beyond the rendered text: the tools section's header and framing in the system message (9),
// less what the system message's own framing shares with it when there is one (4). Fitted
// publicly to the API's prompt counts; they reproduce both API vectors exactly.
export const DEFINITIONS_FRAMING_TOKENS = 9;
export const SYSTEM_MESSAGE_SHARED_TOKENS = 4;
/** ` to=functions.` (or `to=multi_tool_use.`) in an assistant message's header, beside the name. */
export const CALL_HEADER_TOKENS = 3;

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function literal(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** A JSON Schema as a TypeScript type, nested objects indented by two per level. */
export function renderType(schema: unknown, indent: number): string {
  if (!isPlainObject(schema)) return 'any';
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.map(literal).join(' | ');
  if ('const' in schema) return literal(schema.const);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return options.map((o) => renderType(o, indent)).join(' | ');
  }
  const type = schema.type;
  if (Array.isArray(type)) return type.map((t) => renderType({ ...schema, type: t }, indent)).join(' | ');
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return 'items' in schema ? `${renderArrayItem(schema.items, indent)}[]` : 'any[]';
    case 'object': {
      if (!isPlainObject(schema.properties) || Object.keys(schema.properties).length === 0) return 'object';
      return `{\n${renderProperties(schema, indent + 2)}\n${' '.repeat(indent)}}`;
    }
    default:
      return 'any';
  }
}

function renderArrayItem(items: unknown, indent: number): string {
  const type = renderType(items, indent);
  // A union needs parentheses before [].
  return type.includes(' | ') && !type.startsWith('{') ? `(${type})` : type;
}

/** An object schema's properties, one per line, optional ones marked with `?`; descriptions as comments at the top two levels. */
export function renderProperties(schema: Record<string, unknown>, indent: number): string {
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const description = isPlainObject(property) ? str(property.description) : null;
    if (description && indent < 2) lines.push(`${pad}// ${description}`);
    lines.push(`${pad}${name}${required.has(name) ? '' : '?'}: ${renderType(property, indent)},`);
  }
  return lines.join('\n');
}

/** The `namespace functions { ... }` block for a list of definitions. */
export function renderFunctionDefinitions(functions: readonly FunctionDefinition[]): string {
  const lines = ['namespace functions {', ''];
  for (const fn of functions) {
    const name = str(fn.name) ?? '';
    const description = str(fn.description);
    if (description) lines.push(`// ${description}`);
    const parameters = isPlainObject(fn.parameters) ? fn.parameters : null;
    if (!parameters || !isPlainObject(parameters.properties) || Object.keys(parameters.properties).length === 0) {
      lines.push(`type ${name} = () => any;`);
    } else {
      lines.push(`type ${name} = (_: {`, renderProperties(parameters, 0), '}) => any;');
    }
    lines.push('');
  }
  lines.push('} // namespace functions');
  return lines.join('\n');
}

export interface RenderedCall {
  /** Who the assistant message is addressed to: `functions.NAME`, or `multi_tool_use.parallel` for several calls. */
  recipient: string;
  /** The message's text: the arguments, or the parallel call's JSON document. */
  text: string;
}

function parsedArguments(args: unknown): unknown {
  if (typeof args !== 'string') return {};
  try {
    return JSON.parse(args) as unknown;
  } catch {
    return args;
  }
}

/** An assistant message's calls as the model writes them: one call addressed to its function, several as one parallel call. */
export function renderCalls(calls: ReadonlyArray<{ name: string; arguments: unknown }>): RenderedCall | null {
  if (calls.length === 0) return null;
  if (calls.length === 1) {
    const [call] = calls as [{ name: string; arguments: unknown }];
    return { recipient: `functions.${call.name}`, text: typeof call.arguments === 'string' ? call.arguments : '' };
  }
  const uses = calls.map((c) => ({ recipient_name: `functions.${c.name}`, parameters: parsedArguments(c.arguments) }));
  return { recipient: 'multi_tool_use.parallel', text: JSON.stringify({ tool_uses: uses }) };
}

/** The calls of an assistant message (`tool_calls`, or the legacy `function_call`), in order; entries that are not calls at all are left out. */
export function messageCalls(message: Record<string, unknown>): Array<{ name: string; arguments: unknown }> {
  const calls: Array<{ name: string; arguments: unknown }> = [];
  if (Array.isArray(message.tool_calls)) {
    for (const call of message.tool_calls) {
      if (isPlainObject(call) && isPlainObject(call.function)) calls.push({ name: str(call.function.name) ?? '', arguments: call.function.arguments });
    }
  }
  const legacy = message.function_call;
  if (isPlainObject(legacy) && typeof legacy.name === 'string' && legacy.name.length > 0) calls.push({ name: legacy.name, arguments: legacy.arguments });
  return calls;
}

/** What is counted for a message's calls beside CALL_HEADER_TOKENS: the name it is addressed by, and its text. */
export function callPieces(rendered: RenderedCall): [string, string] {
  return [rendered.recipient.startsWith('functions.') ? rendered.recipient.slice('functions.'.length) : rendered.recipient, rendered.text];
}

/**
 * The definitions' estimate: their rendering, plus `framing` tokens of the tools section (and of
 * the newline the first system message gets before it). `count` counts text in the model's encoding.
 */
export function estimateDefinitions(
  functions: readonly FunctionDefinition[],
  systemContent: string | null | undefined,
  count: (text: string) => number,
): { text: string; framing: number; tokens: number } | null {
  if (functions.length === 0) return null;
  const text = renderFunctionDefinitions(functions);
  let framing = DEFINITIONS_FRAMING_TOKENS;
  if (systemContent !== undefined) {
    framing -= SYSTEM_MESSAGE_SHARED_TOKENS;
    if (systemContent && !systemContent.endsWith('\n')) framing += count(`${systemContent}\n`) - count(systemContent);
  }
  return { text, framing, tokens: count(text) + framing };
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** The definitions the engine counts (rules/tools.ts checkToolDefinitions keeps the same ones): well-formed `tools`, then `functions`. */
export function definedFunctions(example: Record<string, unknown>): FunctionDefinition[] {
  const out: FunctionDefinition[] = [];
  if (Array.isArray(example.tools)) {
    for (const tool of example.tools) {
      if (isPlainObject(tool) && tool.type === 'function' && isPlainObject(tool.function) && typeof tool.function.name === 'string' && FUNCTION_NAME.test(tool.function.name)) out.push(tool.function);
    }
  }
  if (Array.isArray(example.functions)) {
    for (const fn of example.functions) if (isPlainObject(fn) && typeof fn.name === 'string' && fn.name.length > 0) out.push(fn);
  }
  return out;
}

/** The first system message's text, what the definitions are appended to; undefined when there is no system message. */
export function firstSystemContent(messages: readonly unknown[]): string | null | undefined {
  const system = messages.find((m) => isPlainObject(m) && m.role === 'system') as Record<string, unknown> | undefined;
  if (!system) return undefined;
  return typeof system.content === 'string' ? system.content : null;
}
