"""The home municipality, chosen explicitly: settings, resolve_home, the review, the analysis, the CLI and the app.

The registry is the real seed (Trondheim's 11 sister cities, ``data/ties.csv``)
with Bergen's twin towns imported from a Wikidata export
(``tests/fixtures/wikidata_bergen.csv``). Bergen's five twin cities are the ones
the City of Bergen lists itself: "Bergen has 5 twin cities. The Nordic cities
Gothenburg, Aarhus and Turku/Åbo and Newcastle, UK and Seattle, US"
(https://bergen.kommune.no/english/international-relations/twin-cities). The
Wikidata items are Bergen Q26793, Göteborg Q25287, Aarhus Q25319, Turku Q38511,
Newcastle upon Tyne Q1425428 and Seattle Q5083; start dates are left empty
(the export gives none we checked).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from registry import analysis, connect, freshness, i18n, import_files, import_texts, settings
from registry.cli import commands as cli
from registry.errors import ImportFailed, InvalidRow, NoHome, NotAHome
from registry.io import seed
from registry.network.graph import Snapshot, snapshot
from registry.render import labels, summary
from registry.review import classify
from registry.store import writes as store
from tests import apps

ROOT = Path(__file__).resolve().parent.parent
BERGEN_EXPORT = ROOT / "tests" / "fixtures" / "wikidata_bergen.csv"
#: The ids the Wikidata import gives Bergen's twin towns (slugs of their labels).
BERGEN_TWINS = {"goteborg", "aarhus", "turku", "newcastle-upon-tyne", "seattle"}
BERGEN_TIES = {f"bergen--{c}" for c in BERGEN_TWINS}
#: Bergen as the municipality's own entity, entered before its twins are imported.
BERGEN_ROW = (
    b"id,kind,name,name_en,country_code,wikidata_id,source\n"
    b"bergen,municipality,Bergen kommune,Bergen Municipality,NO,Q26793,"
    b"https://bergen.kommune.no/english/international-relations/twin-cities\n"
)


def trondheims_eleven() -> set[str]:
    """Trondheim's sister cities as the seed lists them (data/ties.csv)."""
    with open(seed.DATA_DIR / "ties.csv", encoding="utf-8") as fh:
        return {r["to_id"] for r in csv.DictReader(fh) if r["kind"] == "sister_city" and r["from_id"] == "trondheim"}


def seeded_registry(path: Path, *, with_bergen: bool = True, municipality: bool = True) -> Path:
    """Seed ``path`` (home trondheim configured), then add Bergen and import its twins."""
    seed.init(path)
    conn = connect(path)
    if settings.home_id(conn) is None:  # until the seed's data/settings.csv configures it
        settings.set_setting(conn, "home_id", "trondheim", actor="test")
    if with_bergen:
        if municipality:
            import_texts(conn, [("bergen.csv", BERGEN_ROW)], actor="test")
        import_files(conn, [BERGEN_EXPORT], actor="test")
    conn.close()
    return path


@pytest.fixture
def bergen_db(tmp_path):
    return seeded_registry(tmp_path / "r.db")


@pytest.fixture
def bergen(bergen_db):
    c = connect(bergen_db)
    yield c
    c.close()


# --- the review ---------------------------------------------------------------------------


def test_the_import_adds_bergens_five_twins(bergen):
    rows = bergen.execute("SELECT id, from_id, to_id FROM ties WHERE kind = 'sister_city' AND from_id = 'bergen'").fetchall()
    assert {r[0] for r in rows} == BERGEN_TIES
    assert bergen.execute("SELECT kind FROM entities WHERE id = 'bergen'").fetchone() == ("municipality",)


def test_trondheims_review_is_its_eleven_sister_cities(bergen):
    out = classify.suggest(bergen, as_of=2025)
    assert len(trondheims_eleven()) == 11
    assert {s.city_id for s in out} == trondheims_eleven()
    assert {s.home_id for s in out} == {"trondheim"}
    assert not {s.city_id for s in out} & BERGEN_TWINS


def test_bergens_review_is_its_own(bergen):
    out = classify.suggest(bergen, as_of=2025, home_id="bergen")
    assert {s.city_id for s in out} == BERGEN_TWINS
    assert {s.home_id for s in out} == {"bergen"} and {s.tie_id for s in out} == BERGEN_TIES
    # Nothing registered beyond the twinning itself and no decision: the five get one suggestion, none assigned.
    assert len({s.suggested for s in out}) == 1 and {s.assigned for s in out} == {"unclassified"}


def test_the_configured_home_is_the_default_and_a_changed_one_is_audited(bergen):
    settings.set_setting(bergen, "home_id", "bergen", actor="Kari")
    assert {s.city_id for s in classify.suggest(bergen, as_of=2025)} == BERGEN_TWINS
    # An explicit home still wins over the configured one.
    assert {s.city_id for s in classify.suggest(bergen, as_of=2025, home_id="trondheim")} == trondheims_eleven()
    last = bergen.execute(
        "SELECT actor, action, before, after FROM audit WHERE table_name = 'settings' AND row_id = 'home_id' ORDER BY id DESC"
    ).fetchone()
    assert last[0] == "Kari" and last[1] == "update" and '"trondheim"' in last[2] and '"bergen"' in last[3]


def test_the_council_summary_is_for_the_chosen_home(bergen):
    md = summary.summary_for(bergen, "en", "md", home_id="bergen")
    assert "Seattle" in md and "Graz" not in md
    assert "Graz" in summary.summary_for(bergen, "en", "md") and "Seattle" not in summary.summary_for(bergen, "en", "md")


# --- the analysis -------------------------------------------------------------------------


def _mentions(df: pd.DataFrame, ids: set[str]) -> list[str]:
    """Return the findings whose subject or evidence names any of ``ids``."""
    hits = []
    for r in df.itertuples():
        named = set(str(r.subject).split(";")) | set(str(r.evidence).split(";"))
        if named & ids:
            hits.append(f"{r.kind}: {r.subject}")
    return hits


def test_trondheims_analysis_leaves_bergens_ties_out(bergen):
    result = analysis.analyse(bergen, as_of=2025)
    assert result.home_id == "trondheim"
    bergen_only = BERGEN_TWINS | BERGEN_TIES | {"bergen"}
    assert _mentions(result.all(), bergen_only) == []
    assert not set(result.findings["opportunity"]["subject"]) & BERGEN_TWINS
    assert set(result.sector_matrix["city_id"]) == trondheims_eleven()
    # Bergen is another home, not one of Trondheim's local actors.
    ctx = analysis.prepare(snapshot(bergen), 2025)
    assert "bergen" not in ctx.local and "bergen" in ctx.others and BERGEN_TWINS <= ctx.elsewhere
    # The context is Trondheim's network: Bergen and its twins are not in it at all.
    assert not (BERGEN_TWINS | {"bergen"}) & set(ctx.full)


def test_bergens_analysis_is_bergens(bergen):
    result = analysis.analyse(bergen, as_of=2025, options=analysis.Options(home_id="bergen"))
    assert result.home_id == "bergen"
    assert set(result.sector_matrix["city_id"]) == BERGEN_TWINS
    assert set(result.findings["thin_relation"]["subject"].str.split(";").explode()) == BERGEN_TWINS
    # Trondheim and its twins are never Bergen's subjects. (Trøndelag's institutions are Norwegian, so
    # they count as local actors for any Norwegian home: local is decided by country, see rules.)
    assert not set(result.all()["subject"].str.split(";").explode()) & (trondheims_eleven() | {"trondheim"})


def test_a_plain_wikidata_import_leaves_trondheim_alone(tmp_path):
    # The export alone makes Bergen a municipality (registry.io.ingest.wikidata: the exported place is the
    # one whose twins these are): Trondheim's review and analysis are untouched, and
    # --home bergen reviews Bergen's own twins with nothing more to do.
    c = connect(seeded_registry(tmp_path / "r.db", municipality=False))
    assert c.execute("SELECT kind FROM entities WHERE id = 'bergen'").fetchone() == ("municipality",)
    assert {s.city_id for s in classify.suggest(c, as_of=2025)} == trondheims_eleven()
    result = analysis.analyse(c, as_of=2025)
    assert _mentions(result.all(), BERGEN_TWINS | BERGEN_TIES | {"bergen"}) == []
    assert {s.city_id for s in classify.suggest(c, as_of=2025, home_id="bergen")} == BERGEN_TWINS
    with pytest.raises(NotAHome, match="'goteborg' .* is a city, not a municipality"):
        classify.suggest(c, as_of=2025, home_id="goteborg")


def _seed_ids() -> set[str]:
    """Every entity and tie id of the seed (data/entities.csv, data/ties.csv): Trondheim's registry."""
    ids = set()
    for name in ("entities.csv", "ties.csv"):
        with open(seed.DATA_DIR / name, encoding="utf-8") as fh:
            ids |= {r["id"] for r in csv.DictReader(fh)}
    return ids


def _analyse_csvs(db: Path, out: Path, *args: str) -> dict[str, bytes]:
    """Run ``analyse`` on the command line; return its CSVs by name, the timing column of the summary dropped."""
    assert cli.main(["analyse", "--db", str(db), "--as-of", "2025", "--out", str(out), *args]) == 0
    files = {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}
    summary = pd.read_csv(out / "summary.csv").drop(columns="seconds")  # seconds differ from run to run
    files["summary.csv"] = summary.to_csv(index=False).encode()
    return files


def test_analyse_home_bergen_names_nothing_of_trondheims(tmp_path, capsys):
    # Before: 54 `isolated` rows, Trondheim's six consulates as unused, its forum, Keren and NTNU's Kraków
    # as Bergen's findings. Bergen here comes from the export alone (its country from cityCountryCode).
    db = seeded_registry(tmp_path / "r.db", municipality=False)
    with connect(db) as c:
        assert c.execute("SELECT kind, country_code FROM entities WHERE id = 'bergen'").fetchone() == ("municipality", "NO")
    files = _analyse_csvs(db, tmp_path / "bergen", "--home", "bergen")
    capsys.readouterr()
    trondheims = _seed_ids()
    for name, data in files.items():
        df = pd.read_csv(io.BytesIO(data), dtype=str).fillna("")
        if "subject" in df:
            assert _mentions(df, trondheims) == [], name
        text = data.decode() if name != "summary.csv" else ""  # the summary's kind titles name the forum
        for word in ("Trondheim", "NTNU", "konsulat", "Keren", "Kraków", "forum"):
            assert word not in text, (name, word)
    assert set(pd.read_csv(tmp_path / "bergen" / "coverage_sectors.csv")["city_id"]) == BERGEN_TWINS


def test_trondheims_outputs_are_the_same_with_or_without_bergen(tmp_path, capsys):
    from registry.review import strategy_view as strategy

    a, b = seeded_registry(tmp_path / "a.db", with_bergen=False), seeded_registry(tmp_path / "b.db")
    plain = _analyse_csvs(a, tmp_path / "a")
    with_bergen = _analyse_csvs(b, tmp_path / "b")
    capsys.readouterr()
    assert with_bergen == plain
    # The strategy rows too (registry.review.strategy reads the same home-scoped context).
    with connect(a) as ca, connect(b) as cb:
        assert strategy.strategy_view(cb, as_of=2025).to_csv() == strategy.strategy_view(ca, as_of=2025).to_csv()


def test_a_leg_between_two_twins_is_not_trondheims(tmp_path, capsys):
    # Darmstadt and Graz are twinned with each other (as a Wikidata export of Darmstadt would bring in):
    # neither end is Trondheim or an actor it works with, so it was an `undocumented_tie` row of Trondheim's.
    plain = _analyse_csvs(seeded_registry(tmp_path / "a.db", with_bergen=False), tmp_path / "a")
    db = seeded_registry(tmp_path / "b.db", with_bergen=False)
    leg = b"id,from_id,to_id,kind,directed,start,status,source\ndarmstadt--graz,darmstadt,graz,sister_city,0,1968,active,https://example.org/leg\n"
    with connect(db) as c:
        import_texts(c, [("leg.csv", leg)], actor="test")
    assert _analyse_csvs(db, tmp_path / "b") == plain
    capsys.readouterr()


# --- resolve_home: never a silent switch ---------------------------------------------------


def _two_homes() -> nx.MultiDiGraph:
    # a has three sister cities, b one: the old inference ("most sister cities") would pick a.
    g = nx.MultiDiGraph()
    g.add_node("a", kind="municipality", country_code="NO", name="A")
    g.add_node("b", kind="municipality", country_code="NO", name="B")
    for i, home in enumerate(["a", "a", "a", "b"]):
        g.add_node(f"c{i}", kind="city", country_code="SE", name=f"C{i}")
        g.add_edge(home, f"c{i}", key=f"{home}--c{i}", kind="sister_city", status="active")
    return g


def test_several_municipalities_and_no_home_is_an_error_not_a_guess():
    snap = Snapshot(_two_homes())
    with pytest.raises(NoHome) as exc:
        settings.resolve_home(snap)
    assert str(exc.value) == NoHome.__doc__ and "--home" in str(exc.value) and "home_id" in str(exc.value)
    with pytest.raises(NoHome):
        classify.suggest(snap, as_of=2025)
    with pytest.raises(NoHome):
        analysis.analyse(snap, as_of=2025)
    assert [s.city_id for s in classify.suggest(snap, as_of=2025, home_id="b")] == ["c3"]
    assert len(classify.suggest(Snapshot(_two_homes(), settings={"home_id": "b"}), as_of=2025)) == 1


def test_the_only_municipality_is_the_home_and_none_without_any():
    g = _two_homes()
    g.remove_node("b")
    assert settings.resolve_home(Snapshot(g)) == "a"
    assert settings.resolve_home(Snapshot(nx.MultiDiGraph())) is None
    with pytest.raises(NotAHome):
        settings.resolve_home(Snapshot(nx.MultiDiGraph()), "a")


def test_a_home_that_is_not_a_municipality_is_refused(bergen):
    with pytest.raises(NotAHome, match="'graz' .* is a city, not a municipality; the registry's municipalities: bergen, trondheim"):
        classify.suggest(bergen, home_id="graz")
    with pytest.raises(NotAHome, match="'atlantis' .* is not in the registry"):
        analysis.analyse(bergen, options=analysis.Options(home_id="atlantis"))
    # A configured home that has since gone is refused too, not replaced.
    with pytest.raises(NotAHome, match="configured"):
        settings.resolve_home(Snapshot(_two_homes(), settings={"home_id": "gone"}))


def test_a_shared_context_is_not_reused_for_another_home(bergen):
    ctx = analysis.prepare(bergen, 2025)
    assert analysis.prepare(ctx, 2025) is ctx and analysis.prepare(ctx, 2025, home_id="trondheim") is ctx
    other = analysis.prepare(ctx, 2025, home_id="bergen")
    # Each is cut from the same whole registry, to its own home's network.
    assert other is not ctx and other.home == "bergen" and other.whole is ctx.whole
    assert "bergen" in other.full and "bergen" not in ctx.full


# --- settings -------------------------------------------------------------------------------


def test_settings_are_declared_with_labels_and_help():
    keys = [s.key for s in settings.SETTINGS]
    assert len(keys) == len(set(keys)) and all(settings.setting(k).key == k for k in keys)
    for s in settings.SETTINGS:
        assert s.label_nb and s.label_en and s.help and s.type in ("municipality", "integer", "time_zone")
    # Without a stored value each reader of a setting uses the one declared default.
    empty = connect(":memory:")
    assert [d["key"] for d in settings.describe(empty)] == keys
    assert freshness.stale_after_years(empty) == settings.get_setting(empty, "stale_after_years")
    assert settings.get_setting(empty, "stale_after_years") == settings.setting("stale_after_years").default


def test_set_setting_validates_and_audits(bergen):
    refused = {
        ("home_id", "atlantis"): "there is no entity 'atlantis'",
        ("home_id", "graz"): "'graz' is a city, not a municipality",
        ("home_id", ""): "needs a value",
        ("stale_after_years", "0"): "not a positive whole number",
        ("stale_after_years", "five"): "not a positive whole number",
        ("time_zone", "Oslo"): "'Oslo' is not a time zone",
        ("time_zone", "../etc/passwd"): "not a time zone",
        ("colour", "blue"): "unknown setting 'colour'",
    }
    before = bergen.execute("SELECT count(*) FROM audit").fetchone()[0]
    for (key, value), message in refused.items():
        with pytest.raises(InvalidRow) as exc:
            settings.set_setting(bergen, key, value, actor="t")
        assert message in str(exc.value), (key, value)
    assert bergen.execute("SELECT count(*) FROM audit").fetchone()[0] == before  # nothing written
    row = settings.set_setting(bergen, "stale_after_years", " 7 ", actor="t")
    assert row["value"] == "7" and settings.get_setting(bergen, "stale_after_years") == 7
    last = "SELECT actor FROM audit WHERE table_name = 'settings' AND row_id = 'stale_after_years' ORDER BY id DESC"
    assert bergen.execute(last).fetchone() == ("t",)


def test_times_are_shown_in_the_registrys_time_zone_not_an_assumed_one(conn, bergen):
    # Issue 11, item 7: times were shown in a zone fixed in the code (Norway's) for every registry.
    assert settings.time_zone(conn) == "UTC"  # none set: the audit log's own zone, no country assumed
    settings.set_setting(bergen, "time_zone", "America/New_York", actor="t")
    assert settings.time_zone(bergen) == "America/New_York"
    assert i18n.local_time("2025-01-10T15:30:00+00:00", settings.time_zone(bergen)) == "2025-01-10 10:30"


def test_a_bad_stored_value_is_an_error_not_the_default(conn):
    store.insert(conn, "settings", {"key": "stale_after_years", "value": "soon"}, actor="t")
    with pytest.raises(InvalidRow, match="not a positive whole number"):
        settings.get_setting(conn, "stale_after_years")


# --- the command line ---------------------------------------------------------------------


def test_cli_classify_and_analyse_take_home(bergen_db, tmp_path, capsys):
    assert cli.main(["classify", "--db", str(bergen_db), "--as-of", "2025", "--format", "csv"]) == 0
    assert set(pd.read_csv(io.StringIO(capsys.readouterr().out))["city_id"]) == trondheims_eleven()
    assert cli.main(["classify", "--db", str(bergen_db), "--as-of", "2025", "--format", "csv", "--home", "bergen"]) == 0
    assert set(pd.read_csv(io.StringIO(capsys.readouterr().out))["city_id"]) == BERGEN_TWINS
    assert cli.main(["classify", "--db", str(bergen_db), "--home", "bergen", "--lang", "en"]) == 0
    assert "5 sister cities of Bergen" in capsys.readouterr().out
    out = tmp_path / "bergen-analysis"
    assert cli.main(["analyse", "--db", str(bergen_db), "--as-of", "2025", "--home", "bergen", "--out", str(out)]) == 0
    assert "for bergen" in capsys.readouterr().out
    assert set(pd.read_csv(out / "coverage_sectors.csv")["city_id"]) == BERGEN_TWINS


def test_cli_a_bad_home_is_a_message_and_exit_2(bergen_db, capsys):
    assert cli.main(["classify", "--db", str(bergen_db), "--home", "graz"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("classify: 'graz'") and "not a municipality" in err and "Traceback" not in err
    assert cli.main(["analyse", "--db", str(bergen_db), "--home", "nowhere"]) == 2
    assert "is not in the registry" in capsys.readouterr().err


def test_cli_settings_lists_and_sets(bergen_db, capsys, monkeypatch):
    monkeypatch.setenv("REGISTRY_ACTOR", "cli:test")
    assert cli.main(["settings", "--db", str(bergen_db)]) == 0
    listed = capsys.readouterr().out
    assert "home_id            trondheim" in listed and "stale_after_years" in listed and "Home municipality" in listed
    connect(bergen_db.parent / "empty.db").close()  # an empty registry: only init and the app create one
    assert cli.main(["settings", "--db", str(bergen_db.parent / "nowhere.db")]) == 2
    assert "no registry at" in capsys.readouterr().err
    assert cli.main(["settings", "--db", str(bergen_db.parent / "empty.db")]) == 0
    assert "(not set)" in (empty := capsys.readouterr().out) and "5 (default)" in empty
    assert cli.main(["settings", "set", "home_id", "bergen", "--db", str(bergen_db)]) == 0
    assert capsys.readouterr().out.strip() == "home_id = bergen"
    assert cli.main(["settings", "set", "home_id", "atlantis", "--db", str(bergen_db)]) == 2
    assert "there is no entity 'atlantis'" in capsys.readouterr().err
    assert cli.main(["settings", "home_id", "--db", str(bergen_db)]) == 2
    capsys.readouterr()
    c = connect(bergen_db)
    assert settings.home_id(c) == "bergen"
    assert c.execute("SELECT actor FROM audit WHERE table_name = 'settings' ORDER BY id DESC").fetchone() == ("cli:test",)
    # The configured home is now the default of the review.
    assert cli.main(["classify", "--db", str(bergen_db)]) == 0
    assert "5 vennskapsbyer for Bergen" in capsys.readouterr().out


# --- the app ----------------------------------------------------------------------------------


def _app(db: Path, monkeypatch, lang: str = "en") -> AppTest:
    monkeypatch.setenv("REGISTRY_DB", str(db))
    at = AppTest.from_file(apps.APP, default_timeout=60)
    at.session_state["lang"] = lang
    return at.run()


def _shown(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def test_app_home_picker_switches_the_sister_cities_page(bergen_db, monkeypatch):
    at = _app(bergen_db, monkeypatch)
    picker = at.selectbox(key="home")
    assert picker.label == "Home municipality"
    assert picker.options == ["Bergen Municipality", "Trondheim Municipality"] and picker.value == "trondheim"
    at.switch_page("app_pages/sister_cities.py").run()
    assert not at.exception
    assert "Graz" in _shown(at) and "Seattle" not in _shown(at)
    footer = lambda: [c.value for c in at.sidebar.caption if c.value.startswith("The register")]  # noqa: E731
    assert footer() == ["The register of the international ties of Trondheim Municipality."]
    at.selectbox(key="home").set_value("bergen").run()
    assert not at.exception
    assert "Seattle" in _shown(at) and "Turku" in _shown(at) and "Graz" not in _shown(at)
    # The frame names the chosen home, not a city written into the texts.
    assert footer() == ["The register of the international ties of Bergen Municipality."]
    # The overview and the gaps page follow the same choice.
    at.switch_page("app_pages/overview.py").run()
    assert {m.label: m.value for m in at.metric}["Sister cities"] == "5"
    at.switch_page("app_pages/gaps.py").run()
    assert not at.exception
    # The integrity check's findings are the whole registry's (Trondheim's ties lack decisions too).
    integrity = labels.finding_title("integrity", "en")
    subjects = " ".join(str(df.value.iloc[:, 0].tolist()) for e in at.expander if not e.label.startswith(integrity) for df in e.dataframe)
    # Bergen's five twins have nothing registered: one summary row (its twinnings are not projects,
    # so no undocumented_tie row names Seattle any more).
    assert "5 sister cities" in subjects and "Graz" not in subjects


def test_app_picker_is_in_norwegian_too(bergen_db, monkeypatch):
    at = _app(bergen_db, monkeypatch, "nb")
    picker = at.selectbox(key="home")
    assert picker.label == "Hjemkommune" and picker.options == ["Bergen kommune", "Trondheim kommune"]


def test_app_asks_for_a_home_when_none_is_configured(bergen_db, monkeypatch):
    c = connect(bergen_db)
    store.delete(c, "settings", "home_id", actor="test")
    c.close()
    at = _app(bergen_db, monkeypatch)
    assert at.selectbox(key="home").value is None
    assert any("choose one in the sidebar" in i.value for i in at.info)
    assert not at.metric  # no numbers for a home nobody chose
    at.selectbox(key="home").set_value("trondheim").run()
    assert {m.label: m.value for m in at.metric}["Sister cities"] == "11"


def test_an_imported_setting_is_checked_as_settings_set_checks_it(conn):
    # Noticed in issue 11's review: settings.csv went in unchecked, so a home that is no
    # municipality or an unknown time zone broke the review on the next page.
    bad = {
        "settings.csv": b"key,value\nhome_id,graz\ntime_zone,Oslo\ncolour,blue\n",
        "entities.csv": b"id,kind,name,country_code,source\ngraz,city,Graz,AT,test\n",
    }
    with pytest.raises(ImportFailed) as exc:
        import_texts(conn, list(bad.items()), actor="t")
    got = {(p.file, p.row, p.column): p.reason for p in exc.value.problems}
    assert got[("settings.csv", 2, "value")] == "'graz' is a city, not a municipality"
    assert "'Oslo' is not a time zone" in got[("settings.csv", 3, "value")]
    assert "unknown setting 'colour'" in got[("settings.csv", 4, "key")]
    assert conn.execute("SELECT count(*) FROM settings").fetchone() == (0,)  # nothing applied
    # A home imported in the same batch as its entity is accepted.
    good = {
        "settings.csv": b"key,value\nhome_id,bergen\ntime_zone,Europe/Oslo\n",
        "entities.csv": b"id,kind,name,country_code,source\nbergen,municipality,Bergen,NO,test\n",
    }
    import_texts(conn, list(good.items()), actor="t")
    assert settings.home_id(conn) == "bergen" and settings.time_zone(conn) == "Europe/Oslo"
