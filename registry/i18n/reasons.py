"""Message templates of the sister-city review: reasons, states, the role, notes, suspensions and ends, checks.

The review (:mod:`registry.review`) returns :class:`~registry.message.Message` objects with
these codes; :func:`~registry.message.render` writes them in nb or en. A value that has a
Norwegian and an English form (an entity's name, an activity's title) travels as a
``review.name`` message with both, so the language is chosen here and nowhere else.
"""

from __future__ import annotations

__all__ = ["TEMPLATES", "STRINGS"]

#: code -> (nb, en); registered with :func:`registry.message.register` by :mod:`registry.i18n`.
TEMPLATES: dict[str, tuple[str, str]] = {
    # --- values with both language forms, and joins
    "review.name": ("{nb}", "{en}"),
    "review.semicolon": ("{a}; {b}", "{a}; {b}"),
    "review.none": ("ingen registrert", "none registered"),
    "review.year_unknown": ("år ukjent", "year unknown"),
    "review.municipal": ("kommunale midler", "municipal funds"),
    # --- evidence named for readers (never an id)
    "review.ev.dated": ("{title} ({year})", "{title} ({year})"),
    "review.ev.ongoing": ("{title} (fra {year}, pågår ifølge kilden)", "{title} (from {year}, ongoing per its source)"),
    "review.ev.decision": ("{by} {on}", "{by} {on}"),
    "review.ev.decision_ref": ("{by} {on}, {ref}", "{by} {on}, {ref}"),
    "review.ev.plan_line": ("{funder} {year}", "{funder} {year}"),
    "review.ev.tie": ("{u} – {v} ({kind:label:tie_kinds})", "{u} – {v} ({kind:label:tie_kinds})"),
    # --- the criteria: met and not met
    "criterion.project_tie.met": (
        "Prosjekt eller prosjektavtale som gjelder ({evidence:list})",
        "Project or project agreement in force ({evidence:list})",
    ),
    "criterion.project_tie.unmet": (
        "Ingen prosjekt eller prosjektavtale som gjelder nå (et avsluttet prosjekt teller ikke)",
        "No project or project agreement in force now (an ended project does not count)",
    ),
    "criterion.project_goals.met": ("Med konkrete mål ({evidence:list})", "With concrete goals ({evidence:list})"),
    "criterion.project_goals.unmet": ("Ingen prosjekt som gjelder, med konkrete mål", "No project in force with concrete goals"),
    "criterion.project_indicators.met": (
        "Med mål og indikatorer for måloppnåelse ({evidence:list})",
        "With goals and indicators of goal achievement ({evidence:list})",
    ),
    "criterion.project_indicators.unmet": (
        "Ingen prosjekt som gjelder, med både mål og indikatorer",
        "No project in force with both goals and indicators",
    ),
    "criterion.focus_decision.met": (
        "Vedtatt som politisk fokusområde ({evidence:list})",
        "Decided as a political focus area ({evidence:list})",
    ),
    "criterion.focus_decision.unmet": ("Ikke vedtatt som politisk fokusområde", "Not decided as a political focus area"),
    "criterion.national_coordination.met": (
        "Samhandling med nasjonale aktører ({evidence:list})",
        "Coordinated effort with national bodies ({evidence:list})",
    ),
    "criterion.national_coordination.unmet": (
        "Ingen samhandling med nasjonale myndigheter registrert",
        "No coordination with national authorities registered",
    ),
    "criterion.external_funding.met": (
        "Ekstern finansiering planlagt, mottatt eller mulig siste {years} år ({evidence:list})",
        "External funding planned, received or possible in the last {years} years ({evidence:list})",
    ),
    "criterion.external_funding.unmet": (
        "Ingen ekstern finansiering registrert siste {years} år",
        "No external funding registered in the last {years} years",
    ),
    "criterion.two_way.met": (
        "Toveis relasjon: besøk eller utveksling begge veier ({evidence:list})",
        "Two-way relation: visits or exchanges both ways ({evidence:list})",
    ),
    "criterion.two_way.unmet": (
        "Ingen toveis relasjon, og ingen besøk eller utveksling begge veier siste {years} år",
        "No two-way relation, and no visits or exchanges both ways in the last {years} years",
    ),
    "criterion.voluntary_carrier.met": (
        "Aktiviteten drives av andre, frivillige organisasjoner eller foreninger ({evidence:list})",
        "The activity is driven by others, voluntary organisations or associations ({evidence:list})",
    ),
    "criterion.voluntary_carrier.unmet": (
        "Ingen aktivitet drevet av frivillige organisasjoner eller foreninger siste {years} år (aktivitet kommunen "
        "selv driver gjør ikke en relasjon til en solidaritetsrelasjon)",
        "No activity driven by voluntary organisations or associations in the last {years} years (activity the "
        "municipality itself carries does not make a relation a solidarity relation)",
    ),
    "criterion.dormant_decision.met": (
        "Vedtatt som hvilende: aktivitet prioriteres ikke ({evidence:list})",
        "Decided as dormant: activity is not prioritised ({evidence:list})",
    ),
    "criterion.dormant_decision.unmet": (
        "Ikke vedtatt som hvilende (hvilende er et valg bystyret tar, ikke et forslag)",
        "Not decided as dormant (dormant is a choice the council makes, not a suggestion)",
    ),
    "criterion.quiet_since.met": (
        "Ingen aktivitet registrert siste {years} år (sist: {since}, {evidence:list})",
        "No recent activity registered in the last {years} years (last: {since}, {evidence:list})",
    ),
    "criterion.quiet_since.unmet": (
        "Aktivitet registrert siste {years} år ({evidence:list})",
        "Activity registered in the last {years} years ({evidence:list})",
    ),
    "criterion.quiet_since.undated": ("Ingen datert aktivitet registrert", "No dated activity registered"),
    # --- the suggestion explained
    "review.explain.category": ("Forslag: {category:label:categories}. {why}.", "Suggested: {category:label:categories}. {why}."),
    "review.explain.none_fits": (
        "Ingen kategori passer helt: {why}. Mangler: {missing}.",
        "No category fits fully: {why}. Missing: {missing}.",
    ),
    "review.explain.none_fits_bare": ("Ingen kategori passer helt. Mangler: {missing}.", "No category fits fully. Missing: {missing}."),
    "review.missing": (
        "prosjekt eller prosjektavtale som gjelder, med mål og indikatorer (prosjekt); vedtak om fokus, eller nasjonale "
        "partnere og ekstern finansiering (politisk fokus); toveis relasjon der aktiviteten drives av frivillige "
        "organisasjoner eller foreninger (solidaritet)",
        "a project or project agreement in force with goals and indicators (project); a focus decision, or national "
        "partners and external funding (political focus); a two-way relation whose activity is driven by voluntary "
        "organisations or associations (solidarity)",
    ),
    "review.explain.not_enough_data": (
        "Ikke nok data: registeret har {n} {n:plural:aktivitetsoppføring/aktivitetsoppføringer} for relasjonen; "
        "ingen kategori kan foreslås.",
        "Not enough data: the registry holds {n} activity {n:plural:record/records} for the relation; no category can be suggested.",
    ),
    "review.explain.not_enough_data_undated": (
        "Ikke nok data: registeret har {n} {n:plural:aktivitetsoppføring/aktivitetsoppføringer} for relasjonen, "
        "{undated} uten dato; ingen kategori kan foreslås.",
        "Not enough data: the registry holds {n} activity {n:plural:record/records} for the relation, "
        "{undated} without a date; no category can be suggested.",
    ),
    # --- the registry's state of a relation, and the last confirmed activity
    "review.state.recent_activity": ("Aktivitet registrert siste {years} år", "Activity registered in the last {years} years"),
    "review.state.no_recent_activity": (
        "Ingen aktivitet registrert siste {years} år (sist: {year})",
        "No recent activity registered in the last {years} years (last: {year})",
    ),
    "review.state.not_enough_data": ("Ikke nok data", "Not enough data"),
    "review.last.dated": ("Sist bekreftet {on}: {what} (datert oppføring)", "Last confirmed {on}: {what} (a dated record)"),
    "review.last.ongoing": (
        "Sist bekreftet {on}: {what} (pågår ifølge kilden, kontrollert {on})",
        "Last confirmed {on}: {what} (ongoing per its source, checked {on})",
    ),
    "review.last.ongoing_as_of": (
        "Sist bekreftet {on}: {what} (pågår ifølge kilden, kontrollert {verified}; regnet fram til datoen for visningen)",
        "Last confirmed {on}: {what} (ongoing per its source, checked {verified}; counted up to the date of the view)",
    ),
    "review.last.none": ("Ingen datert aktivitet registrert", "No dated activity registered"),
    # --- the role (strategy 2c), with when it was last seen
    "role.active.now": ("Kommunen har en aktiv rolle (sist {year})", "The municipality has an active role (last {year})"),
    "role.active.past": ("Kommunen hadde en aktiv rolle, sist {year}", "The municipality had an active role, last in {year}"),
    "role.active.undated": (
        "Kommunen har en aktiv rolle (ikke datert i registeret)",
        "The municipality has an active role (not dated in the registry)",
    ),
    "role.facilitator.now": (
        "Kommunen tilrettelegger, andre utøver kontakten (sist {year})",
        "The municipality facilitates; others carry the contact (last {year})",
    ),
    "role.facilitator.past": (
        "Kommunen tilrettela, andre utøvde kontakten, sist {year}",
        "The municipality facilitated; others carried the contact, last in {year}",
    ),
    "role.facilitator.undated": (
        "Kommunen tilrettelegger, andre utøver kontakten (ikke datert i registeret)",
        "The municipality facilitates; others carry the contact (not dated in the registry)",
    ),
    "role.others.now": ("Kontakten utøves av andre (sist {year})", "The contact is carried by others (last {year})"),
    "role.others.past": ("Kontakten ble utøvd av andre, sist {year}", "The contact was carried by others, last in {year}"),
    "role.others.undated": (
        "Kontakten utøves av andre (ikke datert i registeret)",
        "The contact is carried by others (not dated in the registry)",
    ),
    "role.unknown": ("Kommunens rolle er ikke registrert", "The municipality's role is not registered"),
    "role.carried_by": ("{role} (bæres av {who:list})", "{role} (carried by {who:list})"),
    # --- notes
    "note.one_way_solidarity": (
        "Enveis solidaritet: strategien sier at det bør være et krav om en toveis relasjon ({ties:list})",
        "One-way solidarity: the strategy says a two-way relation should be a requirement ({ties:list})",
    ),
    "note.reciprocity_unknown": (
        "Gjensidighet er ikke registrert ({ties:list}); strategien sier at det bør være et krav om en toveis relasjon",
        "Reciprocity is not registered ({ties:list}); the strategy says a two-way relation should be a requirement",
    ),
    "note.ongoing_unverified": (
        "Pågår ifølge kilden, men når kilden sist ble lest er ikke registrert, så den er bare bekreftet i "
        "startåret: {what:list}. Les kilden og fyll inn «verified_on» for å regne den som bekreftet fram til da",
        "Ongoing per its source, but when the source was last read is not registered, so it is confirmed only "
        "in its first year: {what:list}. Read the source and fill in verified_on to count it as confirmed up to then",
    ),
    "review.dated_name": ("{name} (siden {start})", "{name} (since {start})"),
    "note.undated_activity": (
        "{n} {n:plural:aktivitet/aktiviteter} uten dato i kildene: de teller ikke for de siste årene",
        "{n} {n:plural:activity/activities} without a date in the sources: they do not count for recent years",
    ),
    # --- decisions that act: suspended and ended twinnings
    "review.suspended": (
        "Fryst fra {on} ({decision}). Omfang: {scope}. Ny vurdering: {review_on}.",
        "Suspended from {on} ({decision}). Scope: {scope}. To be reviewed: {review_on}.",
    ),
    "review.scope_unknown": ("ikke oppgitt", "not given"),
    "review.review_unknown": ("ingen dato satt", "no date set"),
    "review.ended.decision": ("Avsluttet {on} ({decision}): {reason}", "Ended {on} ({decision}): {reason}"),
    "review.ended.status": (
        "Avsluttet {on} (registrert i relasjonen, uten vedtak i registeret)",
        "Ended {on} (recorded on the relation, no decision in the registry)",
    ),
    "review.ended.status_undated": (
        "Avsluttet (dato ikke registrert, uten vedtak i registeret)",
        "Ended (date not registered, no decision in the registry)",
    ),
    # --- the integrity check
    "check.row": ("{row}: {text}", "{row}: {text}"),
    "check.row_in_table": ("{table} {row}: {text}", "{table} {row}: {text}"),
    "check.status_contradicts_decision": (
        "status «{status:label:statuses}» strider mot siste vedtak om vennskapsbyen: {kind:label:decision_kinds} {on}",
        "status '{status:label:statuses}' contradicts the latest decision on the twinning: {kind:label:decision_kinds} {on}",
    ),
}

#: Plain texts of the review in the terminal (``classify`` on the command line): key -> (nb, en).
STRINGS: dict[str, tuple[str, str]] = {
    "review_text.suggested": ("foreslått", "suggested"),
    "review_text.assigned": ("vedtatt", "assigned"),
    "review_text.role": ("Rolle", "Role"),
    "review_text.since": ("Vennskapsby siden", "Sister city since"),
    "review_text.unknown": ("ukjent", "unknown"),
    "review_text.state": ("Registeret", "Registry"),
    "review_text.activities": ("Aktiviteter registrert", "Activities registered"),
    "review_text.undated": ("uten dato", "undated"),
    "review_text.ongoing": ("pågår", "ongoing"),
    "review_text.source": ("kilde", "source"),
    "review_text.note": ("Merknad", "Note"),
    "review_text.suspended": ("FRYST", "SUSPENDED"),
    "review_text.ended": ("Avsluttede vennskapsbyer", "Ended twinnings"),
    "review_text.footer": (
        "{n} vennskapsbyer for {home}; {d} avviker fra vedtaket som gjelder",
        "{n} sister cities of {home}; {d} disagree with the decision in force",
    ),
}
