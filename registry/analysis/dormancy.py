"""Dormant relations: sister and partner cities with registered activity, but none in recent years."""

from __future__ import annotations

from .. import dates, vocab
from .context import Context
from .places import place_activities, sister_cities
from .rows import Found, gone, row
from ..review.classify import recent_activity
from ..review.evidence import evidence_id, in_window as activity_in_window

__all__ = ["went_dormant"]


def went_dormant(ctx: Context) -> Found:
    """Sister and partner cities with registered activity, but none within ``dormant_years`` of the date.

    Activity is a tie other than the twinning, or a registered activity
    (:func:`place_activities`). A relation with a tie or an activity in the
    window is never listed. The finding says what the registry holds, not that
    the contact has stopped.
    """
    sisters = set(sister_cities(ctx))
    away = gone(ctx)
    acts_at = place_activities(ctx)
    first, last_day = ctx.window()
    rows = []
    years = int(ctx.rules["dormant_years"])
    for city in sorted(sisters | ctx.partner_cities, key=lambda c: ctx.name(c).casefold()):
        if city in away:
            continue
        recent, earlier = recent_activity(ctx, city)
        acts = acts_at.get(city, [])
        if recent or any(activity_in_window(a, first, last_day) for a in acts):
            continue
        dated = [a for a in acts if a.dated]
        if not (earlier or dated):
            continue
        last: tuple[int, str, str, str] | None = None  # (year, nb description, en description, evidence id)
        for a in dated:
            span = a.span()
            if span and (last is None or span[1].year > last[0]):
                last = (span[1].year, a.title, a.title, evidence_id(a))
        for t in earlier:
            y = dates.year_of(t.attrs.get("end")) or dates.year_of(t.attrs.get("start"))
            if y and (last is None or y > last[0]):
                k = t.attrs.get("kind")
                what_nb, what_en = vocab.label("tie_kinds", k, "nb").lower(), vocab.label("tie_kinds", k, "en").lower()
                last = (y, f"{what_nb} {ctx.name(t.u, 'nb')} – {ctx.name(t.v, 'nb')}",
                        f"{what_en} {ctx.name(t.u, 'en')} – {ctx.name(t.v, 'en')}", t.id)
        undated = len(acts) - len(dated)
        nb_c, en_c = ctx.name(city, "nb"), ctx.name(city, "en")
        role_nb, role_en = ("vennskapsby", "sister city") if city in sisters else ("partnerby", "partner city")
        last_nb = f"det siste daterte er fra {last[0]} ({last[1]})" if last else "ingenting er datert"
        last_en = f"the last dated is from {last[0]} ({last[2]})" if last else "nothing is dated"
        und_nb = (f"; {undated} registrert{'' if undated == 1 else 'e'} aktivitet{'' if undated == 1 else 'er'} er "
                  "uten dato") if undated else ""
        und_en = f"; {undated} registered activit{'y has' if undated == 1 else 'ies have'} no date" if undated else ""
        ids = [t.id for t in earlier] + [evidence_id(a) for a in acts]
        rows.append(row(
            "went_dormant", city, nb_c, "medium" if city in sisters else "low",
            f"{nb_c} ({role_nb}): registeret har aktivitet, men ingenting de siste {years} årene; {last_nb}{und_nb}. "
            "Det sier hva som er registrert, ikke at kontakten har opphørt. Neste steg: finn ut hvem som har kontakt "
            f"med {nb_c} nå og registrer det; prioriteres ikke aktiviteten, kan bystyret vurdere kategorien hvilende "
            "(strategi 2c).",
            f"{en_c} ({role_en}): the registry holds activity, but none in the last {years} years; {last_en}{und_en}. "
            "This says what is registered, not that the contact has stopped. Next: find out who is in contact with "
            f"{en_c} now and register it; if activity is not prioritised, the council may consider the dormant "
            "category (strategy 2c).",
            ids,
            score=last[0] if last else None,
        ))
    return Found(rows)
