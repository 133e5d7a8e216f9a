// The job creation form as data. Each provider declares the fields it takes
// (ProviderCapabilities.createFields): name, label, kind, default, allowed range, one line of
// help and the methods it applies to. The Jobs form, its checks, the confirmation and
// `ftui train`'s flags are all generated from that list, so a provider with other settings
// (LoRA rank, an absolute learning rate, a training tier) adds fields, not screens.

export type FieldKind =
  /** A decimal number (optionally 'auto'). */
  | 'number'
  /** A whole number (optionally 'auto'). */
  | 'int'
  /** One of `choices`, chosen with ←/→. */
  | 'enum'
  /** true / false, toggled with ←/→ or space. */
  | 'bool'
  /** Free text, within maxLength and pattern. */
  | 'text'
  /** A file on this machine. */
  | 'path'
  /** key=value pairs separated by commas (e.g. metadata). */
  | 'pairs'
  /** Words separated by commas (e.g. tags). */
  | 'list';

export interface FormFieldSpec {
  /**
   * The field's key. Provider-neutral names map onto CreateJobInput's typed fields (see
   * COMMON_FIELDS); any other name is the provider's own and reaches it in CreateJobInput.extra.
   */
  name: string;
  label: string;
  kind: FieldKind;
  /** What the field holds when the form opens, as typed; '' leaves it out of the request. */
  default: string;
  /** What an empty field means, shown dimmed: 'auto', 'random', '(none)', the service's default. */
  empty?: string;
  /** 'auto' may be typed (number and int fields): the service chooses. */
  allowsAuto?: boolean;
  min?: number;
  max?: number;
  /** `min` itself is not allowed ("above 0"). */
  minExclusive?: boolean;
  /** enum: the values offered, in order. */
  choices?: readonly string[];
  /** text, pairs, list: the longest value (or item) accepted. */
  maxLength?: number;
  /** text: a pattern the whole value must match, and how to say it. */
  pattern?: { regex: string; says: string };
  /** pairs, list: the most items accepted. */
  maxItems?: number;
  /** One line: what the field does. The allowed range is added from min/max/choices. */
  help: string;
  /** enum: one line per choice, shown in place of `help` while that choice is chosen (e.g. a price tier). */
  choiceHelp?: Readonly<Record<string, string>>;
  /** The training methods the field applies to; absent for all. */
  methods?: readonly string[];
  /** The form cannot be sent while this field is empty. */
  required?: boolean;
}

/** Names every provider shares; they land in CreateJobInput's typed fields. */
export const COMMON_FIELDS = [
  'model',
  'method',
  'trainingFile',
  'validationFile',
  'suffix',
  'seed',
  'epochs',
  'batchSize',
  'learningRateMultiplier',
  'beta',
  'metadata',
  'wandbProject',
  'wandbName',
  'wandbEntity',
  'wandbTags',
] as const;
export type CommonField = (typeof COMMON_FIELDS)[number];

export type FormValues = Record<string, string>;
export type FieldValue = string | number | boolean | string[] | Record<string, string>;

export interface FieldProblem {
  field: string;
  message: string;
}

/** The fields shown for a method, in declared order. */
export function fieldsFor(specs: readonly FormFieldSpec[], method: string): FormFieldSpec[] {
  return specs.filter((f) => f.methods === undefined || f.methods.includes(method));
}

export function defaultValues(specs: readonly FormFieldSpec[]): FormValues {
  return Object.fromEntries(specs.map((f) => [f.name, f.default]));
}

const fmt = (n: number) => String(n);

/** "auto or a whole number from 1 to 50", for help lines and error messages. */
export function describeRange(spec: FormFieldSpec): string {
  const auto = spec.allowsAuto ? "'auto' or " : '';
  switch (spec.kind) {
    case 'int':
    case 'number': {
      const what = spec.kind === 'int' ? 'a whole number' : 'a number';
      const low = spec.min === undefined ? null : spec.minExclusive ? `above ${fmt(spec.min)}` : `from ${fmt(spec.min)}`;
      const high = spec.max === undefined ? null : `${low?.startsWith('from') ? 'to' : 'up to'} ${fmt(spec.max)}`;
      return `${auto}${what}${[low, high].filter(Boolean).map((s) => ` ${s}`).join('')}`;
    }
    case 'enum': {
      const choices = spec.choices ?? [];
      return choices.length <= 4 ? `one of ${choices.join(', ')}` : `${choices.length} choices, ←/→ to pick`;
    }
    case 'bool':
      return 'yes or no';
    case 'text':
      return [spec.maxLength !== undefined ? `at most ${spec.maxLength} characters` : null, spec.pattern?.says ?? null].filter(Boolean).join(', ') || 'text';
    case 'path':
      return 'a file path';
    case 'pairs':
      return `key=value pairs separated by commas${spec.maxItems !== undefined ? `, at most ${spec.maxItems}` : ''}`;
    case 'list':
      return `words separated by commas${spec.maxItems !== undefined ? `, at most ${spec.maxItems}` : ''}`;
  }
}

function splitItems(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * One field's typed text to its value: undefined when empty (left out of the request), a
 * problem in words when it is not allowed.
 */
export function parseField(spec: FormFieldSpec, raw: string): { value: FieldValue | undefined } | { problem: string } {
  const text = raw.trim();
  const bad = (why: string) => ({ problem: `${spec.label}: ${why} (${describeRange(spec)}${spec.empty ? `; leave it empty for ${spec.empty.replace(/[()]/g, '')}` : ''}).` });
  if (text === '') return spec.required ? { problem: `${spec.label}: required.` } : { value: undefined };
  switch (spec.kind) {
    case 'int':
    case 'number': {
      if (spec.allowsAuto && text.toLowerCase() === 'auto') return { value: 'auto' };
      const n = Number(text);
      const wellFormed = spec.kind === 'int' ? /^-?\d+$/.test(text) : /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(text);
      if (!wellFormed || !Number.isFinite(n)) return bad(`"${text}" is not ${spec.kind === 'int' ? 'a whole number' : 'a number'}`);
      if (spec.min !== undefined && (spec.minExclusive ? n <= spec.min : n < spec.min)) return bad(`${text} is too small`);
      if (spec.max !== undefined && n > spec.max) return bad(`${text} is too large`);
      return { value: n };
    }
    case 'enum':
      return (spec.choices ?? []).includes(text) ? { value: text } : bad(`"${text}" is not offered`);
    case 'bool':
      if (/^(true|yes|on|1)$/i.test(text)) return { value: true };
      if (/^(false|no|off|0)$/i.test(text)) return { value: false };
      return bad(`"${text}" is not yes or no`);
    case 'text':
      if (spec.maxLength !== undefined && text.length > spec.maxLength) return bad(`${text.length} characters`);
      if (spec.pattern && !new RegExp(spec.pattern.regex).test(text)) return bad(`"${text}" does not fit`);
      return { value: text };
    case 'path':
      return { value: text };
    case 'pairs': {
      const out: Record<string, string> = {};
      const items = splitItems(text);
      if (spec.maxItems !== undefined && items.length > spec.maxItems) return bad(`${items.length} pairs`);
      for (const item of items) {
        const eq = item.indexOf('=');
        if (eq <= 0) return bad(`"${item}" is not key=value`);
        const key = item.slice(0, eq).trim();
        const value = item.slice(eq + 1).trim();
        if (spec.maxLength !== undefined && (key.length > 64 || value.length > spec.maxLength)) return bad(`"${item}" is too long (keys up to 64 characters)`);
        out[key] = value;
      }
      return { value: out };
    }
    case 'list': {
      const items = splitItems(text);
      if (spec.maxItems !== undefined && items.length > spec.maxItems) return bad(`${items.length} items`);
      const long = spec.maxLength === undefined ? undefined : items.find((i) => i.length > spec.maxLength!);
      if (long !== undefined) return bad(`"${long}" is too long`);
      return { value: items };
    }
  }
}

/** Every field the method shows, checked: the values to send, or each problem in words. */
export function parseForm(
  specs: readonly FormFieldSpec[],
  values: FormValues,
): { ok: true; values: Record<string, FieldValue> } | { ok: false; problems: FieldProblem[] } {
  const method = values.method ?? 'supervised';
  const out: Record<string, FieldValue> = {};
  const problems: FieldProblem[] = [];
  for (const spec of fieldsFor(specs, method)) {
    const parsed = parseField(spec, values[spec.name] ?? '');
    if ('problem' in parsed) problems.push({ field: spec.name, message: parsed.problem });
    else if (parsed.value !== undefined) out[spec.name] = parsed.value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values: out };
}

/** The value shown for a field: its text, or the dimmed meaning of an empty one. */
export function shownValue(spec: FormFieldSpec, raw: string): { text: string; dim: boolean } {
  if (raw.trim() === '') return { text: spec.empty ?? '(none)', dim: true };
  if (spec.kind === 'bool') return { text: /^(true|yes|on|1)$/i.test(raw.trim()) ? 'yes' : 'no', dim: false };
  return { text: raw, dim: false };
}

/** The next or previous choice of an enum or bool field (wrapping), as typed text. */
export function cycleChoice(spec: FormFieldSpec, raw: string, step: 1 | -1): string | null {
  if (spec.kind === 'bool') return raw.trim() !== '' && /^(true|yes|on|1)$/i.test(raw.trim()) ? 'false' : 'true';
  if (spec.kind !== 'enum' || !spec.choices || spec.choices.length === 0) return null;
  const index = spec.choices.indexOf(raw);
  return spec.choices[(index + step + spec.choices.length) % spec.choices.length]!;
}

/** "epochs 3 · batch size auto · seed 42": what will be sent besides the files and model. */
export function settingsSummary(specs: readonly FormFieldSpec[], parsed: Record<string, FieldValue>, skip: readonly string[] = []): string[] {
  return fieldsFor(specs, String(parsed.method ?? 'supervised'))
    .filter((f) => !skip.includes(f.name) && parsed[f.name] !== undefined)
    .map((f) => `${f.label} ${showParsed(parsed[f.name]!)}`);
}

function showParsed(value: FieldValue): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}=${v}`).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
