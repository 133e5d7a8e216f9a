import { assertNever } from '../assertNever.js';

/**
 * What the user is connected to, safe to show: the API key itself never enters the store
 * (it stays in the environment and inside the provider client).
 */
export type ConnectionKind = 'none' | 'openai' | 'azure' | 'custom' | 'sandbox' | 'together' | 'nebius';

export interface ConnectionState {
  kind: ConnectionKind;
  /** Base URL requests go to; null for the SDK's default (api.openai.com). */
  baseUrl: string | null;
  /** Name of the environment variable the key is read from, e.g. OPENAI_API_KEY. */
  keyEnv: string;
  keyPresent: boolean;
  /** Name of the provider profile in use, if any. */
  profile: string | null;
  /** Reachability as last observed by an effect; 'unknown' until something is tried. */
  status: 'unknown' | 'ok' | 'offline' | 'error';
  message: string | null;
}

export type ConnectionAction =
  | { type: 'connection/set'; connection: Omit<ConnectionState, 'status' | 'message'> }
  | { type: 'connection/status'; status: ConnectionState['status']; message: string | null };

export const initialConnectionState: ConnectionState = {
  kind: 'none',
  baseUrl: null,
  keyEnv: 'OPENAI_API_KEY',
  keyPresent: false,
  profile: null,
  status: 'unknown',
  message: null,
};

export function isConnectionAction(action: { type: string }): action is ConnectionAction {
  return action.type.startsWith('connection/');
}

export function reduceConnection(state: ConnectionState, action: ConnectionAction): ConnectionState {
  switch (action.type) {
    case 'connection/set':
      return { ...action.connection, status: 'unknown', message: null };
    case 'connection/status':
      return { ...state, status: action.status, message: action.message };
    default:
      return assertNever(action);
  }
}
