// Method + path -> handler for the Together protocol. Everything is under /v1 except the storage
// URL the SDK's upload flow PUTs to, which (like a presigned bucket URL) takes no API key.
import * as chat from './chat.js';
import type { TogetherHandler } from './context.js';
import * as endpoints from './endpoints.js';
import * as files from './files.js';
import * as ft from './fineTunes.js';

export interface TogetherRoute {
  method: string;
  pattern: RegExp;
  handler: TogetherHandler;
  mutates: boolean;
  /** Answered without an API key. */
  open: boolean;
}

function route(method: string, path: string, handler: TogetherHandler, prefix = '/v1'): TogetherRoute {
  return { method, pattern: new RegExp(`^${prefix}${path.replaceAll('{}', '([^/]+)')}$`), handler, mutates: method !== 'GET', open: prefix !== '/v1' };
}

const ROUTES: TogetherRoute[] = [
  route('POST', '/files/upload', files.uploadMultipart),
  route('POST', '/files', files.announce),
  route('PUT', '/_storage/{}', files.putBytes, ''),
  route('GET', '/files', files.listFiles),
  route('GET', '/files/{}', files.getFile),
  route('DELETE', '/files/{}', files.deleteFile),
  route('GET', '/files/{}/content', files.fileContent),
  route('POST', '/fine-tunes', ft.createFineTune),
  route('GET', '/fine-tunes', ft.listFineTunes),
  route('POST', '/fine-tunes/estimate-price', ft.estimatePrice),
  route('GET', '/fine-tunes/models/supported', ft.supportedModels),
  route('GET', '/fine-tunes/models/limits', ft.modelLimits),
  route('GET', '/fine-tunes/{}', ft.getFineTune),
  route('POST', '/fine-tunes/{}/cancel', ft.cancelFineTune),
  route('GET', '/fine-tunes/{}/events', ft.listEvents),
  route('GET', '/fine-tunes/{}/checkpoints', ft.listCheckpoints),
  route('GET', '/fine-tunes/{}/metrics', ft.listMetrics),
  route('GET', '/hardware', endpoints.listHardware),
  route('POST', '/endpoints', endpoints.createEndpoint),
  route('GET', '/endpoints', endpoints.listEndpoints),
  route('GET', '/endpoints/{}', endpoints.getEndpoint),
  route('PATCH', '/endpoints/{}', endpoints.updateEndpoint),
  route('DELETE', '/endpoints/{}', endpoints.deleteEndpoint),
  route('POST', '/chat/completions', chat.chatCompletions),
  route('GET', '/models', chat.listModels),
];

export function findTogetherRoute(method: string, path: string): { route: TogetherRoute; params: string[] } | null {
  for (const r of ROUTES) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(path);
    if (m) return { route: r, params: m.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return null;
}
