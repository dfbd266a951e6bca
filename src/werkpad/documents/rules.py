"""Who may see and upload documents (WT3): the one place this is decided.

Seeing a document (``visibility_q`` for querysets, ``sees_document`` for one document,
which asks the database with the same ``Q`` so that the two cannot differ):

* the job seeker: all of their own;
* the caseworkers of the job seeker's municipality: all, except health documents, which
  only the contact person reads (the file's special-category rule,
  ``jobseekers.view_restricted``: the contact person and the job seeker);
* a coach of the provider of a RUNNING trajectory (accepted, started, suspended) of the
  job seeker, and only while it runs:
  - the documents attached to that trajectory,
  - the job seeker's other documents (on the file or a plan) whose part of the file the
    job seeker shares with that provider now: CV, diploma and certificate are the part
    "work";
  and a health document, wherever attached, only with the consent to share health
  information with that provider, always.

Uploading: the job seeker (their own), a caseworker of the municipality (file, plan,
trajectory; a health document only as the contact person), a coach (on their running
trajectory; a health document only with the health consent) - ``services.document_upload``
checks the target with ``may_upload``.
"""

from __future__ import annotations

import rules
from django.db.models import Exists, OuterRef, Q

from werkpad.consents import parts
from werkpad.consents.models import Consent
from werkpad.consents.workflow import Status as ConsentStatus
from werkpad.core.permissions import FILE_ROLES, AnyUser, Role, scope_of
from werkpad.documents.models import WORK_TYPES, Document
from werkpad.trajectories.models import Trajectory
from werkpad.trajectories.workflow import RUNNING


def _consent(part: str, organisation: OuterRef, job_seeker: OuterRef) -> Exists:
    return Exists(
        Consent.objects.filter(
            job_seeker_id=job_seeker,
            recipient=Consent.Recipient.PROVIDER,
            organisation_id=organisation,
            part=part,
            status=ConsentStatus.GIVEN,
        )
    )


def _shared_with_a_running_trajectory(part: str, organisations: frozenset[int]) -> Exists:
    """A running trajectory of the job seeker at one of these providers, whose provider
    the job seeker gives ``part`` now."""
    return Exists(
        Trajectory.objects.filter(
            job_seeker_id=OuterRef("job_seeker_id"),
            status__in=RUNNING,
            provider__organisation_id__in=organisations,
        ).filter(_consent(part, OuterRef("provider__organisation_id"), OuterRef("job_seeker_id")))
    )


def _coach_q(organisations: frozenset[int]) -> Q:
    attached = Q(
        trajectory__status__in=RUNNING,
        trajectory__provider__organisation_id__in=organisations,
    ) & (
        Q(health=False)
        | Q(
            _consent(
                parts.HEALTH,
                OuterRef("trajectory__provider__organisation_id"),
                OuterRef("job_seeker_id"),
            )
        )
    )
    on_file_work = Q(trajectory__isnull=True, health=False, type__in=WORK_TYPES) & Q(
        _shared_with_a_running_trajectory(parts.WORK, organisations)
    )
    on_file_health = Q(trajectory__isnull=True, health=True) & Q(
        _shared_with_a_running_trajectory(parts.HEALTH, organisations)
    )
    return attached | on_file_work | on_file_health


def visibility_q(user: AnyUser) -> Q:
    """The documents ``user`` sees, as a filter of ``Document``."""
    scope = scope_of(user)
    seen = Q(pk__in=[])
    if not user.is_authenticated:
        return seen
    if scope.has(Role.JOB_SEEKER):
        seen |= Q(job_seeker__user_id=user.pk)
    municipalities = scope.municipalities(*FILE_ROLES)
    if municipalities:
        seen |= Q(municipality_id__in=municipalities, health=False)
        seen |= Q(municipality_id__in=municipalities, job_seeker__contact_person_id=user.pk)
    organisations = scope.organisations(Role.COACH)
    if organisations:
        seen |= _coach_q(organisations)
    return seen


@rules.predicate
def sees_document(user, document) -> bool:
    return (
        document is not None
        and Document.objects.filter(pk=document.pk).filter(visibility_q(user)).exists()
    )


@rules.predicate
def may_list(user) -> bool:
    return scope_of(user).has(Role.JOB_SEEKER, Role.COACH, *FILE_ROLES)


rules.add_perm("documents.view_document", sees_document)
rules.add_perm("documents.list_document", may_list)
rules.add_perm("documents.upload", may_list)


def coach_reads_health(*, trajectory: Trajectory) -> bool:
    """Whether the trajectory's provider has the job seeker's consent to health
    information now (a policy read, not audited)."""
    return Consent.objects.filter(
        job_seeker_id=trajectory.job_seeker_id,
        recipient=Consent.Recipient.PROVIDER,
        organisation_id=trajectory.provider.organisation_id,
        part=parts.HEALTH,
        status=ConsentStatus.GIVEN,
    ).exists()
