# Runs a Python script (argv[1], with the rest as its arguments) and, when it exits, writes its
# peak RSS (kB) and CPU time (ms) as JSON to the file named by FTUI_BENCH_USAGE_FILE, like
# rss-on-exit.mjs does for Node with FTUI_BENCH_USAGE_FILE.
import atexit, json, os, resource, runpy, sys

def report():
    target = os.environ.get("FTUI_BENCH_USAGE_FILE")
    if target:
        u = resource.getrusage(resource.RUSAGE_SELF)
        with open(target, "w") as f:
            json.dump({"maxRssKb": u.ru_maxrss, "cpuMs": (u.ru_utime + u.ru_stime) * 1000}, f)

atexit.register(report)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
