// Downloading a checkpoint's weights where the provider keeps them (capabilities.weightsDownload,
// Nebius's result_files): what was asked for, progress while the files stream to disk, and where
// they went or why they did not. Nothing is billed, so no confirmation; nothing is overwritten.
import type { ErrorInfo } from '../../core/domain.js';
import { assertNever } from '../assertNever.js';

export interface WeightsRequest {
  jobId: string;
  checkpointId: string;
  step: number;
  fileIds: string[];
  /** The folder the files are written into (created; existing files are never replaced). */
  dir: string;
}

export interface WeightsState {
  request: WeightsRequest | null;
  /** Bumped per request so the effect downloads exactly once per key press. */
  attempt: number;
  running: boolean;
  received: number;
  total: number | null;
  /** The files written, when done. */
  written: string[] | null;
  error: ErrorInfo | null;
}

export type WeightsAction =
  | { type: 'weights/request'; request: WeightsRequest }
  | { type: 'weights/progress'; received: number; total: number | null }
  | { type: 'weights/done'; written: string[] }
  | { type: 'weights/failed'; error: ErrorInfo }
  | { type: 'weights/dismiss' };

export const initialWeightsState: WeightsState = { request: null, attempt: 0, running: false, received: 0, total: null, written: null, error: null };

export function isWeightsAction(action: { type: string }): action is WeightsAction {
  return action.type.startsWith('weights/');
}

export function reduceWeights(state: WeightsState, action: WeightsAction): WeightsState {
  switch (action.type) {
    case 'weights/request':
      if (state.running) return state;
      return { request: action.request, attempt: state.attempt + 1, running: true, received: 0, total: null, written: null, error: null };
    case 'weights/progress':
      return state.running ? { ...state, received: action.received, total: action.total } : state;
    case 'weights/done':
      return { ...state, running: false, written: action.written };
    case 'weights/failed':
      return { ...state, running: false, error: action.error };
    case 'weights/dismiss':
      return state.running ? state : { ...initialWeightsState, attempt: state.attempt };
    default:
      return assertNever(action);
  }
}
