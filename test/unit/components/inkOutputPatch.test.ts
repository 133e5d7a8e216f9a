// patches/ink+6.8.0.patch (applied by `npm install` through patch-package) keeps Ink's line caches
// across frames; without it every frame tokenizes and measures every line again, and the Dataset
// screen misses its per-key target. This fails if the patch did not apply.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface StyledChar {
  value: string;
  styles: unknown[];
}
interface OutputLike {
  caches: { getStyledChars(line: string): StyledChar[] };
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

  it('shares one frozen object per character and style across lines, and draws styled lines as Ink does (a style written only where it changes)', async () => {
    const { styledCharsFromTokens, styledCharsToString, tokenize } = (await import(pathToFileURL(join(process.cwd(), 'node_modules/@alcalzone/ansi-tokenize/build/index.js')).href)) as {
      styledCharsFromTokens(tokens: unknown[]): unknown[];
      styledCharsToString(chars: unknown[]): string;
      tokenize(line: string): unknown[];
    };
    // A worktree whose node_modules were patched before this part of the patch says so plainly.
    const installed = readFileSync(join(process.cwd(), 'node_modules/ink/build/output.js'), 'utf8');
    expect(installed.includes('internedStyledChars') && installed.includes('rowToString'), 'node_modules/ink has an older patches/ink+6.8.0.patch applied: run npm install (or npx patch-package)').toBe(true);
    const caches = new Output({ width: 1, height: 1 }).caches;
    const red = caches.getStyledChars('\u001b[31mab\u001b[39m');
    const alsoRed = caches.getStyledChars('x \u001b[31mba\u001b[39m');
    expect(alsoRed[3]).toBe(red[0]);
    expect(alsoRed[2]).toBe(red[1]);
    expect(alsoRed[0]!.styles).toEqual([]);
    expect(Object.isFrozen(red[0])).toBe(true);
    expect(Object.isFrozen(red[0]!.styles)).toBe(true);
    const lines = [
      'plain',
      '\u001b[31mred\u001b[39m and \u001b[1mbold \u001b[32mgreen\u001b[39m\u001b[22m end',
      'こんにちは \u001b[2mdim 世界\u001b[22m',
      '\u001b[43m\u001b[30mmark\u001b[39m\u001b[49m x',
      // Style changes between neighbouring cells, wide characters inside a style, intensity codes that end alike, a style to the row's end.
      '\u001b[1m\u001b[2mbd\u001b[22m\u001b[1mb\u001b[22m\u001b[7m東京\u001b[27m\u001b[31m\u001b[41mx\u001b[49my\u001b[39m',
      '  \u001b[36mcyan to the end',
      '\u001b[4m\u001b[3m\u001b[9mall\u001b[29m\u001b[23m\u001b[24m \u001b[38;5;208m256\u001b[39m \u001b[38;2;1;2;3mrgb\u001b[39m',
    ];
    for (const line of lines) {
      const output = new Output({ width: 40, height: 1 });
      output.write(0, 0, line, { transformers: [] });
      expect(output.get().output).toBe(styledCharsToString(styledCharsFromTokens(tokenize(line))).trimEnd());
    }
  });
});
