"""A :class:`~registry.documents.model.Document` written as Markdown, every registry text escaped."""

from __future__ import annotations

import re

from .model import Block, BulletList, Chart, Document, Figure, Heading, Inline, Link, Paragraph, Quote, Strong, Table

__all__ = ["to_markdown", "escape"]

# Only what Markdown reads as markup inside running text; dates, parentheses and full stops
# stay as they are, so the file reads well as plain text too.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_LINE_START = re.compile(r"^(\s*)([>+\-])(\s)")
# An ordered-list marker is escaped at its full stop: '5\. mai' (a backslash before a digit is no escape).
_NUMBER_START = re.compile(r"^(\s*)(\d+)\.(\s)")


def escape(text: str) -> str:
    """Return ``text`` on one line with Markdown's markup characters escaped (inside a line: see :func:`_line`).

    >>> print(escape("*bold* <b> 1. a|b"))
    \\*bold\\* \\<b\\> 1. a\\|b
    """
    return _SPECIAL.sub(r"\\\1", str(text)).replace("\r", " ").replace("\n", " ")


def _line(text: str) -> str:
    """Return already escaped ``text`` safe at the start of a line or list item ('5. mai' is no list)."""
    return _NUMBER_START.sub(r"\1\2\\.\3", _LINE_START.sub(r"\1\\\2\3", text))


def _href(href: str) -> str:
    # Angle brackets hold an address with spaces or parentheses; the address itself cannot close them.
    return "<" + href.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">"


def _run(run: Inline) -> str:
    if isinstance(run, Link):
        bare = run.text == run.href and not set(run.href) & set("<> ")
        if bare and run.href.lower().startswith(("http://", "https://")):
            return f"<{run.href}>"  # an autolink: the address once
        return f"[{escape(run.text)}]({_href(run.href)})"
    if isinstance(run, Strong):
        # Emphasis cannot end on a space ('**Kilde: **' stays literal): the space goes after it.
        core = run.text.rstrip()
        return f"**{escape(core)}**{run.text[len(core) :]}" if core else run.text
    return escape(run)


def _runs(runs: tuple[Inline, ...]) -> str:
    return _line("".join(_run(r) for r in runs))


def _block(b: Block) -> str:
    if isinstance(b, Heading):
        return f"{'#' * (b.level + 1)} {escape(b.text)}\n"  # the title is the only level-1 heading
    if isinstance(b, Paragraph):
        return _runs(b.runs) + "\n"
    if isinstance(b, Table):
        lines = [f"*{escape(b.caption)}*\n"] if b.caption else []
        lines.append("| " + " | ".join(escape(h) for h in b.header) + " |")
        lines.append("|" + "---|" * len(b.header))
        lines.extend("| " + " | ".join(_runs(c) for c in row) + " |" for row in b.rows)
        return "\n".join(lines) + "\n"
    if isinstance(b, BulletList):
        return "\n".join(f"{f'{i}.' if b.numbered else '-'} {_runs(item)}" for i, item in enumerate(b.items, 1)) + "\n"
    if isinstance(b, Quote):
        lines = [f"> {_line(escape(p))}" for p in b.paragraphs]
        body = "\n>\n".join(lines)
        return body + (f"\n>\n> — {escape(b.cite)}" if b.cite else "") + "\n"
    if isinstance(b, (Figure, Chart)):
        # Markdown has no place for the picture itself without a file beside it: its words stand in.
        caption = f"*{escape(b.caption)}* " if b.caption else ""
        return _line(f"{caption}({escape(b.alt)})") + "\n"
    raise TypeError(f"not a block: {b!r}")


def to_markdown(doc: Document) -> str:
    """Return ``doc`` as Markdown text: the title as the one level-1 heading, blocks separated by blank lines."""
    parts = [f"# {escape(doc.title)}\n"]
    if doc.subtitle:
        parts.append(f"*{escape(doc.subtitle)}*\n")
    parts.extend(_block(b) for b in doc.blocks)
    if doc.footer:
        parts.append(f"---\n\n{_line(escape(doc.footer))}\n")
    return "\n".join(parts)
