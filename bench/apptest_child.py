"""The app stage's child process: AppTest reruns of the app's pages, printed as one JSON object.

Not imported by the registry: :mod:`bench.apptest` reads this file as
text and runs it with ``python -c`` (so the child imports nothing of the registry
but what the app does). Arguments: the project root, the registry file, the
number of runs per side, and ``1`` to trace the network page's memory.
"""

import gc
import json
import os
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

__all__ = ["timed", "failed", "sent", "page_floor", "main"]


def timed(fn: Callable[[], Any]) -> tuple[float, float]:
    """Return ``(wall seconds, CPU seconds)`` of one call of ``fn``, after a garbage collection."""
    gc.collect()
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def failed(at: Any) -> list[str]:
    """Return the messages of the exceptions the AppTest ``at`` shows."""
    return [str(e.value) for e in at.exception]


def sent(at: Any) -> int:
    """Return the bytes of the page's elements: what a rerun sends to the browser (the websocket's deltas)."""
    total = 0

    def walk(node: Any) -> None:
        nonlocal total
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ByteSize"):
            total += proto.ByteSize()
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.main)
    walk(at.sidebar)
    return total


def page_floor(db: str) -> Callable[[], Any]:
    """Return the network page's floor: building the registry's graph and the default view's HTML.

    The graph and view stages' own work (``build_graph``; ``network_html`` of the default
    view, laid out beforehand), timed here beside each year step so that both see the same
    machine. Imported after the app ran: the app imports the same modules.
    """
    from bench.browser import _default_view
    from registry.network.graph import build_graph
    from registry.store.db import connect
    from registry.view import network_html

    conn = connect(db)
    try:
        drawn, _, positions, _, _ = _default_view(conn)
    finally:
        conn.close()
    network_html(drawn, "nb", positions)  # once untimed, as the view stage: the first call reads the assets

    def run() -> None:
        conn = connect(db)
        try:
            build_graph(conn)
        finally:
            conn.close()
        network_html(drawn, "nb", positions)

    return run


def main(argv: list[str]) -> None:
    """Run the pages under AppTest and print the measurements as one JSON object; return nothing."""
    root, db, repeat, memory = argv[1], argv[2], int(argv[3]), argv[4] == "1"
    os.environ["REGISTRY_DB"] = db
    os.environ.pop("REGISTRY_EDITOR", None)
    sys.path.insert(0, root)
    os.chdir(root)
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(os.path.join(root, "app.py"), default_timeout=1800)
    first = timed(at.run)
    warm = timed(lambda: at.switch_page("app_pages/network.py").run())
    if failed(at):
        print(json.dumps({"error": failed(at)}))
        sys.exit(0)
    bare = AppTest.from_string("import streamlit as st; st.write('bare')", default_timeout=60)
    bare.run()
    floor = page_floor(db)
    top = at.slider(key="net_year").value
    lib, raw, floors = [], [], []
    for i in range(repeat):
        # The slider of this run's tree: a widget kept from an earlier run is no longer in the
        # tree, and setting it changes nothing (the rerun would then be a cache hit).
        at.slider(key="net_year").set_value(top - 1 - i)
        lib.append(timed(at.run))
        assert at.slider(key="net_year").value == top - 1 - i, "the filter change did not reach the app"
        raw.append(timed(bare.run))
        floors.append(timed(floor))
    unchanged = min(timed(at.run) for _ in range(repeat))
    # Warm: back to years this session has drawn (the page's caches hold them), one step at a time.
    back = []
    for i in range(repeat):
        at.slider(key="net_year").set_value(top - i)
        back.append(timed(at.run))
    out: dict[str, Any] = {
        "lib": lib,
        "raw": raw,
        "floor": floors,
        "warm": back,
        "first_run": first,
        "network_first": warm,
        "unchanged": unchanged,
        "error": failed(at),
    }
    iframes = at.get("iframe")
    out["html_bytes"] = len(iframes[0].proto.srcdoc.encode("utf-8")) if iframes else None

    # The Registry page and the Gaps page: the first view, then reruns after a new search (each a cache miss).
    pages: dict[str, Any] = {}
    for name, path, key in (("registry", "app_pages/registry_browser.py", "reg_search"), ("gaps", "app_pages/gaps.py", "gaps_search")):
        first_view = timed(lambda path=path: at.switch_page(path).run())
        if failed(at):
            pages[name] = {"error": failed(at)}
            continue
        page: dict[str, Any] = {"first_view": first_view, "first_view_bytes": sent(at), "lib": [], "raw": []}
        for i in range(repeat):
            at.text_input(key=key).input("aeoinrstlu"[i % 10] + "e"[: i // 10])
            page["lib"].append(timed(at.run))
            page["raw"].append(timed(bare.run))
        page["rerun_bytes"] = sent(at)
        page["error"] = failed(at)
        pages[name] = page
    out["pages"] = pages
    if memory:
        # Back to the network page: the slider is not in the tree of the Gaps page the loop ended on.
        at.switch_page("app_pages/network.py").run()
        at.slider(key="net_year").set_value(top - 1 - repeat)
        gc.collect()
        tracemalloc.start()
        at.run()
        out["peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    # VmHWM, not ru_maxrss: Linux carries the parent's high-water mark into ru_maxrss across fork and exec.
    status = "/proc/self/status"
    hwm = [line for line in open(status) if line.startswith("VmHWM:")] if os.path.exists(status) else []
    out["max_rss_mb"] = int(hwm[0].split()[1]) / 1024 if hwm else None
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv)
