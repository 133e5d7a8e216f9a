import { assertNever } from '../assertNever.js';

/** The jobs slice. Its owner grows it; the shell only needs the two selectors at the bottom. */
export interface JobsState {
  /** True while a text field of this slice's screen has the keyboard. */
  textFocused: boolean;
}

export type JobsAction = { type: 'jobs/focusText'; focused: boolean };

export const initialJobsState: JobsState = { textFocused: false };

export function isJobsAction(action: { type: string }): action is JobsAction {
  return action.type.startsWith('jobs/');
}

export function reduceJobs(state: JobsState, action: JobsAction): JobsState {
  switch (action.type) {
    case 'jobs/focusText':
      return state.textFocused === action.focused ? state : { ...state, textFocused: action.focused };
    default:
      return assertNever(action.type);
  }
}

/** Why quitting now would lose something on this screen, or null. */
export function jobsUnsavedWork(_state: JobsState): string | null {
  return null;
}

/** True while a text field of this screen has the keyboard. */
export function jobsTextFocused(state: JobsState): boolean {
  return state.textFocused;
}
