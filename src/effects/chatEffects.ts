// The Chat screen's side effects: loading the model list and streaming replies — two at once in
// compare mode, one more for a regeneration. Streamed text is gathered and dispatched at most
// every `chatFlushMs`, not per token, so a fast stream costs a few renders a second instead of
// hundreds.
import { useEffect, useRef } from 'react';
import type { FineTuningProvider } from '../api/types.js';
import { toErrorInfo } from '../core/domain.js';
import { streamingReplies, type ChatReply, type Usage } from '../store/slices/chat.js';
import { useAppState, useDispatch, useStoreApi } from '../store/StoreProvider.js';
import type { Dispatch, Store } from '../store/store.js';
import { useProvider, type ProviderServices } from './providerContext.js';

export function useChatEffects(): void {
  const { provider, services } = useProvider();
  const dispatch = useDispatch();
  useModelList(provider, services, dispatch);
  useChatStreams(provider, services);
}

function useModelList(provider: FineTuningProvider | null, services: ProviderServices, dispatch: Dispatch): void {
  const requestId = useAppState((s) => s.chat.models.requestId);
  useEffect(() => {
    if (provider === null || requestId === 0) return;
    let live = true;
    provider.listModels().then(
      (models) => live && dispatch({ type: 'chat/modelsLoaded', models, now: services.now() }),
      (error: unknown) => live && dispatch({ type: 'chat/modelsFailed', error: toErrorInfo(error) }),
    );
    return () => {
      live = false;
    };
  }, [provider, services, requestId, dispatch]);
}

/** The ids of the replies streaming now, as one value a selector can compare. */
const streamingKey = (s: ReturnType<Store['getState']>) =>
  streamingReplies(s.chat.turns)
    .map((r) => r.id)
    .join(',');

interface Running {
  controller: AbortController;
  buffered: string;
}

function useChatStreams(provider: FineTuningProvider | null, services: ProviderServices): void {
  const store = useStoreApi();
  const key = useAppState(streamingKey);
  const running = useRef(new Map<number, Running>());

  // Stop everything when the provider changes or the app closes; a reply cut off that way says why.
  useEffect(() => {
    const map = running.current;
    return () => {
      for (const [id, r] of map) {
        r.controller.abort();
        store.dispatch({ type: 'chat/streamFailed', id, error: { kind: 'network', message: 'The connection changed while this reply was streaming.', retryAfterMs: null, param: null }, at: services.now() });
      }
      map.clear();
    };
  }, [provider, services, store]);

  useEffect(() => {
    const map = running.current;
    const wanted = new Set(key === '' ? [] : key.split(',').map(Number));
    // Stopped (x, or a new chat): abort the HTTP stream itself, not just our reading of it.
    for (const [id, r] of map) {
      if (!wanted.has(id)) {
        r.controller.abort();
        map.delete(id);
      }
    }
    if (provider === null) return;
    for (const reply of streamingReplies(store.getState().chat.turns)) {
      if (map.has(reply.id)) continue;
      const entry: Running = { controller: new AbortController(), buffered: '' };
      map.set(reply.id, entry);
      void stream(provider, services, store, reply, entry).finally(() => {
        if (map.get(reply.id) === entry) map.delete(reply.id);
      });
    }
  }, [key, provider, services, store]);
}

async function stream(provider: FineTuningProvider, services: ProviderServices, store: Store, reply: ChatReply, entry: Running): Promise<void> {
  const { controller } = entry;
  const flush = () => {
    if (entry.buffered === '' || controller.signal.aborted) return;
    store.dispatch({ type: 'chat/streamDelta', id: reply.id, text: entry.buffered, at: services.now() });
    entry.buffered = '';
  };
  const timer = services.timers.setInterval(flush, services.chatFlushMs);
  let usage: Usage | null = null;
  try {
    for await (const chunk of provider.chatStream({ model: reply.model, messages: [...reply.input] }, controller.signal)) {
      if (chunk.delta) entry.buffered += chunk.delta;
      if (chunk.usage) usage = { promptTokens: chunk.usage.promptTokens, completionTokens: chunk.usage.completionTokens };
    }
    services.timers.clear(timer);
    if (controller.signal.aborted) return;
    flush();
    store.dispatch({ type: 'chat/streamDone', id: reply.id, usage, at: services.now() });
  } catch (error) {
    services.timers.clear(timer);
    if (controller.signal.aborted) return;
    flush();
    store.dispatch({ type: 'chat/streamFailed', id: reply.id, error: toErrorInfo(error), at: services.now() });
  }
}
