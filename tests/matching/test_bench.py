"""The matching benchmark runs end to end at a tiny scale and finds what the
exact scans find. Only that it works is checked here: no timing is asserted."""

from __future__ import annotations

import random

from bench import matching as bench

from werkpad.matching.engine import Direction, MatchIndex


def test_the_online_part_finds_every_query_exactly_as_the_full_scan(capsys):
    args = bench.parse_args(["--scale", "0.0005", "--queries", "15", "--no-bulk"])
    assert bench.main(["--scale", "0.0005", "--queries", "15", "--no-bulk"]) == 0
    assert "not measured" not in capsys.readouterr().out
    world = bench.World.make(bench.np.random.default_rng(3))
    rng = bench.np.random.default_rng(4)
    index = MatchIndex(bench.job_seekers(world, 400, rng), bench.vacancies(world, 120, rng))
    by_vacancy, by_seeker = bench.measure_online(index, args, random.Random(5))
    for timings in (by_vacancy, by_seeker):
        assert len(timings.recalls) == 15
        assert min(timings.recalls) == 1.0
        assert timings.identical == 15
        assert timings.plain_equal == timings.plain_checked == 3


def test_the_bulk_part_runs_werkpad_match_and_its_output_equals_the_plain_scan(tmp_path):
    world = bench.World.make(bench.np.random.default_rng(3))
    rng = bench.np.random.default_rng(4)
    seekers = [
        bench.replace(s, preferences=frozenset()) for s in bench.job_seekers(world, 150, rng)
    ]
    openings = bench.vacancies(world, 40, rng)
    files = bench.write_csv_files(tmp_path, seekers, openings)
    for direction in Direction:
        output = tmp_path / f"{direction.value}.csv"
        run = bench.run_match(files, output, direction, 5)
        assert not run.problem
        assert run.peak_mb > 0
        bench.check_output(run, output, seekers, openings, 5, 10, random.Random(6))
        assert run.rows > 0
        assert run.equal == run.checked == 10
