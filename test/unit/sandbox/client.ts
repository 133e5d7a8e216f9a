// Plain fetch helpers for the sandbox tests (tests never import the openai SDK).
export const KEY = 'sk-sandbox-test';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${KEY}`, ...headers } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await fetch(`${baseUrl}${path}`, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // content endpoints return raw text
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

export async function uploadFile(baseUrl: string, content: string, filename = 'train.jsonl', headers: Record<string, string> = {}): Promise<Reply<any>> {
  const form = new FormData();
  form.append('purpose', 'fine-tune');
  form.append('file', new Blob([content], { type: 'application/jsonl' }), filename);
  return call(baseUrl, 'POST', '/files', form, headers);
}
