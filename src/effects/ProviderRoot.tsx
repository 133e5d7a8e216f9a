// The provider root: holds the current provider (switching to the sandbox at runtime) and runs
// the Jobs and Chat effects above the screens, so an upload, a poll or a streaming reply goes
// on while the user looks at another screen.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { FineTuningProvider } from '../api/types.js';
import { useDispatch } from '../store/StoreProvider.js';
import { useChatEffects } from './chatEffects.js';
import { useDeployEffects } from './deployEffects.js';
import { useWeightsEffects } from './weightsEffects.js';
import { toErrorInfo } from '../core/domain.js';
import { useJobsEffects } from './jobsEffects.js';
import { useConnectionProbe } from './useConnectionProbe.js';
import { useServiceModels } from './useServiceModels.js';
import { ProviderContext, type ProviderServices, type SandboxConnection } from './providerContext.js';

function Effects() {
  useJobsEffects();
  useChatEffects();
  useDeployEffects();
  useWeightsEffects();
  useConnectionProbe();
  useServiceModels();
  return null;
}

/** Holds the current provider; the sandbox it may start is stopped when the app unmounts. */
export function ProviderRoot({ services, children }: { services: ProviderServices; children: ReactNode }) {
  const dispatch = useDispatch();
  const [provider, setProvider] = useState<FineTuningProvider | null>(services.provider);
  // One server per protocol, started on first use and kept (with its jobs) until the app ends, so
  // switching away and back finds what was left there.
  const sandboxes = useRef(new Map<string, Promise<SandboxConnection>>());
  const current = useRef<string | null>(null);

  useEffect(
    () => () => {
      for (const started of sandboxes.current.values()) void started.then((s) => s.stop()).catch(() => undefined);
    },
    [],
  );

  const connectSandbox = useCallback(
    (protocol = 'openai') => {
      if (services.startSandbox === null || current.current === protocol) return;
      let started = sandboxes.current.get(protocol);
      if (started === undefined) {
        dispatch({ type: 'connection/status', status: 'unknown', message: 'Starting the sandbox…' });
        started = services.startSandbox(protocol);
        sandboxes.current.set(protocol, started);
      }
      current.current = protocol;
      started.then(
        (s) => {
          if (current.current !== protocol) return;
          setProvider(s.provider);
          const named = s.connection ?? { kind: 'sandbox', keyEnv: 'OPENAI_API_KEY', keyPresent: true, profile: null };
          dispatch({ type: 'app/switchConnection', connection: { ...named, baseUrl: s.baseUrl } });
          dispatch({ type: 'connection/status', status: 'ok', message: null });
        },
        (error: unknown) => {
          sandboxes.current.delete(protocol);
          if (current.current === protocol) current.current = null;
          dispatch({ type: 'connection/status', status: 'error', message: `The sandbox did not start: ${toErrorInfo(error).message}` });
        },
      );
    },
    [services, dispatch],
  );

  const connectProfile = useCallback(
    (name: string) => {
      if (services.connectProfile === null) return;
      dispatch({ type: 'connection/status', status: 'unknown', message: `Connecting to ${name}…` });
      services.connectProfile(name).then(
        ({ provider: next, connection }) => {
          current.current = null;
          setProvider(next);
          dispatch({ type: 'app/switchConnection', connection });
          dispatch({ type: 'connection/status', status: 'ok', message: null });
        },
        (error: unknown) => dispatch({ type: 'connection/status', status: 'error', message: `${name}: ${toErrorInfo(error).message}` }),
      );
    },
    [services, dispatch],
  );

  const value = useMemo(() => ({ provider, services, connectSandbox, connectProfile }), [provider, services, connectSandbox, connectProfile]);
  return (
    <ProviderContext.Provider value={value}>
      <Effects />
      {children}
    </ProviderContext.Provider>
  );
}
