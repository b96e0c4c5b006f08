"""Writes a generated channel into Neo4j, phase by phase, in batches, with a progress bar per phase."""

from __future__ import annotations

import itertools
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graph.shared.client import GraphClient, GraphSession
from graph.shared.cypher_files import CYPHER_DIR
from seed import channel, history, mdf, timeline
from seed.shape import ChannelShape

SEED_DIR = CYPHER_DIR / "seed"
BATCH_TIMEOUT_SECONDS = 120.0  # a batch of thousands of rows is not bound by the per-query timeout


class NotEmpty(Exception):
    """The database already holds partners; seeding needs an empty one (or --wipe)."""


@dataclass
class SeedReport:
    partners: int
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    phase_seconds: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: float = 0.0


@dataclass(frozen=True)
class Phase:
    name: str
    query: str
    rows: Callable[[ChannelShape], Iterable[dict]]
    total: Callable[[ChannelShape], int | None]


def phases(shape: ChannelShape, first_case_number: int = 1) -> list[Phase]:
    levels = [Phase(f"partners level {level}", "partners", lambda s, level=level: channel.partners(s, level),
                    lambda s, level=level: s.level_sizes[level]) for level in range(len(shape.level_sizes))]
    return [
        *levels,
        Phase("staff", "staff", channel.staff, lambda s: s.partners * len(channel.STAFF_ROLES)),
        Phase("relationship managers", "managers", channel.managed_partners, lambda s: None),
        Phase("accounts", "accounts", channel.accounts, lambda s: s.partners * 2),
        Phase("partnerships", "partnerships", channel.partnerships, lambda s: None),
        Phase("products and rates", "catalog", channel.catalog, lambda s: None),
        Phase("deal registrations", "deals", channel.deal_registrations, lambda s: None),
        Phase("conflict checks", "conflicts", channel.conflict_candidates, lambda s: None),
        Phase("cases", "cases", channel.cases, lambda s: None),
        Phase("leads", "leads", channel.leads, lambda s: None),
        Phase("mdf budgets", "mdf_budgets", mdf.budgets, lambda s: None),
        Phase("fund allocations", "fund_allocations", mdf.allocations, lambda s: None),
        Phase("fund requests", "fund_requests", mdf.requests, lambda s: None),
        Phase("fund claims", "fund_claims", mdf.claims, lambda s: None),
        Phase("mdf influence", "fund_influence", mdf.influence, lambda s: None),
        Phase("change history", "changes",
              lambda s: timeline.in_time_order(history.changes(s, first_case_number)), lambda s: None),
    ]


def batches(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


async def wipe(client: GraphClient) -> None:
    """Delete every node, a batch per transaction (so memory stays flat whatever the size)."""
    async with client.driver.session(database=client.database) as session:
        result = await session.run("MATCH (n) WHERE NOT n:Migration "
                                   "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
        await result.consume()


async def seed(client: GraphClient, shape: ChannelShape, *, batch_size: int = 2000, show_progress: bool = True,
               wipe_first: bool = False) -> SeedReport:
    session = client.session()
    if wipe_first:
        await wipe(client)
    elif (await session.read("shared/partner_count"))[0]["partners"]:
        raise NotEmpty("the database already holds partners; seed an empty one or pass --wipe")

    started = time.perf_counter()
    people = channel.enterprise(shape)
    await _write(session, "enterprise", orgs=people["orgs"], people=people["people"])
    await _write(session, "programs", programs=channel.programs())
    await _write(session, "sla", **channel.sla_setup(shape))
    await _write(session, "lead_rules", rules=channel.lead_rules())
    # The history names each case by the number the cases phase gives it: the counter's next ones.
    numbering = await session.read_transaction(lambda tx: tx.run(_statement("case_numbering")))
    return await _run_phases(session, shape, phases(shape, numbering[0]["last"] + 1), batch_size, show_progress,
                             started)


@cache
def _statement(name: str) -> str:
    return (SEED_DIR / f"{name}.cypher").read_text()


async def _write(session: GraphSession, name: str, **params) -> None:
    """One batch: the seed statement `name` of cypher/seed/, in a transaction of its own."""
    await session.write_transaction(lambda tx: tx.run(_statement(name), **params), timeout=BATCH_TIMEOUT_SECONDS)


async def _run_phases(session: GraphSession, shape: ChannelShape, chosen: list[Phase], batch_size: int,
                      show_progress: bool, started: float) -> SeedReport:
    """Each phase's rows in batches; the report, its time counted from `started`."""
    report = SeedReport(partners=shape.partners)
    columns = (TextColumn("{task.description:<24}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, disable=not show_progress) as progress:
        for phase in chosen:
            task = progress.add_task(phase.name, total=phase.total(shape))
            phase_started = time.perf_counter()
            count = 0
            for batch in batches(phase.rows(shape), batch_size):
                await _write(session, phase.query, rows=batch)
                count += len(batch)
                progress.advance(task, len(batch))
            progress.update(task, total=count, completed=count)  # a phase of unknown size ends at its count
            report.rows[phase.name] = count
            report.phase_seconds[phase.name] = round(time.perf_counter() - phase_started, 2)
    report.seconds = round(time.perf_counter() - started, 2)
    report.peak_rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return report


async def seed_phases(client: GraphClient, shape: ChannelShape, names: list[str], *, batch_size: int = 2000,
                      show_progress: bool = True) -> SeedReport:
    """Only the named phases, in the seed's order, into a database seeded before they existed with the same shape
    and seed: every phase derives its rows from the shape alone (and reads the channel already written), so they
    come out as a full seed would have written them. Nothing checks that they were not run before: a phase run twice
    writes its rows twice (bench.seed_phases checks that for the phases it knows)."""
    known = {phase.name: phase for phase in phases(shape)}
    if unknown := [name for name in names if name not in known]:
        raise ValueError(f"no seed phase {unknown}; the phases are {list(known)}")
    if "change history" in names:
        raise ValueError("the change history numbers cases from the counter the cases phase leaves: seed it whole")
    session = client.session()
    if not (await session.read("shared/partner_count"))[0]["partners"]:
        raise ValueError("the database holds no partners: seed it whole")
    chosen = [phase for phase in known.values() if phase.name in names]
    return await _run_phases(session, shape, chosen, batch_size, show_progress, time.perf_counter())
