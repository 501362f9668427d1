"""The benchmark's parts that start processes: its memory sampler sees child processes, and its
Ctrl-C scenario times a real stop of a build. Its other parts: tests/unit/test_bench.py."""

from __future__ import annotations

import subprocess
import sys
import time

from benchmarks.bench import TreeMemorySampler, ctrl_c
from benchmarks.synthetic import synthetic_kit


def test_the_sampler_counts_the_memory_of_a_child_of_a_child():
    # A parent that starts a child holding 120 MB, as a build starts its workers.
    script = ("import subprocess, sys; subprocess.run([sys.executable, '-c', "
              "'import time; block = bytearray(120 * 2**20); block[::4096] = b\"x\" * len(block[::4096]); "
              "time.sleep(1.5)'])")
    process = subprocess.Popen([sys.executable, "-c", script])
    sampler = TreeMemorySampler(process.pid)
    sampler.start()
    process.wait(timeout=60)
    time.sleep(0.3)
    sampler.stop()
    assert sampler.peak_kb > 120 * 1024


def test_the_ctrl_c_scenario_times_a_real_stop(fixture_kit_root, tmp_path):
    timing = ctrl_c(synthetic_kit(fixture_kit_root, tmp_path / "kit", 30), repeats=1)
    assert timing["runs"] == 1
    assert 0 < timing["seconds_min"] == timing["seconds_max"] < 60
