"""The demo endpoint's synthetic population, so that the mirror's regional cells are filled.

40 invented physicians (``SYN-001``..``SYN-040``), half in Antwerp province (BE-VAN,
the demo GP's), half in Brussels (BE-BRU), each with about forty incapacity episodes
over the twelve months before the database was created: a few thousand certificate
rows. Common pathology groups pass the publication thresholds; rare ones stay
suppressed, as they would in a real region.

The rows go to ``synthetic_certificates`` only, never to ``documents``: they have no
payload, no signature, no registry entry, and physician and patient keys that cannot
be real (``SYN-``). They are written once, when a demo database is created (seeded
from a fixed seed, so two demo databases created the same day are identical).
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import sessionmaker

from fitnote_desktop.domain.mirror import INCAPACITY, PARTIAL_RESUMPTION
from fitnote_desktop.endpoint import db

SEED = 20261129
REGIONS = ("BE-VAN", "BE-BRU")
PHYSICIANS_PER_REGION = 20
EPISODES_PER_PHYSICIAN = 40


@dataclass(frozen=True)
class _Profile:
    group: str
    weight: float
    typical_days: int
    fit_note: float  # probability that a certificate carries a fit-note
    prolonged: float  # probability that an episode has more than one certificate
    partial: float  # probability that a partial resumption follows


PROFILES = (
    _Profile("low_back_pain", 0.14, 10, 0.45, 0.35, 0.10),
    _Profile("sciatica", 0.06, 30, 0.50, 0.60, 0.20),
    _Profile("influenza_like_illness", 0.15, 5, 0.05, 0.10, 0.0),
    _Profile("acute_respiratory_infection", 0.12, 6, 0.05, 0.12, 0.0),
    _Profile("depression", 0.10, 70, 0.35, 0.80, 0.30),
    _Profile("burnout", 0.08, 100, 0.40, 0.85, 0.40),
    _Profile("gastroenteritis", 0.08, 3, 0.02, 0.05, 0.0),
    _Profile("anxiety_stress", 0.07, 25, 0.30, 0.55, 0.15),
    _Profile("neck_pain", 0.05, 9, 0.40, 0.30, 0.08),
    _Profile("knee_meniscus", 0.04, 35, 0.50, 0.60, 0.20),
    _Profile("upper_limb_surgery", 0.03, 45, 0.55, 0.70, 0.25),
    _Profile("pregnancy", 0.03, 30, 0.10, 0.50, 0.0),
    _Profile("migraine_headache", 0.02, 3, 0.10, 0.05, 0.0),
    _Profile("carpal_tunnel", 0.01, 28, 0.50, 0.40, 0.20),
    _Profile("cancer_treatment", 0.01, 150, 0.20, 0.95, 0.35),
    _Profile("ankle_sprain", 0.01, 12, 0.40, 0.25, 0.05),
)


def _episode_rows(
    rng: random.Random, physician: str, region: str, patient: str, start: date
) -> list[dict[str, Any]]:
    profile = rng.choices(PROFILES, weights=[p.weight for p in PROFILES])[0]
    total = max(1, round(rng.lognormvariate(math.log(profile.typical_days), 0.5)))
    pieces = 1 if rng.random() >= profile.prolonged or total < 2 else rng.randint(2, 3)
    cuts = sorted(rng.sample(range(1, total), min(pieces - 1, total - 1))) if pieces > 1 else []
    bounds = [0, *cuts, total]
    rows = []
    for low, high in itertools.pairwise(bounds):
        rows.append(
            dict(
                physician=physician,
                region=region,
                patient=patient,
                kind=INCAPACITY,
                begin=start + timedelta(days=low),
                end=start + timedelta(days=high - 1),
                pathology_group=profile.group,
                fit_note=rng.random() < profile.fit_note,
            )
        )
    if rng.random() < profile.partial:
        begin = start + timedelta(days=total)
        rows.append(
            dict(
                physician=physician,
                region=region,
                patient=patient,
                kind=PARTIAL_RESUMPTION,
                begin=begin,
                end=begin + timedelta(days=rng.randint(14, 60)),
                pathology_group=profile.group,
                fit_note=False,
            )
        )
    return rows


def population(today: date) -> list[dict[str, Any]]:
    """The synthetic rows for a database created on ``today`` (deterministic)."""
    rng = random.Random(SEED)  # noqa: S311 - synthetic demo data, not a secret
    rows: list[dict[str, Any]] = []
    number = 0
    for r, region in enumerate(REGIONS):
        for i in range(PHYSICIANS_PER_REGION):
            physician = f"SYN-{r * PHYSICIANS_PER_REGION + i + 1:03d}"
            for _ in range(EPISODES_PER_PHYSICIAN):
                number += 1
                start = today - timedelta(days=rng.randint(1, 365))
                rows += _episode_rows(rng, physician, region, f"SYN-P-{number:05d}", start)
    return rows


def seed_once(sessions: sessionmaker[Any], today: date) -> int:
    """Write the population into an empty ``synthetic_certificates``; rows written."""
    with sessions() as dbs, dbs.begin():
        if dbs.execute(sa.select(db.SyntheticCertificate.id).limit(1)).first() is not None:
            return 0
        rows = population(today)
        table = db.Base.metadata.tables[db.SyntheticCertificate.__tablename__]
        dbs.execute(sa.insert(table), rows)  # a Core insert: 4x faster than the ORM's
    return len(rows)
