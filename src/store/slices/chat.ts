import { assertNever } from '../assertNever.js';

/** The chat slice. Its owner grows it; the shell only needs the two selectors at the bottom. */
export interface ChatState {
  /** True while a text field of this slice's screen has the keyboard. */
  textFocused: boolean;
}

export type ChatAction = { type: 'chat/focusText'; focused: boolean };

export const initialChatState: ChatState = { textFocused: false };

export function isChatAction(action: { type: string }): action is ChatAction {
  return action.type.startsWith('chat/');
}

export function reduceChat(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'chat/focusText':
      return state.textFocused === action.focused ? state : { ...state, textFocused: action.focused };
    default:
      return assertNever(action.type);
  }
}

/** Why quitting now would lose something on this screen, or null. */
export function chatUnsavedWork(_state: ChatState): string | null {
  return null;
}

/** True while a text field of this screen has the keyboard. */
export function chatTextFocused(state: ChatState): boolean {
  return state.textFocused;
}
