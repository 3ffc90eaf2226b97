"""Coverage matrices (registry.analysis.coverage_matrices): ties and activities per sister city, by sector and by
kind of actor.
"""

from registry import analysis
from registry.analysis.context import prepare
from tests.analysis.graphs import DAY
from tests.mini import Mini


def test_coverage_matrices_count_ties_and_activities():
    # x: twinning (culture) and a university project in research;health; y: only the twinning.
    # A youth exchange at x with a voluntary organisation is registered as an activity.
    m = Mini()
    m.sister("x", sectors="culture")
    m.sister("y")
    m.entity("uni", "university", "NO").entity("club", "voluntary_org", "NO")
    m.tie("uni", "x", "project", sectors="research;health", start="2021")
    m.activity("camp", "exchange", "2022", {"club": "visitor", "x": "host"}, sectors="youth")
    ctx = prepare(m.snap(), DAY)
    sectors, actors = analysis.coverage(ctx)
    row = sectors.set_index("city_id").loc["x"]
    assert (row["culture"], row["research"], row["health"], row["education"], row["youth"]) == (1, 1, 1, 0, 1)
    assert actors.set_index("city_id").loc["x", ["municipality", "university", "voluntary_org"]].tolist() == [1, 1, 1]
    assert sectors.set_index("city_id").loc["y"].iloc[1:].sum() == 0
