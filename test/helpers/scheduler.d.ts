// The two exports of React's scheduler that test/helpers/settle.ts uses (the package has no types of its own).
declare module 'scheduler' {
  export const unstable_IdlePriority: number;
  export function unstable_scheduleCallback(priority: number, callback: () => void): unknown;
}
