"""The pages stage's child process: each page of the app opened once under AppTest with empty caches, as JSON.

Not imported by the benchmark: :mod:`bench.pages` reads this file as text and runs it
with ``python -c``. Arguments: the project root, the registry file and the pages (paths
relative to the root). Prints one JSON object: per page, its first view's wall and CPU
seconds, the errors it showed and its title, one line per page as it is done (a child that dies
part-way still reports the pages before).
"""

import gc
import json
import os
import shutil
import sys
import time
from typing import Any

__all__ = ["main"]


def main(argv: list[str]) -> None:
    """Open each page with empty caches and print how long its first view took, a JSON line per page; return nothing."""
    root, db, pages = argv[1], argv[2], argv[3:]
    os.environ["REGISTRY_DB"] = db
    os.environ.pop("REGISTRY_EDITOR", None)
    sys.path.insert(0, root)
    os.chdir(root)
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from registry.analysis.metrics_cache import cache_dir

    out: dict[str, Any] = {}
    for path in pages:
        at = AppTest.from_file(os.path.join(root, "app.py"), default_timeout=3600)
        at.session_state["lang"] = "en"
        # A first run, not timed, registers the pages: before it AppTest finds a page by its file name, and
        # one with its own address (the Registry's /registry) silently opened the Overview instead.
        at.run()
        # Then the page as a new session's first view on a freshly started app: no cached result, no metrics on disk.
        st.cache_data.clear()
        st.cache_resource.clear()
        shutil.rmtree(cache_dir(db), ignore_errors=True)
        gc.collect()
        at.switch_page(path)
        w, c = time.perf_counter(), time.process_time()
        try:
            at.run()
            errors = [str(e.value) for e in at.exception]
        except Exception as exc:  # noqa: BLE001 - a page that does not open is the finding
            errors = [f"{type(exc).__name__}: {exc}"]
        wall, cpu = time.perf_counter() - w, time.process_time() - c
        title = at.title[0].value if len(at.title) else None
        out[path] = {"wall": wall, "cpu": cpu, "errors": errors, "title": title}
        print(json.dumps({path: out[path]}), flush=True)


if __name__ == "__main__":
    main(sys.argv)
