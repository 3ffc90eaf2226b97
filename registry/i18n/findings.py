"""The analysis' findings in words: one template per message code, in bokmål and English.

:mod:`registry.analysis` returns each finding as a :class:`~registry.message.Message`
(a code and its parameters: names, numbers, vocabulary codes, nested messages); these
templates alone write them. Names arrive as ``finding.name`` messages carrying both
languages' names, so a template never sees an id. Registered in :mod:`registry.i18n`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..message import Message

__all__ = ["TEMPLATES", "name", "country_names", "term", "decimal", "or_list", "both"]

# The strategy's own words behind the next steps (bystyresak 3/10, OCR damage corrected). Point 7 of
# the council's decision repeats strategy 1f's sentence.
_VEDTAK_7 = "«Konsulene inviteres til å delta med en representant i det internasjonale forum som tenkes etablert»"
_STRATEGY_2A = "«videreutvikle vennskapsbyavtalene innen prioriterte områder»"
_STRATEGY_2C_TWO_WAY = "«Det bør imidlertid være et krav om en toveis relasjon»"

#: Every finding template: code -> (nb, en).
TEMPLATES: dict[str, tuple[str, str]] = {
    # --- building blocks
    "finding.name": ("{nb}", "{en}"),
    "finding.more": ("{n} til", "{n} more"),
    "finding.list": ("{items:list}", "{items:list}"),
    "finding.decimal": ("{whole},{frac}", "{whole}.{frac}"),
    "finding.or_last": ("{a} eller {b}", "{a} or {b}"),
    "finding.comma": ("{a}, {rest}", "{a}, {rest}"),
    "finding.tie": ("{a} – {b}", "{a} – {b}"),
    "finding.tie_kind": ("{kind:label:tie_kinds} {a} – {b}", "{kind:label:tie_kinds} {a} – {b}"),
    "finding.tie_kind_lower": ("{kind} {a} – {b}", "{kind} {a} – {b}"),
    "finding.pair": ("{a} og {b}", "{a} and {b}"),
    "finding.slash": ("{a} / {b}", "{a} / {b}"),
    "finding.none_found": ("ingen funnet i disse dataene", "none found in this data"),
    "finding.none_found_and": ("ingen funnet i disse dataene; {note}", "none found in this data; {note}"),
    # --- summary notes
    "finding.note.no_home_isolated": (
        "ingen hjemkommune: bare enheter uten forbindelser er listet",
        "no home municipality: only entities without ties are listed",
    ),
    "finding.note.no_home_paths": ("ingen hjemkommune å måle veier fra", "no home municipality to measure paths from"),
    "finding.note.no_home_compare": ("ingen hjemkommune å sammenligne med", "no home municipality to compare with"),
    "finding.note.crowded": (
        "{n} {n:plural:sted/steder} med flere enn {cap} aktører er listet under mange kanaler i stedet",
        "{n} {n:plural:place/places} with more than {cap} actors are listed under many channels instead",
    ),
    "finding.note.holes_sampled": (
        "målt bare for de {cap} best tilknyttede lokale aktørene (hole_max_actors)",
        "measured for the {cap} best-connected local actors only (hole_max_actors)",
    ),
    # --- thin_relation
    "finding.thin.acts": ("{n} {n:plural:aktivitet/aktiviteter} registrert", "{n} {n:plural:activity/activities} registered"),
    "finding.thin.ties": ("{n} {n:plural:annen forbindelse/andre forbindelser}", "{n} other {n:plural:tie/ties}"),
    "finding.thin.last_dated": ("siste datert {year}", "last dated {year}"),
    "finding.thin.last_dated_undated": ("siste datert {year}, {undated} uten dato", "last dated {year}, {undated} without a date"),
    "finding.thin.none_dated": ("ingen datert", "none dated"),
    "finding.thin.head": ("{city}: {had:list} ({when}).", "{city}: {had:list} ({when})."),
    "finding.thin.only_home": (
        "Bare {home} er registrert som lokal aktør; ingen {wanted} deltar i registeret.",
        "Only {home} is registered as a local actor; no {wanted} takes part in the registry.",
    ),
    "finding.thin.actors": ("Lokale aktører: {actors}.", "Local actors: {actors}."),
    "finding.thin.missing": (
        "Avtalte sektorer: {agreed:list}; ingen registrert aktivitet innen {missing:list}.",
        "Agreed sectors: {agreed:list}; no activity registered in {missing:list}.",
    ),
    "finding.thin.all_done": ("Alle avtalte sektorer har aktivitet ({agreed:list}).", "Every agreed sector has activity ({agreed:list})."),
    "finding.thin.none_agreed": ("Ingen sektorer er avtalt, så ingen etterspørres.", "No sectors are agreed, so none is asked for."),
    "finding.thin.next_missing": (
        "avtal aktivitet innen {missing:list} med {city}, eller avgrens avtalen til de prioriterte områdene "
        f"(strategi 2a: {_STRATEGY_2A})",
        "agree on activity in {missing:list} with {city}, or narrow the agreement to the prioritised areas "
        "(strategy 2a: develop the twinning agreements 'within prioritised areas')",
    ),
    "finding.thin.next_actors": (
        "registrer eller inviter inn institusjonene, foreningene eller bedriftene som deltar (strategi 4d: involvere "
        "kunnskapsmiljøer, frivillige organisasjoner, kultur- og næringsliv)",
        "register or invite the institutions, associations or businesses that take part (strategy 4d: involve "
        "knowledge institutions, voluntary organisations, culture and business)",
    ),
    "finding.thin.relation": ("{head} {actors} {sectors} Neste steg: {next}.", "{head} {actors} {sectors} Next: {next}."),
    "finding.thin.relation_two": (
        "{head} {actors} {sectors} Neste steg: {first}; og {second}.",
        "{head} {actors} {sectors} Next: {first}; and {second}.",
    ),
    "finding.thin.nothing_one": (
        "{city}: ingenting er registrert utover selve vennskapsbyavtalen: ingen aktivitet, ingen annen forbindelse, "
        "ingen lokal aktør. Neste steg: registrer det som er kjent (besøk, prosjekter, hvem som bærer kontakten; "
        "strategi 4a), eller legg relasjonen fram for bystyret i vurderingen etter strategi 2c, der hvilende er en "
        "av kategoriene.",
        "{city}: nothing is registered beyond the twinning itself: no activity, no other tie, no local actor. Next: "
        "register what is known (visits, projects, who carries the contact; strategy 4a), or put the relation to the "
        "council in the review under strategy 2c, where dormant is one of the categories.",
    ),
    "finding.thin.nothing_many": (
        "{n} vennskapsbyer har ingenting registrert utover selve vennskapsbyavtalen ({cities}): ingen aktivitet, "
        "ingen annen forbindelse, ingen lokal aktør. Neste steg: registrer det som er kjent (besøk, prosjekter, hvem "
        "som bærer kontakten; strategi 4a), eller legg relasjonene fram for bystyret i vurderingen etter strategi 2c, "
        "der hvilende er en av kategoriene.",
        "{n} sister cities have nothing registered beyond the twinning itself ({cities}): no activity, no other tie, "
        "no local actor. Next: register what is known (visits, projects, who carries the contact; strategy 4a), or "
        "put the relations to the council in the review under strategy 2c, where dormant is one of the categories.",
    ),
    "finding.thin.many_subject": ("{n} vennskapsbyer", "{n} sister cities"),
    # --- unused_consulate
    "finding.consulate.related": (
        " {country} har andre aktive relasjoner som konsulatet kan knyttes til.",
        " {country} has other active relations the consulate could be tied to.",
    ),
    "finding.consulate.related_at": (
        " {country} har andre aktive relasjoner ({cities}) som konsulatet kan knyttes til.",
        " {country} has other active relations ({cities}) the consulate could be tied to.",
    ),
    "finding.consulate.alone": (" {country} har heller ingen annen aktiv relasjon.", " {country} has no other active relation either."),
    "finding.consulate.unused": (
        "{consulate} har ingen registrert forbindelse utover sine egne ({own}).{country} Neste steg: inviter konsulen "
        f"til det internasjonale forumet (strategi 1f og bystyrets vedtak punkt 7: {_VEDTAK_7}), og bruk konsulatet "
        "aktivt (strategi 4e).",
        "{consulate} has no registered tie beyond its own ({own}).{country} Next: invite the consul to the "
        "international forum (strategy 1f and the council's decision, point 7: the consuls are invited to take part "
        "with a representative in the international forum), and use the consulate actively (strategy 4e).",
    ),
    "finding.consulate.own_none": ("ingen", "none"),
    "finding.consulate.own": ("til {ends}", "to {ends}"),
    # --- forum_isolated
    "finding.forum.planned": (
        "{member} er oppført som planlagt medlem av {forum} (ikke dokumentert som gjennomført), men har ingen "
        "registrert forbindelse til eller aktivitet i noen vennskapsby eller partnerby. Neste steg: bekreft "
        "medlemskapet, og bruk forumet til å knytte aktøren til byens partnere (strategi 1f: forumet skal «fungere "
        "som katalysator for samspillet lokalt»).",
        "{member} is listed as a planned member of {forum} (not documented as in force), but has no registered tie "
        "to or activity in any sister or partner city. Next: confirm the membership, and use the forum to connect it "
        "with the city's partners (strategy 1f: the forum is to act as a catalyst for local cooperation).",
    ),
    "finding.forum.member": (
        "{member} er med i {forum}, men har ingen registrert forbindelse til eller aktivitet i noen vennskapsby eller "
        "partnerby. Neste steg: bruk forumet til å knytte aktøren til byens partnere (strategi 1f: forumet skal "
        "«fungere som katalysator for samspillet lokalt»).",
        "{member} is a member of {forum}, but has no registered tie to or activity in any sister or partner city. "
        "Next: use the forum to connect it with the city's partners (strategy 1f: the forum is to act as a catalyst "
        "for local cooperation).",
    ),
    # --- undocumented_tie
    "finding.undocumented.goals": ("mål", "goals"),
    "finding.undocumented.indicators": ("indikatorer", "indicators"),
    "finding.undocumented.source": ("kilde", "a source"),
    "finding.undocumented.step_source": ("registrer kilden", "record the source"),
    "finding.undocumented.step_goals": (
        "avtal mål og indikatorer med partneren, eller registrer dem om de finnes",
        "agree goals and indicators with the partner, or register them if they exist",
    ),
    "finding.undocumented.project": (
        "{tie} er et prosjektsamarbeid som mangler {missing:list}; strategi 2a vil formalisere samarbeidet i "
        "prosjektbaserte engasjementer som er målbare og har dokumenterbar effekt. Neste steg: {steps:list}.",
        "{tie} is project cooperation without {missing:list}; strategy 2a formalises cooperation in project-based "
        "engagements that are measurable and have documentable effect. Next: {steps:list}.",
    ),
    "finding.undocumented.no_source": (
        "{tie} har ingen kilde; uten kilde kan ingen etterprøve at forbindelsen finnes. Neste steg: registrer kilden.",
        "{tie} has no source; without one nobody can check that the tie exists. Next: record the source.",
    ),
    # --- documentation_gap
    "finding.documentation.text": ("{have} av {total} {measure} er dokumentert", "{have} of {total} {measure} are documented"),
    "finding.documentation.source": (" (kilde: {source})", " (source: {source})"),
    "finding.documentation.source_as_of": (" (kilde: {source}, per {as_of})", " (source: {source}, as of {as_of})"),
    "finding.documentation.next_consulates": (
        "finn og registrer de {missing} andre konsulatene (strategi 4a), og inviter hver konsul til det internasjonale "
        f"forumet (strategi 1f og bystyrets vedtak punkt 7: {_VEDTAK_7})",
        "find and register the other {missing} consulates (strategy 4a), and invite each consul to the international "
        "forum (strategy 1f and the council's decision, point 7: the consuls are invited to take part with a "
        "representative in the international forum)",
    ),
    "finding.documentation.next_sister_cities": (
        "finn ut hvilke {missing} {measure} kilden regner med som ikke er registrert, og registrer dem med kilde (strategi 4a)",
        "find out which {missing} {measure} the source counts that are not registered, and register them with their source (strategy 4a)",
    ),
    "finding.documentation.next_other": (
        "finn og registrer de {missing} som mangler, med kilde (strategi 4a)",
        "find and register the {missing} missing, with their source (strategy 4a)",
    ),
    "finding.documentation.gap": (
        "{text}{said}; {missing} mangler i registeret. Neste steg: {next}.",
        "{text}{said}; {missing} are missing from the registry. Next: {next}.",
    ),
    # --- one_way_solidarity
    "finding.solidarity.one_way": ("enveis ({ties:list})", "one-way ({ties:list})"),
    "finding.solidarity.unknown": ("uten dokumentert gjensidighet ({ties:list})", "not documented as two-way ({ties:list})"),
    "finding.solidarity.the_volunteers": ("de frivillige", "the voluntary organisations"),
    "finding.solidarity.gap": (
        "{place}: solidaritetsarbeidet drevet av frivillige er {parts:list}; strategi 2c sier "
        f"{_STRATEGY_2C_TWO_WAY}. Neste steg: be {{who}} beskrive hvordan {{place}} deltar, og registrer besøk eller "
        "utveksling begge veier.",
        "{place}: the solidarity work carried by voluntary organisations is {parts:list}; strategy 2c says there "
        "should, however, be a requirement of a two-way relation. Next: ask {who} how {place} takes part, and "
        "register visits or exchanges both ways.",
    ),
    # --- went_dormant
    "finding.dormant.sister": ("vennskapsby", "sister city"),
    "finding.dormant.partner": ("partnerby", "partner city"),
    "finding.dormant.last": ("det siste daterte er fra {year} ({what})", "the last dated is from {year} ({what})"),
    "finding.dormant.nothing_dated": ("ingenting er datert", "nothing is dated"),
    "finding.dormant.undated": (
        "; {n} {n:plural:registrert aktivitet/registrerte aktiviteter} er uten dato",
        "; {n} registered {n:plural:activity has/activities have} no date",
    ),
    "finding.dormant.activity": ("{title}", "{title}"),
    "finding.dormant.gap": (
        "{city} ({role}): registeret har aktivitet, men ingenting de siste {years} årene; {last}{undated}. Det sier hva "
        "som er registrert, ikke at kontakten har opphørt. Neste steg: finn ut hvem som har kontakt med {city} nå og "
        "registrer det; prioriteres ikke aktiviteten, kan bystyret vurdere kategorien hvilende (strategi 2c).",
        "{city} ({role}): the registry holds activity, but none in the last {years} years; {last}{undated}. This says "
        "what is registered, not that the contact has stopped. Next: find out who is in contact with {city} now and "
        "register it; if activity is not prioritised, the council may consider the dormant category (strategy 2c).",
    ),
    # --- isolated
    "finding.isolated.why.funding_programme": (
        "; strategi 3e ber om kartlegging av ekstern finansiering. Neste steg: registrer søknader og tilskudd fra den",
        "; strategy 3e asks to map external funding. Next: register applications to it and grants from it",
    ),
    "finding.isolated.why.eu_programme": (
        "; strategi 3e ber om kartlegging av ekstern finansiering. Neste steg: registrer prosjekter og søknader i programmet",
        "; strategy 3e asks to map external funding. Next: register projects and applications in it",
    ),
    "finding.isolated.why.student_org": (
        "; strategi 4f vil bruke studentorganisasjonene som et nettverk av ambassadører. Neste steg: registrer samarbeidet med den",
        "; strategy 4f wants the student organisations as a network of ambassadors. Next: register the cooperation with it",
    ),
    "finding.isolated.why.consulate": (
        "; strategi 4e ber om at konsulatene brukes aktivt. Neste steg: inviter konsulen til det internasjonale "
        "forumet (bystyrets vedtak punkt 7)",
        "; strategy 4e asks that the consulates be used actively. Next: invite the consul to the international forum "
        "(the council's decision, point 7)",
    ),
    "finding.isolated.why.voluntary_org": (
        "; strategi 3f ber om nært samarbeid med frivillige organisasjoner. Neste steg: registrer samarbeidet med den",
        "; strategy 3f asks for close cooperation with voluntary organisations. Next: register the cooperation with it",
    ),
    "finding.isolated.why.other": (". Neste steg: registrer forbindelsene den har", ". Next: register the ties it has"),
    "finding.isolated.tail": (
        "{why}, eller merk den som avsluttet om den ikke lenger er aktuell.",
        "{why}, or mark it as ended if it no longer plays a part.",
    ),
    "finding.isolated.ended_with": (
        "; forbindelsen med {body} endte da {body} ble nedlagt ({dissolved}).",
        "; its tie with {body} ended when that body was dissolved ({dissolved}).",
    ),
    "finding.isolated.ended_with_successor": (
        "; forbindelsen med {body} endte da {body} ble nedlagt ({dissolved}); om {successor} har videreført den, er "
        "ikke registrert. Neste steg: spør {successor} og registrer svaret.",
        "; its tie with {body} ended when that body was dissolved ({dissolved}); whether {successor} continued it is "
        "not registered. Next: ask {successor} and register the answer.",
    ),
    "finding.isolated.successor": (
        "; den er etterfølger for {body} (nedlagt {dissolved}), som hadde registrerte forbindelser ({kinds:list}). "
        "Neste steg: registrer hvilke av dem {entity} har overtatt.",
        "; it is the successor of {body} (dissolved {dissolved}), which had registered ties ({kinds:list}). Next: "
        "register which of them {entity} took over.",
    ),
    "finding.isolated.successor_planned": (
        "; den er etterfølger for {body} (nedlagt {dissolved}), som hadde registrerte forbindelser ({kinds:list}, "
        "planlagt eller usikker). Neste steg: registrer hvilke av dem {entity} har overtatt.",
        "; it is the successor of {body} (dissolved {dissolved}), which had registered ties ({kinds:list}, planned or "
        "uncertain). Next: register which of them {entity} took over.",
    ),
    "finding.isolated.no_tie": ("{entity} ({kind}) har ingen aktiv forbindelse{tail}", "{entity} ({kind}) has no active tie{tail}"),
    "finding.isolated.no_path": (
        "{entity} har forbindelser ({others}), men ingen vei til {home}{tail}",
        "{entity} has ties ({others}), but no path to {home}{tail}",
    ),
    # --- single_point_of_failure
    "finding.spof.gap": (
        "{actor} er eneste registrerte kanal mellom {home} og {n} andre ({cut}): faller den bort, viser registeret "
        "ingen annen vei til dem.{via} Neste steg: finn ut om kommunen har direkte kontakt med dem og registrer den; "
        "ellers er {actor} kanalen som må pleies.",
        "{actor} is the only registered channel between {home} and {n} others ({cut}): if it drops out, the registry "
        "shows no other way to reach them.{via} Next: find out whether the municipality has direct contact with them "
        "and register it; otherwise {actor} is the channel to look after.",
    ),
    "finding.spof.via": (" Selv henger den på én enkelt forbindelse ({tie}).", " It hangs on a single tie itself ({tie})."),
    # --- structural_hole
    "finding.hole.then_home": (
        "Neste steg: {home} når {rest} bare gjennom {actor} i registeret; registrer direkte samarbeid om det finnes, "
        "eller samle dem i det internasjonale forumet (strategi 1f).",
        "Next: {home} reaches {rest} only through {actor} in the registry; register direct cooperation if there is "
        "any, or bring them together in the international forum (strategy 1f).",
    ),
    "finding.hole.then": (
        "Neste steg: kommunen kan koble dem direkte, for eksempel i det internasjonale forumet (strategi 1f).",
        "Next: the municipality could connect them directly, for instance in the international forum (strategy 1f).",
    ),
    "finding.hole.gap": (
        "{actor} har {degree} kontakter ({contacts}) som nesten ikke har forbindelse med hverandre utenom {actor}: "
        "{size} av {degree} kontakter kjenner ikke hverandre fra før (effektiv størrelse). {actor} holder dem sammen "
        "alene. {then}",
        "{actor} has {degree} contacts ({contacts}) that are hardly tied to each other except through {actor}: {size} "
        "of {degree} contacts do not already know each other (effective size). {actor} alone holds them together. "
        "{then}",
    ),
    # --- shared_partner
    "finding.shared.meet": (" De møtes bare gjennom {where}.", " They meet only through {where}."),
    "finding.shared.gap": (
        "{pair} arbeider begge med {places}, men har ingen forbindelse med hverandre i registeret.{meet} Neste steg: "
        "gjør dem kjent med hverandre, for eksempel i det internasjonale forumet (strategi 1f), så de kan samordne "
        "arbeidet.",
        "{pair} both work with {places} but have no tie to each other in the registry.{meet} Next: introduce them to "
        "each other, for instance in the international forum (strategy 1f), so they can coordinate their work.",
    ),
    # --- many_channels
    "finding.many.gap": (
        "{place} har {n} lokale aktører samtidig ({actors}) gjennom {ties} forbindelser; her kan samordning gi mer ut "
        "av hver kontakt. Neste steg: samle dem om stedet, for eksempel i det internasjonale forumet (strategi 1f).",
        "{place} is worked by {n} local actors at once ({actors}) through {ties} ties; coordination could get more out "
        "of each contact here. Next: bring them together about the place, for instance in the international forum "
        "(strategy 1f).",
    ),
    # --- likely_duplicate
    "finding.duplicate.same_name": ("samme navn", "the same name"),
    "finding.duplicate.km": ("{km} km fra hverandre", "{km} km apart"),
    "finding.duplicate.gap": (
        "{pair} er trolig samme enhet: {why:list}. Neste steg: slå dem sammen, eller skriv i notatene hvorfor de er ulike.",
        "{pair} are likely the same: {why:list}. Next: merge them, or note why they differ.",
    ),
    # --- opportunity
    "finding.opportunity.gap": (
        "{place}: {actors} er aktiv her ({ties}), men {home} har ingen relasjon. Rangering {score} ({n} "
        "{n:plural:lokal aktør/lokale aktører}; høyere jo flere lokale aktører som er her og jo færre andre "
        "forbindelser hver av dem har). Neste steg: spør {actors} om samarbeidet, og vurder om kommunen skal støtte "
        "det eller knytte det til sine egne relasjoner (strategi 4a: «belyse muligheter som til nå har vært "
        "usynlige»).",
        "{place}: {actors} {n:plural:is/are} active here ({ties}), but {home} has no relation. Ranking {score} ({n} "
        "local {n:plural:actor/actors}; higher the more local actors are here and the fewer other ties each of them "
        "has). Next: ask {actors} about the cooperation, and consider whether the municipality should support it or "
        "link it to its own relations (strategy 4a: bring to light opportunities that have been invisible until now).",
    ),
}


def name(nb: str, en: str) -> Message:
    """Return a name as a message: ``nb`` written in bokmål, ``en`` in English (the same name when it has one form).

    >>> from registry.i18n import render
    >>> render(name("Tyskland", "Germany"), "nb"), render(decimal(0.75, 2), "nb"), render(decimal(0.75, 2), "en")
    ('Tyskland', '0,75', '0.75')
    """
    return Message("finding.name", {"nb": nb, "en": en})


def country_names(code: str) -> tuple[str, str]:
    """Return the names of the country with ISO code ``code``: (bokmål, English); the code itself when unknown.

    >>> country_names("KE")
    ('Kenya', 'Kenya')
    """
    from .lookup import country_name

    return country_name(code, "nb") or code, country_name(code, "en") or code


def term(vocabulary: str, code: str | None) -> Message:
    """Return the label of a vocabulary code as running text (lower case) in either language."""
    from .. import vocab  # local: vocab imports nothing of i18n, but keep i18n a leaf at import time

    return name(vocab.label(vocabulary, code, "nb").lower(), vocab.label(vocabulary, code, "en").lower())


def decimal(x: float, digits: int = 1) -> Message:
    """Return ``x`` with ``digits`` decimals as a message: a decimal comma in bokmål, a point in English."""
    whole, _, frac = f"{x:.{digits}f}".partition(".")
    return Message("finding.decimal", {"whole": whole, "frac": frac}) if frac else name(whole, whole)


def or_list(items: Sequence[Message | str]) -> Message | str:
    """Return ``items`` as 'a, b or c' ('a, b eller c'), one message nested in the next.

    >>> from registry.i18n import render
    >>> render(or_list(["a", "b", "c"]), "nb"), render(or_list(["a", "b"]), "en")
    ('a, b eller c', 'a or b')
    """
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    out: Message = Message("finding.or_last", {"a": items[-2], "b": items[-1]})
    for item in reversed(items[:-2]):
        out = Message("finding.comma", {"a": item, "rest": out})
    return out


def both(message: Message | str) -> tuple[str, str]:
    """Return ``message`` written in bokmål and in English: the pair an output's ``*_nb`` and ``*_en`` columns hold."""
    from ..message import render

    if isinstance(message, str):
        return message, message
    return render(message, "nb"), render(message, "en")
