#!/usr/bin/env python3
"""relmap benchmarks: every figure is a median over repeated runs, and every goal a ratio against a
baseline measured in the same run. Prints a table, writes bench/results.json and docs/benchmarks.md, and the
legibility report (scripts/legibility.py) of the bundled model's site and of the 1,000-actor site.

usage: bench.py RELMAP_BINARY [--sizes 100,1000,10000] [--runs 3] [--work DIR] [--docs FILE] [--only serve]
"""
import argparse
import json
import os
import platform
import re
import select
import shutil
import socket
import statistics
import subprocess
import sys
import time

def run(command, cwd=None, quiet=True):
    """Runs a command; returns (wall seconds, peak RSS in MiB of the largest process in its tree)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL if quiet else None,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"bench: {' '.join(command)} exited {code}:\n{stderr}")
    return elapsed, usage.ru_maxrss / 1024.0, stderr

def median(values):
    return statistics.median(values)

HERE = os.path.dirname(os.path.abspath(__file__))

class Bench:
    def __init__(self, relmap, work, runs):
        self.relmap = relmap
        self.work = work
        self.runs = runs
        self.trash = os.path.join(work, "trash")
        self.discarded = 0
        self.results = {"machine": {"cores": os.cpu_count(), "platform": platform.platform()}, "models": {}}

    def model(self, actors):
        directory = os.path.join(self.work, f"model-{actors}")
        if not os.path.isdir(directory):
            run([self.relmap, "synth", "--actors", str(actors), "--relations", str(actors * 3), "--seed", "7",
                 "--out", directory])
        return directory

    def discard(self, path):
        """Moves a finished run's files aside, into a folder removed when the benchmark ends. Deleting thousands
        of files right before a build makes that build pay for them: on ext4 without a journal, each new file's
        inode is found by scanning past the recently deleted ones (an eighth of a 1,000-actor `--jobs 2` build)."""
        if os.path.lexists(path):
            self.discarded += 1
            os.makedirs(self.trash, exist_ok=True)
            os.rename(path, os.path.join(self.trash, str(self.discarded)))

    def empty_trash(self):
        shutil.rmtree(self.trash, ignore_errors=True)

    def clean_site(self, site):
        for path in (site, os.path.join(os.path.dirname(site), ".relmap-cache")):
            self.discard(path)

    def build(self, model, site, jobs=None, timings=False):
        command = [self.relmap, "build", model, "--out", site, "--quiet"]
        if jobs:
            command += ["--jobs", str(jobs)]
        if timings:
            command += ["--timings"]
        return run(command)

    def touch_one_relation(self, model, prefix="Edited: "):
        """Rewrites the summary of the first relation, as an analyst's edit would."""
        path = os.path.join(model, "relations.yaml")
        if not os.path.exists(path):
            folder = os.path.join(model, "relations")
            path = os.path.join(folder, sorted(name for name in os.listdir(folder) if name.endswith(".yaml"))[0])
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        marker = "    summary: "
        index = text.index(marker) + len(marker)
        if text[index] in "\"'":
            index += 1
        text = text[:index] + prefix + text[index:]
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)

    def measure(self, actors):
        runs = self.runs if actors < 10000 else 1
        model = self.model(actors)
        figures = {}
        figures["validate_s"] = median([run([self.relmap, "validate", model])[0] for _ in range(max(runs, 3))])
        site = os.path.join(self.work, f"site-{actors}", "output")
        full, noop, changed, rss = [], [], [], []
        for _ in range(runs):
            self.clean_site(site)
            seconds, peak, _ = self.build(model, site)
            full.append(seconds)
            rss.append(peak)
            noop.append(self.build(model, site)[0])
            edited = model + "-edited"
            shutil.rmtree(edited, ignore_errors=True)
            shutil.copytree(model, edited)
            self.touch_one_relation(edited)
            changed.append(self.build(edited, site)[0])
            self.build(model, site)
        figures["full_build_s"] = median(full)
        figures["peak_rss_mib"] = max(rss)
        figures["noop_rebuild_ratio"] = median([n / f for n, f in zip(noop, full)])
        figures["one_change_rebuild_ratio"] = median([c / f for c, f in zip(changed, full)])
        self.results["models"][str(actors)] = figures
        return site

    def serve(self, label, model, edits):
        """`relmap serve`: the time from saving one relation's summary to the reload event on an open page's event
        stream, against a full build from nothing of the same model, and the server's CPU time while it waits
        with a page connected (its idle cost)."""
        work = os.path.join(self.work, f"serve-{label}")
        self.discard(work)
        os.makedirs(work)
        edited = os.path.join(work, "model")
        shutil.copytree(model, edited)
        site = os.path.join(work, "site", "output")
        full = []
        for _ in range(self.runs):
            self.clean_site(site)
            full.append(self.build(edited, site)[0])
        log = os.path.join(work, "serve.err")
        with open(log, "w", encoding="utf-8") as errors:
            server = subprocess.Popen([self.relmap, "serve", edited, "--out", site, "--port", "0", "--quiet"],
                                      stdout=subprocess.DEVNULL, stderr=errors)
        try:
            port = self.wait_for_port(server, log)
            stream = socket.create_connection(("127.0.0.1", port))
            stream.sendall(f"GET /_relmap/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            self.read_until(stream, b"event: status", 30)
            reloads = []
            for index in range(edits):
                # Saves come seconds apart, as an analyst makes them, not the moment the last site is in place.
                time.sleep(3)
                started = time.perf_counter()
                self.touch_one_relation(edited, f"Edit {index} - ")
                self.read_until(stream, b"event: reload", 600)
                reloads.append(time.perf_counter() - started)
            # Idle: a page is connected and nothing is saved.
            time.sleep(1)
            ticks, threads = self.cpu_seconds(server.pid), self.thread_activity(server.pid)
            time.sleep(30)
            ticks, threads = self.cpu_seconds(server.pid) - ticks, self.thread_activity(server.pid, since=threads)
            # The threads' own clocks count what ran; the process's 10-ms ticks also count threads that ended.
            idle = max(ticks, threads[0]) * 2
            wakeups = threads[1] * 2
            stream.close()
        finally:
            server.send_signal(2)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        self.results.setdefault("serve", {})[label] = {
            "full_build_s": median(full),
            "edit_to_reload_s": median(reloads),
            "edit_to_reload_ratio": median(reloads) / median(full),
            "idle_cpu_s_per_minute": idle,
            "idle_wakeups_per_minute": wakeups,
        }

    @staticmethod
    def wait_for_port(server, log):
        deadline = time.time() + 1800
        while time.time() < deadline:
            with open(log, encoding="utf-8") as handle:
                found = re.search(r"at http://127\.0\.0\.1:(\d+)/", handle.read())
            if found:
                return int(found.group(1))
            if server.poll() is not None:
                with open(log, encoding="utf-8") as handle:
                    sys.exit(f"bench: relmap serve exited {server.returncode}:\n{handle.read()}")
            time.sleep(0.05)
        sys.exit("bench: relmap serve never started serving")

    @staticmethod
    def read_until(stream, marker, timeout):
        """Reads the event stream until `marker` arrives (events read earlier are consumed)."""
        received = b""
        deadline = time.time() + timeout
        while marker not in received:
            ready, _, _ = select.select([stream], [], [], max(0, deadline - time.time()))
            if not ready:
                sys.exit(f"bench: no {marker.decode()} on the event stream within {timeout} s")
            chunk = stream.recv(65536)
            if not chunk:
                sys.exit("bench: the event stream closed")
            received += chunk

    @staticmethod
    def thread_activity(pid, since=None):
        """Each thread's run time (seconds, from its nanosecond clock in /proc) and how many times it was switched
        in or out; with `since` (an earlier result), the totals since then: (seconds, switches), counting a thread
        born since in whole and one that ended not at all."""
        threads = {}
        tasks = f"/proc/{pid}/task"
        for thread in os.listdir(tasks):
            try:
                with open(f"{tasks}/{thread}/schedstat", encoding="utf-8") as handle:
                    running = int(handle.read().split()[0]) / 1e9
                with open(f"{tasks}/{thread}/status", encoding="utf-8") as handle:
                    switches = sum(int(line.split(":")[1]) for line in handle if "ctxt_switches:" in line)
            except (FileNotFoundError, ProcessLookupError):
                continue
            threads[thread] = (running, switches)
        if since is None:
            return threads
        return (sum(running - since.get(thread, (0, 0))[0] for thread, (running, _) in threads.items()),
                sum(switches - since.get(thread, (0, 0))[1] for thread, (_, switches) in threads.items()))

    @staticmethod
    def cpu_seconds(pid):
        """User and system CPU seconds of a process and its collected children, from /proc."""
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        ticks = sum(int(value) for value in fields[11:15])
        return ticks / os.sysconf("SC_CLK_TCK")

    def jobs_speedup(self, actors):
        model = self.model(actors)
        site = os.path.join(self.work, f"site-jobs-{actors}", "output")
        ratios, floors = [], []
        for _ in range(self.runs):
            self.clean_site(site)
            one, _, stderr = self.build(model, site, jobs=1, timings=True)
            floors.append(one / json.loads(stderr.strip().splitlines()[-1])["graphviz_seconds"])
            self.clean_site(site)
            two = self.build(model, site, jobs=2)[0]
            ratios.append(one / two)
        self.results["jobs_1_to_2_speedup"] = {"actors": actors, "ratio": median(ratios)}
        # With one worker, Graphviz's seconds are the floor a whole build from scratch cannot go below.
        self.results["full_build_vs_graphviz_floor"] = {"actors": actors, "jobs": 1, "ratio": median(floors)}

    def legibility(self, label, site):
        """The legibility report of a built site: overlapping labels, lines through foreign nodes and labels,
        the smallest text on screen and on a slide."""
        report = os.path.join(self.work, f"legibility-{label}.json")
        subprocess.run([sys.executable, os.path.join(HERE, "legibility.py"), site, "--json", report, "--quiet"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(report, encoding="utf-8") as handle:
            self.results.setdefault("legibility", {})[label] = json.load(handle)["summary"]

    def bundled_site(self):
        """The bundled model's site, for its legibility figures."""
        model = os.path.join(HERE, "..", "model")
        site = os.path.join(self.work, "site-bundled", "output")
        self.clean_site(site)
        self.build(model, site)
        return site

    def render_throughput(self, site, limit=300):
        """relmap's in-process engine against one `dot -Tsvg` process per file, on the same focus diagrams."""
        dot = shutil.which("dot")
        diagrams = os.path.join(site, "diagrams")
        files = sorted(os.path.join(diagrams, name) for name in os.listdir(diagrams)
                       if name.startswith("focus-") and name.endswith(".dot"))[:limit]
        if not files or not dot:
            self.results["render_throughput"] = {"skipped": "no focus diagrams or no dot command"}
            return
        ratios, floors = [], []
        for _ in range(self.runs):
            target = os.path.join(self.work, "render-out")
            self.discard(target)
            os.makedirs(target)
            started = time.perf_counter()
            for path in files:
                subprocess.run([dot, "-Tsvg", path, "-o", os.path.join(target, os.path.basename(path) + ".svg")],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            per_process = time.perf_counter() - started
            seconds, _, stderr = run([self.relmap, "render", "--dot", *files, "--format", "svg",
                                      "--out", target, "--jobs", "1", "--timings"])
            ratios.append(per_process / seconds)
            graphviz = json.loads(stderr.strip().splitlines()[-1])["graphviz_seconds"]
            floors.append(seconds / graphviz)
        self.results["render_throughput"] = {
            "diagrams": len(files),
            "speedup_vs_dot_per_file": median(ratios),
            "total_vs_graphviz_floor": median(floors),
        }
        self.graphviz_scaling(dot, files)

    def graphviz_scaling(self, dot, files, repeats=6):
        """How much faster Graphviz alone draws with two processes than with one, on this machine: the focus DOT
        files (`repeats` times over) split in two halves, each drawn by one `dot -Tsvg` process, the halves one
        after the other and then both at once. Two processes share the caches and the memory bus, so this is the
        ceiling of any `--jobs 1 → 2` speedup here."""
        halves = [files[:len(files) // 2] * repeats, files[len(files) // 2:] * repeats]
        ratios = []
        for _ in range(self.runs):
            started = time.perf_counter()
            for half in halves:
                subprocess.run([dot, "-Tsvg", *half], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            apart = time.perf_counter() - started
            started = time.perf_counter()
            running = [subprocess.Popen([dot, "-Tsvg", *half], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                       for half in halves]
            for process in running:
                process.wait()
            ratios.append(apart / (time.perf_counter() - started))
        self.results["graphviz_1_to_2_speedup"] = median(ratios)

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("relmap")
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=os.path.join(".build", "bench"))
    parser.add_argument("--docs", default=os.path.join("docs", "benchmarks.md"), help="where to write the figures as Markdown")
    parser.add_argument("--only", choices=["serve"], help="run only this part (prints its figures; writes no docs)")
    arguments = parser.parse_args()
    relmap = os.path.abspath(arguments.relmap)
    os.makedirs(arguments.work, exist_ok=True)
    bench = Bench(relmap, os.path.abspath(arguments.work), arguments.runs)
    bench.empty_trash()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    if arguments.only == "serve":
        serve_benchmarks(bench, sizes)
        bench.empty_trash()
        print(table(bench.results))
        return
    sites = {}
    for actors in sizes:
        print(f"bench: {actors} actors…", file=sys.stderr, flush=True)
        sites[actors] = bench.measure(actors)
    middle = 1000 if 1000 in sizes else sizes[0]
    print("bench: render throughput…", file=sys.stderr, flush=True)
    bench.render_throughput(sites[middle])
    print("bench: legibility…", file=sys.stderr, flush=True)
    bench.legibility("bundled", bench.bundled_site())
    bench.legibility(f"{middle} actors", sites[middle])
    print("bench: --jobs 1 vs 2…", file=sys.stderr, flush=True)
    bench.jobs_speedup(middle)
    serve_benchmarks(bench, sizes)
    bench.empty_trash()
    os.makedirs("bench", exist_ok=True)
    with open(os.path.join("bench", "results.json"), "w", encoding="utf-8") as handle:
        json.dump(bench.results, handle, indent=2, sort_keys=True)
    print(table(bench.results))
    if arguments.docs:
        with open(arguments.docs, "w", encoding="utf-8") as handle:
            handle.write(document(bench.results, sizes, arguments.runs))

def serve_benchmarks(bench, sizes):
    """relmap serve on the bundled model and on the 1,000-actor model (or the middle size)."""
    middle = 1000 if 1000 in sizes else sizes[0]
    print("bench: serve, bundled model…", file=sys.stderr, flush=True)
    bench.serve("bundled", os.path.join(HERE, "..", "model"), edits=max(3, bench.runs))
    print(f"bench: serve, {middle} actors…", file=sys.stderr, flush=True)
    bench.serve(f"{middle} actors", bench.model(middle), edits=max(3, bench.runs))

def table(results):
    lines = []
    if results["models"]:
        lines += ["| actors | validate (s) | full build (s) | peak RSS (MiB) | no-op rebuild / full | one change / full |",
                  "|---:|---:|---:|---:|---:|---:|"]
    for actors, figures in sorted(results["models"].items(), key=lambda item: int(item[0])):
        lines.append(f"| {actors} | {figures['validate_s']:.2f} | {figures['full_build_s']:.2f} | "
                     f"{figures['peak_rss_mib']:.0f} | {figures['noop_rebuild_ratio']:.3f} | "
                     f"{figures['one_change_rebuild_ratio']:.3f} |")
    render = results.get("render_throughput", {})
    if "speedup_vs_dot_per_file" in render:
        lines.append("")
        lines.append(f"render: {render['diagrams']} focus diagrams, in-process engine "
                     f"{render['speedup_vs_dot_per_file']:.1f}× faster than one `dot -Tsvg` per file; "
                     f"total time {render['total_vs_graphviz_floor']:.2f}× the time inside Graphviz")
    jobs = results.get("jobs_1_to_2_speedup")
    if jobs:
        ceiling = results.get("graphviz_1_to_2_speedup")
        lines.append(f"--jobs 1 → 2 on {jobs['actors']} actors: {jobs['ratio']:.2f}× faster"
                     + (f" (Graphviz alone, one process → two: {ceiling:.2f}×)" if ceiling else ""))
    floor = results.get("full_build_vs_graphviz_floor")
    if floor:
        lines.append(f"full build of {floor['actors']} actors with --jobs 1: total time {floor['ratio']:.2f}× the time inside Graphviz")
    for label, figures in results.get("serve", {}).items():
        lines.append(f"serve, {label}: a saved edit reloads the open pages in {figures['edit_to_reload_s']:.2f} s, "
                     f"{figures['edit_to_reload_ratio']:.3f}× a full build ({figures['full_build_s']:.2f} s); "
                     f"idle with a page open: {figures['idle_cpu_s_per_minute'] * 1000:.1f} ms of CPU and "
                     f"{figures.get('idle_wakeups_per_minute', 0)} thread wake-ups a minute")
    for label, summary in results.get("legibility", {}).items():
        lines.append(f"legibility, {label}: {summary['diagrams']} diagrams, {summary['overlapping_label_pairs']} overlapping "
                     f"label pairs, {summary['foreign_crossings_per_diagram']:.2f} lines through a foreign node or label per "
                     f"diagram, smallest text {summary['smallest_text_screen_px']} px on a 1400-px page and "
                     f"{summary['smallest_text_slide_px']} px on a 1920-px slide")
    return "\n".join(lines)

def document(results, sizes, runs):
    """The figures as docs/benchmarks.md: what was measured, on what, and the targets beside them."""
    machine = results["machine"]
    return f"""# Benchmarks

Written by `make bench` (`scripts/bench.py`) on {time.strftime('%Y-%m-%d')}, on {machine['cores']} cores
({machine['platform']}). Models are synthesised by `relmap synth` (three relations per actor, seed 7) at
{', '.join(f'{size:,}' for size in sizes)} actors; every figure is the median of {runs} runs (one for 10,000
actors), and every target a ratio against a baseline measured in the same run, so a busy machine moves the
ratios less than the seconds.

{table(results)}

Targets: a no-op rebuild at most 5% of a full build and a one-change rebuild at most 10%, and so `relmap serve`'s
edit-to-reload time; no CPU time for an idle server; rendering at least
5× faster than one `dot -Tsvg` process per file; a `--jobs 1` build within 1.15× the seconds spent inside
Graphviz; `--jobs 1 → 2` at least 1.7× faster; the 10,000-actor model under 1 GiB. Legibility (the bundled
model): no overlapping labels, at most one line through a foreign node or label per diagram on average, every
label at least 11 px on a 1400-px page and 14 px on a 1920-px slide.

What each figure measures:

- full build: `relmap build` from nothing, with the peak RSS of the largest process in its tree;
- no-op and one-change rebuilds (a relation's summary reworded), each divided by the full build;
- render: the same focus DOT files (up to 300) with `relmap render --dot --jobs 1` against one `dot -Tsvg`
  process per file, and relmap's wall time against the seconds spent inside Graphviz;
- `--jobs 1` against `--jobs 2`, and the `--jobs 1` build's wall time against the seconds Graphviz spent
  (`relmap build --timings`): the floor of a whole build; beside the speedup, `dot -Tsvg` alone on the focus
  files, two halves one after the other against both at once, the most two processes gain on this machine;
- serve: `relmap serve` on a copy of the model, a page's event stream open; the time from saving a relation's
  reworded summary (saves 3 s apart) to the `reload` event, divided by a full build from nothing, and the
  server's CPU time over 30 idle seconds (its threads' run time from `/proc/PID/task/*/schedstat`), as
  milliseconds a minute, and how many times its threads were switched in or out;
- legibility: `scripts/legibility.py` over every diagram of the site (see its header for the method).
"""

if __name__ == "__main__":
    main()
