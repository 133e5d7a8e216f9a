// Deployments' side effects: the offer's options (hardware and price per hour), creating one
// exactly once per confirmation (a client id the provider keeps; a lost answer is looked up, not
// sent again), following a deployment's state while it starts or stops, listing the provider's
// deployments, and stopping one. When the model being chatted with becomes ready, Chat switches
// to the name the deployment answers to.
import { useEffect, useRef } from 'react';
import type { DeploymentRequest, FineTuningProvider } from '../api/types.js';
import { toErrorInfo } from '../core/domain.js';
import { useAppState, useDispatch, useStoreApi } from '../store/StoreProvider.js';
import { AUTO_STOP_CHOICES } from '../store/slices/deploy.js';
import type { Dispatch } from '../store/store.js';
import { newClientId } from './createJobOnce.js';
import { DeployOnceError, deployOnce } from './deployOnce.js';
import { useProvider, type ProviderServices } from './providerContext.js';

export function useDeployEffects(): void {
  const { provider, services } = useProvider();
  const dispatch = useDispatch();
  const deployments = provider?.capabilities.deployments ? (provider.deployments ?? null) : null;
  useEffect(() => {
    if (deployments !== null) dispatch({ type: 'deploy/service', offersAutoStop: deployments.offersAutoStop !== false, stopDeletes: deployments.stopDeletes === true });
  }, [deployments, dispatch]);
  useOptions(provider, dispatch);
  useCreate(provider, services, dispatch);
  useList(deployments !== null ? provider : null, dispatch);
  useFollow(deployments !== null ? provider : null, services, dispatch);
  useStop(provider, dispatch);
}

function useOptions(provider: FineTuningProvider | null, dispatch: Dispatch): void {
  const model = useAppState((s) => s.deploy.offer?.model ?? null);
  const loading = useAppState((s) => s.deploy.offer?.options === null);
  useEffect(() => {
    const service = provider?.deployments;
    if (!service || model === null || !loading) return;
    let live = true;
    service.options(model).then(
      (options) => live && dispatch({ type: 'deploy/optionsLoaded', model, options }),
      (error: unknown) => live && dispatch({ type: 'deploy/optionsFailed', model, error: toErrorInfo(error) }),
    );
    return () => {
      live = false;
    };
  }, [provider, model, loading, dispatch]);
}

function useCreate(provider: FineTuningProvider | null, services: ProviderServices, dispatch: Dispatch): void {
  const store = useStoreApi();
  const attempt = useAppState((s) => s.deploy.offer?.attempt ?? 0);
  const creating = useAppState((s) => s.deploy.offer?.phase === 'creating');
  useEffect(() => {
    const service = provider?.deployments;
    const offer = store.getState().deploy.offer;
    if (!service || !creating || offer === null || offer.options === null) return;
    const option = offer.options[offer.selected]!;
    const minutes = AUTO_STOP_CHOICES[offer.autoStop]!;
    const request: DeploymentRequest = {
      model: offer.model,
      optionId: option.id,
      autoStopMinutes: minutes === 0 ? null : minutes,
      clientId: offer.unresolvedClientId ?? newClientId(),
    };
    void deployOnce(service, request, {
      lookupFirst: offer.unresolvedClientId !== null,
      since: Date.now(),
      sleep: (ms) => new Promise<void>((done) => void services.timers.setTimeout(done, ms)),
      onLookup: () => dispatch({ type: 'deploy/checking' }),
    }).then(
      (deployment) => dispatch({ type: 'deploy/created', deployment }),
      (error: unknown) =>
        dispatch(
          error instanceof DeployOnceError
            ? { type: 'deploy/createFailed', error: error.info, unresolvedClientId: error.unresolvedClientId }
            : // Not from the service: nothing tells whether a deployment was made, so y looks first.
              { type: 'deploy/createFailed', error: toErrorInfo(error), unresolvedClientId: request.clientId },
        ),
    );
    // One create per confirmation: `attempt` changes only on y.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [provider, attempt, creating]);
}

function useList(provider: FineTuningProvider | null, dispatch: Dispatch): void {
  const request = useAppState((s) => s.deploy.listRequest);
  useEffect(() => {
    const service = provider?.deployments;
    if (!service || request === 0) return;
    let live = true;
    service.list().then(
      (deployments) => live && dispatch({ type: 'deploy/listed', deployments }),
      (error: unknown) => live && dispatch({ type: 'deploy/failed', error: toErrorInfo(error) }),
    );
    return () => {
      live = false;
    };
  }, [provider, request, dispatch]);
}

/** While a deployment starts or stops, its state is read again every poll interval. */
function useFollow(provider: FineTuningProvider | null, services: ProviderServices, dispatch: Dispatch): void {
  const store = useStoreApi();
  const moving = useAppState((s) => s.deploy.deployments.filter((d) => d.state === 'pending' || d.state === 'starting' || d.state === 'stopping').map((d) => d.id).join(','));
  const chatModel = useRef<string | null>(null);
  useEffect(() => {
    const service = provider?.deployments;
    if (!service || moving === '') return;
    let live = true;
    const ids = moving.split(',');
    const timer = services.timers.setInterval(() => {
      for (const id of ids) {
        service.get(id).then(
          (d) => {
            if (!live) return;
            dispatch({ type: 'deploy/updated', deployment: d });
            // The model being chatted with is now served: chat with the name it answers to.
            const chat = store.getState().chat;
            if (d.state === 'ready' && chat.model === d.model && chatModel.current !== d.id) {
              chatModel.current = d.id;
              dispatch({ type: 'chat/pickModel', model: d.chatModel, now: services.now() });
              dispatch({ type: 'chat/modelsRequested' });
            }
          },
          () => undefined,
        );
      }
    }, Math.max(500, Math.floor(services.poll.baseMs / 2)));
    return () => {
      live = false;
      services.timers.clear(timer);
    };
  }, [provider, services, moving, dispatch, store]);
}

function useStop(provider: FineTuningProvider | null, dispatch: Dispatch): void {
  const stop = useAppState((s) => s.deploy.stop);
  const id = stop?.running ? stop.id : null;
  useEffect(() => {
    const service = provider?.deployments;
    if (!service || id === null) return;
    service.stop(id).then(
      (d) => dispatch({ type: 'deploy/updated', deployment: d }),
      (error: unknown) => dispatch({ type: 'deploy/failed', error: toErrorInfo(error) }),
    );
  }, [provider, id, dispatch]);
}
