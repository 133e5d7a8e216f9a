/**
 * An en-US Intl.NumberFormat made on first use. The first one a process makes costs ~12 ms of ICU
 * set-up, which `ftui validate --json` (the CI path) never needs, so modules do not make theirs
 * when they load.
 */
export function lazyNumberFormat(options?: Intl.NumberFormatOptions): { format(n: number): string } {
  let made: Intl.NumberFormat | undefined;
  return { format: (n) => (made ??= new Intl.NumberFormat('en-US', options)).format(n) };
}
