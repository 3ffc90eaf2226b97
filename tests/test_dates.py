from datetime import date

import pytest

from registry.dates import PartialDateError, earliest, latest, parse_partial, year_of


@pytest.mark.parametrize("text, parsed", [("1946", (1946, None, None)), ("1989-06", (1989, 6, None)), ("2022-03-03", (2022, 3, 3))])
def test_parse_partial(text, parsed):
    assert parse_partial(text) == parsed


@pytest.mark.parametrize("text", ["", "46", "1989-13", "2023-02-29", "1989/06", "abc", "2022-3-3", "1968-10-05T00:00:00Z"])
def test_rejects_impossible_or_malformed(text):
    with pytest.raises(PartialDateError):
        parse_partial(text)


def test_span_of_partial_dates():
    assert earliest("1989") == date(1989, 1, 1)
    assert latest("1989") == date(1989, 12, 31)
    assert latest("2024-02") == date(2024, 2, 29)  # leap year
    assert earliest("2022-03-03") == latest("2022-03-03") == date(2022, 3, 3)


def test_year_of_tolerates_empty():
    assert year_of(None) is None
    assert year_of("bad") is None
    assert year_of("1968-10-05") == 1968
