"""Texts of the connection suggestions (registry.analysis.suggestions): message templates in bokmål and English."""

from __future__ import annotations

__all__ = ["TEMPLATES"]

_STRATEGY_2A = "«videreutvikle vennskapsbyavtalene innen prioriterte områder»"  # as in i18n/findings.py

#: The suggestions' templates: code -> (nb, en); registered in :mod:`registry.i18n`.
TEMPLATES: dict[str, tuple[str, str]] = {
    # --- suggested_connection
    "finding.note.crowded_suggest": (
        "{n} {n:plural:partner eller organ/partnere eller organer} med flere enn {cap} lokale aktører er ikke gått "
        "gjennom parvis (se mange kanaler)",
        "{n} {n:plural:partner or body/partners or bodies} with more than {cap} local actors {n:plural:is/are} not gone "
        "through pairwise (see many channels)",
    ),
    "suggest.by_kind": ("som {kind}", "as a {kind}"),
    "suggest.sector.how": ("{sectors:list} ({rows})", "{sectors:list} ({rows})"),
    "suggest.sector.agreements": ("{agreements}", "{agreements}"),
    "suggest.sector.twinning": ("vennskapsbyavtalen {tie}", "the twinning {tie}"),
    "suggest.sector.gap": (
        "{city}: {said} nevner {sectors:list}, men ingen aktivitet innen det er registrert for {tie}. {actor} arbeider "
        "innen {how:list}. Neste steg: spør {actor} om den har, eller vil ha, kontakt med {city} innen {sectors:list}, og "
        f"registrer det (strategi 2a: {_STRATEGY_2A}; 4d: involvere kunnskapsmiljøer, frivillige organisasjoner, kultur- "
        "og næringsliv).",
        "{city}: {said} names {sectors:list}, but no activity in it is registered for {tie}. {actor} works in "
        "{how:list}. Next: ask {actor} whether it has, or would want, contact with {city} in {sectors:list}, and "
        "register it (strategy 2a: develop the twinning agreements 'within prioritised areas'; 4d: involve knowledge "
        "institutions, voluntary organisations, culture and business).",
    ),
    "suggest.pair.partner": ("begge arbeider med {partners}", "both work with {partners}"),
    "suggest.pair.body": ("begge er med i {bodies}", "both are members of {bodies}"),
    "suggest.pair.body_planned": (
        "begge er oppført i {bodies}, minst én av dem bare som planlagt medlem (ikke dokumentert som gjennomført)",
        "both are listed in {bodies}, at least one of them only as a planned member (not documented as in force)",
    ),
    "suggest.pair.gap": (
        "{pair}: {reasons:list}, men ingen forbindelse eller felles aktivitet mellom dem er registrert. Neste steg: gjør "
        "{a} og {b} kjent med hverandre, for eksempel i det internasjonale forumet (strategi 1f: forumet skal «fungere "
        "som katalysator for samspillet lokalt»), og registrer samarbeidet om det finnes.",
        "{pair}: {reasons:list}, but no tie or shared activity between them is registered. Next: introduce {a} and {b} "
        "to each other, for instance in the international forum (strategy 1f: the forum is to act as a catalyst for "
        "local cooperation), and register the cooperation if there is any.",
    ),
    "suggest.consulate.actor": ("{actor} ({how})", "{actor} ({how})"),
    "suggest.consulate.gap": (
        "{country}: {actors} {n:plural:er/er} aktiv der, og {consulate} representerer landet her, men ingen forbindelse "
        "eller felles aktivitet med konsulatet er registrert for {n:plural:den/noen av dem}. Neste steg: spør konsulen om hjelp "
        "med kontakter i {country}, og registrer det (strategi 4e: bruke konsulatene aktivt).",
        "{country}: {actors} {n:plural:is/are} active there, and {consulate} represents the country here, but no tie or "
        "shared activity with the consulate is registered for {n:plural:it/any of them}. Next: ask the consul to help with "
        "contacts in {country}, and register it (strategy 4e: use the consulates actively).",
    ),
}
