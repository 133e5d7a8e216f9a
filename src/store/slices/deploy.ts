// Deploying a fine-tune for chat where the provider bills for the hardware while it is up
// (capabilities.deployments): the offer (hardware with its price per hour, an inactivity
// auto-stop) shown before anything starts, the confirmation, the deployments ftui knows and
// their state, and stopping one. Used by the Chat and Jobs screens alike.
import type { DeploymentOption, DeploymentRecord, ErrorInfo } from '../../core/domain.js';
import { assertNever } from '../assertNever.js';

/** Auto-stop choices offered, in minutes; 0 = never (shown with a warning). */
export const AUTO_STOP_CHOICES = [15, 30, 60, 120, 0] as const;

export interface DeployOffer {
  model: string;
  /** null while the options load. */
  options: DeploymentOption[] | null;
  selected: number;
  /** Index into AUTO_STOP_CHOICES. */
  autoStop: number;
  phase: 'choose' | 'creating' | 'checking' | 'failed';
  error: ErrorInfo | null;
  /** Bumped per confirmation so the effect creates exactly once per 'y'. */
  attempt: number;
  /** The request id of a create whose outcome stayed unknown; the next confirmation looks it up first. */
  unresolvedClientId: string | null;
}

export interface DeployState {
  offer: DeployOffer | null;
  /** Deployments ftui knows of (created here or listed), newest first. */
  deployments: DeploymentRecord[];
  /** Bumped to ask the effect to list the provider's deployments. */
  listRequest: number;
  /** A stop waiting for y, then running. */
  stop: { id: string; running: boolean } | null;
  error: ErrorInfo | null;
  /**
   * What the connected provider's deployments are like: whether an inactivity auto-stop is
   * offered (Together) and whether stopping deletes the deployment (Azure, Nebius).
   */
  service: { offersAutoStop: boolean; stopDeletes: boolean };
}

export type DeployAction =
  | { type: 'deploy/offer'; model: string }
  | { type: 'deploy/optionsLoaded'; model: string; options: DeploymentOption[] }
  | { type: 'deploy/optionsFailed'; model: string; error: ErrorInfo }
  | { type: 'deploy/choose'; delta: number }
  | { type: 'deploy/autoStop'; delta: number }
  | { type: 'deploy/confirm' }
  | { type: 'deploy/checking' }
  | { type: 'deploy/created'; deployment: DeploymentRecord }
  | { type: 'deploy/createFailed'; error: ErrorInfo; unresolvedClientId: string | null }
  | { type: 'deploy/cancelOffer' }
  | { type: 'deploy/listRequested' }
  | { type: 'deploy/listed'; deployments: DeploymentRecord[] }
  | { type: 'deploy/updated'; deployment: DeploymentRecord }
  | { type: 'deploy/askStop'; id: string }
  | { type: 'deploy/confirmStop' }
  | { type: 'deploy/dismissStop' }
  | { type: 'deploy/failed'; error: ErrorInfo }
  | { type: 'deploy/service'; offersAutoStop: boolean; stopDeletes: boolean };

export const initialDeployState: DeployState = { offer: null, deployments: [], listRequest: 0, stop: null, error: null, service: { offersAutoStop: true, stopDeletes: false } };

export function isDeployAction(action: { type: string }): action is DeployAction {
  return action.type.startsWith('deploy/');
}

function upsert(list: DeploymentRecord[], d: DeploymentRecord): DeploymentRecord[] {
  const i = list.findIndex((x) => x.id === d.id);
  if (i < 0) return [d, ...list];
  const copy = list.slice();
  copy[i] = d;
  return copy;
}

export function reduceDeploy(state: DeployState, action: DeployAction): DeployState {
  switch (action.type) {
    case 'deploy/offer': {
      // Reopening the offer for the same model keeps a create whose outcome is unknown.
      const unresolved = state.offer?.model === action.model ? state.offer.unresolvedClientId : null;
      return { ...state, error: null, offer: { model: action.model, options: null, selected: 0, autoStop: 0, phase: 'choose', error: null, attempt: state.offer?.attempt ?? 0, unresolvedClientId: unresolved } };
    }
    case 'deploy/optionsLoaded':
      if (state.offer?.model !== action.model) return state;
      return { ...state, offer: { ...state.offer, options: action.options, selected: Math.max(0, action.options.findIndex((o) => o.available)) } };
    case 'deploy/optionsFailed':
      if (state.offer?.model !== action.model) return state;
      return { ...state, offer: { ...state.offer, options: [], phase: 'failed', error: action.error } };
    case 'deploy/choose': {
      const offer = state.offer;
      if (offer === null || offer.options === null || offer.options.length === 0 || offer.phase !== 'choose') return state;
      const selected = Math.max(0, Math.min(offer.options.length - 1, offer.selected + action.delta));
      return { ...state, offer: { ...offer, selected } };
    }
    case 'deploy/autoStop': {
      const offer = state.offer;
      if (offer === null || offer.phase !== 'choose') return state;
      const autoStop = Math.max(0, Math.min(AUTO_STOP_CHOICES.length - 1, offer.autoStop + action.delta));
      return { ...state, offer: { ...offer, autoStop } };
    }
    case 'deploy/confirm': {
      const offer = state.offer;
      const option = offer?.options?.[offer.selected];
      if (offer === null || offer.phase === 'creating' || offer.phase === 'checking' || option === undefined || !option.available) return state;
      return { ...state, offer: { ...offer, phase: 'creating', error: null, attempt: offer.attempt + 1 } };
    }
    case 'deploy/checking':
      return state.offer === null ? state : { ...state, offer: { ...state.offer, phase: 'checking' } };
    case 'deploy/created':
      return { ...state, offer: null, deployments: upsert(state.deployments, action.deployment) };
    case 'deploy/createFailed':
      if (state.offer === null) return state;
      return { ...state, offer: { ...state.offer, phase: 'failed', error: action.error, unresolvedClientId: action.unresolvedClientId } };
    case 'deploy/cancelOffer':
      if (state.offer === null || state.offer.phase === 'creating' || state.offer.phase === 'checking') return state;
      return { ...state, offer: null };
    case 'deploy/listRequested':
      return { ...state, listRequest: state.listRequest + 1 };
    case 'deploy/listed': {
      let deployments = state.deployments;
      for (const d of [...action.deployments].reverse()) deployments = upsert(deployments, d);
      return { ...state, deployments };
    }
    case 'deploy/updated':
      return { ...state, deployments: upsert(state.deployments, action.deployment), stop: state.stop?.id === action.deployment.id && state.stop.running ? null : state.stop };
    case 'deploy/askStop':
      return { ...state, error: null, stop: { id: action.id, running: false } };
    case 'deploy/confirmStop':
      return state.stop === null || state.stop.running ? state : { ...state, stop: { ...state.stop, running: true } };
    case 'deploy/dismissStop':
      return state.stop === null || state.stop.running ? state : { ...state, stop: null };
    case 'deploy/failed':
      return { ...state, stop: null, error: action.error };
    case 'deploy/service':
      return { ...state, service: { offersAutoStop: action.offersAutoStop, stopDeletes: action.stopDeletes } };
    default:
      return assertNever(action);
  }
}

/** Deployments that keep costing money: up or on their way up. */
export function billing(d: DeploymentRecord): boolean {
  return d.state === 'pending' || d.state === 'starting' || d.state === 'ready';
}

/** The deployment serving (or coming up for) a model, by the model deployed or its chat name. */
export function deploymentFor(state: DeployState, model: string | null): DeploymentRecord | undefined {
  if (model === null) return undefined;
  return state.deployments.find((d) => (d.model === model || d.chatModel === model) && d.state !== 'stopped' && d.state !== 'failed');
}

/** Why quitting now would lose something, or null. */
export function deployUnsavedWork(state: DeployState): string | null {
  if (state.offer?.phase === 'creating' || state.offer?.phase === 'checking') return 'A deployment is being created; quitting now may leave it starting without ftui watching it.';
  return null;
}
