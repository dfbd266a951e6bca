"""What trajectories say about a job seeker leaving the file (outflow).

Registered with ``jobseekers.services.register_leave_check`` from the app's
``ready``, so that the job-seeker file needs no knowledge of trajectories.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Max
from django.utils.translation import gettext as _

from werkpad.core.errors import ConflictError, InvalidInputError
from werkpad.jobseekers.models import JobSeeker
from werkpad.trajectories.models import Trajectory
from werkpad.trajectories.workflow import RUNNING, Status


def refuse_leaving_during_a_trajectory(job_seeker: JobSeeker, left_on: dt.date) -> None:
    """A job seeker leaves only once every trajectory has ended, and not before its end."""
    trajectories = Trajectory.objects.filter(job_seeker_id=job_seeker.pk)
    if trajectories.filter(status__in={Status.REFERRED, *RUNNING}).exists():
        raise ConflictError(
            _(
                "This job seeker still has a trajectory that has not ended. End it (or let the "
                "provider end it) before the job seeker leaves the file."
            ),
            code="jobseeker-trajectory-open",
        )
    last_end = trajectories.aggregate(last=Max("ended_on"))["last"]
    if last_end is not None and left_on < last_end:
        raise InvalidInputError(
            {
                "left_on": [
                    _("The day of leaving lies before the last trajectory ended (%(date)s).")
                    % {"date": last_end.strftime("%d-%m-%Y")}
                ]
            },
            codes={"left_on": "left-on-before-trajectory-end"},
        )
