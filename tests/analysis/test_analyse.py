"""The whole analysis (registry.analysis.analyse): every kind on the seed, the summary and its caps, the CSV files,
and findings as messages written only in registry/i18n.
"""

import re

import pandas as pd
import pytest

from registry import analysis
from registry.analysis.context import prepare
from registry.findings import FINDING_KINDS
from registry.i18n import render
from registry.review.report import urgent_findings
from registry.thresholds import DEFAULT_RULES
from tests.analysis.graphs import DAY
from tests.mini import Mini


def test_analyse_on_the_seed_writes_every_kind(seeded, tmp_path):
    result = analysis.analyse(seeded, as_of=2025)
    paths = analysis.write_csv(result, tmp_path)
    assert {p.name for p in paths} == {f"{k.code}.csv" for k in FINDING_KINDS} | {
        "summary.csv",
        "coverage_sectors.csv",
        "coverage_actors.csv",
        "documentation.csv",
    }
    summary = pd.read_csv(tmp_path / "summary.csv").set_index("kind")
    assert list(summary.index) == [k.code for k in FINDING_KINDS]
    # Where each count comes from (data/*.csv, data/README.md), as of 2025-12-31:
    expected = {
        # Odense, Tampere, Kópavogur and Klaksvík have nothing but the twinning and the Nordic Platform
        # (one summary row); Dunfermline, Darmstadt, Graz, Norrköping (the 2016 jubilee), Vallejo and Petah
        # Tikva have activities, all with Trondheim kommune as the only local actor; Ramallah too, and its
        # memorandum's business and research have no activity (activities.csv has youth, culture and other there).
        "thin_relation": 8,
        # The six consulates have only their consular and located_in ties.
        "unused_consulate": 6,
        # Næringsforeningen and Trøndelags Europakontor are planned forum members (status uncertain) with
        # no tie to or activity in a sister or partner city; NTNU has Kraków; the county is dissolved.
        "forum_isolated": 2,
        # Strategy 2a asks goals and indicators of projects only: the EU/EEA and Interreg projects
        # (ties.csv, kind project) have none. The 11 twinnings and the partnerships all have a source.
        "undocumented_tie": 2,
        # declared_totals.csv: 6 of 22 consulates, 11 of 13 twin towns.
        "documentation_gap": 2,
        # Keren: the association's relation has reciprocity 'unknown' and no visits either way.
        "one_way_solidarity": 1,
        # Last dated activity: Darmstadt and Graz 1974, Vallejo 1997, Ramallah 2009, Norrköping 2016 (the
        # jubilee, norrkoping.se) - none in 2021-2025; Dunfermline's 80th anniversary (2025) keeps it off;
        # Petah Tikva's one activity has no date.
        "went_dormant": 5,
        # DU, KS, Norad, Nordisk ministerråd, ISFiT and IAESTE have no ties; Innovasjon Norge Trøndelag has none
        # (its predecessor's planned forum membership ended with it); Chongqing's twinning ended with the
        # dissolved Sør-Trøndelag fylkeskommune. The Keren association carries Trondheim's tie: not isolated.
        "isolated": 8,
        # SØT-samarbeidet and Trøndelags Europakontor reach Sundsvall, Östersund, NTNU and Trøndelag
        # fylkeskommune only as bodies they are members of: a body is no channel between its members.
        "single_point_of_failure": 0,
        # Without consulates, planned ties, Trondheim itself and a body's own members, no local actor has
        # three contacts.
        "structural_hole": 0,
        # NTNU and Trondheim signed their Kraków letters of intent in one activity; the Keren association
        # carries Trondheim's own tie. Neither is 'same partner, no contact'.
        "shared_partner": 0,
        # Trondheim is present at every place a local actor works, and the county that had Chongqing is gone.
        "opportunity": 0,
    }
    for kind, count in expected.items():
        assert summary.loc[kind, "count"] == count, kind
    for kind, rec in summary.iterrows():
        frame = pd.read_csv(tmp_path / f"{kind}.csv")
        assert len(frame) == rec["count"]
        if rec["count"] == 0:
            assert rec["note_en"].startswith("none found in this data"), kind
    thin = pd.read_csv(tmp_path / "thin_relation.csv").set_index("subject")
    assert "klaksvik;kopavogur;odense;tampere" in thin.index  # Norrköping has its 2016 jubilee
    assert thin.loc["ramallah", "severity"] == "medium"
    assert "no activity registered in research and business" in thin.loc["ramallah", "explanation_en"]
    docs = pd.read_csv(tmp_path / "documentation_gap.csv").set_index("subject")
    assert docs.loc["consulates", "explanation_en"].startswith("6 of 22 consulates are documented")
    assert docs.loc["sister_cities", "explanation_nb"].startswith("11 av 13 vennskapsbyer er dokumentert")


def test_no_finding_on_the_seed_contradicts_its_sources(seeded):
    # data/README.md: Sør-Trøndelag fylkeskommune was dissolved 2017-12-31 and Innovasjon Norge Sør-Trøndelag
    # in 2016; the Keren association runs Trondheim's solidarity relation; Dunfermline's 80th anniversary
    # was in 2025; the 2010 forum composition is planned (status uncertain).
    df = analysis.analyse(seeded, as_of=2025).all()
    named = {n for col in ("subject", "evidence") for v in df[col] for n in str(v).split(";")}
    assert not named & {"sor-trondelag-fylkeskommune", "innovasjon-norge-sor-trondelag"}
    assert "dunfermline" not in set(df.loc[df["kind"] == "went_dormant", "subject"])
    assert "vennskap-trondheim-keren" not in set(df.loc[df["kind"].isin(["isolated", "shared_partner"]), "subject"])
    forum = df[df["kind"] == "forum_isolated"]
    assert forum["explanation_en"].str.contains("planned member").all()
    structural = df[df["kind"].isin(["structural_hole", "single_point_of_failure"])]
    assert not any(str(v).startswith("consulate-") for v in structural["evidence"].str.split(";").explode())


def test_findings_say_what_to_do_next_in_plain_words(seeded):
    # Every explanation ends with a next step in both languages; Norwegian numbers have a decimal comma;
    # method names never reach the text. Checked on the seed and on a drawing with a hole and a duplicate.
    m = Mini()
    m.entity("uni", "university", "NO")
    for i in range(3):
        m.entity(f"u{i}", "university", "DE")
        m.tie("uni", f"u{i}", "partnership")
    m.entity("a", "city", "SE", name="Exempelstad", lat=59.0, lon=16.0)
    m.entity("b", "city", "SE", name="Exempelstaden", lat=59.01, lon=16.0)
    frames = [analysis.analyse(seeded, as_of=2025).all(), analysis.analyse(m.snap(), as_of=DAY).all()]
    df = pd.concat(frames, ignore_index=True)
    assert {"structural_hole", "likely_duplicate", "thin_relation"} <= set(df["kind"])
    for rec in df.itertuples():
        assert "Neste steg:" in rec.explanation_nb and "Next:" in rec.explanation_en, rec.kind
        assert not re.search(r"\d\.\d", rec.explanation_nb), rec.explanation_nb
        for name in ("Burt", "Adamic"):
            assert name not in rec.explanation_nb and name not in rec.explanation_en


def test_the_overviews_urgent_list_shows_different_kinds(seeded):
    findings = analysis.analyse(seeded, as_of=2025).all()
    rank = {"high": 0, "medium": 1, "low": 2, "info": 3}
    findings = findings.sort_values("severity", key=lambda c: c.map(rank), kind="stable")  # as the review sorts
    urgent = urgent_findings(findings, limit=8)
    assert len(urgent) == 8 and urgent["kind"].value_counts().max() == 1  # more than eight kinds to show
    assert urgent_findings(findings, limit=30)["kind"].value_counts().max() == 2
    ranks = urgent["severity"].map({"high": 0, "medium": 1, "low": 2}).tolist()
    assert ranks == sorted(ranks)


def test_analyse_of_an_empty_registry_says_none_found(conn):
    result = analysis.analyse(conn, as_of=2025)
    assert result.all().empty and (result.summary["count"] == 0).all()
    assert set(result.summary["method"]) <= {"exact", "skipped"}


def test_analyse_takes_a_subset_of_kinds_and_refuses_unknown_ones(seeded):
    result = analysis.analyse(seeded, as_of=2025, options=analysis.Options(kinds=("isolated",)))
    assert list(result.findings) == ["isolated"] and len(result.summary) == 1
    with pytest.raises(KeyError, match="nope"):
        analysis.analyse(seeded, options=analysis.Options(kinds=("nope",)))


def test_findings_are_sorted_by_severity(seeded):
    df = analysis.analyse(seeded, as_of=2025).all()
    assert len(df) > 0
    for _, part in df.groupby("kind", sort=False):
        order = part["severity"].map({"high": 0, "medium": 1, "low": 2, "info": 3}).tolist()
        assert order == sorted(order)


def test_cli_analyse_writes_the_csv_files(seeded, db_path, tmp_path, capsys):
    from registry.cli import commands as cli

    out = tmp_path / "out"
    assert cli.main(["analyse", "--db", str(db_path), "--as-of", "2025", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "none found in this data" in printed and str(out) in printed
    assert {p.name for p in out.iterdir()} >= {"summary.csv", "thin_relation.csv", "opportunity.csv"}
    assert len(pd.read_csv(out / "thin_relation.csv")) == 8  # as in test_analyse_on_the_seed_writes_every_kind


def test_caps_are_reported_in_the_summary():
    # Three local actors with three contacts each; measuring only one is a sample, and the summary says so.
    m = Mini()
    m.entity("x", "city", "DE")
    for a in ("a", "b", "c"):
        m.entity(a, "university", "NO")
        for i in range(3):
            m.entity(f"{a}{i}", "university", "DE")
            m.tie(a, f"{a}{i}", "partnership")
        m.tie(a, "x", "exchange")
    rules = DEFAULT_RULES.with_values(hole_max_actors=1, shared_partner_max_actors=2)
    result = analysis.analyse(m.snap(), as_of=DAY, options=analysis.Options(rules=rules))
    summary = result.summary.set_index("kind")
    assert summary.loc["structural_hole", "method"] == "sampled"
    assert "best-connected" in summary.loc["structural_hole", "note_en"]
    assert len(result.findings["structural_hole"]) == 1
    # x is worked by three actors, above the pairwise cap of two: listed under many_channels instead.
    assert result.findings["shared_partner"].empty
    assert "many channels" in summary.loc["shared_partner", "note_en"]
    assert "mange kanaler" in summary.loc["shared_partner", "note_nb"]  # the note is written in each language
    assert list(result.findings["many_channels"]["subject"]) == ["x"]


# --- findings worth reading: facts as messages, written only in registry/i18n -------------------


def test_findings_are_messages_rendered_in_i18n(seeded):
    # Every row a finding kind returns carries its explanation as a message whose code the analysis' i18n parts
    # (findings, suggestions) declare; the table's explanation columns are that message written in each language.
    from registry.analysis import FUNCTIONS
    from registry.i18n import Message
    from registry.i18n.findings import TEMPLATES as _FINDINGS
    from registry.i18n.suggestions import TEMPLATES as _SUGGESTIONS

    FINDING_TEMPLATES = {**_FINDINGS, **_SUGGESTIONS}

    ctx = prepare(seeded, 2025)
    seen = 0
    for kind, fn in FUNCTIONS.items():
        for r in fn(ctx).rows:
            assert isinstance(r["message"], Message) and r["message"].code in FINDING_TEMPLATES, kind
            assert "explanation_nb" not in r  # text is made at the edge, not by the finding kind
            seen += 1
    assert seen > 20
    df = analysis.analyse(seeded, as_of=2025).all()
    rows = [r for k, fn in FUNCTIONS.items() for r in fn(ctx).rows]
    assert list(df["explanation_nb"]) == [render(r["message"], "nb") for r in _sorted_like(df, rows)]


def _sorted_like(df: pd.DataFrame, rows: list[dict]) -> list[dict]:
    """Return ``rows`` in the order of ``df`` (by kind and subject; the table is sorted by severity within a kind)."""
    by = {(r["kind"], r["subject"]): r for r in rows}
    return [by[(k, s)] for k, s in zip(df["kind"], df["subject"])]


def test_no_function_of_the_analysis_or_the_review_takes_a_language():
    # Text is written at the edge (registry/i18n, registry/render) alone: no finding kind, helper or output of
    # the analysis or the review is given a language.
    import inspect
    import pkgutil

    import registry.analysis
    import registry.review

    found_lang = []
    for pkg, info in [(p, i) for p in (registry.analysis, registry.review) for i in pkgutil.iter_modules(p.__path__)]:
        mod = __import__(f"{pkg.__name__}.{info.name}", fromlist=["_"])
        for name, obj in vars(mod).items():
            members = [(name, obj)] + ([(f"{name}.{m}", f) for m, f in vars(obj).items()] if inspect.isclass(obj) else [])
            for qual, f in members:
                if inspect.isfunction(f) and f.__module__ == mod.__name__ and "lang" in inspect.signature(f).parameters:
                    found_lang.append(f"{info.name}.{qual}")
    assert found_lang == []


def test_seed_findings_name_things_and_quote_the_strategy(seeded):
    # No technical id in prose (names instead); one row per subject and kind; «bør» where the strategy says «bør».
    import csv as _csv

    from registry.io import seed as _seed

    ids = set()
    for table in ("entities.csv", "ties.csv"):
        with open(_seed.DATA_DIR / table, encoding="utf-8") as fh:
            ids |= {r["id"] for r in _csv.DictReader(fh) if "-" in r["id"]}
    df = analysis.analyse(seeded, as_of=2025).all()
    for text in list(df["explanation_nb"]) + list(df["explanation_en"]) + list(df["subject_name"]):
        words = set(re.findall(r"[a-z0-9]+(?:-+[a-z0-9]+)+", text))
        assert not words & ids, (words & ids, text[:120])
    assert not df.duplicated(["kind", "subject"]).any()
    sol = df[df["kind"] == "one_way_solidarity"].iloc[0]
    assert "«Det bør imidlertid være et krav om en toveis relasjon»" in sol["explanation_nb"]
    assert "krever" not in " ".join(df["explanation_nb"])
    # The subject's name is written in each language from the same data (no translation of a Norwegian name).
    thin = df[df["kind"] == "thin_relation"].set_index("subject")
    # Norrköping has its 2016 jubilee (norrkoping.se), so four cities hold nothing beyond their agreement.
    assert thin.loc["klaksvik;kopavogur;odense;tampere", ["subject_name", "subject_name_en"]].tolist() == [
        "4 vennskapsbyer",
        "4 sister cities",
    ]
    assert "should, however, be a requirement" in sol["explanation_en"]
    # 2a is asked of the two projects only, not of the 1945 friendship bonds.
    undocumented = df[df["kind"] == "undocumented_tie"]
    assert sorted(undocumented["subject"]) == ["trondheim--eu-eos-programmer", "trondheim--interreg"]
    assert df[df["kind"] == "single_point_of_failure"].empty  # no Brussels office as "the only channel" to NTNU
