"""werkpad worker: runs the queued background tasks and the periodic sweeps.

With the database backend (the default) it polls werkpad's own database; with
the RQ backend it works the Redis queue; with the immediate backend tasks have
already run where they were enqueued, and the worker only keeps the schedule.
``--batch`` enqueues the periodic tasks once, runs everything queued and stops.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections
from django.utils.crypto import get_random_string

from werkpad.core.tasks import Schedule

logger = logging.getLogger("werkpad.worker")


class Command(BaseCommand):
    help = "Run the background tasks: the queue of TASKS_BACKEND and the periodic sweeps."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Enqueue the periodic tasks once, run every queued task, then stop.",
        )
        parser.add_argument(
            "--no-sweep",
            action="store_true",
            help="Do not enqueue the periodic tasks (sweeps); only run what is queued.",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds between two looks at the database queue when it is empty.",
        )

    def handle(
        self, *args: Any, batch: bool, no_sweep: bool, interval: float, **options: Any
    ) -> None:
        if interval < 0:
            raise CommandError("--interval must be zero or more")
        backend = settings.TASKS_BACKEND
        schedule = None if no_sweep else Schedule()
        self.stdout.write(
            f"werkpad worker ({backend} backend){', batch' if batch else ''}"
            f"{'' if schedule is None else f', sweeps every {settings.WERKPAD_SWEEP_SECONDS} s'}"
        )
        if batch and schedule is not None:
            names = schedule.enqueue_due()
            self.stdout.write(f"enqueued: {', '.join(names) or 'nothing'}")
        elif schedule is not None:
            _start_scheduler(schedule)
        if backend == "database":
            self._database(batch=batch, interval=interval)
        elif backend == "rq":
            self._rq(batch=batch)
        elif not batch:
            # Immediate: tasks ran where they were enqueued; keep the schedule going.
            while True:
                time.sleep(3600)

    def _database(self, *, batch: bool, interval: float) -> None:
        from django_tasks_db.management.commands.db_worker import Worker

        worker = Worker(
            queue_names=list(settings.TASKS["default"].get("QUEUES") or ["default"]),
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=not batch,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        if not batch:
            worker.configure_signals()
        worker.run()

    def _rq(self, *, batch: bool) -> None:
        from django_rq import get_worker
        from rq import SimpleWorker

        queues = settings.TASKS["default"].get("QUEUES") or ["default"]
        if batch:
            # In this process, in the caller's database connection: no fork.
            worker = get_worker(
                *queues,
                job_class="django_tasks_rq.Job",
                # django-rq names Worker here; any of rq's workers will do.
                worker_class=SimpleWorker,  # type: ignore[arg-type]
            )
            worker.work(burst=True)
            return
        worker = get_worker(*queues, job_class="django_tasks_rq.Job")
        # The work horse is a fork: it must not share this process's connections.
        for connection in connections.all():
            connection.close()
        worker.work(with_scheduler=True)


def _start_scheduler(schedule: Schedule) -> threading.Thread:
    """Enqueue the periodic tasks when they are due, beside the worker's own loop."""

    def loop() -> None:
        while True:
            try:
                schedule.enqueue_due()
            except Exception:
                logger.exception("could not enqueue the periodic tasks; trying again")
            finally:
                connections.close_all()  # this thread's own
            time.sleep(min(60.0, max(1.0, schedule.seconds_to_next())))

    thread = threading.Thread(target=loop, name="werkpad-schedule", daemon=True)
    thread.start()
    return thread
