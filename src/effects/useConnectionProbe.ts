// Probes the provider ftui started with (once) and reports it as connection/status, so the status
// bar says "offline" or why the key was refused before the user opens Jobs. A sandbox started at
// runtime is reported by ProviderRoot itself.
import { useEffect } from 'react';
import { probeConnection } from '../api/probe.js';
import { useAppState, useDispatch } from '../store/StoreProvider.js';
import { useProvider } from './providerContext.js';

export function useConnectionProbe(): void {
  const { services } = useProvider();
  const provider = services.provider;
  const dispatch = useDispatch();
  const baseUrl = useAppState((s) => s.connection.baseUrl);
  const kind = useAppState((s) => s.connection.kind);
  const profile = useAppState((s) => s.connection.profile);
  const keyEnv = useAppState((s) => s.connection.keyEnv);
  const keyPresent = useAppState((s) => s.connection.keyPresent);

  useEffect(() => {
    if (provider === null) return;
    let live = true;
    void probeConnection(provider, baseUrl).then((result) => {
      if (!live) return;
      if (kind === 'sandbox' && result.sandbox === false) {
        // A loopback URL was taken for the sandbox; the server says otherwise.
        dispatch({ type: 'connection/set', connection: { kind: 'custom', baseUrl, keyEnv, keyPresent, profile } });
      }
      dispatch({ type: 'connection/status', status: result.status, message: result.message });
    });
    return () => {
      live = false;
    };
    // Only a new provider is a new connection to probe; the fields above come with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [provider]);
}
