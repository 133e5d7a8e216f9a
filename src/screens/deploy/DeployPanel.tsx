// The deployment offer, before anything billable starts: the hardware the model can run on with
// its price per hour (and per day, so the cost of forgetting it is plain), the inactivity
// auto-stop, and y to deploy. Then the deployment's state while it starts.
import { Box, Text } from 'ink';
import { cut } from '../../components/fitLine.js';
import type { DeploymentRecord } from '../../core/domain.js';
import { AUTO_STOP_CHOICES, type DeployState } from '../../store/slices/deploy.js';
import { explainError } from '../explainError.js';

const money = (usd: number | null): string => (usd === null ? 'price not given' : `$${usd.toFixed(2)}/h`);

export function autoStopWords(minutes: number | null): string {
  return minutes === null || minutes === 0 ? 'never stops by itself (billed until you stop it)' : `stops after ${minutes} idle minutes`;
}

/** One line about a deployment: its state, what it costs while up, when it stops itself. */
export function deploymentLine(d: DeploymentRecord): string {
  const state = d.state === 'ready' ? 'ready' : d.state === 'unknown' ? d.rawState : d.state;
  const up = d.state === 'pending' || d.state === 'starting' || d.state === 'ready';
  return `Deployment ${d.chatModel}: ${state}${up ? ` · ${money(d.usdPerHour)} while up · ${autoStopWords(d.autoStopMinutes)}` : ''}`;
}

export function DeployPanel({ deploy, width, height }: { deploy: DeployState; width: number; height: number }) {
  const offer = deploy.offer!;
  const inner = Math.max(20, width - 2);
  const rows: { text: string; color?: string; bold?: boolean; inverse?: boolean; dim?: boolean }[] = [
    { text: `Deploy ${offer.model} for chat`, bold: true },
    { text: 'A deployment is dedicated hardware, billed for every hour it is up, whether or not it answers.' },
    { text: ' ' },
  ];
  if (offer.options === null) rows.push({ text: 'Asking the provider what it can run on…', color: 'yellow' });
  else if (offer.options.length === 0) rows.push({ text: 'The provider offers no hardware for this model.', color: 'red' });
  else {
    for (const [i, o] of offer.options.entries()) {
      const price = o.usdPerHour === null ? 'price not given' : `$${o.usdPerHour.toFixed(2)}/h (≈ $${(o.usdPerHour * 24).toFixed(0)} a day)`;
      rows.push({ text: `${i === offer.selected ? '▸' : ' '} ${o.label.padEnd(20)} ${price}${o.available ? '' : ' — unavailable now'}`, inverse: i === offer.selected, dim: !o.available });
    }
  }
  const minutes = AUTO_STOP_CHOICES[offer.autoStop]!;
  rows.push({ text: ' ' }, { text: `Auto-stop: ‹ ${autoStopWords(minutes)} ›`, color: minutes === 0 ? 'red' : undefined });
  rows.push({ text: ' ' });
  switch (offer.phase) {
    case 'choose': {
      const option = offer.options?.[offer.selected];
      rows.push({
        text: option ? `Deploy on ${option.label} for ${money(option.usdPerHour)}? y deploy · j/k hardware · ←/→ auto-stop · esc cancel` : 'esc back',
        color: 'yellow',
      });
      break;
    }
    case 'creating':
      rows.push({ text: 'Creating the deployment…', color: 'yellow' });
      break;
    case 'checking':
      rows.push({ text: "The answer was lost; looking for the deployment by ftui's request id…", color: 'yellow' });
      break;
    case 'failed':
      rows.push({ text: offer.error ? explainError(offer.error) : 'The deployment failed.', color: 'red' }, { text: 'y try again (looks first) · esc back', dim: true });
      break;
  }
  return (
    <Box flexDirection="column" paddingX={1} height={height} overflowY="hidden">
      {rows.slice(0, Math.max(1, height)).map((r, i) => (
        <Text key={i} color={r.color} bold={r.bold ?? false} inverse={r.inverse ?? false} dimColor={r.dim ?? false}>
          {cut(r.text, inner) || ' '}
        </Text>
      ))}
    </Box>
  );
}
