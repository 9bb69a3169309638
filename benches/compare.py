#!/usr/bin/env python3
"""Speed of Taliq's extraction pipeline next to pyarabic and camel-tools.

Run from the repository root: ``python3 benches/compare.py``.

1. Creates a virtual environment in ``target/bench-venv`` if it is missing and installs
   the Python baselines from PyPI: ``pyarabic``, and ``camel-tools`` with ``--no-deps``
   (its ``utils`` and word tokenizer need only ``regex``, ``emoji``, ``six`` and
   ``future``, installed too), then runs itself again with that environment's Python.
2. Runs ``cargo bench --bench extract`` (benches/extract.rs) and reads its MB/s for the
   whole pipeline (normalize, tokenize, proclitic readings, all fact recognizers) and
   for normalize + tokenize alone.
3. Builds the same input as benches/extract.rs (``seeds/putin-trump-call.ar.txt``
   without BOM and trailing whitespace, repeated with a blank line between copies until
   it has at least 2 MB of UTF-8) and times on it, in this one process:
   * pyarabic: ``strip_tashkeel``, ``strip_tatweel``, ``normalize_ligature``,
     ``normalize_alef``, ``normalize_teh``, alef maksura → ya (``str.replace``: pyarabic
     has no function for it), then ``araby.tokenize``;
   * camel-tools: ``normalize_alef_ar``, ``normalize_alef_maksura_ar``,
     ``normalize_teh_marbuta_ar``, ``dediac_ar``, then
     ``tokenizers.word.simple_word_tokenize``.
   These are the steps of Taliq's own normalize + tokenize (src/extract/normalize.rs,
   tokenize.rs), which is a fraction of Taliq's pipeline.
4. Prints MB/s (1 MB = 10^6 bytes of UTF-8 input; median of the runs, by the thread's
   CPU time, which a loaded machine disturbs less than wall time; wall time too) and
   the ratios Taliq / pyarabic and Taliq / camel-tools.

Environment: ``TALIQ_BENCH_RUNS`` (runs per measurement) is passed on to the
Rust bench too (default 11 here); ``TALIQ_BENCH_VENV`` overrides the environment's folder.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("TALIQ_BENCH_VENV", ROOT / "target" / "bench-venv"))
SAMPLE = ROOT / "seeds" / "putin-trump-call.ar.txt"
TARGET_BYTES = 2_000_000
RUNS = int(os.environ.get("TALIQ_BENCH_RUNS", "11"))


def ensure_venv() -> None:
    """Re-executes this script in the benchmark venv, creating it if needed."""
    py = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    if not py.exists():
        print(f"creating {VENV} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        pip = [str(py), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, "pyarabic", "regex", "emoji", "six", "future"], check=True)
        subprocess.run([*pip, "--no-deps", "camel-tools"], check=True)
    os.execv(str(py), [str(py), __file__, *sys.argv[1:]])


def build_input() -> str:
    article = SAMPLE.read_text(encoding="utf-8").removeprefix("\ufeff").rstrip()
    parts, size = [], 0
    step = len((article + "\n\n").encode())
    while size < TARGET_BYTES:
        parts.append(article + "\n\n")
        size += step
    return "".join(parts)


def median_time(f, text: str) -> tuple[float, float, int]:
    """Median wall and thread-CPU seconds of RUNS calls (after a warm-up), and f's count."""
    count = f(text)
    walls, cpus = [], []
    for _ in range(RUNS):
        c, w = time.thread_time(), time.perf_counter()
        f(text)
        walls.append(time.perf_counter() - w)
        cpus.append(time.thread_time() - c)
    return statistics.median(walls), statistics.median(cpus), count


def pyarabic_pipeline(text: str) -> int:
    from pyarabic import araby

    t = araby.strip_tashkeel(text)
    t = araby.strip_tatweel(t)
    t = araby.normalize_ligature(t)
    t = araby.normalize_alef(t)
    t = araby.normalize_teh(t)
    t = t.replace("\u0649", "\u064a")
    return len(araby.tokenize(t))


def camel_pipeline(text: str) -> int:
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
    )

    t = normalize_alef_ar(text)
    t = normalize_alef_maksura_ar(t)
    t = normalize_teh_marbuta_ar(t)
    t = dediac_ar(t)
    return len(simple_word_tokenize(t))


LINE = re.compile(
    r"^(?P<name>[^:]+):\s+(?P<ms>[\d.]+) ms\s+(?P<mbs>[\d.]+) MB/s.*?"
    r"(?:\[CPU (?P<cpu_ms>[\d.]+) ms, (?P<cpu_mbs>[\d.]+) MB/s\])?$"
)


def rust_bench() -> dict[str, tuple[float, float | None]]:
    """MB/s (wall, CPU) of each line of `cargo bench --bench extract`."""
    env = dict(os.environ, TALIQ_BENCH_RUNS=str(RUNS))
    out = subprocess.run(
        ["cargo", "bench", "--quiet", "--bench", "extract"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    print(out.rstrip())
    res = {}
    for line in out.splitlines():
        m = LINE.match(line.strip())
        if m:
            cpu = m.group("cpu_mbs")
            res[m.group("name").strip()] = (float(m.group("mbs")), float(cpu) if cpu else None)
    return res


def main() -> int:
    ensure_venv()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("== cargo bench --bench extract ==")
    rust = rust_bench()
    whole = rust.get("extract (whole pipeline)")
    normtok = rust.get("normalize + tokenize")
    if whole is None:
        print("could not read the Rust bench's output", file=sys.stderr)
        return 1

    text = build_input()
    mb = len(text.encode()) / 1e6
    print(f"\n== Python baselines, {mb:.2f} MB, {RUNS} runs, median ==")
    py = {}
    for name, f in (("pyarabic", pyarabic_pipeline), ("camel-tools", camel_pipeline)):
        wall, cpu, n = median_time(f, text)
        py[name] = (mb / wall, mb / cpu if cpu > 0 else None)
        print(
            f"{name + ' normalize + tokenize:':32} {wall * 1e3:8.1f} ms  {mb / wall:7.2f} MB/s"
            f"  ({n} tokens)  [CPU {cpu * 1e3:.1f} ms, {py[name][1]:.2f} MB/s]"
        )

    def pick(x: tuple[float, float | None], cpu: bool) -> float:
        return x[1] if cpu and x[1] is not None else x[0]

    print("\n== ratios (Taliq MB/s / baseline MB/s; by CPU time, wall time in brackets) ==")
    for label, ours in (("Taliq whole pipeline", whole), ("Taliq normalize + tokenize", normtok)):
        if ours is None:
            continue
        for name, theirs in py.items():
            print(
                f"{label} / {name}: {pick(ours, True) / pick(theirs, True):6.1f}x"
                f"  [{ours[0] / theirs[0]:.1f}x]"
            )
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
