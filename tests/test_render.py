"""Messages are codes with parameters; render alone writes them, plurals and labels included."""

from __future__ import annotations

import pytest

from registry.i18n import Message, register, render
from registry.message import TEMPLATES


@pytest.fixture(autouse=True)
def _templates():
    saved = dict(TEMPLATES)
    register(
        {
            "t.count": ("{n} {n:plural:by/byer}", "{n} {n:plural:city/cities}"),
            "t.outer": ("{inner} ({names:list})", "{inner} ({names:list})"),
            "t.kind": ("{k:label:activity_kinds}", "{k:label:activity_kinds}"),
        }
    )
    yield
    TEMPLATES.clear()
    TEMPLATES.update(saved)


def test_plural_follows_the_number_in_each_language():
    assert [render(Message("t.count", {"n": n}), "nb") for n in (0, 1, 2)] == ["0 byer", "1 by", "2 byer"]
    assert render(Message("t.count", {"n": 1}), "en") == "1 city"


def test_nested_messages_and_lists_render_in_the_same_language():
    m = Message("t.outer", {"inner": Message("t.count", {"n": 3}), "names": ["Graz", "Darmstadt", "Vallejo"]})
    assert render(m, "nb") == "3 byer (Graz, Darmstadt og Vallejo)"
    assert render(m, "en") == "3 cities (Graz, Darmstadt and Vallejo)"


def test_a_code_is_written_as_its_label():
    assert render(Message("t.kind", {"k": "visit"}), "nb") == "Besøk"
    assert render(Message("t.kind", {"k": "visit"}), "en") == "Visit"


def test_a_code_declared_twice_is_refused():
    with pytest.raises(ValueError, match="t.count"):
        register({"t.count": ("x", "y")})


def test_messages_compare_and_hash_by_code_and_params():
    assert Message("t.count", {"n": 2}) == Message("t.count", {"n": 2})
    assert len({Message("t.count", {"n": 2}), Message("t.count", {"n": 2})}) == 1


def test_a_template_reads_as_str_format_would_with_its_own_conversions():
    # Templates are parsed once and filled by the renderer's own loop: it must read every field form str.format reads.
    register(
        {
            "test.formats": (
                "{{literal}} {a} {b!r} {n:>4} {n:{width}} {p.real} {items[1]} {m} {n:plural:rad/rader} {k:label:categories}",
                "{{literal}} {a} {b!r} {n:>4} {n:{width}} {p.real} {items[1]} {m} {n:plural:row/rows} {k:label:categories}",
            ),
            "test.inner": ("indre {x}", "inner {x}"),
        }
    )
    params = {"a": "å", "b": "b", "n": 2, "width": 3, "p": 1.5, "items": ["x", "y"], "m": Message("test.inner", {"x": 7}), "k": "dormant"}
    plain = "{{literal}} {a} {b!r} {n:>4} {n:{width}} {p.real} {items[1]}"
    assert render(Message("test.formats", params), "nb") == plain.format(**params) + " indre 7 rader Hvilende"
    assert render(Message("test.formats", params), "en") == plain.format(**params) + " inner 7 rows Dormant"
    assert render(Message("test.formats", {**params, "n": 1}), "en").endswith(" row Dormant")
