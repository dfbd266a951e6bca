"""Where notifications sit in the layers (ADR 0006): above core and accounts, below the
domain apps. The app imports nothing of jobseekers, plans, trajectories or any app above
them; the domain apps register their topics and sweeps from their AppConfig.ready. core's
background work (the periodic registry, the worker, the worklist API) imports no app."""

from __future__ import annotations

import ast
from pathlib import Path

import werkpad

SRC = Path(werkpad.__file__).parent


def werkpad_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {name for name in found if name.startswith("werkpad.")}


def apps_imported(paths) -> set[str]:
    return {name.split(".")[1] for path in paths for name in werkpad_imports(path)}


def test_notifications_import_only_core_accounts_and_themselves():
    paths = [p for p in (SRC / "notifications").rglob("*.py") if "migrations" not in p.parts]
    assert paths
    assert apps_imported(paths) <= {"core", "accounts", "notifications"}


def test_the_background_work_of_core_imports_no_app():
    paths = [
        SRC / "core" / "tasks.py",
        SRC / "core" / "worklist_api.py",
        SRC / "core" / "management" / "commands" / "worker.py",
        SRC / "core" / "management" / "commands" / "serve.py",
    ]
    assert apps_imported(paths) <= {"core", "wsgi"}  # serve serves the WSGI application


def test_each_domain_app_registers_its_topics():
    from werkpad.notifications.registry import topics

    assert set(topics()) >= {
        "jobseeker-contact-person",
        "profile-review",
        "plan-review",
        "referral-answer",
        "progress-report",
    }
