// The part of an OpenAPI document that the contract tests use: the paths they call, with every
// component those paths refer to (transitively), unchanged. Prism parses OpenAI's whole 3 MB
// document in about 11 s of CPU before it listens, which on a busy 2-core machine took over a
// minute; the subset starts in about 1 s and checks those paths against exactly the same schemas.
// A call to a path left out is refused by Prism (no route), so the subset cannot let one through.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Bump when the subset is built differently, so an older cached file is not reused. */
const SUBSET_VERSION = 1;

/** Builds (or reuses, from the temp folder) the subset of `document` with the paths `keep` accepts; returns its path. */
export function openapiSubset(document: string, keep: RegExp): string {
  const text = readFileSync(document, 'utf8');
  const key = createHash('sha256').update(`${SUBSET_VERSION}\n${keep.source}\n${keep.flags}\n`).update(text).digest('hex').slice(0, 20);
  const target = join(tmpdir(), `ftui-openapi-subset-${key}.json`);
  if (existsSync(target)) return target;

  const whole = parse(text, { maxAliasCount: -1 }) as { [key: string]: Json };
  const paths = Object.fromEntries(Object.entries(whole.paths as Record<string, Json>).filter(([path]) => keep.test(path)));
  if (Object.keys(paths).length === 0) throw new Error(`no path of ${document} matches ${keep}`);
  const components = (whole.components ?? {}) as Record<string, Record<string, Json>>;
  const kept: Record<string, Record<string, Json>> = {};
  const seen = new Set<string>();
  const visit = (value: Json): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [name, inner] of Object.entries(value)) {
      if (name === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/') && !seen.has(inner)) {
        seen.add(inner);
        const [section, entry] = inner.slice('#/components/'.length).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
        const component = components[section!]?.[entry!];
        if (component === undefined) throw new Error(`${document}: ${inner} does not exist`);
        (kept[section!] ??= {})[entry!] = component;
        visit(component);
      } else visit(inner);
    }
  };
  visit(paths);
  // Security applies to every operation: keep the schemes it names.
  if (components.securitySchemes) kept.securitySchemes = components.securitySchemes;
  const { webhooks: _webhooks, 'x-oaiMeta': _meta, ...rest } = whole;
  const subset = { ...rest, paths, components: kept };

  // Written whole and renamed into place: other test runs on this machine may read it meanwhile.
  const partial = `${target}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(subset));
  renameSync(partial, target);
  return target;
}
