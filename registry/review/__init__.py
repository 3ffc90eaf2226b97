"""The council's review of sister cities: suggested categories, decisions that act, financing and the council summary."""

from .classify import Ended, Suggestion, ended, record_decision, suggest

__all__ = ["Ended", "Suggestion", "ended", "record_decision", "suggest"]
