"""The pages stage's child process: each page of the app opened once under AppTest with empty caches, as JSON.

Not imported by the benchmark: :mod:`bench.pages` reads this file as text and runs it
with ``python -c``. Arguments: the project root, the registry file and the pages (paths
relative to the root). Prints one JSON object: per page, its first view's wall and CPU
seconds and the errors it showed, one line per page as it is done (a child that dies
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
        # Every page as a new session's first view on a freshly started app: no cached result, no metrics on disk.
        st.cache_data.clear()
        st.cache_resource.clear()
        shutil.rmtree(cache_dir(db), ignore_errors=True)
        gc.collect()
        at = AppTest.from_file(os.path.join(root, "app.py"), default_timeout=3600)
        at.session_state["lang"] = "en"
        at.switch_page(path)
        w, c = time.perf_counter(), time.process_time()
        try:
            at.run()
            errors = [str(e.value) for e in at.exception]
        except Exception as exc:  # noqa: BLE001 - a page that does not open is the finding
            errors = [f"{type(exc).__name__}: {exc}"]
        out[path] = {"wall": time.perf_counter() - w, "cpu": time.process_time() - c, "errors": errors}
        print(json.dumps({path: out[path]}), flush=True)


if __name__ == "__main__":
    main(sys.argv)
