"""Background work (issue 7): ``werkpad worker`` runs the queue of the configured
backend, on the database and on Redis, and the periodic sweeps on a schedule;
``werkpad serve --with-worker`` (what ``make run`` uses) stops the worker with it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.core.management import call_command

from werkpad.core import tasks as core_tasks
from werkpad.core.management.commands import serve
from werkpad.core.tasks import Schedule
from werkpad.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_the_worker_runs_what_is_queued(tasks_backend, run_worker, caseworker):
    from werkpad.notifications.tasks import deliver

    result = deliver.enqueue(
        recipient_id=caseworker.pk, topic="plan-review", kind="assigned", url="/", key="a"
    )
    assert result.status == "READY" and not Notification.objects.exists()
    out = run_worker()
    assert f"({tasks_backend} backend), batch" in out
    assert Notification.objects.filter(recipient=caseworker, key="a").count() == 1
    assert result.backend == "default"
    result.refresh()
    assert result.status == "SUCCESSFUL"


def test_the_batch_worker_enqueues_the_periodic_sweeps_first(tasks_backend, run_worker):
    assert "notifications.sweep-terms" in core_tasks.periodic_tasks()
    assert "enqueued: notifications.sweep-terms" in run_worker(sweep=True)


def test_each_periodic_task_is_due_at_start_and_then_every_interval(monkeypatch, settings):
    settings.WERKPAD_SWEEP_SECONDS = 3600
    enqueued = []

    class Fake:
        def enqueue(self):
            enqueued.append("sweep")

    monkeypatch.setattr(core_tasks, "_PERIODIC", {})
    core_tasks.register_periodic("test.sweep", task=Fake())
    core_tasks.register_periodic("test.quick", task=Fake(), every=60)
    now = [1000.0]
    schedule = Schedule(monotonic=lambda: now[0])
    assert schedule.enqueue_due() == ["test.quick", "test.sweep"]
    now[0] += 61
    assert schedule.enqueue_due() == ["test.quick"]
    assert schedule.seconds_to_next() == pytest.approx(60)
    now[0] += 3600
    assert schedule.enqueue_due() == ["test.quick", "test.sweep"]
    assert len(enqueued) == 5


def test_an_unknown_backend_is_refused_when_werkpad_starts():
    result = subprocess.run(
        [sys.executable, "-c", "import werkpad.settings"],
        env={"TASKS_BACKEND": "celery", "PATH": "/usr/bin:/bin", "WERKPAD_VAR_DIR": "/tmp"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "TASKS_BACKEND='celery'" in result.stderr


def test_serve_with_worker_stops_the_worker_when_the_server_stops(monkeypatch):
    started = []

    class Worker:
        pid = 4242
        stopped = False

        def __init__(self, argv):
            started.append(argv)

        def poll(self):
            return 0 if self.stopped else None

        def terminate(self):
            self.stopped = True

        def wait(self, timeout=None):
            return 0

    def server_stops(self):
        raise SystemExit(0)

    monkeypatch.setattr(serve.subprocess, "Popen", Worker)
    monkeypatch.setattr("gunicorn.app.base.BaseApplication.run", server_stops)
    with pytest.raises(SystemExit):
        call_command("serve", "--with-worker", "--port", "8999")
    assert started == [[sys.executable, "-m", "werkpad.cli", "worker"]]


def test_stop_ends_a_worker_that_does_not_stop_when_asked():
    stubborn = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)"
    process = subprocess.Popen([sys.executable, "-c", stubborn])
    serve._stop(process, timeout=0.5)
    assert process.poll() is not None
