"""The topics of notifications, registered by the apps that own them.

A topic (``plan-review``, ``progress-report``) gives the sentence for each kind
of notification it sends, and, when it has terms, the function that finds them
(``terms(municipality_id=, since=, until=)``, yielding ``Term``s due within
those dates). Each domain app registers its topics from its ``AppConfig.ready``,
as it registers its worklist sections, so this app imports none of them.

A sentence names no person and carries no personal detail: at most the term's
date (``%(date)s``). It is the whole of the e-mail, beside a link.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from werkpad.notifications.kinds import Kind


@dataclass(frozen=True)
class Term:
    """One term for one recipient: the object it is about, its date, its link."""

    recipient_id: int
    object_id: int
    due_on: dt.date
    url: str


TermSource = Callable[..., Iterable[Term]]


@dataclass(frozen=True)
class Topic:
    code: str
    #: Kind -> a lazily translated sentence; ``%(date)s`` is the term's date.
    texts: Mapping[str, object]
    terms: TermSource | None = None
    kinds: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kinds", frozenset(self.texts))


_TOPICS: dict[str, Topic] = {}


def register_topic(
    code: str, *, texts: Mapping[str, object], terms: TermSource | None = None
) -> None:
    """Register a topic; registering a code again replaces it."""
    unknown = set(texts) - set(Kind.values)
    if unknown:
        raise ValueError(f"unknown kinds of notification: {sorted(unknown)}")
    if terms is not None and not {Kind.TERM_NEAR, Kind.TERM_PASSED} <= set(texts):
        raise ValueError(f"topic {code!r} has terms: give texts for a term nearing and passed")
    _TOPICS[code] = Topic(code=code, texts=dict(texts), terms=terms)


def topics() -> dict[str, Topic]:
    return dict(_TOPICS)


def notification_text(topic: str, kind: str, due_on: dt.date | None) -> str:
    """The sentence of a notification, in the active language."""
    registered = _TOPICS.get(topic)
    template = registered.texts.get(kind) if registered else None
    if template is None:
        return str(Kind(kind).label) if kind in Kind.values else _("A notification")
    date = due_on.strftime("%d-%m-%Y") if due_on else ""
    return str(template) % {"date": date}
