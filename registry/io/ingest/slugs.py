"""Ids made from names: lower-case ASCII words joined by hyphens."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["slugify"]


def slugify(text: str) -> str:
    """Return a lower-case ASCII id for ``text`` ('Kópavogur' -> 'kopavogur', 'Østersund' -> 'ostersund')."""
    text = text.replace("ø", "o").replace("Ø", "o").replace("æ", "ae").replace("Æ", "ae").replace("ß", "ss")
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return slug[:120] or "x"
