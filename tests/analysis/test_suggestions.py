"""Connections worth suggesting (registry.analysis.suggestions): each reason on a tiny registry, and the seed."""

from dataclasses import replace

import pandas as pd

from registry import analysis
from registry.network.graph import snapshot
from registry.thresholds import DEFAULT_RULES
from tests.mini import Mini

DAY = "2025-12-31"
KIND = "suggested_connection"


def suggest(m: Mini, agreements: tuple = ()) -> pd.DataFrame:
    snap = replace(m.snap(), agreements=agreements)
    df = analysis.findings(snap, KIND, as_of=DAY)
    assert (df["kind"] == KIND).all()
    assert all(df["explanation_nb"].str.len() > 0) and all(df["explanation_en"].str.len() > 0)
    return df


def agreement(id: str, sectors: str, *parties: str) -> dict:
    return {
        "id": id,
        "title": id.title(),
        "title_nb": id.title(),
        "kind": "twinning_charter",
        "status": "active",
        "signed_on": "2000",
        "sectors": sectors,
        "parties": tuple((p, "party") for p in parties),
    }


def test_an_actor_working_in_a_sector_the_agreement_names_where_the_relation_has_none():
    # home — Sisterby (agreement names research and culture); a culture exchange is registered, research is not.
    # uni (a university: research by its kind) and lag (a voluntary org with no sector registered) are local;
    # klubb already works with Sisterby, so it is not suggested for it.
    m = Mini()
    tie = m.sister("sisterby", agreement_id="charter")
    m.activity("exchange", "exchange", "2020", {"home": "partner", "sisterby": "partner"}, ties=(tie,), sectors="culture")
    m.entity("uni", "university", "NO", name="Universitetet", name_en="The University")
    m.entity("lag", "voluntary_org", "NO")
    m.entity("klubb", "voluntary_org", "NO")
    m.tie("klubb", "sisterby", "exchange", sectors="youth")
    for n in ("uni", "lag", "klubb"):
        m.tie(n, "home", "partnership")
    df = suggest(m, (agreement("charter", "research;culture", "home", "sisterby"),))
    assert list(df["subject"]) == ["uni;sisterby"]
    en = df["explanation_en"][0]
    # The rows behind it named: the agreement, the relation, why the university counts; never an id.
    assert "Charter names research" in en and "Home Municipality – Sisterby" in en and "research (as a university)" in en
    assert "culture" not in en.split("Next:")[0].split("names")[1].split(",")[0]  # culture has activity
    assert "ask The University" in en
    assert set(df["evidence"][0].split(";")) >= {"uni", "sisterby", tie, "charter"}


def test_a_sector_shown_by_an_activity_counts_only_for_whoever_owns_it():
    # Two letters signed together and registered as one activity with the city letter's sectors (business):
    # the university signed a parallel letter under its own tie, so the business sector is the city's, not its.
    # lag carried a business project alone, so business is its own.
    m = Mini()
    m.sister("sisterby", agreement_id="charter")
    m.entity("kby", "city", "PL")
    m.entity("uni", "university", "NO")
    m.entity("funi", "university", "PL")
    m.entity("lag", "voluntary_org", "NO")
    t1 = m.tie("home", "kby", "partnership")
    t2 = m.tie("uni", "funi", "partnership")
    m.activity(
        "letters", "signing", "2012", {"home": "party", "kby": "party", "uni": "party", "funi": "party"}, ties=(t1, t2), sectors="business"
    )
    m.activity("fair", "project", "2019", {"lag": "carrier", "home": "partner"}, sectors="business")
    df = suggest(m, (agreement("charter", "business", "home", "sisterby"),))
    assert list(df["subject"]) == ["lag;sisterby"]
    assert "works in business (fair (2019))" in df["explanation_en"][0]


def test_two_actors_with_the_same_foreign_partner_not_registered_together():
    # uni and lag both have a tie with Foreign University; uni and klubb both with Foreign City, but they took
    # part in one activity together, so they are registered together; no pair is made for a shared tie (carrier).
    m = Mini()
    for n, k in (("uni", "university"), ("lag", "voluntary_org"), ("klubb", "voluntary_org")):
        m.entity(n, k, "NO")
        m.tie(n, "home", "partnership")
    m.entity("funi", "university", "DE", name="Foreign University")
    m.entity("fcity", "city", "DE")
    m.tie("uni", "funi", "partnership")
    m.tie("lag", "funi", "exchange")
    m.tie("uni", "fcity", "project")
    m.tie("klubb", "fcity", "project")
    m.activity("meeting", "meeting", "2020", {"uni": "partner", "klubb": "partner"})
    df = suggest(m)
    assert list(df["subject"]) == ["lag;uni"]
    assert "both work with Foreign University" in df["explanation_en"][0]
    assert df["severity"][0] == "medium"


def test_a_consulate_for_a_country_where_a_local_actor_is_active():
    # The consulate of Denmark sits in the home city; home has a sister city in Denmark and uni a project in
    # Copenhagen with a registered visit of the consul: only home is suggested. France has no local actor.
    m = Mini()
    m.entity("denmark", "country", "DK", name="Danmark", name_en="Denmark")
    m.entity("france", "country", "FR")
    for c in ("denmark", "france"):
        m.entity(f"consulate-{c}", "consulate", "NO")
        m.tie(f"consulate-{c}", c, "consular")
        m.tie(f"consulate-{c}", "home", "located_in")
    m.sister("odense", "DK")
    m.entity("uni", "university", "NO")
    m.entity("kbh", "city", "DK")
    m.tie("uni", "kbh", "project")
    m.tie("uni", "home", "partnership")
    m.activity("visit", "visit", "2021", {"consulate-denmark": "visitor", "uni": "host"})
    df = suggest(m)
    assert list(df["subject"]) == ["consulate-denmark"]
    en = df["explanation_en"][0]
    assert en.startswith("Denmark: Home Municipality (Home Municipality – Odense) is active there")
    assert "Uni" not in en  # the consul's visit to uni is registered
    assert "consul" in en.split("Next:")[1]


def test_members_of_one_network_with_no_registered_exchange():
    # Network N: uni and fylke active members, lag a planned one; uni and lag also share a tie. The home is a
    # member too but is the one who convenes, so it is never half of a pair. A dissolved member is left out.
    m = Mini()
    m.entity("net", "network", None, name="Network N")
    for n, k in (("uni", "university"), ("fylke", "county"), ("lag", "voluntary_org"), ("gammel", "county")):
        m.entity(n, k, "NO", **({"dissolved": "2017-12-31"} if n == "gammel" else {}))
    m.tie("home", "net", "membership")
    m.tie("uni", "net", "membership")
    m.tie("fylke", "net", "membership")
    m.tie("lag", "net", "membership", status="uncertain")
    m.tie("gammel", "net", "membership", end="2017-12-31", status="ended")
    m.tie("uni", "lag", "partnership")
    df = suggest(m)
    assert list(df["subject"]) == ["fylke;uni", "fylke;lag"]
    assert list(df["severity"]) == ["medium", "low"]
    assert "both are members of Network N" in df["explanation_en"][0]
    assert "planned member" in df["explanation_en"][1]


def test_a_crowded_body_is_not_gone_through_pairwise_and_the_summary_says_so():
    # Four members of one network with no exchange: 6 pairs; with at most 3 actors per body, none and a note.
    m = Mini()
    m.entity("net", "network", None)
    for i in range(4):
        m.entity(f"org{i}", "voluntary_org", "NO")
        m.tie(f"org{i}", "net", "membership")
    assert len(suggest(m)) == 6
    options = analysis.Options(kinds=(KIND,), rules=DEFAULT_RULES.with_values(shared_partner_max_actors=3))
    a = analysis.analyse(m.snap(), as_of=DAY, options=options)
    assert a.findings[KIND].empty
    assert a.summary.loc[0, "note_en"] == (
        "none found in this data; 1 partner or body with more than 3 local actors is not gone through pairwise (see many channels)"
    )


def test_nothing_to_suggest_in_an_empty_registry():
    assert suggest(Mini()).empty


def test_the_seed_suggests_connections_its_sources_support(seeded):
    a = analysis.analyse(seeded, as_of=DAY)
    df = a.findings[KIND]
    # Read off data/ (see the report): Ramallah's memorandum names business and research with no such activity
    # registered; NTNU (university), Næringsforeningen (business association) and Trøndelags Europakontor (its
    # business/research pilot) work in them; NTNU and Trøndelag fylkeskommune are both members of the
    # Europakontor; NTNU, the Europakontor and Næringsforeningen are planned forum members (NTNU and the
    # Europakontor already share a membership tie); Denmark's consulate and Trondheim kommune, active in Odense.
    assert set(df["subject"]) == {
        "ntnu;ramallah",
        "naeringsforeningen;ramallah",
        "trondelags-europakontor;ramallah",
        "ntnu;trondelag-fylkeskommune",
        "naeringsforeningen;ntnu",
        "naeringsforeningen;trondelags-europakontor",
        "consulate-denmark",
    }
    assert len(df) >= 3
    ids = set(snapshot(seeded).graph) | {"trondheim--ramallah"}
    for text in list(df["explanation_nb"]) + list(df["explanation_en"]):
        assert not any(f" {i} " in f" {text} " for i in ids if "-" in i), text  # named, never an id
        assert "Neste steg:" in text or "Next:" in text
    ntnu = df[df["subject"] == "ntnu;ramallah"].iloc[0]
    # The Kraków letters (the city letter's sectors) do not make NTNU a business actor.
    assert "business" not in ntnu["explanation_en"].split("works in")[1].split(".")[0]
    # The existing kinds are unchanged by the new one.
    counts = dict(zip(a.summary["kind"], a.summary["count"]))
    assert (counts["shared_partner"], counts["opportunity"], counts["structural_hole"]) == (0, 0, 0)


def test_the_gaps_page_lists_the_seed_suggestions(tmp_path, monkeypatch):
    # The app seeds an empty registry file on first run, as test_app's pages do.
    from tests.apps import start

    monkeypatch.setenv("REGISTRY_DB", str(tmp_path / "app.db"))
    for lang, title, text in (
        ("en", "Connections worth suggesting (7)", "research (as a university)"),
        ("nb", "Forbindelser verdt å foreslå (7)", "forskning (som universitet)"),
    ):
        at = start(lang)
        at.switch_page("app_pages/gaps.py").run()
        assert not at.exception
        assert title in [e.label for e in at.expander]
        tables = [df.value for df in at.dataframe]
        assert any(t.astype(str).apply(lambda c, text=text: c.str.contains(text, regex=False)).any().any() for t in tables)
