/** Makes a switch over a union exhaustive: adding an action without a case fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`unhandled action: ${JSON.stringify(value)}`);
}
