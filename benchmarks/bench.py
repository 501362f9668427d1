"""`make bench`: how long builds take, measured, printed as one JSON document.

Not part of the installed kit: run it from the repository with
`python -m benchmarks.bench [--sizes 100,400] [--page-sizes 100,1000]`.

It times the shipped kit cold, unchanged and with one tool changed, the live preview of
an edit, and synthetic kits (benchmarks/synthetic.py: every tool with text of its own, in
every language the kit publishes) built cold, unchanged and after one edit; and it weighs
what a browser downloads to open a tool page, the catalog and the home page at each size
(benchmarks/page_weight.py).

Every scenario runs as a separate process on a copy of the kit in a temporary
folder, so the real kit and its PDF cache are never touched. Peak memory is read
from the operating system (getrusage) for the build process and for its largest
worker, with an upper bound (the build plus one largest worker per core); on Linux
the whole process tree's memory is also sampled, which gives the real peak.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.synthetic import synthetic_kit


KIT_PARTS = ("mkdocs.yml", "kit.yml", "toolkit", "facilitation", "docs", "overrides")
PDF_LOG = re.compile(r"PDFs: (\d+) rendered, (\d+) from cache, of (\d+), in ([\d.]+) s")

# Runs one build in a child process and reports its own and its workers' peak memory.
_RUNNER = """
import json, os, resource, sys, time
from pathlib import Path
os.chdir(sys.argv[1])
started = time.perf_counter()
from generators.cli import main
code = main(sys.argv[2:])
seconds = time.perf_counter() - started
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("BENCH " + json.dumps({"code": code, "seconds": seconds, "own_kb": own, "worker_kb": workers}))
"""


def copy_kit(source: Path, target: Path) -> Path:
    target.mkdir(parents=True)
    for part in KIT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part)
        elif (source / part).is_file():
            shutil.copy2(source / part, target / part)
    return target


def run_build(kit: Path, *options: str) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "0"}
    process = subprocess.Popen([sys.executable, "-c", _RUNNER, str(kit), "build", *options], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = TreeMemorySampler(process.pid)
    sampler.start()
    stdout, stderr = process.communicate(timeout=6 * 3600)
    sampler.stop()
    report = next((json.loads(line[6:]) for line in stdout.splitlines() if line.startswith("BENCH ")), None)
    if report is None or report["code"] != 0:
        raise RuntimeError(f"the benchmark build failed in {kit}:\n{stderr[-2000:]}")
    # One line per language the kit is published in. The languages' PDF steps run side by side
    # (their documents share the workers), so the step lasts as long as the longest of them.
    lines = PDF_LOG.findall(stdout)
    rendered, cached, total = (sum(int(line[n]) for line in lines) for n in range(3))
    pdf_seconds = round(max((float(line[3]) for line in lines), default=0.0), 2)
    workers = os.cpu_count() or 1
    result = {
        "seconds": round(report["seconds"], 2),
        "pdfs_rendered": rendered, "pdfs_from_cache": cached, "pdfs_total": total,
        # Throughput of the PDF step alone (from its progress line), which includes starting
        # the workers and joining the book and card decks, but not the site's pages.
        "pdf_step_seconds": round(pdf_seconds, 2),
        "pdfs_per_second": round(rendered / pdf_seconds, 2) if rendered and pdf_seconds else 0.0,
        "peak_mb_build_process": round(report["own_kb"] / 1024),
        "peak_mb_largest_worker": round(report["worker_kb"] / 1024),
        # Never exceeded: the build's peak plus every worker at the largest one's peak at once.
        "peak_mb_upper_bound": round((report["own_kb"] + workers * report["worker_kb"]) / 1024),
    }
    if sampler.peak_kb:
        result["peak_mb_all_processes_sampled"] = round(sampler.peak_kb / 1024)
    return result


class TreeMemorySampler(threading.Thread):
    """The largest total resident memory of a process and all its descendants, sampled
    from /proc four times a second (Linux); stays 0 where /proc is missing."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_kb = pid, 0
        self._stopped = threading.Event()

    def run(self) -> None:
        while not self._stopped.wait(0.25):
            self.peak_kb = max(self.peak_kb, self._tree_kb())

    def stop(self) -> None:
        self._stopped.set()
        self.join()

    def _tree_kb(self) -> int:
        parents, memory = {}, {}
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
            except OSError:
                continue  # the process ended while being read
            pid = int(status.parent.name)
            parents[pid] = int(fields.get("PPid", "0").strip())
            memory[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
        tree, added = {self.pid}, True
        while added:
            children = {pid for pid, parent in parents.items() if parent in tree} - tree
            tree |= children
            added = bool(children)
        return sum(memory.get(pid, 0) for pid in tree)


def _tool_in_no_session(kit_root: Path) -> Path:
    """An activity no session uses, so changing it re-renders only its own PDFs (no packet)."""
    from generators.kit import load_kit

    kit = load_kit(kit_root)
    used = {entry.tool for item in kit.of_type("session") for entry in item.content.agenda if entry.tool}
    return next(item.source.path for item in kit.of_type("activity") if item.id not in used)


def bare_weasyprint(kit_root: Path, repeats: int = 5) -> dict:
    """(f): one worksheet's HTML rendered by WeasyPrint alone, in this process."""
    from generators.kit import load_kit
    from generators.paper import PAPERS
    from generators.pdf.assets import AssetLookup, asset_folders
    from generators.pdf.documents import print_html
    from generators.pdf.rendering import render_pdf
    from generators.templating import print_environment

    kit = load_kit(kit_root)
    item = kit.items.get("who-is-missing") or next(iter(kit.tools))
    html = print_html(print_environment(kit.root), kit, item, PAPERS["letter"], "")
    lookup = AssetLookup(asset_folders(kit.root))
    render_pdf(html, lookup)  # warm-up: fonts and styles loaded once, as in a worker
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        render_pdf(html, lookup)
        timings.append(time.perf_counter() - started)
    return {"tool": item.id, "seconds": round(statistics.median(timings), 3)}


def ctrl_c(kit: Path, repeats: int = 3) -> dict:
    """(g): seconds from Ctrl-C (SIGINT to every process of the build, as a terminal sends it)
    to the build's exit, stopped while its workers render; the cache is emptied before each run."""
    import signal

    from generators.pdf.cache import cache_folder

    cache = cache_folder(kit)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    timings = []
    for _ in range(repeats):
        shutil.rmtree(cache, ignore_errors=True)
        process = subprocess.Popen([sys.executable, "-m", "generators.cli", "build"], cwd=kit, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        while process.poll() is None and not list(cache.glob("*.pdf")):
            time.sleep(0.02)
        time.sleep(0.3)  # every worker busy with a document
        started = time.perf_counter()
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=600)
        timings.append(time.perf_counter() - started)
        if process.returncode != 130:
            raise RuntimeError(f"Ctrl-C ended the build with status {process.returncode}, not 130")
    return {"seconds_min": round(min(timings), 2), "seconds_median": round(statistics.median(timings), 2),
            "seconds_max": round(max(timings), 2), "runs": repeats}


def free_port() -> int:
    """A port nobody listens on, on 127.0.0.1 (the bench and the preview test serve there)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_text(url: str) -> str:
    """The page at `url`, or "" while nothing answers there."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return ""


def preview_after_edit(kit: Path, repeats: int = 3, serve_options: tuple[str, ...] = ("--dirty",)) -> dict:
    """(h): seconds from saving a tool's YAML to its new title on its page in the preview
    (`make serve` runs `mkdocs serve --dirty`), and to the new title in another page's navigation."""
    tool = _tool_in_no_session(kit)
    port = free_port()
    url = f"http://127.0.0.1:{port}/{tool.parent.name}/{tool.stem}/"
    other = _other_tool(tool)
    other_url = f"http://127.0.0.1:{port}/{tool.parent.name}/{other.stem}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *serve_options, "-a", f"127.0.0.1:{port}"],
                              cwd=kit, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    to_page, to_everywhere = [], []
    try:
        deadline = time.monotonic() + 600
        while not page_text(url) and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(5)  # the first PDFs made in the background, and the reload they cause
        original = tool.read_text(encoding="utf-8")
        for run in range(repeats):
            marker = f"Edited {run} "
            tool.write_text(original.replace("title: ", f"title: {marker}", 1), encoding="utf-8")
            started = time.perf_counter()
            while marker not in page_text(url) and time.perf_counter() - started < 120:
                time.sleep(0.05)
            to_page.append(time.perf_counter() - started)
            while marker not in _navigation(page_text(other_url)) and time.perf_counter() - started < 120:
                time.sleep(0.05)
            to_everywhere.append(time.perf_counter() - started)
            time.sleep(3)  # let the PDFs of this edit finish before the next one
        tool.write_text(original, encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=60)
    return {"page_seconds_min": round(min(to_page), 2), "page_seconds_median": round(statistics.median(to_page), 2),
            "page_seconds_max": round(max(to_page), 2),
            "all_pages_seconds_median": round(statistics.median(to_everywhere), 2), "runs": repeats,
            "serve_options": list(serve_options)}


def _other_tool(tool: Path) -> Path:
    """Another tool of the kit's own language, whose navigation lists `tool`: not a translation
    (tool.es.yml), which has no page of its own at that address."""
    return next(path for path in sorted(tool.parent.glob("*.yml")) if path != tool and path.suffixes == [".yml"])


def _navigation(html: str) -> str:
    """A page's navigation: the part of another tool's page that lists the edited tool."""
    start = html.find('<nav class="md-nav md-nav--primary"')
    return html[start:html.find("</nav>", start)] if start >= 0 else ""


def benchmark(kit_root: Path, edit_sizes: list[int], weight_sizes: list[int]) -> dict:
    cores = os.cpu_count() or 1
    results: dict = {"cores": cores, "python": sys.version.split()[0], "scenarios": {}}
    scenarios = results["scenarios"]
    weights: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="toolkit-bench-") as scratch:
        scratch = Path(scratch)
        kit = copy_kit(kit_root, scratch / "kit")
        scenarios["a_shipped_cold"] = run_build(kit)
        scenarios["b_no_change"] = run_build(kit)
        weights[f"{_tool_count(kit)}_shipped"] = _weights(kit / "site")
        changed = _tool_in_no_session(kit)
        with changed.open("a", encoding="utf-8") as out:
            out.write("\n# benchmark: a change that alters the page and the PDFs\n")
        text = changed.read_text(encoding="utf-8").replace("title: ", "title: Changed ", 1)
        changed.write_text(text, encoding="utf-8")
        scenarios["c_one_tool_changed"] = {**run_build(kit), "tool": changed.stem}
        scenarios["h_preview_page_after_edit"] = preview_after_edit(kit)
        for size in edit_sizes:
            synthetic = synthetic_kit(kit_root, scratch / f"synthetic-{size}", size)
            scenarios[f"d_synthetic_{size}"] = one_edit(synthetic)
        # Weighed alike at every size: pages only (a 1000-tool kit with every PDF would take hours
        # to build, and the sheets' pictures would weigh in at one size and not another).
        for size in weight_sizes:
            synthetic = synthetic_kit(kit_root, scratch / f"synthetic-pages-{size}", size)
            scenarios[f"d_synthetic_{size}_pages_only"] = run_build(synthetic, "--no-pdfs")
            weights[f"{size}_synthetic_pages_only"] = _weights(synthetic / "site")
        scenarios["e_mkdocs_without_pdfs"] = run_build(copy_kit(kit_root, scratch / "kit-no-pdfs"),
                                                       "--no-pdfs")
        scenarios["g_ctrl_c_while_rendering"] = ctrl_c(copy_kit(kit_root, scratch / "kit-stopped"))
    scenarios["f_bare_weasyprint_one_worksheet"] = bare_weasyprint(kit_root)
    results["page_weights_kb"] = weights
    results["targets"] = _targets(scenarios, weights, edit_sizes, cores)
    return results


EDIT_ROUNDS = 3  # a whole build varies by a few seconds from run to run: medians of this many


def one_edit(kit: Path, rounds: int = EDIT_ROUNDS) -> dict:
    """A kit built cold, then `rounds` times: again unchanged, and right after with one tool's title
    changed (which also leaves its translations out of date, as an edit to the English does). The
    edit's cost is the median of each edited build less the unchanged one just before it: this
    machine's speed drifts by seconds within minutes, and a pair run back to back drifts least."""
    cold = run_build(kit)
    tool = kit / "toolkit" / "activities" / "generated-0001.yml"
    original = tool.read_text(encoding="utf-8")
    unchanged, edited = [], []
    for number in range(1, rounds + 1):
        unchanged.append(run_build(kit))
        tool.write_text(original.replace("title: \"", f"title: \"Changed {number} ", 1), encoding="utf-8")
        edited.append(run_build(kit))
    costs = [after["seconds"] - before["seconds"] for before, after in zip(unchanged, edited)]
    pdf_costs = [after["pdf_step_seconds"] - before["pdf_step_seconds"] for before, after in zip(unchanged, edited)]
    return {"cold": cold, "no_change": _median_run(unchanged), "one_tool_changed": _median_run(edited),
            "no_change_seconds_all": [run["seconds"] for run in unchanged],
            "one_tool_changed_seconds_all": [run["seconds"] for run in edited],
            "edit_costs_seconds": round(statistics.median(costs), 2),
            "edit_costs_seconds_all": [round(cost, 2) for cost in costs],
            "edit_costs_pdf_step_seconds": round(statistics.median(pdf_costs), 2)}


def _median_run(runs: list[dict]) -> dict:
    """The run whose time is the median (the lower middle one of an even number)."""
    return sorted(runs, key=lambda run: run["seconds"])[(len(runs) - 1) // 2]


def _tool_count(kit: Path) -> int:
    from generators.kit import load_kit

    return len(load_kit(kit).items)


def _weights(site: Path) -> dict:
    """The first load of a tool page, the catalog and the home page, in each language."""
    from benchmarks.page_weight import page_weights

    tool = sorted(path.parent.name for path in (site / "activities").glob("*/index.html"))[1]
    pages = {"tool_page": f"activities/{tool}/", "catalog": "catalog/", "home": ""}
    if (site / "es").is_dir():
        pages.update({f"es_{name}": f"es/{path}" for name, path in list(pages.items())})
    return page_weights(site, pages)


def _targets(s: dict, weights: dict, edit_sizes: list[int], cores: int) -> dict:
    b, e, f = (s["b_no_change"]["seconds"], s["e_mkdocs_without_pdfs"]["seconds"],
               s["f_bare_weasyprint_one_worksheet"]["seconds"])
    cold = s["a_shipped_cold"]["pdfs_per_second"]
    targets = {
        "b_at_most_1.3_e": {"limit": round(1.3 * e, 2), "measured": b, "met": b <= 1.3 * e},
        "cold_pdfs_per_second_at_least_0.8_cores_over_f": {"limit": round(0.8 * cores / f, 2), "measured": cold,
                                                          "met": cold >= 0.8 * cores / f},
    }
    edits = {size: s[f"d_synthetic_{size}"]["edit_costs_seconds"] for size in edit_sizes}
    for size, extra in edits.items():
        targets[f"one_edit_at_{size}_tools_at_most_3_s_over_no_change"] = {"limit": 3, "measured": extra,
                                                                           "met": extra <= 3}
    if len(edits) > 1:
        smallest, largest = edits[min(edits)], edits[max(edits)]
        # Flat: the larger kit's edit may cost a second more than the smaller one's, not more.
        targets["one_edit_cost_flat_with_kit_size"] = {"limit": round(smallest + 1, 2), "measured": largest,
                                                       "met": largest <= smallest + 1}
    if "h_preview_page_after_edit" in s:
        preview = s["h_preview_page_after_edit"]["page_seconds_median"]
        targets["preview_page_at_most_2_s"] = {"limit": 2, "measured": preview, "met": preview <= 2}
    # Like with like: the synthetic kits, all built the same way (the shipped kit's row is for reading).
    synthetic = {name: sizes for name, sizes in weights.items() if "synthetic" in name}
    tool_pages = [sizes["tool_page"]["kb"] for sizes in synthetic.values()]
    if len(tool_pages) > 1:
        targets["tool_page_first_load_within_10_percent"] = {
            "limit": round(1.1 * min(tool_pages), 1), "measured": max(tool_pages),
            "met": max(tool_pages) <= 1.1 * min(tool_pages)}
    catalogs = [sizes["catalog"]["kb"] for sizes in synthetic.values()]
    if catalogs:  # not when no synthetic kit's pages were weighed (--page-sizes "")
        targets["catalog_first_load_at_most_150_kb"] = {"limit": 150, "measured": max(catalogs),
                                                        "met": max(catalogs) <= 150}
    stop = s["g_ctrl_c_while_rendering"]["seconds_max"]
    targets["ctrl_c_at_most_2_s"] = {"limit": 2, "measured": stop, "met": stop <= 2}
    # Measured where /proc allows (every process of the build at the same moment); the
    # upper bound otherwise.
    builds = [v for v in s.values() if "seconds" in v] + [
        run for v in s.values() if "cold" in v for run in (v["cold"], v["no_change"], v["one_tool_changed"])]
    peak = max(v.get("peak_mb_all_processes_sampled", v.get("peak_mb_upper_bound", 0)) for v in builds)
    targets["peak_memory_at_most_1536_mb"] = {"limit": 1536, "measured": peak, "met": peak <= 1536}
    return targets


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,400",
                        help="synthetic kit sizes built in full, cold, unchanged and after one edit "
                             "(comma-separated; default 100,400)")
    parser.add_argument("--page-sizes", default="100,1000",
                        help="synthetic kit sizes whose pages are weighed (those not in --sizes are built "
                             "without PDFs; default 100,1000)")
    args = parser.parse_args(argv)
    kit_root = Path(__file__).resolve().parent.parent
    sizes = [int(n) for n in args.sizes.split(",") if n]
    print(json.dumps(benchmark(kit_root, sizes, [int(n) for n in args.page_sizes.split(",") if n]), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
