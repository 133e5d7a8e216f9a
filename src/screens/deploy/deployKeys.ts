// Keys while a deployment offer or a stop question is open, the same on Chat and Jobs: j/k choose
// the hardware, ←/→ the auto-stop, y deploys (or stops), esc backs out. Returns whether the key
// was taken, so nothing else acts on it while money is being decided.
import { billing, deploymentFor, type DeployState } from '../../store/slices/deploy.js';
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

/** D offers to deploy a fine-tuned model (price first); X asks to stop its deployment. */
export function deployCommand(command: 'deploy' | 'stopDeployment', model: string | null, deploy: DeployState, capable: boolean, dispatch: Dispatch): void {
  if (!capable || model === null) return;
  const deployment = deploymentFor(deploy, model);
  if (command === 'stopDeployment') {
    if (deployment && billing(deployment)) dispatch({ type: 'deploy/askStop', id: deployment.id });
  } else if (deployment === undefined || !billing(deployment)) dispatch({ type: 'deploy/offer', model });
}
