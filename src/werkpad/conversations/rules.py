"""Who may do what with a conversation (WT2). Access follows the file:

* the job seeker reads and writes their own conversations;
* the caseworkers of the file's municipality read every conversation of the file and
  write in the one with the contact person; the coach's conversation they read, and
  they write in it once they joined it;
* the coaches of the trajectory's provider read and write its conversation only while
  the trajectory runs (accepted, started, suspended): their access ends with it, as
  the handover's does. Once it ended, the conversation is read only for everyone.

A stand-in (``accounts.selectors.addressee``) holds the same role in the same
organisation, so these rules already let them read and answer.
"""

from __future__ import annotations

import rules
from django.db.models import Q

from werkpad.core.permissions import (
    FILE_ROLES,
    Condition,
    InMunicipalityOf,
    InOrganisationOf,
    OwnedBy,
    Role,
    Visibility,
    When,
    scope_of,
)
from werkpad.trajectories.workflow import RUNNING

#: The trajectory of a coach's conversation runs.
TRAJECTORY_RUNNING = Condition(
    q=lambda: Q(trajectory__status__in=RUNNING),
    holds=lambda c: c.trajectory is not None and c.trajectory.status in RUNNING,
)
CASEWORKERS = Visibility((InMunicipalityOf(FILE_ROLES, "job_seeker__municipality_id"),))
OWN = Visibility((OwnedBy("job_seeker__user_id", role=Role.JOB_SEEKER),))
COACHES = Visibility(
    (
        When(
            InOrganisationOf(frozenset({Role.COACH}), "provider_organisation_id"),
            TRAJECTORY_RUNNING,
        ),
    )
)
#: Who sees a conversation; ``selectors.conversation_scope`` filters with it.
CONVERSATION_VISIBILITY = Visibility((*CASEWORKERS.clauses, *OWN.clauses, *COACHES.clauses))


@rules.predicate
def is_caseworker(user) -> bool:
    return scope_of(user).has(*FILE_ROLES)


@rules.predicate
def is_job_seeker(user) -> bool:
    return scope_of(user).has(Role.JOB_SEEKER)


@rules.predicate
def is_coach(user) -> bool:
    return scope_of(user).has(Role.COACH)


@rules.predicate
def is_caseworker_of(user, conversation) -> bool:
    return CASEWORKERS.holds(user, conversation)


@rules.predicate
def is_own(user, conversation) -> bool:
    return OWN.holds(user, conversation)


@rules.predicate
def is_running_coach(user, conversation) -> bool:
    return COACHES.holds(user, conversation)


@rules.predicate
def sees_conversation(user, conversation) -> bool:
    return CONVERSATION_VISIBILITY.holds(user, conversation)


@rules.predicate
def with_contact_person(user, conversation) -> bool:
    return conversation is not None and conversation.kind == "contact"


@rules.predicate
def with_coach(user, conversation) -> bool:
    return conversation is not None and conversation.kind == "trajectory"


@rules.predicate
def is_open(user, conversation) -> bool:
    """The contact person's conversation is always open; the coach's while the
    trajectory runs (after it, it is read only)."""
    return conversation is not None and (
        conversation.kind == "contact" or TRAJECTORY_RUNNING.holds(conversation)
    )


@rules.predicate
def has_joined(user, conversation) -> bool:
    from werkpad.conversations.models import Participant

    if conversation is None or conversation.pk is None:
        return False
    return Participant.objects.filter(
        conversation=conversation, user_id=user.pk, joined_at__isnull=False
    ).exists()


rules.add_perm("conversations.list_conversation", is_caseworker | is_job_seeker | is_coach)
rules.add_perm("conversations.view_conversation", sees_conversation)
rules.add_perm(
    "conversations.write",
    is_open & (is_own | is_running_coach | (is_caseworker_of & (with_contact_person | has_joined))),
)
rules.add_perm("conversations.join", is_caseworker_of & with_coach & is_open)
