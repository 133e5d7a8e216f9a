// Status messages are cleared a while after they appear, on the app's clock; one replaced
// meanwhile gets its own full time, and a message that is already gone is left alone.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/core/clock.js';
import { NOTICE_MS, watchNotices } from '../../../src/effects/useNoticeExpiry.js';
import { initialAppState } from '../../../src/store/state.js';
import { createStore } from '../../../src/store/store.js';

function setup() {
  const store = createStore({ ...initialAppState, dataset: { ...initialAppState.dataset, status: 'ready' } });
  const clock = manualClock();
  const stop = watchNotices(store, clock);
  return { store, clock, stop };
}

describe('status messages expire', () => {
  it('clears an info message after its time, a warning later, on the injected clock', () => {
    const { store, clock } = setup();
    store.dispatch({ type: 'dataset/message', level: 'info', text: 'Saved 12 lines.' });
    clock.advance(NOTICE_MS.info! - 1);
    expect(store.getState().dataset.message?.text).toBe('Saved 12 lines.');
    clock.advance(1);
    expect(store.getState().dataset.message).toBeNull();

    store.dispatch({ type: 'ui/notify', notice: { level: 'warning', text: 'Copied, but the terminal may not allow it.' } });
    clock.advance(NOTICE_MS.info!);
    expect(store.getState().ui.notice).not.toBeNull();
    clock.advance(NOTICE_MS.warning! - NOTICE_MS.info!);
    expect(store.getState().ui.notice).toBeNull();

    store.dispatch({ type: 'chat/notice', notice: { level: 'success', text: 'Added the conversation.' } });
    clock.advance(NOTICE_MS.success!);
    expect(store.getState().chat.notice).toBeNull();
  });

  it('gives a message that replaced another its own full time', () => {
    const { store, clock } = setup();
    store.dispatch({ type: 'dataset/message', level: 'info', text: 'first' });
    clock.advance(NOTICE_MS.info! - 100);
    store.dispatch({ type: 'dataset/message', level: 'info', text: 'second' });
    clock.advance(200);
    expect(store.getState().dataset.message?.text).toBe('second');
    clock.advance(NOTICE_MS.info! - 200);
    expect(store.getState().dataset.message).toBeNull();
  });

  it('leaves no timer behind once a message is gone or watching stops', () => {
    const { store, clock, stop } = setup();
    store.dispatch({ type: 'dataset/message', level: 'error', text: 'Could not save.' });
    expect(clock.pending()).toBe(1);
    store.dispatch({ type: 'dataset/expireMessage', message: store.getState().dataset.message! });
    expect(clock.pending()).toBe(0);
    store.dispatch({ type: 'ui/notify', notice: { level: 'info', text: 'x' } });
    stop();
    expect(clock.pending()).toBe(0);
  });
});
