// The one way ftui reads keys. Fast typing or a held key can deliver several keys in one read,
// which Ink passes on as one input string: outside text fields each of them is a command, so the
// run is split into single keys; once a text field has the keyboard (before the run, or because
// a key in it opened one) the rest of the run is its text, a paste included.
import { useInput, type Key } from 'ink';
import { splitKeys } from './keyName.js';

export function useKeys(handle: (input: string, key: Key) => void, options: { isActive?: boolean; typing?: () => boolean } = {}): void {
  const typing = options.typing ?? (() => false);
  useInput(
    (input, key) => {
      if (typing()) return handle(input, key);
      const keys = splitKeys(input, key);
      for (let i = 0; i < keys.length; i++) {
        if (i > 0 && typing()) return handle(keys.slice(i).map(([ch]) => ch).join(''), keys[i]![1]);
        handle(...keys[i]!);
      }
    },
    options.isActive === undefined ? undefined : { isActive: options.isActive },
  );
}
