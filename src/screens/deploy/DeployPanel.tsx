// The deployment offer, before anything billable starts: the hardware the model can run on with
// its price per hour (and per day, so the cost of forgetting it is plain), the inactivity
// auto-stop, and y to deploy. Then the deployment's state while it starts.
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { cut } from '../../components/fitLine.js';
import type { DeploymentOption, DeploymentRecord } from '../../core/domain.js';
import { perHour } from '../../core/money.js';
import { AUTO_STOP_CHOICES, type DeployState } from '../../store/slices/deploy.js';
import { explainError } from '../explainError.js';

/** What an option costs to keep up, in words: per hour (and day), or none by the hour. */
function optionPrice(o: DeploymentOption): string {
  if (o.usdPerHour !== null) return `${perHour(o.usdPerHour)} (≈ $${(o.usdPerHour * 24).toFixed(0)} a day)`;
  return o.note !== undefined || o.lifetimeHours ? 'no hourly fee' : 'price not given';
}

/** "for $3.36/h", "(no hourly fee, removed after 24 h)". */
function confirmPrice(o: DeploymentOption): string {
  if (o.usdPerHour !== null) return `for ${perHour(o.usdPerHour)}`;
  return `(${[optionPrice(o), o.lifetimeHours ? `removed after ${o.lifetimeHours} h` : null].filter(Boolean).join(', ')})`;
}

export function autoStopWords(minutes: number | null): string {
  return minutes === null || minutes === 0 ? 'never stops by itself (billed until you stop it)' : `stops after ${minutes} idle minutes`;
}

/** When it goes away by itself: the provider's fixed lifetime, an idle auto-stop, or never. */
function lifeWords(d: DeploymentRecord): string {
  if (d.expiresAt) return `removed by the provider at ${new Date(d.expiresAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  if (d.usdPerHour === null && d.autoStopMinutes === null) return 'stays until you delete it';
  return autoStopWords(d.autoStopMinutes);
}

/** One line about a deployment: its state, what it costs while up, when it stops itself. */
export function deploymentLine(d: DeploymentRecord): string {
  const state = d.state === 'ready' ? 'ready' : d.state === 'unknown' ? d.rawState : d.state;
  const up = d.state === 'pending' || d.state === 'starting' || d.state === 'ready';
  const cost = d.usdPerHour !== null ? `${perHour(d.usdPerHour)} while up` : 'no hourly charge';
  return `Deployment ${d.chatModel}: ${state}${up ? ` · ${cost} · ${lifeWords(d)}` : ''}`;
}

/** "stop" or "delete", as the provider's stop does. */
export function stopVerb(deploy: DeployState): 'stop' | 'delete' {
  return deploy.service.stopDeletes ? 'delete' : 'stop';
}

/**
 * The status line while a stop is asked (y or esc) or running; null when none is. `name` is what
 * the question calls the deployment: the Chat screen names its model, the job monitor (which
 * shows one job's) says "the deployment". A one-line footer passes its `width`: where the whole
 * sentence would not fit, it leaves out that the model can be deployed again, so that the keys
 * are never cut off.
 */
export function stopLine(deploy: DeployState, name = 'the deployment', width = Infinity): { text: string; color: string } | null {
  if (deploy.stop === null) return null;
  const deletes = stopVerb(deploy) === 'delete';
  if (deploy.stop.running) return { text: deletes ? 'Deleting the deployment…' : 'Stopping the deployment…', color: 'yellow' };
  const [question, effect, again, keys] = deletes
    ? [`Delete ${name}?`, 'Hosting stops; the fine-tune stays', ' and can be deployed again', 'y delete · esc keep']
    : [`Stop ${name}?`, 'Billing stops', '; it can be deployed again', 'y stop · esc keep'];
  const whole = `${question} ${effect}${again}. ${keys}`;
  return { text: stringWidth(whole) <= width ? whole : `${question} ${effect}. ${keys}`, color: 'yellow' };
}

export function DeployPanel({ deploy, width, height }: { deploy: DeployState; width: number; height: number }) {
  const offer = deploy.offer!;
  const inner = Math.max(20, width - 2);
  const rows: { text: string; color?: string; bold?: boolean; inverse?: boolean; dim?: boolean }[] = [
    { text: `Deploy ${offer.model} for chat`, bold: true },
    {
      text:
        offer.options !== null && offer.options.length > 0 && offer.options.every((o) => o.usdPerHour === null)
          ? 'Nothing is billed by the hour: each request is billed per token.'
          : 'A deployment is billed for every hour it is up, whether or not it answers.',
    },
    { text: ' ' },
  ];
  if (offer.options === null) rows.push({ text: 'Asking the provider what it can run on…', color: 'yellow' });
  else if (offer.options.length === 0) rows.push({ text: 'The provider offers no hardware for this model.', color: 'red' });
  else {
    for (const [i, o] of offer.options.entries()) {
      rows.push({ text: `${i === offer.selected ? '▸' : ' '} ${o.label.padEnd(20)} ${optionPrice(o)}${o.available ? '' : ' — unavailable now'}`, inverse: i === offer.selected, dim: !o.available });
      if (o.note) rows.push({ text: `    ${o.note}`, dim: true });
    }
  }
  const minutes = AUTO_STOP_CHOICES[offer.autoStop]!;
  const autoStop = deploy.service.offersAutoStop;
  if (autoStop) rows.push({ text: ' ' }, { text: `Auto-stop: ‹ ${autoStopWords(minutes)} ›`, color: minutes === 0 ? 'red' : undefined });
  rows.push({ text: ' ' });
  switch (offer.phase) {
    case 'choose': {
      const option = offer.options?.[offer.selected];
      rows.push({
        text: option ? `Deploy on ${option.label} ${confirmPrice(option)}? y deploy · j/k ${autoStop ? 'hardware · ←/→ auto-stop' : 'choose'} · esc cancel` : 'esc back',
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
