// Keys while a deployment offer or a stop question is open, the same on Chat and Jobs: j/k choose
// the hardware, ←/→ the auto-stop, y deploys (or stops), esc backs out. Returns whether the key
// was taken, so nothing else acts on it while money is being decided.
import type { DeployState } from '../../store/slices/deploy.js';
import type { Dispatch } from '../../store/store.js';

export function handleDeployKey(name: string | null, deploy: DeployState, dispatch: Dispatch): boolean {
  if (deploy.stop !== null) {
    if (name === 'y') dispatch({ type: 'deploy/confirmStop' });
    else if (name === 'esc' || name === 'n') dispatch({ type: 'deploy/dismissStop' });
    return true;
  }
  if (deploy.offer === null) return false;
  switch (name) {
    case 'j':
    case 'down':
      dispatch({ type: 'deploy/choose', delta: 1 });
      break;
    case 'k':
    case 'up':
      dispatch({ type: 'deploy/choose', delta: -1 });
      break;
    case 'l':
    case 'right':
      dispatch({ type: 'deploy/autoStop', delta: 1 });
      break;
    case 'h':
    case 'left':
      dispatch({ type: 'deploy/autoStop', delta: -1 });
      break;
    case 'y':
      dispatch({ type: 'deploy/confirm' });
      break;
    case 'esc':
    case 'n':
      dispatch({ type: 'deploy/cancelOffer' });
      break;
    default:
      break;
  }
  return true;
}
