// Preloaded into a benchmarked Node process: writes its peak RSS (kB, all threads) and CPU time
// (ms, all threads) as JSON to the file named by FTUI_BENCH_RSS_FILE when it exits.
import { writeFileSync } from 'node:fs';

const target = process.env.FTUI_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
