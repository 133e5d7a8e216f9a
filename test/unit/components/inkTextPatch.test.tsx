// patches/ink+6.8.0.patch makes Ink's Text share one transform function and one frozen style
// object per combination of styles, instead of a new closure and style object per render (they
// piled up as old-generation garbage while a long list scrolled). Texts must still draw exactly
// as Ink draws them: the shared transform applies each style as Ink's own did.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import chalk from 'chalk';
import { Box, Text, type DOMElement } from 'ink';
import { render } from 'ink-testing-library';
import React, { createRef } from 'react';
import { describe, expect, it } from 'vitest';

interface TextNode {
  nodeName: string;
  style: object;
  internal_transform: (text: string, index: number) => string;
}

function texts(ref: React.RefObject<DOMElement | null>): TextNode[] {
  return (ref.current?.childNodes ?? []) as unknown as TextNode[];
}

describe('Ink Text patch', () => {
  it('is applied (npm install applies patches/)', () => {
    const installed = readFileSync(join(process.cwd(), 'node_modules/ink/build/components/Text.js'), 'utf8');
    expect(installed.includes('transformFor'), 'node_modules/ink has an older patches/ink+6.8.0.patch applied: run npm install (or npx patch-package)').toBe(true);
  });

  it('shares one transform and one frozen style per combination of styles, across Texts and renders', () => {
    const ref = createRef<DOMElement>();
    const tree = (word: string) => (
      <Box ref={ref} flexDirection="column">
        <Text color="red">{word}</Text>
        <Text color="red" bold>
          b
        </Text>
        <Text color="red">c</Text>
        <Text color="red" wrap="truncate">
          d
        </Text>
      </Box>
    );
    const view = render(tree('a'));
    const [a, b, c, d] = texts(ref);
    expect(a!.internal_transform).toBe(c!.internal_transform);
    expect(a!.internal_transform).not.toBe(b!.internal_transform);
    expect(a!.style).toBe(b!.style);
    expect(a!.style).not.toBe(d!.style);
    expect(Object.isFrozen(a!.style)).toBe(true);
    const transform = a!.internal_transform;
    view.rerender(tree('another word'));
    expect(texts(ref)[0]!.internal_transform).toBe(transform);
    expect(view.lastFrame()).toContain('another word');
    view.unmount();
  });

  it('applies each style as Ink does, with a Box background inherited', () => {
    const ref = createRef<DOMElement>();
    const inner = createRef<DOMElement>();
    const view = render(
      <Box ref={ref} flexDirection="column">
        <Text color="green" dimColor bold italic underline strikethrough inverse>
          x
        </Text>
        <Text backgroundColor="#ff0000">y</Text>
        <Box ref={inner} backgroundColor="blue">
          <Text>z</Text>
        </Box>
      </Box>,
    );
    const [all, background] = texts(ref);
    expect(all!.internal_transform('x', 0)).toBe(chalk.inverse(chalk.strikethrough(chalk.underline(chalk.italic(chalk.bold(chalk.green(chalk.dim('x'))))))));
    expect(background!.internal_transform('y', 0)).toBe(chalk.bgHex('#ff0000')('y'));
    expect(texts(inner)[0]!.internal_transform('z', 0)).toBe(chalk.bgBlue('z'));
    view.unmount();
  });
});
