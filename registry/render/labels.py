"""Labels in the reader's language: categories, agreements, severities and finding kinds; the labelled review tables."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from .. import i18n, rules, vocab
from ..findings import SEVERITIES, finding_kind
from ..review.facts import NO_DECISION, Suggestion

__all__ = [
    "pick",
    "category_label",
    "agreement_label",
    "severity_label",
    "finding_title",
    "finding_help",
    "filter_findings",
    "sister_frame",
]


def pick(triples: Iterable[tuple[str, str, str]], code: str, lang: str) -> str:
    """Return the label of ``code`` in ``lang`` among declared ``(code, label_nb, label_en)``, or the code itself.

    >>> pick([("a", "en", "one")], "a", "nb"), pick([], "b", "en")
    ('en', 'b')
    """
    for c, nb, en in triples:
        if c == code:
            return nb if lang == "nb" else en
    return code


def category_label(code: str | None, lang: str) -> str:
    """Return the label of a category code in ``lang``, or of :data:`NO_DECISION` ('Ikke vedtatt' / 'No decision').

    >>> category_label(NO_DECISION, "nb"), category_label("unclassified", "nb")
    ('Ikke vedtatt', 'Ikke kategorisert')
    """
    if code == NO_DECISION:
        return pick(rules.AGREEMENTS, "unclassified", lang)  # one wording: the agreement 'No decision'
    return vocab.label("categories", code, lang)


def agreement_label(code: str | None, lang: str) -> str:
    """Return the label of a suggestion's agreement (:data:`registry.rules.AGREEMENTS`) in ``lang``; '' for None.

    >>> agreement_label("disagree", "nb"), agreement_label(None, "en")
    ('Avviker', '')
    """
    return "" if code is None else pick(rules.AGREEMENTS, code, lang)


def severity_label(code: str, lang: str) -> str:
    """Return the label of a severity code in ``lang``."""
    return pick(SEVERITIES, code, lang)


def finding_title(kind: str, lang: str) -> str:
    """Return the title of a finding kind in ``lang`` (the code itself when unknown)."""
    try:
        k = finding_kind(kind)
    except KeyError:
        return i18n.t("report.integrity", lang) if kind == "integrity" else kind
    return k.title_nb if lang == "nb" else k.title_en


def finding_help(kind: str, lang: str) -> str:
    """Return what a finding kind means, in ``lang`` ('' when unknown)."""
    try:
        k = finding_kind(kind)
    except KeyError:
        return i18n.t("report.integrity_help", lang) if kind == "integrity" else ""
    return k.help_nb if lang == "nb" else k.help_en


def filter_findings(
    findings: pd.DataFrame,
    lang: str,
    *,
    groups: Iterable[str] = (),
    kinds: Iterable[str] = (),
    severities: Iterable[str] = (),
    text: str = "",
) -> pd.DataFrame:
    """Return the findings in the given groups, kinds and severities whose subject or explanation contains ``text``.

    Empty selections mean 'all'; the text match ignores case and uses the explanation in ``lang``
    (the one the reader sees).

    >>> df = pd.DataFrame({"kind": ["isolated", "opportunity"], "subject": ["a", "b"], "subject_name": ["A", "B"],
    ...                    "severity": ["low", "high"], "explanation_nb": ["x", "y"], "explanation_en": ["x", "y"]})
    >>> filter_findings(df, "en", groups=["opportunity"])["subject"].tolist()
    ['b']
    """
    from ..review.report import finding_group

    groups, kinds, severities = set(groups), set(kinds), set(severities)
    keep = pd.Series(True, index=findings.index)
    if groups:
        keep &= findings["kind"].map(finding_group).isin(groups)
    if kinds:
        keep &= findings["kind"].isin(kinds)
    if severities:
        keep &= findings["severity"].isin(severities)
    needle = text.strip().casefold()
    if needle:
        hay = (
            findings["subject_name"].astype(str) + " " + findings[f"explanation_{'nb' if lang == 'nb' else 'en'}"].astype(str)
        ).str.casefold()
        keep &= hay.str.contains(needle, regex=False)
    return findings[keep].reset_index(drop=True)


def sister_frame(suggestions: Sequence[Suggestion], lang: str) -> pd.DataFrame:
    """Return :func:`registry.review.classify.frame` of ``suggestions`` with label columns in ``lang`` for display.

    ``suggested_label``, ``assigned_label`` ('No decision' where none is taken) and
    ``agreement_label`` (empty without a suggestion) are added; the code columns stay as
    they are, so CSV files keep stable codes.
    """
    from ..review.classify import frame

    df = frame(list(suggestions))
    df["suggested_label"] = [vocab.label("categories", c, lang) for c in df["suggested"]]
    df["assigned_label"] = [category_label(s.assigned_group, lang) for s in suggestions]
    df["agreement_label"] = [agreement_label(s.agreement, lang) for s in suggestions]
    return df
