"""How fast the job-seeker list answers, as ratios to two baselines.

    python -m bench.joblist [--rows N] [--requests N] [--warmup N] [--late-page P]

Four requests, in one process, through werkpad's whole middleware stack with a
caseworker logged in:

(a) a bare view returning a fixed string: what any request costs;
(b) a "fortunes" view: one indexed query of 25 rows and a small template;
(c) the job-seeker list page, GET /werkzoekenden/ (25 rows);
(d) the API list, GET /api/v1/job-seekers (25 rows).

The goal is (c) and (d) at most three times (b). Ratios travel between machines,
milliseconds do not, so the ratios are the result; nothing is asserted. The
query count of (c) and (d) on page 1 and on a late page shows whether a list
costs more queries the further one pages.

The data lives in its own SQLite file under var/bench/, one per row count,
built with the demo's generator on the first run and reused afterwards.
"""

from __future__ import annotations

import argparse
import functools
import math
import os
import platform
import sqlite3
import statistics
import sys
import time
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: (c) and (d) should take at most this many times (b).
GOAL = 3.0
PAGE_SIZE = 25
CASEWORKERS = 50
SEED = 1


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.joblist",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--rows",
        type=int,
        default=200_000,
        help="job seekers in the municipality (default 200,000)",
    )
    parser.add_argument(
        "--requests", type=int, default=200, help="timed requests per endpoint (default 200)"
    )
    parser.add_argument(
        "--warmup", type=int, default=20, help="untimed requests per endpoint first (default 20)"
    )
    parser.add_argument(
        "--late-page",
        type=int,
        default=400,
        help="the late page whose query count is compared with page 1",
    )
    args = parser.parse_args(argv)
    if args.rows < 1 or args.requests < 1 or args.warmup < 0 or args.late_page < 2:
        parser.error("--rows and --requests must be positive, --late-page at least 2")
    return args


def database_path(rows: int) -> Path:
    """var/bench/joblist-<rows>.sqlite3, var/ found as werkpad's settings find it."""
    var_dir = Path(os.environ.get("WERKPAD_VAR_DIR", Path.cwd() / "var")).resolve()
    return var_dir / "bench" / f"joblist-{rows}.sqlite3"


def setup_django(path: Path) -> None:
    """Point werkpad at the bench database; must run before anything imports models."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ["DEBUG"] = "false"  # DEBUG keeps every query in memory
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkpad.settings")
    import django

    django.setup()


# --- the data ----------------------------------------------------------------


def build_database(rows: int, say: Callable[[str], None]):
    """Migrate, and fill the municipality once; returns the caseworker to log in as."""
    from django.core.management import call_command
    from django.db import transaction

    from werkpad.accounts.models import Membership
    from werkpad.core.permissions import Role
    from werkpad.jobseekers.models import JobSeeker

    call_command("migrate", interactive=False, verbosity=0)
    present = JobSeeker.objects.count()
    if present not in (0, rows):
        raise SystemExit(
            f"The bench database holds {present:,} job seekers, not {rows:,}: "
            "delete it and run again."
        )
    if present == 0:
        started = time.perf_counter()
        say(f"Building the bench database: {rows:,} job seekers (once; later runs reuse it).")
        with transaction.atomic():
            fill(rows, say)
        say(f"Built in {time.perf_counter() - started:.0f} s.")
    membership = (
        Membership.objects.filter(role=Role.CASEWORKER)
        .select_related("user")
        .order_by("id")
        .first()
    )
    return membership.user


def fill(rows: int, say: Callable[[str], None]) -> None:
    from werkpad.accounts.services import membership_grant, user_create
    from werkpad.core.models import LabourMarketRegion, Municipality, Organisation
    from werkpad.core.permissions import Role
    from werkpad.demo.jobseekers import create_job_seekers
    from werkpad.demo.populate import demo_anchor

    region = LabourMarketRegion.objects.get(code="AM10")
    municipality = Municipality.objects.create(name="Amsterdam", cbs_code="GM0363", region=region)
    organisation = Organisation.objects.create(
        name="Gemeente Amsterdam", kind=Organisation.Kind.MUNICIPALITY, municipality=municipality
    )
    caseworkers = []
    for n in range(CASEWORKERS):
        user = user_create(
            username=f"klantmanager{n:02d}",
            password=None,
            first_name="Klant",
            last_name=f"Manager {n:02d}",
        )
        membership_grant(user=user, organisation=organisation, role=Role.CASEWORKER)
        caseworkers.append(user)
    create_job_seekers(
        municipality=municipality,
        count=rows,
        contact_persons=caseworkers,
        seed=SEED,
        anchor=demo_anchor(),
        progress=lambda done: say(f"  job seekers: {done:,}/{rows:,}"),
    )


# --- the baseline views --------------------------------------------------------

FORTUNES_TEMPLATE = """<!doctype html>
<html lang="nl"><head><title>Regio's</title></head><body>
<table><tr><th>code</th><th>naam</th></tr>
{% for region in regions %}<tr><td>{{ region.code }}</td><td>{{ region.name }}</td></tr>
{% endfor %}</table></body></html>"""


def bare_view(request):
    from django.http import HttpResponse

    return HttpResponse(b"Hello, World!", content_type="text/plain")


@functools.cache
def fortunes_template():
    """Compiled once, as Django's cached template loader keeps a page's template."""
    from django.template import engines

    return engines["django"].from_string(FORTUNES_TEMPLATE)


def fortunes_view(request):
    """One query over a unique index (25 of the 35 regions by code) and a template."""
    from django.http import HttpResponse

    from werkpad.core.models import LabourMarketRegion

    regions = list(LabourMarketRegion.objects.order_by("code")[:PAGE_SIZE])
    return HttpResponse(fortunes_template().render({"regions": regions}))


def install_urlconf() -> None:
    """werkpad's URLs plus the two baselines, for this process only.

    The baselines never ship in werkpad's own URLs.
    """
    from django.conf import settings
    from django.urls import clear_url_caches, include, path

    urls = types.ModuleType("bench_urls")
    urls.urlpatterns = [
        path("bench/bare", bare_view),
        path("bench/fortunes", fortunes_view),
        path("", include(settings.ROOT_URLCONF)),
    ]
    settings.ROOT_URLCONF = urls
    clear_url_caches()


# --- measuring ---------------------------------------------------------------


@dataclass
class Endpoint:
    key: str
    label: str
    url: str
    timings: list[float] = field(default_factory=list)
    problem: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.timings)

    @property
    def p95(self) -> float:
        if len(self.timings) < 2:
            return self.timings[0]
        return statistics.quantiles(self.timings, n=20, method="inclusive")[18]


def check(client, endpoint: Endpoint) -> None:
    """Note why an endpoint cannot be measured (it does not answer 200)."""
    response = client.get(endpoint.url)
    if response.status_code != 200:
        reason = f"answered {response.status_code}"
        exc_info = getattr(response, "exc_info", None)
        if exc_info:
            reason += f" ({exc_info[0].__name__}: {str(exc_info[1])[:120]})"
        endpoint.problem = reason


def measure(client, endpoints: list[Endpoint], *, requests: int, warmup: int) -> None:
    """Warm-up, then rounds of one request to each endpoint, the order rotating."""
    for endpoint in endpoints:
        for _ in range(warmup):
            client.get(endpoint.url)
    for round_ in range(requests):
        shift = round_ % len(endpoints)
        for endpoint in endpoints[shift:] + endpoints[:shift]:
            started = time.perf_counter()
            response = client.get(endpoint.url)
            elapsed = time.perf_counter() - started
            if response.status_code != 200:
                endpoint.problem = f"answered {response.status_code} while measured"
            endpoint.timings.append(elapsed * 1000)


def query_count(client, url: str) -> tuple[int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, len(queries.captured_queries)


# --- reporting -----------------------------------------------------------------


def report_timings(endpoints: list[Endpoint], say: Callable[[str], None]) -> None:
    bare, fortunes = endpoints[0], endpoints[1]
    say(f"{'':44} {'median ms':>10} {'p95 ms':>8} {'x (a)':>7} {'x (b)':>7}")
    for endpoint in endpoints:
        name = f"({endpoint.key}) {endpoint.label}"
        if endpoint.problem or not endpoint.timings:
            say(f"{name:44} not measured: {endpoint.problem}")
            continue
        say(
            f"{name:44} {endpoint.median:10.2f} {endpoint.p95:8.2f} "
            f"{endpoint.median / bare.median:7.1f} {endpoint.median / fortunes.median:7.2f}"
        )


def report_goal(endpoints: list[Endpoint], say: Callable[[str], None]) -> None:
    fortunes = endpoints[1]
    say("")
    say(f"Goal: the job-seeker list at most {GOAL:g}x fortunes (median).")
    for endpoint in endpoints[2:]:
        name = f"({endpoint.key}) {endpoint.label}"
        if endpoint.problem or not endpoint.timings:
            say(f"  {name:44} not measured")
            continue
        ratio = endpoint.median / fortunes.median
        verdict = "met" if ratio <= GOAL else "NOT met"
        say(f"  {name:44} {ratio:5.2f}x fortunes: {verdict}")


def report_queries(
    client, pages: list[tuple[str, str]], late_page: int, say: Callable[[str], None]
) -> None:
    say("")
    say(f"Queries per request: {'page 1':>8} {f'page {late_page}':>10}")
    for label, url in pages:
        status_first, first = query_count(client, url)
        status_late, late = query_count(client, f"{url}?page={late_page}")
        if status_first != 200 or status_late != 200:
            say(f"  {label:18} answered {status_first} / {status_late}: not counted")
            continue
        verdict = "flat" if late <= first else "GROWS"
        say(f"  {label:18} {first:8} {late:10}   {verdict}")


def versions() -> str:
    import django

    return (
        f"Python {platform.python_version()}, Django {django.get_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)

    def say(text: str) -> None:
        print(text, flush=True)

    path = database_path(args.rows)
    setup_django(path)
    caseworker = build_database(args.rows, say)
    install_urlconf()

    from django.test import Client

    client = Client(raise_request_exception=False)
    client.force_login(caseworker)
    last_page = math.ceil(args.rows / PAGE_SIZE)
    late_page = min(args.late_page, last_page)
    endpoints = [
        Endpoint("a", "bare view", "/bench/bare"),
        Endpoint("b", "fortunes (1 query + template)", "/bench/fortunes"),
        Endpoint("c", "UI list /werkzoekenden/", "/werkzoekenden/"),
        Endpoint("d", "API list /api/v1/job-seekers", "/api/v1/job-seekers"),
        Endpoint("c", f"UI list, page {late_page}", f"/werkzoekenden/?page={late_page}"),
        Endpoint("d", f"API list, page {late_page}", f"/api/v1/job-seekers?page={late_page}"),
    ]
    for endpoint in endpoints:
        check(client, endpoint)
    if endpoints[0].problem or endpoints[1].problem:
        say(f"The baselines do not answer: {endpoints[0].problem} {endpoints[1].problem}")
        return 1
    measurable = [e for e in endpoints if not e.problem]

    say("")
    say(f"werkpad bench: job-seeker list, {args.rows:,} job seekers in one municipality")
    say(
        f"database {path}; {args.requests} requests per endpoint after {args.warmup} warm-up, "
        f"logged in as caseworker {caseworker.username}"
    )
    say(versions())
    say("")
    measure(client, measurable, requests=args.requests, warmup=args.warmup)
    report_timings(endpoints, say)
    report_goal(endpoints, say)
    report_queries(
        client,
        [("(c) UI list", "/werkzoekenden/"), ("(d) API list", "/api/v1/job-seekers")],
        late_page,
        say,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
