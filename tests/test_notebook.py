"""The analyst's notebook runs from top to bottom, on the seed and on the demo, so it cannot rot.

The kernel is this interpreter, declared in a kernelspec in a temporary
directory: the test does not depend on which kernels a machine has installed,
only on ``pip install -r requirements-dev.txt`` (ipykernel, nbclient).
"""

import json
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "analyst.ipynb"
KERNEL = "registry-test-python"


@pytest.fixture
def kernel(tmp_path, monkeypatch):
    spec = tmp_path / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Python (registry tests)",
                "language": "python",
            }
        )
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    return KERNEL


def test_the_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None


@pytest.mark.slow
@pytest.mark.parametrize("source", ["seed", "demo"])
def test_the_notebook_runs(kernel, tmp_path, monkeypatch, source):
    out = tmp_path / "out"
    monkeypatch.setenv("REGISTRY_NOTEBOOK_SOURCE", source)
    monkeypatch.setenv("REGISTRY_NOTEBOOK_OUT", str(out))
    monkeypatch.setenv("REGISTRY_NOTEBOOK_AS_OF", "2025-12-31")
    monkeypatch.delenv("REGISTRY_NOTEBOOK_DB", raising=False)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(nb, kernel_name=kernel, timeout=300, resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()

    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "the chart was drawn"
    text = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert ("FICTIONAL DEMO DATA" in text) == (source == "demo")

    summary = pd.read_csv(out / "summary.csv")
    from registry.findings import FINDING_KINDS

    assert len(summary) == len(FINDING_KINDS)
    assert (out / "classification.csv").exists() and (out / "coverage_sectors.csv").exists()
    cities = pd.read_csv(out / "classification.csv")
    assert len(cities) == (11 if source == "seed" else 7)  # data/ties.csv; registry/io/demo.py
