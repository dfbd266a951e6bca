"""How fast the matching engine ranks, against an exact full scan in the same run.

    python -m bench.matching [--scale S] [--queries N] [--top K] [--seed N] [--no-bulk]

Synthetic but realistic data (seeded): 40 regions of different sizes, 400 ISCO
occupation codes with a skewed (Zipf) distribution, 1-3 codes, 1-3 accepted
regions and 3-8 skills of a vocabulary of 300 per job seeker, hours ranges,
about 20% with one or two limitations and 10% with preferences.

Online, at 1,000,000 job seekers and 200,000 vacancies (x --scale):

(a) one vacancy's top K candidates and one job seeker's top K vacancies through
    ``MatchIndex`` (Match objects with their explanation included), --queries
    random queries each direction;
(b) the same queries as an exact full scan in numpy over the same columns
    (every row scored, no region or occupation blocks; the baseline, timed up to
    the ranked rows, without building the Match objects).

Every query's result is compared with the full scan's (recall of the scan's
top K, and whether order and scores are identical), and the first few also
with the plain Python scan (``candidates_for``/``vacancies_for`` over all).

Bulk, at 100,000 job seekers x 10,000 vacancies (x --scale): ``werkpad match``
in each direction as a subprocess, wall time and peak RSS, against the cost of
just reading the two CSV files and writing as many rows (measured in this
process); a sample of its output is checked against the plain Python scan.

Goals: (a) p95 under 50 ms and at least 20x faster than (b) (median);
bulk under 20 s and under 1 GB per direction. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import csv
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

import numpy as np

from werkpad.matching.engine import (
    KNOWN_CONDITIONS,
    Direction,
    JobSeekerProfile,
    Match,
    MatchIndex,
    Vacancy,
    candidates_for,
    vacancies_for,
)
from werkpad.matching.index import (
    EDUCATION_POINTS,
    OCCUPATION_POINTS,
    PREFERENCE_POINTS,
    SKILLS_POINTS,
    Floats,
    Ints,
    JobSeekerColumns,
    VacancyColumns,
)
from werkpad.matching.management.commands.match import (
    JOB_SEEKER_COLUMNS,
    LIST_SEPARATOR,
    VACANCY_COLUMNS,
)

ONLINE_SEEKERS = 1_000_000
ONLINE_VACANCIES = 200_000
BULK_SEEKERS = 100_000
BULK_VACANCIES = 10_000
REGIONS = 40
OCCUPATIONS = 400
SKILLS = 300
#: Goals: p95 per query, speed-up over the full scan, bulk wall time, bulk peak memory.
GOAL_P95_MS = 50.0
GOAL_SPEEDUP = 20.0
GOAL_BULK_SECONDS = 20.0
GOAL_BULK_MB = 1024.0


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.matching",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--scale", type=float, default=1.0, help="multiplies every data size (default 1)"
    )
    parser.add_argument(
        "--queries", type=int, default=200, help="timed queries per direction (default 200)"
    )
    parser.add_argument("--top", type=int, default=20, help="results per query (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the data (default 1)")
    parser.add_argument(
        "--plain-checks",
        type=int,
        default=3,
        help="queries per direction also checked against the plain Python scan (default 3)",
    )
    parser.add_argument(
        "--bulk-checks",
        type=int,
        default=20,
        help="rows per bulk direction checked against the plain Python scan (default 20)",
    )
    parser.add_argument("--no-bulk", action="store_true", help="skip the werkpad match runs")
    parser.add_argument("--no-online", action="store_true", help="skip the online queries")
    args = parser.parse_args(argv)
    if args.scale <= 0 or args.queries < 1 or args.top < 1:
        parser.error("--scale, --queries and --top must be positive")
    return args


# --- the data ----------------------------------------------------------------


@dataclass(frozen=True)
class World:
    """Vocabularies and skewed weights shared by job seekers and vacancies."""

    regions: list[str]
    region_weights: Floats
    occupations: list[str]
    occupation_weights: Floats
    skills: list[str]
    skill_weights: Floats

    @classmethod
    def make(cls, rng: np.random.Generator) -> World:
        codes = rng.choice(np.arange(1000, 10000), OCCUPATIONS, replace=False)
        return cls(
            regions=[f"RMT{n:02d}" for n in range(1, REGIONS + 1)],
            region_weights=_normalised(rng.uniform(0.3, 3.0, REGIONS)),
            occupations=[str(code) for code in codes],
            occupation_weights=_normalised(1.0 / np.arange(1, OCCUPATIONS + 1) ** 1.1),
            skills=[f"vaardigheid-{n:03d}" for n in range(SKILLS)],
            skill_weights=_normalised(1.0 / np.arange(1, SKILLS + 1) ** 0.8),
        )


def _normalised(weights: Floats) -> Floats:
    return weights / weights.sum()


def _picks(rng: np.random.Generator, names: list[str], weights: Floats, n: int, most: int):
    """n rows of up to ``most`` names drawn by weight (duplicates drop out)."""
    drawn = rng.choice(len(names), size=(n, most), p=weights).tolist()
    return [[names[i] for i in row] for row in drawn]


def job_seekers(world: World, n: int, rng: np.random.Generator) -> list[JobSeekerProfile]:
    home = rng.choice(REGIONS, size=n, p=world.region_weights)
    extra = rng.choice(3, size=n, p=[0.5, 0.35, 0.15])
    offsets = rng.integers(1, 4, size=(n, 2))
    codes = _picks(rng, world.occupations, world.occupation_weights, n, 3)
    code_counts = rng.choice([1, 2, 3], size=n, p=[0.5, 0.35, 0.15]).tolist()
    skills = _picks(rng, world.skills, world.skill_weights, n, 8)
    skill_counts = rng.integers(3, 9, size=n).tolist()
    education = rng.integers(1, 6, size=n).tolist()
    low = rng.choice([8, 12, 16, 20, 24, 28, 32], size=n)
    high = np.minimum(low + rng.choice([0, 4, 8, 12, 16, 24, 32], size=n), 40)
    limited = (rng.random(n) < 0.2).tolist()
    limitation_counts = rng.integers(1, 3, size=n).tolist()
    limitations = rng.choice(len(KNOWN_CONDITIONS), size=(n, 2)).tolist()
    preferring = (rng.random(n) < 0.1).tolist()
    ids = (rng.permutation(n) + 1).tolist()
    seekers = []
    for i, (region, more, (o1, o2)) in enumerate(
        zip(home.tolist(), extra.tolist(), offsets.tolist(), strict=True)
    ):
        regions = [region, (region + o1) % REGIONS, (region + o1 + o2) % REGIONS][: 1 + more]
        condition_names = [KNOWN_CONDITIONS[c] for c in limitations[i][: limitation_counts[i]]]
        seekers.append(
            JobSeekerProfile(
                id=str(ids[i]),
                occupation_codes=frozenset(codes[i][: code_counts[i]]),
                skills=frozenset(skills[i][: skill_counts[i]]),
                education_level=education[i],
                regions=frozenset(world.regions[r] for r in regions),
                min_hours=float(low[i]),
                max_hours=float(high[i]),
                limitations=frozenset(f"no_{c}" for c in condition_names)
                if limited[i]
                else frozenset(),
                preferences=frozenset([condition_names[0], world.regions[region]])
                if preferring[i]
                else frozenset(),
            )
        )
    return seekers


def vacancies(world: World, n: int, rng: np.random.Generator) -> list[Vacancy]:
    regions = rng.choice(REGIONS, size=n, p=world.region_weights).tolist()
    codes = rng.choice(OCCUPATIONS, size=n, p=world.occupation_weights).tolist()
    skills = _picks(rng, world.skills, world.skill_weights, n, 6)
    skill_counts = rng.choice(7, size=n, p=[0.05, 0.1, 0.2, 0.25, 0.2, 0.1, 0.1]).tolist()
    education = rng.integers(1, 6, size=n).tolist()
    hours = rng.choice([8, 12, 16, 20, 24, 28, 32, 36, 38, 40], size=n).tolist()
    conditions = rng.choice(len(KNOWN_CONDITIONS), size=(n, 2)).tolist()
    condition_counts = rng.choice(3, size=n, p=[0.5, 0.35, 0.15]).tolist()
    employers = rng.integers(1, max(2, n // 5), size=n).tolist()
    return [
        Vacancy(
            id=f"V{i + 1:07d}",
            employer_id=f"E{employers[i]}",
            occupation_code=world.occupations[codes[i]],
            skills=frozenset(skills[i][: skill_counts[i]]),
            min_education_level=education[i],
            region=world.regions[regions[i]],
            hours=float(hours[i]),
            conditions=frozenset(KNOWN_CONDITIONS[c] for c in conditions[i][: condition_counts[i]]),
        )
        for i in range(n)
    ]


# --- the exact full scan (the baseline) -----------------------------------------


def _exact_top(values: Floats, top: int) -> Ints:
    """Rows of the ``top`` best values (ineligible: < 0), ties to the lower row."""
    eligible = int((values >= 0).sum())
    if eligible > top:
        kth = np.partition(values, len(values) - top)[len(values) - top]
        rows = np.flatnonzero(values >= max(kth, 0.0))
    else:
        rows = np.flatnonzero(values >= 0)
    return rows[np.lexsort((rows, -values[rows]))][:top]


def _value(
    occupation_match: Ints, held: Ints, asked: Ints, gap: Ints, met: Ints, total: Ints
) -> Floats:
    """The engine's score, in the engine's float order."""
    skills_share = np.where(asked > 0, held / np.maximum(asked, 1), 1.0)
    education_share = np.where(gap <= 0, 1.0, np.where(gap == 1, 0.5, 0.0))
    preference_share = np.where(total > 0, met / np.maximum(total, 1), 1.0)
    return (
        OCCUPATION_POINTS * occupation_match
        + SKILLS_POINTS * skills_share
        + EDUCATION_POINTS * education_share
        + PREFERENCE_POINTS * preference_share
    )


def _has_bit(bits, word: Ints | int, bit: Ints | int):
    return ((bits >> np.asarray(bit, dtype=np.uint64)) & np.uint64(1)).astype(np.bool_) & (
        np.asarray(word) >= 0
    )


def scan_candidates(index: MatchIndex, vacancy: Vacancy, top: int) -> tuple[Ints, Floats]:
    """Every job seeker scored for one vacancy; the exact top ``top`` rows."""
    seekers = index.columns.seekers
    one = VacancyColumns.of([vacancy], index.columns.words)
    region, code = int(one.region[0]), int(one.occupation[0])
    hours = one.hours[0]
    ok = _has_bit(seekers.regions[:, max(region, 0) >> 6], region, region & 63)
    ok &= (seekers.min_hours <= hours) & (hours <= seekers.max_hours)
    ok &= ~(seekers.limitations & one.conditions[0]).any(axis=1)
    matched = _has_bit(seekers.occupations[:, max(code, 0) >> 6], code, code & 63)
    values = _value(
        matched,
        np.bitwise_count(seekers.skills & one.skills[0]).sum(axis=1, dtype=np.int64),
        one.skills_asked[0],
        one.education[0] - seekers.education,
        np.bitwise_count(seekers.preferences & one.offers[0]).sum(axis=1, dtype=np.int64),
        seekers.preferences_total,
    )
    values = np.where(ok, values, -1.0)
    rows = _exact_top(values, top)
    return rows, values[rows]


def scan_vacancies(index: MatchIndex, seeker: JobSeekerProfile, top: int) -> tuple[Ints, Floats]:
    """Every vacancy scored for one job seeker; the exact top ``top`` rows."""
    openings = index.columns.vacancies
    one = JobSeekerColumns.of([seeker], index.columns.words)
    region = openings.region
    ok = _has_bit(one.regions[0][np.maximum(region, 0) >> 6], region, region & 63)
    ok &= (one.min_hours[0] <= openings.hours) & (openings.hours <= one.max_hours[0])
    ok &= ~(openings.conditions & one.limitations[0]).any(axis=1)
    code = openings.occupation
    matched = _has_bit(one.occupations[0][np.maximum(code, 0) >> 6], code, code & 63)
    values = _value(
        matched,
        np.bitwise_count(openings.skills & one.skills[0]).sum(axis=1, dtype=np.int64),
        openings.skills_asked,
        openings.education - one.education[0],
        np.bitwise_count(openings.offers & one.preferences[0]).sum(axis=1, dtype=np.int64),
        one.preferences_total[0],
    )
    values = np.where(ok, values, -1.0)
    rows = _exact_top(values, top)
    return rows, values[rows]


# --- measuring online ----------------------------------------------------------------


@dataclass
class Timings:
    label: str
    index_ms: list[float] = field(default_factory=list)
    scan_ms: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    identical: int = 0
    plain_checked: int = 0
    plain_equal: int = 0


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def _compare(timings: Timings, got: list[Match], expected: list[tuple[str, float]], key) -> None:
    expected_ids = [identifier for identifier, _ in expected]
    got_pairs = [(key(match), match.score) for match in got]
    found = len(set(expected_ids) & {identifier for identifier, _ in got_pairs})
    timings.recalls.append(found / len(expected_ids) if expected_ids else 1.0)
    if got_pairs == [(identifier, round(value, 2)) for identifier, value in expected]:
        timings.identical += 1


def _measure(
    timings: Timings,
    ask: Callable[[], list[Match]],
    scan: Callable[[], tuple[Ints, Floats]],
    plain: Callable[[], list[Match]],
    ranked: Sequence[JobSeekerProfile] | Sequence[Vacancy],
    answer_id: Callable[[Match], str],
    *,
    checked: bool,
) -> None:
    """One query timed on the index and as a full scan; the results compared."""
    started = time.perf_counter()
    got = ask()
    timings.index_ms.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    rows, values = scan()
    timings.scan_ms.append((time.perf_counter() - started) * 1000)
    expected = [(ranked[r].id, v) for r, v in zip(rows.tolist(), values.tolist(), strict=True)]
    _compare(timings, got, expected, answer_id)
    if checked:
        timings.plain_checked += 1
        timings.plain_equal += got == plain()


def measure_online(
    index: MatchIndex, args: argparse.Namespace, rng: random.Random
) -> tuple[Timings, Timings]:
    top = args.top
    asked_vacancies = rng.sample(index.vacancies, min(args.queries, len(index.vacancies)))
    asked_seekers = rng.sample(index.job_seekers, min(args.queries, len(index.job_seekers)))
    by_vacancy, by_seeker = (
        Timings("vacancy -> top candidates"),
        Timings("job seeker -> top vacancies"),
    )
    people, openings = index.ranked_job_seekers, index.ranked_vacancies
    for n, (vacancy, seeker) in enumerate(zip(asked_vacancies, asked_seekers, strict=False)):
        checked = n < args.plain_checks
        by_vacancy_query = (
            by_vacancy,
            partial(index.candidates_for, vacancy, top),
            partial(scan_candidates, index, vacancy, top),
            partial(candidates_for, vacancy, index.job_seekers, top),
            people,
            lambda match: match.job_seeker_id,
        )
        by_seeker_query = (
            by_seeker,
            partial(index.vacancies_for, seeker, top),
            partial(scan_vacancies, index, seeker, top),
            partial(vacancies_for, seeker, index.vacancies, top),
            openings,
            lambda match: match.vacancy_id,
        )
        # The order alternates, so that neither side always runs on a warm cache.
        for query in (
            (by_vacancy_query, by_seeker_query) if n % 2 else (by_seeker_query, by_vacancy_query)
        ):
            _measure(*query, checked=checked)
    return by_vacancy, by_seeker


# --- measuring bulk ----------------------------------------------------------------


def _cell(items) -> str:
    return LIST_SEPARATOR.join(sorted(items))


def write_csv_files(
    directory: Path, seekers: list[JobSeekerProfile], openings: list[Vacancy]
) -> tuple[Path, Path]:
    seekers_file, vacancies_file = directory / "werkzoekenden.csv", directory / "vacatures.csv"
    with seekers_file.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(JOB_SEEKER_COLUMNS)
        writer.writerows(
            [
                s.id,
                _cell(s.occupation_codes),
                _cell(s.skills),
                s.education_level,
                _cell(s.regions),
                s.min_hours,
                s.max_hours,
                _cell(s.limitations),
            ]
            for s in seekers
        )
    with vacancies_file.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(VACANCY_COLUMNS)
        writer.writerows(
            [
                v.id,
                v.employer_id,
                v.occupation_code,
                _cell(v.skills),
                v.min_education_level,
                v.region,
                v.hours,
                _cell(v.conditions),
            ]
            for v in openings
        )
    return seekers_file, vacancies_file


#: Runs a command; prints its peak resident memory (KiB, Linux) and CPU seconds.
_PEAK_RSS = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime, code)"
)


@dataclass
class BulkRun:
    direction: Direction
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    peak_mb: float = 0.0
    rows: int = 0
    problem: str = ""
    checked: int = 0
    equal: int = 0


def run_match(files: tuple[Path, Path], output: Path, direction: Direction, top: int) -> BulkRun:
    run = BulkRun(direction)
    werkpad = Path(sys.executable).with_name("werkpad")
    command = [
        str(werkpad),
        "match",
        "--job-seekers",
        str(files[0]),
        "--vacancies",
        str(files[1]),
        "--direction",
        direction.value,
        "--top",
        str(top),
        "--output",
        str(output),
    ]
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS, *command],
        capture_output=True,
        text=True,
        check=False,
    )
    run.seconds = time.perf_counter() - started
    peak_kib, cpu, code = result.stdout.split()
    run.peak_mb = int(peak_kib) / 1024
    run.cpu_seconds = float(cpu)
    if code != "0" or result.returncode:
        run.problem = f"exited with {code}: {result.stderr.strip()[-300:]}"
    return run


def check_output(
    run: BulkRun,
    output: Path,
    seekers: list[JobSeekerProfile],
    openings: list[Vacancy],
    top: int,
    checks: int,
    rng: random.Random,
) -> None:
    """A sample of the written rows against the plain Python scan."""
    by_vacancy = run.direction is Direction.VACANCY_TO_CANDIDATES
    written: dict[str, list[list[str]]] = defaultdict(list)
    with output.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        next(reader)
        for row in reader:
            written[row[0] if by_vacancy else row[1]].append(row)
            run.rows += 1
    sample = rng.sample(openings if by_vacancy else seekers, min(checks, len(openings)))
    for item in sample:
        expected = (
            candidates_for(item, seekers, top)  # type: ignore[arg-type]
            if by_vacancy
            else vacancies_for(item, openings, top)  # type: ignore[arg-type]
        )
        rows = [
            [m.vacancy_id, m.job_seeker_id, str(m.rank), str(m.score), m.explanation]
            for m in expected
        ]
        run.checked += 1
        run.equal += written.get(item.id, []) == rows


def io_floor(files: tuple[Path, Path], rows: int, directory: Path) -> float:
    """Seconds to read both CSV files and write ``rows`` five-column rows: the floor."""
    started = time.perf_counter()
    for path in files:
        with path.open(encoding="utf-8", newline="") as stream:
            for _ in csv.DictReader(stream):
                pass
    with (directory / "floor.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        line = ["V0000001", "123456", 1, 93.75, "beroep past (7212); 3 van 4 vaardigheden"]
        for _ in range(rows):
            writer.writerow(line)
    return time.perf_counter() - started


# --- reporting -----------------------------------------------------------------


def report_online(results: tuple[Timings, Timings], say: Callable[[str], None]) -> None:
    say(
        f"{'':30} {'index median':>12} {'p95':>8} {'scan median':>12} {'p95':>8} "
        f"{'x faster':>9} {'recall':>7} {'identical':>10} {'plain scan':>10}"
    )
    for t in results:
        say(
            f"{t.label:30} {median(t.index_ms):9.2f} ms {p95(t.index_ms):5.2f} ms "
            f"{median(t.scan_ms):9.2f} ms {p95(t.scan_ms):5.2f} ms "
            f"{median(t.scan_ms) / median(t.index_ms):8.1f}x {min(t.recalls):7.3f} "
            f"{t.identical:4}/{len(t.recalls):<5} {t.plain_equal:4}/{t.plain_checked:<5}"
        )
    say("")
    say(f"Goal: p95 under {GOAL_P95_MS:g} ms, {GOAL_SPEEDUP:g}x the full scan (median), recall 1.")
    for t in results:
        met = (
            p95(t.index_ms) < GOAL_P95_MS
            and median(t.scan_ms) / median(t.index_ms) >= GOAL_SPEEDUP
            and min(t.recalls) == 1.0
            and t.identical == len(t.recalls)
        )
        say(f"  {t.label:30} {'met' if met else 'NOT met'}")


def report_bulk(runs: list[BulkRun], floor: float, size: str, say: Callable[[str], None]) -> None:
    say(
        f"{'werkpad match, ' + size:48} {'wall s':>7} {'cpu s':>6} {'x floor':>8} "
        f"{'peak MB':>8} {'rows':>9}"
    )
    say(f"{'(floor: read both CSVs, write the rows)':48} {floor:7.1f}")
    for run in runs:
        if run.problem:
            say(f"  {run.direction.value:46} {run.problem}")
            continue
        say(
            f"  {run.direction.value:46} {run.seconds:7.1f} {run.cpu_seconds:6.1f} "
            f"{run.seconds / floor:8.1f} "
            f"{run.peak_mb:8.0f} {run.rows:9,}   sample {run.equal}/{run.checked} equal "
            "to the plain scan"
        )
    say("")
    say(f"Goal: each direction under {GOAL_BULK_SECONDS:g} s and under {GOAL_BULK_MB:g} MB.")
    for run in runs:
        met = (
            not run.problem
            and run.seconds < GOAL_BULK_SECONDS
            and run.peak_mb < GOAL_BULK_MB
            and run.equal == run.checked
        )
        say(f"  {run.direction.value:46} {'met' if met else 'NOT met'}")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)

    def say(text: str) -> None:
        print(text, flush=True)

    rng = np.random.default_rng(args.seed)
    world = World.make(rng)
    say(f"werkpad bench: matching, Python {platform.python_version()}, numpy {np.__version__}")
    if not args.no_online:
        online(world, rng, args, say)
    if not args.no_bulk:
        # Its own generator: the same bulk data with or without the online part.
        bulk(world, np.random.default_rng([args.seed, 2]), args, say)
    return 0


def online(
    world: World, rng: np.random.Generator, args: argparse.Namespace, say: Callable[[str], None]
) -> None:
    n_seekers = max(1, round(ONLINE_SEEKERS * args.scale))
    n_vacancies = max(1, round(ONLINE_VACANCIES * args.scale))
    say("")
    started = time.perf_counter()
    seekers = job_seekers(world, n_seekers, rng)
    openings = vacancies(world, n_vacancies, rng)
    say(
        f"{n_seekers:,} job seekers, {n_vacancies:,} vacancies made in {time.perf_counter() - started:.0f} s"
    )
    started = time.perf_counter()
    index = MatchIndex(seekers, openings)
    say(f"MatchIndex built in {time.perf_counter() - started:.1f} s")
    say(f"{args.queries} queries per direction, top {args.top}")
    say("")
    results = measure_online(index, args, random.Random(args.seed))
    report_online(results, say)


def bulk(
    world: World, rng: np.random.Generator, args: argparse.Namespace, say: Callable[[str], None]
) -> None:
    n_seekers = max(1, round(BULK_SEEKERS * args.scale))
    n_vacancies = max(1, round(BULK_VACANCIES * args.scale))
    # The CSV files have no preferences column.
    seekers = [replace(s, preferences=frozenset()) for s in job_seekers(world, n_seekers, rng)]
    openings = vacancies(world, n_vacancies, rng)
    say("")
    with tempfile.TemporaryDirectory(prefix="werkpad-bench-") as temporary:
        directory = Path(temporary)
        files = write_csv_files(directory, seekers, openings)
        runs = []
        for direction in Direction:
            output = directory / f"{direction.value}.csv"
            run = run_match(files, output, direction, args.top)
            if not run.problem:
                check_output(
                    run,
                    output,
                    seekers,
                    openings,
                    args.top,
                    args.bulk_checks,
                    random.Random(args.seed),
                )
            runs.append(run)
        floor = io_floor(files, max(run.rows for run in runs), directory)
        report_bulk(runs, floor, f"{n_seekers:,} x {n_vacancies:,}, top {args.top}", say)


if __name__ == "__main__":
    sys.exit(main())
