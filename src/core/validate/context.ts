// What every rule gets while one example is analysed: where it is, where findings go, and the
// model's token counter.
import { makeFinding } from './findings.js';
import type { TokenCounter } from './tokens.js';
import type { Finding, FindingCode, ModelFacts } from './types.js';

export class ExampleContext {
  readonly findings: Finding[] = [];

  constructor(
    readonly line: number,
    readonly model: ModelFacts,
    readonly tokens: TokenCounter,
    /** No string in the example can hold a control character (known from the line's bytes). */
    readonly controlFree = false,
  ) {}

  report(code: FindingCode, path: string | null, message: string): void {
    this.findings.push(makeFinding(code, this.line, path, message));
  }
}

/** A short, printable rendering of a JSON value for messages. */
export function preview(value: unknown, max = 40): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
