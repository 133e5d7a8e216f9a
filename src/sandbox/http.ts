// Small helpers shared by the route files: JSON replies, OpenAI-shaped errors, bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string, param: string | null = null): ApiError =>
  new ApiError(404, `No such ${what}: '${id}'`, 'invalid_request_error', 'not_found', param);

export const invalid = (message: string, param: string | null, code: string | null = null): ApiError =>
  new ApiError(400, message, 'invalid_request_error', code, param);

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(
    res,
    error.status,
    { error: { message: error.message, type: error.type, param: error.param, code: error.code } },
    error.headers,
  );
}

export async function readBody(req: IncomingMessage, limitBytes = 64 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) throw new ApiError(413, `Request body larger than ${limitBytes} bytes`, 'invalid_request_error');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req);
  if (body.length === 0) return {};
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw invalid('We could not parse the JSON body of your request: expected a JSON object.', null);
  }
}

/** Parses multipart/form-data with the platform's own parser (undici's Request.formData). */
export async function readForm(req: IncomingMessage): Promise<FormData> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw invalid('Expected a multipart/form-data body.', null);
  }
  const body = await readBody(req);
  try {
    return await new Request('http://sandbox.local/', { method: 'POST', headers: { 'content-type': type }, body }).formData();
  } catch {
    throw invalid('The multipart/form-data body could not be parsed.', null);
  }
}

export const seconds = (ms: number): number => Math.floor(ms / 1000);

export function optionalString(body: Record<string, unknown>, key: string): string | null {
  const v = body[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw invalid(`'${key}' must be a string.`, key);
  return v;
}

export function requiredString(body: Record<string, unknown>, key: string): string {
  const v = optionalString(body, key);
  if (v === null || v === '') throw invalid(`Missing required parameter: '${key}'.`, key, 'missing_required_parameter');
  return v;
}

/** Parses `limit` from a query: a positive integer, default `fallback`, at most `max`. */
export function limitParam(query: URLSearchParams, fallback: number, max: number): number {
  const raw = query.get('limit');
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw invalid(`Invalid 'limit': expected a positive integer, got '${raw}'.`, 'limit');
  return Math.min(n, max);
}

/** Items after the one with id `after` (newest-first lists), a page of `limit`, and whether more remain. */
export function page<T extends { id: string }>(items: T[], after: string | null, limit: number): { data: T[]; has_more: boolean } {
  let start = 0;
  if (after !== null) {
    const i = items.findIndex((x) => x.id === after);
    start = i < 0 ? items.length : i + 1;
  }
  const data = items.slice(start, start + limit);
  return { data, has_more: start + limit < items.length };
}
