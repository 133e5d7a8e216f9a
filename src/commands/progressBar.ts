// A one-line progress bar on stderr for long `ftui validate` runs; only used on a terminal.
const WIDTH = 30;
const INTERVAL_MS = 100;

export interface ProgressBar {
  update: (bytesRead: number, totalBytes: number) => void;
  done: () => void;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
}

export function createProgressBar(stream: NodeJS.WriteStream, label: string): ProgressBar {
  let last = 0;
  let shown = false;
  return {
    update(read, total) {
      const now = Date.now();
      if (now - last < INTERVAL_MS || total === 0) return;
      last = now;
      shown = true;
      const fraction = Math.min(1, read / total);
      const filled = Math.round(fraction * WIDTH);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.round(fraction * 100)}% ${megabytes(read)} of ${megabytes(total)}\u001B[K`);
    },
    done() {
      if (shown) stream.write('\r\u001B[K');
      shown = false;
    },
  };
}
