// The floor for validation speed: read the file and JSON.parse every line, nothing else. Plain
// JavaScript, so the floor pays Node's start-up and nothing more.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const path = process.argv[2];
let lines = 0;
let objects = 0;
const reader = createInterface({ input: createReadStream(path, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
for await (const line of reader) {
  lines++;
  if (line.length === 0) continue;
  try {
    if (typeof JSON.parse(line) === 'object') objects++;
  } catch {
    // counted as a line, like any other
  }
}
console.log(JSON.stringify({ lines, objects }));
