"""The messages on other apps' pages (WT2): on the job seeker's file and trajectory pages
(``file_conversations``) and on /mijn/ (``own_conversations``)."""

from __future__ import annotations

from django import template

from werkpad.conversations import selectors
from werkpad.trajectories.workflow import RUNNING

register = template.Library()


@register.inclusion_tag("conversations/_file_section.html", takes_context=True)
def file_conversations(context, job_seeker, trajectory=None):
    """The conversations of the file the user may read, with their unread counts; on a
    trajectory's page only that trajectory's."""
    user = context["request"].user
    conversations = selectors.job_seeker_conversations(user=user, job_seeker_id=job_seeker.pk)
    if trajectory is not None:
        conversations = conversations.filter(trajectory=trajectory)
    return {
        "conversations": list(conversations),
        "js": job_seeker,
        "trajectory": trajectory,
        # Once a trajectory ended there is no one to write to about it.
        "may_write": trajectory is None or trajectory.status in RUNNING,
    }


@register.inclusion_tag("conversations/_own_section.html", takes_context=True)
def own_conversations(context, job_seeker):
    user = context["request"].user
    conversations = list(selectors.job_seeker_conversations(user=user, job_seeker_id=job_seeker.pk))
    return {"unread": sum(c.unread for c in conversations), "count": len(conversations)}
