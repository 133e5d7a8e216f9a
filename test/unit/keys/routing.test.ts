import { describe, expect, it } from 'vitest';
import { KeyDecoder, type KeyPress } from '../../../src/keys/decode.js';
import { createKeyRouting, MAX_WAITING_KEYS } from '../../../src/keys/routing.js';
import { initialAppState } from '../../../src/store/state.js';
import { createStore } from '../../../src/store/store.js';

const keys = (text: string): KeyPress[] => new KeyDecoder().push(text);

/** A router whose shell uses the digits 1 and 2 (to switch screens) and q, and logs what reaches where. */
function setup() {
  const store = createStore(initialAppState);
  const log: string[] = [];
  const routing = createKeyRouting(store, (press) => {
    if (press.name === '1' || press.name === '2') {
      store.dispatch({ type: 'ui/showScreen', screen: press.name === '1' ? 'dataset' : 'validate' });
      log.push(`shell ${press.name}`);
      return true;
    }
    if (press.name === 'q') {
      log.push('shell q');
      return true;
    }
    return false;
  });
  const handler = (screen: string) => ({ current: (press: KeyPress) => void log.push(`${screen} ${press.name}`) });
  return { store, log, routing, handler };
}

describe('key routing while a screen has no handler yet', () => {
  it('holds the keys for a screen not yet drawn and replays them, in order, when it registers', () => {
    const { log, routing, handler } = setup();
    const validate = handler('validate');
    routing.register('validate', validate);
    routing.drawn('validate');
    routing.route(keys('1jq'));
    expect(log).toEqual(['shell 1']);
    expect(routing.waiting()).toBe(2);
    routing.register('dataset', handler('dataset'));
    expect(log).toEqual(['shell 1', 'dataset j', 'shell q']);
    expect(routing.waiting()).toBe(0);
  });

  it('never holds keys on a drawn screen that has no handler: the shell still gets them', () => {
    const { log, routing } = setup();
    routing.drawn('dataset');
    routing.route(keys('jq'));
    expect(log).toEqual(['shell q']);
    expect(routing.waiting()).toBe(0);
  });

  it('lets the keys go on when the screen is drawn without registering', () => {
    const { log, routing } = setup();
    routing.drawn('dataset');
    routing.route(keys('2jq'));
    expect(log).toEqual(['shell 2']);
    routing.drawn('validate');
    expect(log).toEqual(['shell 2', 'shell q']);
  });

  it('holds at most MAX_WAITING_KEYS, then lets them go on', () => {
    const { log, routing } = setup();
    routing.drawn('dataset');
    routing.route(keys('2' + 'j'.repeat(MAX_WAITING_KEYS) + 'q'));
    expect(routing.waiting()).toBeLessThanOrEqual(MAX_WAITING_KEYS);
    expect(log).toEqual(['shell 2', 'shell q']);
  });
});
