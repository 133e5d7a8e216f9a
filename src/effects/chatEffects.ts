// The Chat screen's side effects: loading the model list and streaming replies. Streamed text is
// gathered and dispatched at most every `chatFlushMs`, not per token, so a fast stream costs a
// few renders a second instead of hundreds.
import { useEffect, useRef } from 'react';
import type { FineTuningProvider } from '../api/types.js';
import { useAppState, useDispatch } from '../store/StoreProvider.js';
import type { Dispatch } from '../store/store.js';
import { toErrorInfo } from '../core/domain.js';
import { useProvider, type ProviderServices } from './providerContext.js';

export function useChatEffects(): void {
  const { provider, services } = useProvider();
  const dispatch = useDispatch();
  useModelList(provider, dispatch);
  useChatStream(provider, services, dispatch);
}

function useModelList(provider: FineTuningProvider | null, dispatch: Dispatch): void {
  const requestId = useAppState((s) => s.chat.models.requestId);
  useEffect(() => {
    if (provider === null || requestId === 0) return;
    let live = true;
    provider.listModels().then(
      (models) => live && dispatch({ type: 'chat/modelsLoaded', models }),
      (error: unknown) => live && dispatch({ type: 'chat/modelsFailed', error: toErrorInfo(error) }),
    );
    return () => {
      live = false;
    };
  }, [provider, requestId, dispatch]);
}

function useChatStream(provider: FineTuningProvider | null, services: ProviderServices, dispatch: Dispatch): void {
  const streamId = useAppState((s) => s.chat.stream?.id ?? null);
  const chat = useAppState((s) => s.chat);
  const latest = useRef(chat);
  latest.current = chat;

  useEffect(() => {
    if (provider === null || streamId === null) return;
    const { model, systemPrompt, messages } = latest.current;
    if (model === null) return;
    const controller = new AbortController();
    let buffered = '';
    const flush = () => {
      if (buffered === '') return;
      dispatch({ type: 'chat/streamDelta', id: streamId, text: buffered });
      buffered = '';
    };
    const timer = services.timers.setInterval(flush, services.chatFlushMs);
    (async () => {
      let usage: { promptTokens: number; completionTokens: number } | null = null;
      try {
        const request = {
          model,
          messages: [...(systemPrompt.trim() === '' ? [] : [{ role: 'system' as const, content: systemPrompt }]), ...messages],
        };
        for await (const chunk of provider.chatStream(request, controller.signal)) {
          if (chunk.delta) buffered += chunk.delta;
          if (chunk.usage) usage = { promptTokens: chunk.usage.promptTokens, completionTokens: chunk.usage.completionTokens };
        }
        services.timers.clear(timer);
        flush();
        dispatch({ type: 'chat/streamDone', id: streamId, usage });
      } catch (error) {
        services.timers.clear(timer);
        if (controller.signal.aborted) return;
        flush();
        dispatch({ type: 'chat/streamFailed', id: streamId, error: toErrorInfo(error) });
      }
    })();
    // Stopping (or a new request) aborts the HTTP stream itself, not just our reading of it.
    return () => {
      services.timers.clear(timer);
      controller.abort();
    };
  }, [provider, services, streamId, dispatch]);
}
