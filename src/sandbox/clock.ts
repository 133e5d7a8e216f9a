// The sandbox reads time only through a Clock, so tests move a job from validating_files to
// succeeded by advancing a number instead of waiting (and get the same result every run). The
// clock is the app's own (src/core/clock.ts): a test moves the sandbox and the app's polling
// with one ManualClock.
export { manualClock, systemClock, type Clock, type ManualClock } from '../core/clock.js';
