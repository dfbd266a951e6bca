"""The letters to a complainant as PDF (RI2): the acknowledgement of receipt (Awb art.
9:5), the notice of postponement (art. 9:11(2)) and the decision (art. 9:12), rendered
with WeasyPrint from the letter's recorded content, in Dutch (ADR 0008)."""

from __future__ import annotations

import datetime as dt

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from werkpad.complaints.models import Letter, Outcome, Subject


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def letter_html(letter: Letter) -> str:
    body = dict(letter.body)
    with translation.override("nl"):
        return render_to_string(
            "complaints/letter.html",
            {
                "letter": letter,
                "kind": letter.kind,
                "b": body,
                "sent_on": letter.sent_on,
                "received_on": _date(body.get("received_on", "")),
                "term_ends_on": _date(body.get("term_ends_on", "")),
                "original_term_ends_on": _date(body.get("original_term_ends_on", "")),
                "dissatisfaction_ends_on": _date(body.get("dissatisfaction_ends_on", "")),
                "subject_label": Subject(body["subject"]).label if body.get("subject") else "",
                "outcome_label": Outcome(body["outcome"]).label if body.get("outcome") else "",
            },
        )


def letter_pdf(letter: Letter) -> bytes:
    """The letter as a PDF. WeasyPrint (and the Pango it loads) is imported here, so that
    nothing else pays for it."""
    from weasyprint import CSS, HTML  # type: ignore[import-untyped]

    stylesheet = finders.find("werkpad/letter.css")
    assert isinstance(stylesheet, str)  # shipped with werkpad's static files
    pdf: bytes = HTML(string=letter_html(letter)).write_pdf(stylesheets=[CSS(filename=stylesheet)])
    return pdf


def filename(letter: Letter) -> str:
    return f"klacht-{letter.body.get('reference', letter.complaint_id)}-{letter.kind}.pdf"
