// Preloaded into a benchmarked process: writes its peak RSS (kB, all threads) to the file named
// by FTUI_BENCH_RSS_FILE when it exits.
import { writeFileSync } from 'node:fs';

const target = process.env.FTUI_BENCH_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
