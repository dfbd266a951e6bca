"""Surveys as a section of the job seeker's home: a line when a survey waits for them."""

from __future__ import annotations

from django import template

from werkpad.surveys import selectors

register = template.Library()


@register.inclusion_tag("surveys/_own_line.html", takes_context=True)
def own_surveys(context):
    """``{% own_surveys %}`` on the job seeker's home: how many surveys wait."""
    return {"open": selectors.open_invitation_count(user=context["request"].user)}
