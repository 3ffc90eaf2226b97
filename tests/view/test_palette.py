"""The network view's palette: every tie kind and entity kind stays distinguishable under colour-vision deficiencies.

Colour-blindness is simulated with the full-severity matrices of Machado, Oliveira &
Fernandes (2009), "A physiologically-based model for simulation of color vision
deficiency", IEEE TVCG 15(6), applied to linear sRGB; the distance is CIE76 delta E in
CIELAB (D65). A delta E of about 2.3 is a just noticeable difference between two large
patches; thin lines on a white page need far more, hence the thresholds below.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import networkx as nx
import numpy as np
import pytest

from registry import vocab
from registry.network import gexf
from registry.view import style
from registry.view.style import DEFAULT_STYLE, GROUP_STYLE, KIND_STYLES, TIE_COLOURS

#: Machado et al. 2009, severity 1.0 (their Table: protanomaly, deuteranomaly, tritanomaly at 1.0).
MACHADO = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
}
VISIONS = (None, *MACHADO)  # None: normal vision

#: Minimum delta E between two tie kinds' colours (ties differ by colour only) and between
#: two entity kinds of the same shape, in every vision; and between a tie colour and the page.
MIN_TIE_DELTA_E = 15.0
MIN_KIND_DELTA_E = 15.0
MIN_BACKGROUND_DELTA_E = 30.0


def _linear(hex_colour: str) -> np.ndarray:
    """Return the linear-light sRGB of ``#rrggbb`` (IEC 61966-2-1's transfer function undone)."""
    h = hex_colour.lstrip("#")
    c = np.array([int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(hex_colour: str, vision: str | None = None) -> np.ndarray:
    """Return CIELAB (D65) of ``hex_colour`` as seen with ``vision`` (a key of :data:`MACHADO`, or None)."""
    rgb = _linear(hex_colour)
    if vision:
        rgb = np.clip(MACHADO[vision] @ rgb, 0, 1)
    xyz = np.array([[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750], [0.0193339, 0.1191920, 0.9503041]]) @ rgb
    t = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def delta_e(a: str, b: str, vision: str | None = None) -> float:
    """Return the CIE76 colour difference of two ``#rrggbb`` colours as seen with ``vision``."""
    return float(np.linalg.norm(lab(a, vision) - lab(b, vision)))


def test_the_simulation_behaves_like_the_published_one():
    # Sanity of the helper itself: white stays white, and red and green - told apart at a glance
    # with normal vision - come close under deuteranopia (the confusion the matrices model).
    assert delta_e("#ffffff", "#ffffff", "deuteranopia") == pytest.approx(0)
    assert lab("#ffffff")[0] == pytest.approx(100, abs=0.01)
    assert lab("#ffffff", "protanopia")[0] == pytest.approx(100, abs=0.5)
    assert delta_e("#d62728", "#2ca02c") > 80
    assert delta_e("#d62728", "#2ca02c", "deuteranopia") < 0.4 * delta_e("#d62728", "#2ca02c")
    # Blue and yellow are what tritanopes confuse, not protanopes.
    assert delta_e("#0072b2", "#009e73", "tritanopia") < delta_e("#0072b2", "#009e73", "protanopia")


def test_the_old_tie_greens_fail_the_check():
    # The three greens the issue reported (forum, project, funding before this palette) are
    # what the check must catch: under tritanopia two of them are barely 2 apart.
    old = {"forum_member": "#1f9e89", "project": "#009e73", "funding": "#2ca02c"}
    worst = min(delta_e(a, b, v) for a, b in itertools.combinations(old.values(), 2) for v in VISIONS)
    assert worst < MIN_TIE_DELTA_E


def minimum_delta_e(colours: dict[str, str], vision: str | None) -> tuple[float, tuple[str, str]]:
    """Return the smallest delta E between two of ``colours`` as seen with ``vision``, and that pair."""
    return min((delta_e(colours[a], colours[b], vision), (a, b)) for a, b in itertools.combinations(colours, 2))


@pytest.mark.parametrize("vision", VISIONS, ids=lambda v: v or "normal")
def test_every_pair_of_tie_kinds_is_distinguishable(vision):
    # Every tie kind the vocabulary knows has a colour of its own.
    assert set(TIE_COLOURS) == {k.code for k in vocab.TIE_KINDS}
    worst, pair = minimum_delta_e(TIE_COLOURS, vision)
    assert worst >= MIN_TIE_DELTA_E, f"{pair} only {worst:.1f} apart ({vision or 'normal vision'})"
    for kind, colour in TIE_COLOURS.items():
        assert delta_e(colour, "#ffffff", vision) >= MIN_BACKGROUND_DELTA_E, kind


@pytest.mark.parametrize("vision", VISIONS, ids=lambda v: v or "normal")
def test_entity_kinds_differ_by_shape_or_by_colour(vision):
    assert set(KIND_STYLES) == {k.code for k in vocab.ENTITY_KINDS}
    styles = {**KIND_STYLES, "group": GROUP_STYLE}
    for (a, sa), (b, sb) in itertools.combinations(styles.items(), 2):
        if sa.shape == sb.shape:
            assert delta_e(sa.colour, sb.colour, vision) >= MIN_KIND_DELTA_E, (a, b, vision)
    assert DEFAULT_STYLE.colour not in {s.colour for s in KIND_STYLES.values()}


def test_the_legend_and_the_page_data_use_the_palette():
    g = nx.MultiDiGraph()
    g.add_node("a", kind="city", name="A")
    g.add_node("b", kind="forum", name="B")
    g.add_edge("a", "b", key="t1", kind="forum_member", status="active")
    html = style.legend(g, "en")
    assert TIE_COLOURS["forum_member"] in html and KIND_STYLES["forum"].colour in html
    assert "#1f9e89" not in html  # the old forum green


def test_gexf_uses_the_page_colours(tmp_path):
    g = nx.MultiDiGraph()
    for i, kind in enumerate(KIND_STYLES):
        g.add_node(f"n{i}", kind=kind, name=kind)
    for i, kind in enumerate(TIE_COLOURS):
        g.add_edge("n0", f"n{i + 1}", key=f"t{i}", id=f"t{i}", kind=kind, directed=0)
    h = gexf.gephi_graph(g)

    def hex_of(viz):
        c = viz["color"]
        return f"#{c['r']:02x}{c['g']:02x}{c['b']:02x}"

    assert {h.nodes[f"n{i}"]["kind"]: hex_of(h.nodes[f"n{i}"]["viz"]) for i in range(len(KIND_STYLES))} == {
        k: s.colour for k, s in KIND_STYLES.items()
    }
    assert {a["kind"]: hex_of(a["viz"]) for _, _, a in h.edges(data=True)} == TIE_COLOURS
    # And the file Gephi reads carries them.
    path = tmp_path / "g.gexf"
    gexf.write_gexf(g, str(path))
    colours = {(int(e.get("r")), int(e.get("g")), int(e.get("b"))) for e in ET.parse(path).iter() if e.tag.endswith("color")}
    r, gg, b = (int(TIE_COLOURS["funding"][i : i + 2], 16) for i in (1, 3, 5))
    assert (r, gg, b) in colours
