"""Occupation codes in words: ``{{ code|occupation }}`` gives "7512 Bakkers, ..." from the
shipped ISCO-08 table, ``{{ codes|occupations }}`` a list of them joined by "; "."""

from __future__ import annotations

from collections.abc import Iterable

from django import template

from werkpad.employers import reference

register = template.Library()


@register.filter
def occupation(code: str) -> str:
    """The code with its Dutch title; an unknown code as it is."""
    title = reference.isco_title(code)
    return code if title == code else f"{code} {title}"


@register.filter
def occupations(codes: Iterable[str] | None) -> str:
    return "; ".join(occupation(code) for code in codes or ())
