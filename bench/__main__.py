"""``python -m bench``: time the registry's stages on synthetic registries against raw baselines, from a checkout."""

from __future__ import annotations

import argparse
import sys

from . import DEFAULT_STAGES, STAGES, format_table, run, write_json


def parser() -> argparse.ArgumentParser:
    """Return the benchmark's argument parser."""
    p = argparse.ArgumentParser(
        prog="python -m bench", description="time import, graph, analysis, view, app and map on synthetic registries against raw baselines"
    )
    p.add_argument("--sizes", default="1000,10000,100000", help="comma-separated entity counts (ties are about 3x)")
    p.add_argument("--out", metavar="FILE", help="also write the records as a JSON list to FILE")
    p.add_argument(
        "--stages",
        default=",".join(DEFAULT_STAGES),
        help=f"comma-separated stages to run, of {', '.join(STAGES)} (pages: every page's first view; not run unless named)",
    )
    p.add_argument("--seed", type=int, default=0, help="seed of the synthetic registries")
    p.add_argument("--repeat", type=int, help="runs per side, best kept (default 3 up to 10k entities, else 1)")
    p.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass that measures peak memory")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark with ``argv``; print its table (and write JSON with ``--out``); return the exit status."""
    a = parser().parse_args(argv)
    try:
        sizes = [int(s.replace("_", "")) for s in a.sizes.split(",") if s.strip()]
        records = run(
            sizes,
            stages=[s.strip() for s in a.stages.split(",") if s.strip()],
            seed=a.seed,
            repeat=a.repeat,
            memory=not a.no_memory,
            progress=lambda r: print(format_table([r]).splitlines()[-1], file=sys.stderr),
        )
    except ValueError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    print(format_table(records))
    if a.out:
        write_json(records, a.out)
        print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
