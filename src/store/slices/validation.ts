import type { FixPlan } from '../../core/validate/fixes.js';
import type { DatasetReport } from '../../core/validate/types.js';
import type { BaseModelInfo } from '../../core/domain.js';
import { assertNever } from '../assertNever.js';
import { editKey, textField, type FieldKey, type TextField } from './textField.js';

/**
 * The Validate screen: the engine's report on the open dataset (kept current by
 * src/effects/useValidationRunner.ts), the chosen base model, and where the user is in it.
 */
export interface ValidationState {
  /** Canonical id of the base model figures are for. */
  model: string;
  status: 'idle' | 'running' | 'done';
  progress: { done: number; total: number } | null;
  report: DatasetReport | null;
  /** The dataset revision the report describes. */
  revision: number;
  /** Index into the visible finding lines. */
  cursor: number;
  view: 'findings' | 'tokens';
  filter: { field: TextField | null; query: string } | null;
  /** A fix waiting for the user's yes. */
  fix: FixPlan | null;
  /** True while a text field of this slice's screen has the keyboard. */
  textFocused: boolean;
  /** Content hash -> first line of the open dataset, from the last report: what a validation file is checked against. */
  trainingHashes: ReadonlyMap<string, number> | null;
  /** The path being typed for a validation file, while it is typed. */
  fileField: TextField | null;
  /** A validation file checked beside the dataset, as `ftui validate --validation-file` checks it. */
  validationFile: { path: string; report: DatasetReport | null; revision: number } | null;
  /**
   * The connected service's own base models (its list, and what it said about each model asked
   * for), kept current by effects/useServiceModels.ts; null offline or where it has no list.
   * `version` goes up with each answer, so the report is made again with the service's facts.
   */
  service: ServiceModels | null;
}

export interface ServiceModels {
  /** null while the list is asked for. */
  models: string[] | null;
  infos: Readonly<Record<string, BaseModelInfo>>;
  /** Why the list or a model's facts could not be had (ftui's own table is used meanwhile). */
  error: string | null;
  version: number;
}

export type ValidationAction =
  | { type: 'validation/focusText'; focused: boolean }
  | { type: 'validation/setModel'; model: string }
  /** The connected service's list (null: none, or the connection changed). */
  | { type: 'validation/serviceModels'; models: string[] | null; error?: string | null }
  | { type: 'validation/serviceModelInfo'; info: BaseModelInfo }
  | { type: 'validation/serviceFailed'; error: string }
  | { type: 'validation/started'; total: number }
  | { type: 'validation/progress'; done: number; total: number }
  | { type: 'validation/report'; report: DatasetReport; revision: number; hashes?: ReadonlyMap<string, number> }
  | { type: 'validation/fileStart' }
  | { type: 'validation/fileKey'; key: FieldKey }
  | { type: 'validation/fileDone'; keep: boolean }
  | { type: 'validation/fileReport'; path: string; report: DatasetReport; revision: number }
  | { type: 'validation/move'; delta: number; max: number }
  | { type: 'validation/moveTo'; index: number }
  | { type: 'validation/toggleView' }
  | { type: 'validation/filterStart' }
  | { type: 'validation/filterKey'; key: FieldKey }
  | { type: 'validation/filterDone'; keep: boolean }
  | { type: 'validation/proposeFix'; fix: FixPlan | null }
  | { type: 'validation/closeFix' };

export const initialValidationState: ValidationState = {
  model: 'gpt-4.1-mini-2025-04-14',
  status: 'idle',
  progress: null,
  report: null,
  revision: -1,
  cursor: 0,
  view: 'findings',
  filter: null,
  fix: null,
  textFocused: false,
  trainingHashes: null,
  fileField: null,
  validationFile: null,
  service: null,
};

export function isValidationAction(action: { type: string }): action is ValidationAction {
  return action.type.startsWith('validation/');
}

export function reduceValidation(state: ValidationState, action: ValidationAction): ValidationState {
  switch (action.type) {
    case 'validation/focusText':
      return state.textFocused === action.focused ? state : { ...state, textFocused: action.focused };
    case 'validation/setModel':
      return state.model === action.model ? state : { ...state, model: action.model };
    case 'validation/serviceModels':
      if (action.models === null && action.error === undefined) return state.service === null ? state : { ...state, service: null };
      return { ...state, service: { models: action.models, infos: state.service?.infos ?? {}, error: action.error ?? null, version: (state.service?.version ?? 0) + 1 } };
    case 'validation/serviceModelInfo': {
      const service = state.service ?? { models: null, infos: {}, error: null, version: 0 };
      return { ...state, service: { ...service, infos: { ...service.infos, [action.info.id]: action.info }, version: service.version + 1 } };
    }
    case 'validation/serviceFailed':
      return state.service === null ? state : { ...state, service: { ...state.service, error: action.error } };
    case 'validation/started':
      return { ...state, status: 'running', progress: { done: 0, total: action.total } };
    case 'validation/progress':
      return { ...state, progress: { done: action.done, total: action.total } };
    case 'validation/report':
      return { ...state, status: 'done', progress: null, report: action.report, revision: action.revision, trainingHashes: action.hashes ?? state.trainingHashes };
    case 'validation/fileStart':
      return { ...state, fileField: textField(state.validationFile?.path ?? ''), textFocused: true };
    case 'validation/fileKey': {
      const fileField = state.fileField && editKey(state.fileField, action.key);
      return fileField && fileField !== state.fileField ? { ...state, fileField } : state;
    }
    case 'validation/fileDone': {
      if (!action.keep || !state.fileField) return { ...state, fileField: null, textFocused: false };
      const path = state.fileField.text.trim();
      if (path === state.validationFile?.path) return { ...state, fileField: null, textFocused: false };
      return { ...state, fileField: null, textFocused: false, validationFile: path ? { path, report: null, revision: -1 } : null };
    }
    case 'validation/fileReport':
      // A report for a path no longer chosen is dropped.
      return state.validationFile?.path === action.path ? { ...state, validationFile: { path: action.path, report: action.report, revision: action.revision } } : state;
    case 'validation/move': {
      // From where the screen shows the cursor: a list that shrank after a fix shows it on its last line.
      const from = Math.min(state.cursor, Math.max(0, action.max - 1));
      const cursor = Math.max(0, Math.min(action.max - 1, from + action.delta));
      return cursor === state.cursor ? state : { ...state, cursor };
    }
    case 'validation/moveTo':
      return { ...state, cursor: Math.max(0, action.index) };
    case 'validation/toggleView':
      return { ...state, view: state.view === 'findings' ? 'tokens' : 'findings' };
    case 'validation/filterStart':
      return { ...state, filter: { field: textField(state.filter?.query ?? ''), query: state.filter?.query ?? '' }, textFocused: true };
    case 'validation/filterKey': {
      const field = state.filter?.field && editKey(state.filter.field, action.key);
      return state.filter && field && field !== state.filter.field ? { ...state, filter: { ...state.filter, field } } : state;
    }
    case 'validation/filterDone': {
      const query = action.keep ? (state.filter?.field?.text.trim() ?? '') : '';
      return { ...state, filter: query ? { field: null, query } : null, cursor: 0, textFocused: false };
    }
    case 'validation/proposeFix':
      return { ...state, fix: action.fix };
    case 'validation/closeFix':
      return state.fix === null ? state : { ...state, fix: null };
    default:
      return assertNever(action);
  }
}

/** Why quitting now would lose something on this screen, or null. */
export function validationUnsavedWork(_state: ValidationState): string | null {
  return null;
}

/** True while a text field of this screen has the keyboard. */
export function validationTextFocused(state: ValidationState): boolean {
  return state.textFocused || state.fix !== null;
}
