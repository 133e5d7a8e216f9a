// Tools and function calling: the example-level `tools` / `functions` definitions, assistant
// `tool_calls` / `function_call`, and their token estimates. Definitions are estimated with the
// function-calling formula published in the cookbook's "How to count tokens with tiktoken"
// (per-family constants in src/core/models.ts); calls as 3 + name + arguments per call. Both are
// labelled estimates in every report.
import { isPlainObject, preview, typeName, type ExampleContext } from '../context.js';
import { checkText } from './text.js';

export interface ToolDefinitions {
  /** Function names defined by `tools` and `functions`; null when the example defines none. */
  names: Set<string> | null;
  estimatedTokens: number;
}

function stripDot(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

/** The cookbook's estimate for a list of {name, description, parameters} function definitions. */
function estimateFunctions(ctx: ExampleContext, functions: ReadonlyArray<Record<string, unknown>>): number {
  if (functions.length === 0) return 0;
  const k = ctx.model.toolTokens;
  const count = (text: string): number => ctx.tokens.countCached(text);
  let total = 0;
  for (const fn of functions) {
    total += k.funcInit;
    const name = typeof fn.name === 'string' ? fn.name : '';
    const description = typeof fn.description === 'string' ? fn.description : '';
    total += count(`${name}:${stripDot(description)}`);
    const parameters = isPlainObject(fn.parameters) ? fn.parameters : {};
    const properties = isPlainObject(parameters.properties) ? parameters.properties : {};
    const keys = Object.keys(properties);
    if (keys.length === 0) continue;
    total += k.propInit;
    for (const key of keys) {
      total += k.propKey;
      const property = isPlainObject(properties[key]) ? (properties[key] as Record<string, unknown>) : {};
      if (Array.isArray(property.enum)) {
        total += k.enumInit;
        for (const item of property.enum) {
          total += k.enumItem + count(String(item));
        }
      }
      const type = typeof property.type === 'string' ? property.type : '';
      const description = typeof property.description === 'string' ? property.description : '';
      total += count(`${key}:${type}:${stripDot(description)}`);
    }
  }
  return total + k.funcEnd;
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

  return { names, estimatedTokens: estimateFunctions(ctx, definitions) };
}

function checkArguments(ctx: ExampleContext, args: unknown, path: string, code: 'invalid_tool_call' | 'invalid_function_call'): number {
  if (typeof args !== 'string') {
    ctx.report(code, path, `"arguments" is ${typeName(args)}; it must be a string holding JSON.`);
    return 0;
  }
  try {
    JSON.parse(args);
  } catch {
    ctx.report('tool_call_arguments_invalid_json', path, `"arguments" is not valid JSON: ${preview(args)}.`);
  }
  checkText(ctx, args, path);
  return ctx.tokens.count(args);
}

/** Checks an assistant message's tool_calls; returns their estimated tokens. Adds call ids to `callIds`. */
export function checkToolCalls(
  ctx: ExampleContext,
  toolCalls: unknown,
  path: string,
  defined: Set<string> | null,
  callIds: Set<string>,
  parallelAllowed: boolean,
): number {
  if (!Array.isArray(toolCalls) || toolCalls.length === 0) {
    ctx.report('invalid_tool_call', path, `"tool_calls" must be a non-empty array, not ${preview(toolCalls)}.`);
    return 0;
  }
  if (!parallelAllowed && toolCalls.length > 1) {
    ctx.report('parallel_tool_calls_disabled', path, `${toolCalls.length} tool calls in one message while "parallel_tool_calls" is false.`);
  }
  let tokens = 0;
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
      tokens += 3 + ctx.tokens.countCached(name);
    }
    tokens += checkArguments(ctx, call.function.arguments, `${at}.function.arguments`, 'invalid_tool_call');
  });
  return tokens;
}

/** Checks a legacy assistant function_call; returns its estimated tokens. */
export function checkFunctionCall(ctx: ExampleContext, functionCall: unknown, path: string, defined: Set<string> | null): number {
  if (!isPlainObject(functionCall) || typeof functionCall.name !== 'string' || functionCall.name.length === 0) {
    ctx.report('invalid_function_call', path, `"function_call" must be {"name", "arguments"}, not ${preview(functionCall)}.`);
    return 0;
  }
  if (defined && !defined.has(functionCall.name)) {
    ctx.report('tool_call_unknown_function', `${path}.name`, `Function ${preview(functionCall.name)} is not defined in "functions".`);
  }
  return 3 + ctx.tokens.countCached(functionCall.name) + checkArguments(ctx, functionCall.arguments, `${path}.arguments`, 'invalid_function_call');
}
