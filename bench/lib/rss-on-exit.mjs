// Preloaded into a benchmarked process: when it exits, writes its peak RSS (kB, all threads) to
// the file named by FTUI_BENCH_RSS_FILE, and its peak RSS and CPU time (ms, all threads) as JSON
// to the file named by FTUI_BENCH_USAGE_FILE.
import { writeFileSync } from 'node:fs';

const rssFile = process.env.FTUI_BENCH_RSS_FILE;
const usageFile = process.env.FTUI_BENCH_USAGE_FILE;
if (rssFile || usageFile) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    if (rssFile) writeFileSync(rssFile, String(usage.maxRSS));
    if (usageFile) writeFileSync(usageFile, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
