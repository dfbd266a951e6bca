"""Writing to the audit log. The only module that creates AuditEvent rows.

Call it inside the transaction of the action it records, so that the event
and the change land together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable

from werkpad.core.context import current_origin
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import AnyUser, scope_of


def audit_record(
    *,
    user: AnyUser | None,
    action: str,
    object_type: str,
    object_id: object = "",
    job_seeker_id: int | None = None,
    municipality_id: int | None = None,
    purpose: str = "",
    fields: Iterable[str] = (),
    result: str = AuditEvent.Result.SUCCESS,
    detail: str = "",
    origin: str | None = None,
    client_address: str | None = None,
) -> AuditEvent:
    if purpose and purpose not in AuditEvent.Purpose.values:
        raise ValueError(f"Unknown audit purpose {purpose!r}: add it to AuditEvent.Purpose.")
    actor = user if user is not None and user.is_authenticated else None
    channel = origin or current_origin()
    grant = scope_of(actor).primary if actor is not None else None
    return AuditEvent.objects.create(
        actor=actor,
        actor_label=(actor.get_full_name() or actor.get_username())
        if actor is not None
        # someone not logged in, or werkpad itself acting from a command or task
        else (
            "anonymous" if user is not None or channel in ("ui", "api") else f"werkpad ({channel})"
        ),
        actor_organisation=grant.organisation_name if grant else "",
        actor_role=grant.role if grant else "",
        action=action,
        object_type=object_type,
        object_id=str(object_id) if object_id not in (None, "") else "",
        job_seeker_id=job_seeker_id,
        municipality_id=municipality_id,
        purpose=str(purpose),
        fields=sorted(set(fields)),
        result=result,
        detail=detail[:300],
        origin=channel,
        client_address=client_address or None,
    )
