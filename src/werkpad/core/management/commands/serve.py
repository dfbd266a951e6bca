"""werkpad serve: the production WSGI server (gunicorn) with static files served.

``--with-worker`` starts ``werkpad worker`` beside it and stops it when the
server stops (``make run`` does so); in production the worker is a service of
its own.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

if TYPE_CHECKING:
    from django.core.handlers.wsgi import WSGIHandler


class Command(BaseCommand):
    help = "Serve werkpad with gunicorn (static files through WhiteNoise)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--threads", type=int, default=4)
        parser.add_argument(
            "--with-worker",
            action="store_true",
            help="Also run `werkpad worker` (background tasks, sweeps) until the server stops.",
        )

    def handle(
        self,
        *args: Any,
        host: str,
        port: int,
        workers: int,
        threads: int,
        with_worker: bool,
        **options: Any,
    ) -> None:
        from django.core.servers.basehttp import get_internal_wsgi_application
        from gunicorn.app.base import BaseApplication

        # WSGI_APPLICATION names the project's application, so core imports nothing above it.
        application = get_internal_wsgi_application()

        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        self.stdout.write(
            f"werkpad {settings.WERKPAD_VERSION} on http://{host}:{port} "
            f"({workers} workers x {threads} threads, database: {engine})"
        )

        class Server(BaseApplication):
            def load_config(self) -> None:
                self.cfg.set("bind", bind)
                self.cfg.set("workers", workers)
                self.cfg.set("threads", threads)
                self.cfg.set("worker_class", "gthread" if threads > 1 else "sync")
                self.cfg.set("accesslog", "-")
                # The path without its query string and no referer: a search for
                # a name must not end up in a log line.
                self.cfg.set("access_log_format", '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms')
                self.cfg.set("timeout", 120)
                self.cfg.set("graceful_timeout", 10)
                self.cfg.set("forwarded_allow_ips", "127.0.0.1")

            # Django's stubs give the handler a dict environ, gunicorn's a MutableMapping.
            def load(self) -> WSGIHandler:  # type: ignore[override]
                return application

        worker = None
        if with_worker:
            worker = subprocess.Popen([sys.executable, "-m", "werkpad.cli", "worker"])
            self.stdout.write(f"werkpad worker started (process {worker.pid})")
        try:
            Server().run()
        finally:
            if worker is not None:
                _stop(worker)


def _stop(process: subprocess.Popen[bytes], *, timeout: float = 15) -> None:
    """Ask the worker to stop (it finishes its task), and end it if it does not."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
