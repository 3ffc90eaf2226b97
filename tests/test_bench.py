"""The benchmark at a tiny size: record shape, ratios from the same run, the table and the CLI.

Timings are never asserted (speed is the benchmark's business, not a unit test's).
"""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import bench
from bench import apptest, browser, map_page, measure, pages
from registry.store.schema import DATA_TABLES

ROOT = Path(__file__).resolve().parent.parent
KEYS = {"size", "stage", "seconds", "baseline_seconds", "ratio", "peak_mb"}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("bench")


@pytest.fixture(scope="module")
def records(workdir):
    return bench.run([200], stages=["import", "graph", "analysis", "view"], repeat=1, workdir=workdir)


def by_stage(records, stage):
    return next(r for r in records if r.stage == stage)


def test_one_record_per_stage_with_the_issue_keys(records):
    assert [r.stage for r in records] == ["import", "graph", "analysis", "view"]
    for r in records:
        d = r.as_dict()
        assert KEYS <= set(d)
        assert d["size"] == 200
        json.dumps(d)  # JSON-ready


def test_ratios_are_this_runs_seconds_over_this_runs_baseline(records):
    for r in records:
        if r.skipped:
            continue
        assert r.seconds > 0 and r.baseline_seconds > 0
        # The ratio is this run's seconds over this run's baseline, not a stored figure.
        assert r.ratio == pytest.approx(r.seconds / r.baseline_seconds)
        assert r.extra["cpu_ratio"] == pytest.approx(r.extra["cpu_seconds"] / r.extra["baseline_cpu_seconds"])
        assert r.peak_mb is not None and r.peak_mb >= 0
        assert r.met in (True, False)
        assert (r.missed_by is None) == r.met


def test_import_baseline_writes_the_same_rows(records, workdir):
    imp = by_stage(records, "import")
    assert imp.extra["rows"] == imp.extra["raw_rows"] > 600  # 200 entities, ~600 ties, and the evidence tables
    # Every data table is imported (synth writes rows for each), and the baseline wrote each table's rows too.
    assert set(imp.extra["tables"]) == {t.name for t in DATA_TABLES}
    counts = {}
    for side in ("library", "raw"):
        conn = sqlite3.connect(workdir / "200" / f"{side}.db")
        counts[side] = {t.name: conn.execute(f"SELECT count(*) FROM [{t.name}]").fetchone()[0] for t in DATA_TABLES}
        conn.close()
    assert counts["library"] == counts["raw"] == imp.extra["tables"]


def test_graph_holds_every_entity_and_tie(records):
    g = by_stage(records, "graph")
    assert g.extra["nodes"] == 200
    assert g.extra["raw_rows"] == g.extra["nodes"] + g.extra["edges"]
    assert g.extra["graph_mb"] > 0


def test_analysis_gives_each_finding_kinds_share_and_method(records):
    a = by_stage(records, "analysis")
    if a.skipped:
        pytest.skip(a.skipped)
    from registry.analysis import FUNCTIONS

    assert set(a.extra["shares"]) == set(FUNCTIONS)
    assert 0 < sum(a.extra["shares"].values()) <= 1.01  # parts of the whole analysis (rounded)
    assert set(a.extra["methods"].values()) <= {"exact", "sampled", "skipped"}


def test_view_reports_html_size_and_drawn_nodes(records):
    v = by_stage(records, "view")
    if v.skipped:
        pytest.skip(v.skipped)
    assert v.extra["html_bytes"] > v.extra["asset_bytes"] > 0
    assert v.extra["drawn_nodes"] <= 200 and v.extra["aggregated"] is False
    # Drawn in headless Chromium, or the record says why not.
    if "browser_skipped" not in v.extra:
        assert 0 <= v.extra["longest_task_seconds"] < v.extra["stable_seconds"]
        assert v.extra["drawn_seconds"] > 0


def test_view_drawing_is_skipped_with_a_reason_without_chromium(monkeypatch, tmp_path):
    monkeypatch.setattr(browser, "CHROMIUM", str(tmp_path / "no-chromium"))
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><body data-stable='1'></body>", encoding="utf-8")
    assert browser.browser_timing(page) == {"browser_skipped": f"{tmp_path / 'no-chromium'} is not installed"}


def test_longest_task_over_half_a_second_misses_the_view_target():
    # Hand-made: a 651 ms task against the 500 ms cap is over by 651 / 500 = 1.30x.
    rec = bench.Record(1000, "view", 1.0, 1.0, 1.0)
    measure.judge(rec, [("longest task ms", 651, browser.VIEW_MAX_TASK_SECONDS * 1000)])
    assert rec.met is False and rec.missed_by == "longest task ms 651 > 500 (by 1.30x)"


def test_missing_module_is_skipped_not_failed(monkeypatch, tmp_path):
    monkeypatch.setattr(measure, "available", lambda module, name: None)
    recs = bench.run([60], stages=["analysis", "view"], repeat=1, memory=False, workdir=tmp_path)
    assert [(r.stage, r.skipped) for r in recs[1:]] == [("analysis", "skipped: not available"), ("view", "skipped: not available")]
    assert all(r.seconds is None and r.ratio is None for r in recs[1:])


def test_judge_says_by_how_much_a_target_is_missed():
    # Hand-made: 10 s against 2 s is 5x; the import target is 3x, so missed by 5/3 = 1.67x.
    rec = measure.judge(bench.Record(100_000, "import", 10.0, 2.0, 5.0))
    assert rec.met is False and "5.00x > 3x (by 1.67x)" in rec.missed_by
    # The graph target is 3x at 10k and below, 4x above; 3.5x meets it only above 10k.
    assert measure.judge(bench.Record(10_000, "graph", 3.5, 1.0, 3.5)).met is False
    assert measure.judge(bench.Record(100_000, "graph", 3.5, 1.0, 3.5)).met is True
    rec = measure.judge(bench.Record(100_000, "graph", 3.5, 1.0, 3.5), [("graph MB", 300.5, 250)])
    assert rec.met is False and "graph MB 300.5 > 250 (by 1.20x)" in rec.missed_by
    rec = measure.judge(bench.Record(1000, "view", 1.0, 1.0, 1.0), [("HTML bytes", 1_500_000, 1_200_000)])
    assert rec.missed_by == "HTML bytes 1,500,000 > 1,200,000 (by 1.25x)"


def test_table_lists_every_record(records):
    lines = bench.format_table(records).splitlines()
    assert lines[0].split()[:2] == ["size", "stage"]
    assert len(lines) == 2 + len(records)


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="unknown stage"):
        bench.run([200], stages=["nope"])
    with pytest.raises(ValueError, match="at least 50"):
        bench.run([10])


def test_the_pages_stage_runs_only_when_named():
    # Every page opened cold at 100k takes minutes: not part of a default run, nor of the unit tests.
    assert "pages" in bench.STAGES and "pages" not in bench.DEFAULT_STAGES
    assert set(bench.DEFAULT_STAGES) == set(bench.STAGES) - {"pages"}


def test_the_map_record_is_its_longest_task_against_three_tenths_of_a_second():
    # Hand-made timings: 0.31 s is over the 0.3 s cap by 0.31 / 0.3 = 1.03x; 0.12 s meets it.
    ctx = measure.Context(10_000, Path("."), [], 1, False)
    timing = {"longest_task_seconds": 0.31, "long_tasks": 3, "tasks_ms": [60, 90, 310], "drawn_seconds": 1.2}
    rec = map_page.map_record(ctx, timing)
    assert (rec.stage, rec.seconds, rec.met) == ("map", 0.31, False)
    assert rec.missed_by == "longest task 310 ms > 300 (by 1.03x)" and rec.extra["tasks_ms"] == [60, 90, 310]
    assert map_page.map_record(ctx, {**timing, "longest_task_seconds": 0.12}).met is True
    skipped = map_page.map_record(ctx, {"browser_skipped": "no long-task timing in this browser: x"})
    assert skipped.skipped == "skipped: no long-task timing in this browser: x" and skipped.seconds is None


def test_page_records_say_which_pages_opened():
    # Hand-made child output: the map opened in 2.5 s, the gaps page raised; the others were not measured.
    ctx = measure.Context(100_000, Path("."), [], 1, False)
    out = {
        "app_pages/map.py": {"wall": 2.5, "cpu": 2.0, "errors": []},
        "app_pages/gaps.py": {"wall": 40.0, "cpu": 39.0, "errors": ["MemoryError: \nmore"]},
    }
    recs = {r.stage: r for r in pages.page_records(ctx, out)}
    assert list(recs) == [f"pages:{n}" for n in pages.PAGES]
    assert (recs["pages:map"].seconds, recs["pages:map"].met) == (2.5, True)
    assert recs["pages:gaps"].met is False and recs["pages:gaps"].missed_by == "the page showed an error: MemoryError: "
    assert recs["pages:overview"].skipped == "skipped: not measured"


@pytest.mark.slow
def test_map_and_pages_stages_on_a_small_registry(tmp_path):
    recs = bench.run([200], stages=["map", "pages"], repeat=1, memory=False, workdir=tmp_path)
    by = {r.stage: r for r in recs}
    assert [r.stage for r in recs] == ["import", "map", *(f"pages:{n}" for n in pages.PAGES)]
    for name in pages.PAGES:
        r = by[f"pages:{name}"]
        assert not r.skipped and r.met is True and r.seconds > 0, (name, r.skipped, r.missed_by)
    # Each record is of the page it names: nine pages, nine titles (the Registry's was the Overview's).
    assert len({by[f"pages:{name}"].extra["title"] for name in pages.PAGES}) == len(pages.PAGES)
    assert by["pages:registry_browser"].extra["title"] == "Registry"
    m = by["map"]
    if m.skipped:
        pytest.skip(m.skipped)
    # Opened from another page's navigation and by its address; both drawn, their long tasks recorded.
    assert m.seconds == m.extra["longest_task_seconds"] >= 0 and m.extra["drawn_seconds"] > 0
    assert m.extra["direct_drawn_seconds"] > 0 and m.met in (True, False)


@pytest.mark.slow
def test_app_stage_on_synthetic_and_seed_data(tmp_path):
    # With memory: the memory pass ran after the Gaps page and looked for the network page's slider
    # there, so the child died and every app record came back skipped ("the app run failed").
    recs = bench.run([200], stages=["app"], repeat=1, memory=True, workdir=tmp_path)
    apps = [r for r in recs if r.stage == "app"]
    assert not [r.skipped for r in recs if r.skipped and ("failed" in r.skipped or "raised" in r.skipped)]
    assert [r.extra.get("data") for r in apps if not r.skipped] in (["synthetic", "seed"], [])
    for r in apps:
        if r.skipped:
            pytest.skip(r.skipped)
        assert r.peak_mb and r.peak_mb > 0
        assert r.ratio == pytest.approx(r.seconds / r.baseline_seconds)
        # Issue 19: a cold year step against the page's floor (graph build + view), and the warm step beside it.
        assert r.extra["target_ratio"] == measure.TARGETS["app"].ratio_at(r.size) and r.baseline == apptest.FLOOR
        assert r.extra["warm_seconds"] > 0 and r.extra["bare_seconds"] > 0
        assert r.extra["html_bytes"] > 0
    # The Registry and Gaps pages: measured on both registries, a search rerun against the bare page's.
    pages = [r for r in recs if r.stage in ("app:registry", "app:gaps")]
    assert [(r.stage, r.extra["data"]) for r in pages] == [
        ("app:registry", "synthetic"),
        ("app:gaps", "synthetic"),
        ("app:registry", "seed"),
        ("app:gaps", "seed"),
    ]
    for r in pages:
        assert not r.skipped and not r.extra.get("errors"), r.skipped or r.extra["errors"]
        assert r.ratio == pytest.approx(r.seconds / r.baseline_seconds)
        assert r.extra["first_view_seconds"] > 0 and r.extra["first_view_bytes"] > 0 and r.extra["rerun_bytes"] > 0
        assert r.met is None  # no target: a measurement


def test_the_network_record_is_a_cold_year_step_against_the_page_floor():
    # Hand-made child output: cold steps of 0.9 and 0.8 s (best 0.8) against floors of 0.25 and 0.2 s (best 0.2):
    # 4x, the limit; warm steps of 0.5 and 0.5 s against the same floor: 2.5x, over the warm limit of 2x.
    ctx = measure.Context(10_000, Path("."), [], 2, False)
    out = {
        "lib": [[0.9, 0.9], [0.8, 0.8]],
        "floor": [[0.25, 0.25], [0.2, 0.2]],
        "warm": [[0.5, 0.5], [0.5, 0.5]],
        "raw": [[0.004, 0.004], [0.005, 0.005]],
        "first_run": [3.0, 3.0],
        "network_first": [2.0, 2.0],
        "unchanged": [0.1, 0.1],
        "html_bytes": 1000,
        "error": [],
    }
    rec = apptest.network_record(ctx, out)
    assert (rec.seconds, rec.baseline_seconds, rec.ratio) == (0.8, 0.2, pytest.approx(4.0))
    assert rec.extra["warm_ratio"] == pytest.approx(2.5) and rec.extra["bare_ratio"] == pytest.approx(200.0)
    assert rec.met is False and rec.missed_by == "warm ratio 2.5 > 2 (by 1.25x)"
    out["warm"] = [[0.3, 0.3]]
    assert apptest.network_record(ctx, out).met is True


def test_a_page_record_is_a_search_rerun_against_the_bare_page():
    # Hand-made child output: reruns of 0.30 and 0.20 s (best 0.20) against bare reruns of 0.02 and 0.01 s (best 0.01).
    ctx = measure.Context(1000, Path("."), [], 2, False)
    page = {
        "first_view": [2.5, 2.4],
        "first_view_bytes": 500_000,
        "rerun_bytes": 400_000,
        "lib": [[0.30, 0.29], [0.20, 0.19]],
        "raw": [[0.02, 0.02], [0.01, 0.01]],
        "error": [],
    }
    rec = apptest.page_record(ctx, "registry", page)
    assert (rec.stage, rec.seconds, rec.baseline_seconds) == ("app:registry", 0.20, 0.01)
    assert rec.ratio == pytest.approx(20.0) and rec.met is None
    assert rec.as_dict()["first_view_seconds"] == 2.5 and rec.as_dict()["page"] == "registry"
    failed = apptest.page_record(ctx, "gaps", {"error": ["KeyError: 'gaps_search'"]})
    assert failed.skipped == "skipped: the page raised: KeyError: 'gaps_search'" and failed.seconds is None


def test_cli_bench_writes_json(tmp_path):
    out = tmp_path / "bench.json"
    r = subprocess.run(
        [sys.executable, "-m", "bench", "--sizes", "200", "--repeat", "1", "--stages", "import,graph", "--no-memory", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ},
    )
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text())
    assert [d["stage"] for d in data] == ["import", "graph"]
    assert all(KEYS <= set(d) and d["peak_mb"] is None for d in data)
    assert "import" in r.stdout and "ratio" in r.stdout
    r = subprocess.run([sys.executable, "-m", "bench", "--sizes", "10"], capture_output=True, text=True, cwd=ROOT, env={**os.environ})
    assert r.returncode == 2 and "at least 50" in r.stderr
