"""The council's review of sister cities: suggested categories, decisions, financing and the council summary."""

from .classify import Suggestion, record_decision, suggest

__all__ = ["Suggestion", "record_decision", "suggest"]
