"""Background work: which tasks run on a schedule, and the schedule itself.

Tasks are Django Tasks (``django_tasks.task``) in each app's ``tasks.py``: they
take ids and are idempotent, so running one twice does nothing twice. The
backend (``TASKS_BACKEND``: the database, Redis through RQ, or immediate) is a
setting; ``werkpad worker`` runs what is queued.

An app registers the tasks that run periodically (the sweeps of terms nearing
and passed) from its ``AppConfig.ready`` with ``register_periodic``, so ``core``
imports no app above it. The worker enqueues each of them when it starts and
then every ``every`` seconds (``WERKPAD_SWEEP_SECONDS`` unless given). Several
workers each keep their own schedule; the tasks being idempotent, a sweep that
runs twice sends nothing twice.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings

if TYPE_CHECKING:
    from django_tasks.base import Task


@dataclass(frozen=True)
class Periodic:
    task: Task[[], Any]  # takes no arguments; what it returns is not used
    every: int | None = None

    def interval(self) -> int:
        return self.every if self.every is not None else settings.WERKPAD_SWEEP_SECONDS


_PERIODIC: dict[str, Periodic] = {}


def register_periodic(name: str, *, task: Task[[], Any], every: int | None = None) -> None:
    """Run ``task`` (no arguments) from the worker every ``every`` seconds.

    Registering a name again replaces it, so an app's ``ready`` may run twice.
    """
    _PERIODIC[name] = Periodic(task=task, every=every)


def periodic_tasks() -> dict[str, Periodic]:
    return dict(_PERIODIC)


class Schedule:
    """When each periodic task is next due, in the worker's own monotonic time.

    Every task is due at once when the worker starts.
    """

    def __init__(self, *, monotonic: Callable[[], float] = time.monotonic):
        self.monotonic = monotonic
        self.next_run: dict[str, float] = {}

    def enqueue_due(self) -> list[str]:
        """Enqueue the periodic tasks that are due; return their names."""
        now = self.monotonic()
        enqueued = []
        for name, periodic in sorted(_PERIODIC.items()):
            if self.next_run.get(name, now) <= now:
                periodic.task.enqueue()
                self.next_run[name] = now + periodic.interval()
                enqueued.append(name)
        return enqueued

    def seconds_to_next(self) -> float:
        if not self.next_run:
            return 0.0
        return max(0.0, min(self.next_run.values()) - self.monotonic())
