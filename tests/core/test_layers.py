"""Layers that point one way: the worklist is a registry that each app fills from its
AppConfig.ready, so core knows no app above it, and a user sees the sections of the
roles they hold, in order; commands live in the app that owns them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from werkpad.core import worklist
from werkpad.core.permissions import Role
from werkpad.core.worklist import WorklistSection, register_sections, worklist_for

pytestmark = pytest.mark.django_db


def test_the_worklist_module_of_core_imports_no_app_above_it():
    tree = ast.parse(Path(worklist.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("werkpad")
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
        if alias.name.startswith("werkpad")
    }
    assert imported and all(name.startswith("werkpad.core") for name in imported), imported


def test_every_app_with_a_worklist_registers_its_sections():
    assert set(worklist._SOURCES) >= {
        "core.minimum-wage",
        "jobseekers.caseworker",
        "plans.caseworker",
        "trajectories.caseworker",
        "trajectories.coach",
        "providers.register",
        "insights.gaps",
        "insights.composition",
    }


def test_a_registered_source_shows_for_its_roles_only_in_its_place(role_user, monkeypatch):
    monkeypatch.setattr(worklist, "_SOURCES", dict(worklist._SOURCES))

    def section(key):
        return lambda user: [WorklistSection(key=key, title=key, count=0)]

    register_sections("test.late", roles={Role.CASEWORKER}, sections=section("late"), order=999)
    register_sections("test.early", roles={Role.CASEWORKER}, sections=section("early"), order=1)
    register_sections("test.coach", roles={Role.COACH}, sections=section("coach"), order=2)
    keys = [s.key for s in worklist_for(role_user(Role.CASEWORKER))]
    assert keys[0] == "early" and keys[-1] == "late" and "coach" not in keys
    # Registering a name again replaces it (an app's ready may run twice).
    register_sections("test.early", roles={Role.CASEWORKER}, sections=section("again"), order=1)
    keys = [s.key for s in worklist_for(role_user(Role.CASEWORKER))]
    assert keys.count("again") == 1 and "early" not in keys


def test_the_sections_come_in_the_order_of_the_apps(role_user):
    """The caseworker: the caseload first, then plans, agreed actions, search profiles to
    confirm, trajectories, second opinions, mediations and the placements' follow-ups; the
    composition closes the policy officer's page."""
    from werkpad.actions.worklist import caseworker_sections as action_sections
    from werkpad.jobseekers.worklist import caseworker_sections as file_sections
    from werkpad.matching.worklist import caseworker_sections as matching_sections
    from werkpad.mediations.worklist import caseworker_sections as mediation_sections
    from werkpad.placements.worklist import caseworker_sections as placement_sections
    from werkpad.plans.worklist import caseworker_sections as plan_sections
    from werkpad.secondopinions.worklist import caseworker_sections as opinion_sections
    from werkpad.trajectories.worklist import caseworker_sections as trajectory_sections

    caseworker = role_user(Role.CASEWORKER)
    expected = [
        s.key
        for make in (
            file_sections,
            plan_sections,
            action_sections,
            matching_sections,
            trajectory_sections,
            opinion_sections,
            mediation_sections,
            placement_sections,
        )
        for s in make(caseworker)
    ]
    assert [s.key for s in worklist_for(caseworker)] == expected
    officer = [s.key for s in worklist_for(role_user(Role.POLICY_OFFICER))]
    assert officer[-1] == "composition"


def test_the_token_command_lives_with_the_accounts_it_serves():
    """Commands live in the app that owns them (``import`` in jobseekers, see its tests)."""
    from django.core.management import get_commands

    assert get_commands()["token"] == "werkpad.accounts"


def test_no_import_cycle_between_werkpads_modules():
    """The import graph (grimp, which import-linter reads it with) has no cycle: no module
    imports, directly or through others, a module that imports it, imports inside
    functions included. The layers themselves are import-linter's contracts in
    pyproject.toml, run by `make lint`."""
    import grimp

    graph = grimp.build_graph("werkpad", cache_dir=None)
    cycles = sorted(
        {
            tuple(sorted((importer, imported)))
            for importer in graph.modules
            for imported in graph.find_modules_directly_imported_by(importer)
            if graph.chain_exists(importer=imported, imported=importer)
        }
    )
    assert len(graph.modules) > 150
    assert not cycles, cycles


def test_the_layer_contracts_hold():
    """The same check `make lint` runs: a wrong import fails the tests as well."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [Path(sys.executable).with_name("lint-imports"), "--no-cache"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Layers point one way KEPT" in result.stdout
