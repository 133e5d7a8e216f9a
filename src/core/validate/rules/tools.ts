// Tools and function calling: the example-level `tools` / `functions` definitions, assistant
// `tool_calls` / `function_call`, and their token estimates, counted from the text the model reads
// (toolRender.ts): the definitions as a TypeScript-like namespace in the system message, each
// assistant message's calls as a message addressed to the function. Labelled estimates in every
// report (TOOL_ESTIMATOR says which estimate).
import { isPlainObject, preview, typeName, type ExampleContext } from '../context.js';
import {
  CALL_HEADER_TOKENS,
  callPieces,
  estimateDefinitions,
  messageCalls,
  renderCalls,
  type FunctionDefinition,
} from '../toolRender.js';
import { checkText } from './text.js';

/** Names the estimate every report's tool figures come from. */
export const TOOL_ESTIMATOR = 'rendered: definitions as the namespace functions { ... } text the model reads, calls as messages addressed to their function';

export interface ToolDefinitions {
  /** Function names defined by `tools` and `functions`; null when the example defines none. */
  names: Set<string> | null;
  /** Every well-formed definition, from `tools` then `functions`. */
  functions: FunctionDefinition[];
}

/** Estimated tokens of the definitions (toolRender.ts estimateDefinitions); 0 when there are none. */
export function definitionTokens(ctx: ExampleContext, functions: readonly FunctionDefinition[], systemContent: string | null | undefined): number {
  return estimateDefinitions(functions, systemContent, (text) => ctx.tokens.countCached(text))?.tokens ?? 0;
}

/** Estimated tokens of an assistant message's calls: the header naming whom it is addressed to, and its text. */
export function callTokens(ctx: ExampleContext, message: Record<string, unknown>): number {
  const rendered = renderCalls(messageCalls(message));
  if (!rendered) return 0;
  const [name, text] = callPieces(rendered);
  return CALL_HEADER_TOKENS + ctx.tokens.countCached(name) + ctx.tokens.count(text);
}

export function checkToolDefinitions(ctx: ExampleContext, example: Record<string, unknown>): ToolDefinitions {
  const definitions: Array<Record<string, unknown>> = [];
  let names: Set<string> | null = null;

  if ('tools' in example) {
    names = new Set();
    const tools = example.tools;
    if (!Array.isArray(tools)) {
      ctx.report('invalid_tools', 'tools', `"tools" is ${typeName(tools)}, not an array.`);
    } else {
      tools.forEach((tool, i) => {
        const path = `tools[${i}]`;
        if (!isPlainObject(tool) || tool.type !== 'function' || !isPlainObject(tool.function)) {
          ctx.report('invalid_tools', path, `Tool ${i} is not {"type": "function", "function": {...}}: ${preview(tool)}.`);
          return;
        }
        const fn = tool.function;
        if (typeof fn.name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(fn.name)) {
          ctx.report('invalid_tools', `${path}.function.name`, `Function name ${preview(fn.name)} must be 1-64 letters, digits, _ or -.`);
          return;
        }
        if ('parameters' in fn && !isPlainObject(fn.parameters)) {
          ctx.report('invalid_tools', `${path}.function.parameters`, `"parameters" of ${fn.name} must be a JSON Schema object.`);
        }
        names?.add(fn.name);
        definitions.push(fn);
      });
    }
  }

  if ('functions' in example) {
    names ??= new Set();
    const functions = example.functions;
    if ('tools' in example) ctx.report('functions_and_tools', 'functions', 'The example has both "functions" and "tools".');
    if (!Array.isArray(functions)) {
      ctx.report('invalid_functions', 'functions', `"functions" is ${typeName(functions)}, not an array.`);
    } else {
      functions.forEach((fn, i) => {
        if (!isPlainObject(fn) || typeof fn.name !== 'string' || fn.name.length === 0) {
          ctx.report('invalid_functions', `functions[${i}]`, `Function ${i} needs a "name": ${preview(fn)}.`);
          return;
        }
        names?.add(fn.name);
        definitions.push(fn);
      });
    }
  }

  if ('parallel_tool_calls' in example && typeof example.parallel_tool_calls !== 'boolean') {
    ctx.report('invalid_parallel_tool_calls', 'parallel_tool_calls', `"parallel_tool_calls" is ${preview(example.parallel_tool_calls)}, not true or false.`);
  }

  return { names, functions: definitions };
}

function checkArguments(ctx: ExampleContext, args: unknown, path: string, code: 'invalid_tool_call' | 'invalid_function_call'): void {
  if (typeof args !== 'string') {
    ctx.report(code, path, `"arguments" is ${typeName(args)}; it must be a string holding JSON.`);
    return;
  }
  try {
    JSON.parse(args);
  } catch {
    ctx.report('tool_call_arguments_invalid_json', path, `"arguments" is not valid JSON: ${preview(args)}.`);
  }
  checkText(ctx, args, path);
}

/** Checks an assistant message's tool_calls (callTokens counts them). Adds call ids to `callIds`. */
export function checkToolCalls(
  ctx: ExampleContext,
  toolCalls: unknown,
  path: string,
  defined: Set<string> | null,
  callIds: Set<string>,
  parallelAllowed: boolean,
): void {
  if (!Array.isArray(toolCalls) || toolCalls.length === 0) {
    ctx.report('invalid_tool_call', path, `"tool_calls" must be a non-empty array, not ${preview(toolCalls)}.`);
    return;
  }
  if (!parallelAllowed && toolCalls.length > 1) {
    ctx.report('parallel_tool_calls_disabled', path, `${toolCalls.length} tool calls in one message while "parallel_tool_calls" is false.`);
  }
  toolCalls.forEach((call, i) => {
    const at = `${path}[${i}]`;
    if (!isPlainObject(call) || !isPlainObject(call.function)) {
      ctx.report('invalid_tool_call', at, `Tool call ${i} is not {"id", "type": "function", "function": {...}}: ${preview(call)}.`);
      return;
    }
    if (typeof call.id !== 'string' || call.id.length === 0) {
      ctx.report('invalid_tool_call', `${at}.id`, `Tool call ${i} has no "id".`);
    } else if (callIds.has(call.id)) {
      ctx.report('duplicate_tool_call_id', `${at}.id`, `Tool call id ${preview(call.id)} is used twice in this example.`);
    } else {
      callIds.add(call.id);
    }
    if ('type' in call && call.type !== 'function') {
      ctx.report('invalid_tool_call', `${at}.type`, `Tool call type is ${preview(call.type)}, not "function".`);
    }
    const name = call.function.name;
    if (typeof name !== 'string' || name.length === 0) {
      ctx.report('invalid_tool_call', `${at}.function.name`, `Tool call ${i} has no function name.`);
    } else {
      if (defined && !defined.has(name)) {
        ctx.report('tool_call_unknown_function', `${at}.function.name`, `Function ${preview(name)} is not defined in "tools".`);
      }
    }
    checkArguments(ctx, call.function.arguments, `${at}.function.arguments`, 'invalid_tool_call');
  });
}

/** Checks a legacy assistant function_call (callTokens counts it). */
export function checkFunctionCall(ctx: ExampleContext, functionCall: unknown, path: string, defined: Set<string> | null): void {
  if (!isPlainObject(functionCall) || typeof functionCall.name !== 'string' || functionCall.name.length === 0) {
    ctx.report('invalid_function_call', path, `"function_call" must be {"name", "arguments"}, not ${preview(functionCall)}.`);
    return;
  }
  if (defined && !defined.has(functionCall.name)) {
    ctx.report('tool_call_unknown_function', `${path}.name`, `Function ${preview(functionCall.name)} is not defined in "functions".`);
  }
  checkArguments(ctx, functionCall.arguments, `${path}.arguments`, 'invalid_function_call');
}
