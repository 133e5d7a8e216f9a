import { assertNever } from '../assertNever.js';

/** The validation slice. Its owner grows it; the shell only needs the two selectors at the bottom. */
export interface ValidationState {
  /** True while a text field of this slice's screen has the keyboard. */
  textFocused: boolean;
}

export type ValidationAction = { type: 'validation/focusText'; focused: boolean };

export const initialValidationState: ValidationState = { textFocused: false };

export function isValidationAction(action: { type: string }): action is ValidationAction {
  return action.type.startsWith('validation/');
}

export function reduceValidation(state: ValidationState, action: ValidationAction): ValidationState {
  switch (action.type) {
    case 'validation/focusText':
      return state.textFocused === action.focused ? state : { ...state, textFocused: action.focused };
    default:
      return assertNever(action.type);
  }
}

/** Why quitting now would lose something on this screen, or null. */
export function validationUnsavedWork(_state: ValidationState): string | null {
  return null;
}

/** True while a text field of this screen has the keyboard. */
export function validationTextFocused(state: ValidationState): boolean {
  return state.textFocused;
}
