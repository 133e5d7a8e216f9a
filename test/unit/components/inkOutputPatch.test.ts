// patches/ink+6.8.0.patch (applied by `npm install` through patch-package) keeps Ink's line caches
// across frames; without it every frame tokenizes and measures every line again, and the Dataset
// screen misses its per-key target. This fails if the patch did not apply.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface OutputLike {
  caches: unknown;
  write(x: number, y: number, text: string, options: { transformers: unknown[] }): void;
  get(): { output: string };
}

const { default: Output } = (await import(pathToFileURL(join(process.cwd(), 'node_modules/ink/build/output.js')).href)) as {
  default: new (options: { width: number; height: number }) => OutputLike;
};

describe('Ink output patch', () => {
  it('shares line caches between frames and still draws each frame as written', () => {
    const first = new Output({ width: 12, height: 2 });
    const second = new Output({ width: 12, height: 2 });
    expect(second.caches).toBe(first.caches);
    first.write(0, 0, 'naïve こん', { transformers: [] });
    second.write(2, 1, 'naïve', { transformers: [] });
    expect(first.get().output).toBe('naïve こん\n');
    expect(second.get().output).toBe('\n  naïve');
  });
});
