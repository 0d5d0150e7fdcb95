"""Time lintkit on hostile inputs of growing size: the time must grow linearly.

    python benchmarks/hostile.py [--sizes 5000,10000,20000]

Each input is generated (nothing is read from disk but lintkit itself) and
linted in a fresh process with every default rule; the table gives seconds
per size, and the ratio of the largest to the smallest time against the
ratio of sizes.  The shapes are the ones that once made lintkit stall:

* ``numerals``: one line of random Chinese numerals (一二…万亿);
* ``approximate``: an approximate figure (``3300.67余``) repeated on one line;
* ``names-and-figures``: one sentence with a name, a role and a figure, repeated.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHAPES = {
    "numerals": lambda n, rng: "".join(rng.choice("一二三四五六七八九十百千万亿零两") for _ in range(n)) + "\n",
    "approximate": lambda n, rng: "3300.67余" * n + "\n",
    "names-and-figures": lambda n, rng: "会长王建明表示，3.5万名居民参与。" * (n // 10) + "\n",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="5000,10000,20000", help="repeats per input (comma-separated)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    rng = random.Random(1)
    print(f"{'shape':20} " + " ".join(f"{n:>9}" for n in sizes) + "   growth (time / size)")
    with tempfile.TemporaryDirectory() as tmp:
        for shape, make in SHAPES.items():
            times = []
            for n in sizes:
                path = Path(tmp) / f"{shape}-{n}.txt"
                path.write_text(make(n, rng), encoding="utf-8")
                t0 = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "lintkit", "check", str(path), "--format", "json"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                times.append(time.perf_counter() - t0)
            growth = f"{times[-1] / times[0]:.1f}x / {sizes[-1] / sizes[0]:.0f}x"
            print(f"{shape:20} " + " ".join(f"{t:8.2f}s" for t in times) + f"   {growth}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
