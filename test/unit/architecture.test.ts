// The layering rules of CONVENTIONS.md, checked on the source: a rule nobody tests erodes one
// convenient import at a time.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/tmux.js';

const SRC = join(repoRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

function offenders(under: string, bad: (specifier: string) => boolean): string[] {
  return sourceFiles(join(SRC, under)).flatMap((file) =>
    imports(file)
      .filter(bad)
      .map((specifier) => `${relative(repoRoot, file)} imports ${specifier}`),
  );
}

const SDKS = ['openai', 'together-ai', '@azure/identity', '@azure/arm-cognitiveservices'];

describe('layers', () => {
  it('the store imports nothing from effects, screens or api implementations', () => {
    expect(offenders('store', (s) => /(^|\/)(effects|screens|components)\//.test(s) || /\/api\/(?!types\.js$)/.test(s))).toEqual([]);
  });

  it('core needs no React and no Ink, and no provider SDK', () => {
    expect(offenders('core', (s) => s === 'ink' || s === 'react' || s.startsWith('react/') || SDKS.includes(s) || /(^|\/)(store|effects|screens|components|api)\//.test(s))).toEqual([]);
  });

  it('only src/api talks to a provider SDK', () => {
    const outside = sourceFiles(SRC).filter((f) => !relative(SRC, f).startsWith('api/'));
    const found = outside.flatMap((file) => imports(file).filter((s) => SDKS.includes(s) || SDKS.some((sdk) => s.startsWith(`${sdk}/`))).map((s) => `${relative(repoRoot, file)} imports ${s}`));
    expect(found).toEqual([]);
  });

  it('the sandbox imports nothing from src/api, so a client mistake cannot hide in a shared helper', () => {
    expect(offenders('sandbox', (s) => /(^|\/)api\//.test(s))).toEqual([]);
  });
});

describe('dependencies', () => {
  it('every runtime dependency is used by the source (patch-package runs on install)', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    // Imports, and require() of a module path (gpt-tokenizer's encodings are loaded by name).
    const required = (file: string) => [...readFileSync(file, 'utf8').matchAll(/require\(\s*[`'"]([^`'"$]+)/g)].map((m) => m[1]!);
    const used = new Set(sourceFiles(SRC).flatMap((f) => [...imports(f), ...required(f)]).map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!)));
    const unused = Object.keys(pkg.dependencies).filter((name) => name !== 'patch-package' && !used.has(name));
    expect(unused).toEqual([]);
  });
});
