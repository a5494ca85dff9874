"""Fill the sites of a synthetic network: governance, a page, campaigns and internship offers.

    python bench/populate_sites.py --campaigns 5 --offers 20 --workers 2

Everything goes through the project's own services (page_publish, so the
network's campaign listing and internship search follow as they would for a
coordinator). Resumable: a CPTS that already has offers is left alone. Each
worker process takes every n-th CPTS. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import datetime
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, setup_django  # noqa: E402

THEMES = [
    "colorectal_screening",
    "breast_screening",
    "iatrogenic_risk",
    "influenza_vaccination",
    "osteoporosis",
    "autonomy_falls",
    "addictions",
    "heat_waves",
]
HOST_NAMES = ["du Centre", "des Tilleuls", "de la Gare", "du Parc"]
# discipline -> (weight, levels, host structures, what the student does)
DISCIPLINES = {
    "general_medicine": (
        6,
        ["extern", "intern", "docteur_junior"],
        ["msp", "practice", "health_centre"],
        ["consultations de médecine générale", "visites à domicile", "soins non programmés"],
    ),
    "nursing": (
        5,
        ["year_1", "year_2", "year_3"],
        ["practice", "ehpad", "health_centre", "msp"],
        ["soins infirmiers à domicile", "éducation thérapeutique", "prévention des chutes"],
    ),
    "physiotherapy": (
        3,
        ["year_2", "year_3", "year_4_plus"],
        ["practice", "msp"],
        ["rééducation respiratoire", "kinésithérapie du sport", "maintien à domicile"],
    ),
    "pharmacy": (
        3,
        ["year_4_plus"],
        ["pharmacy"],
        ["bilans partagés de médication", "dispensation", "vaccination en officine"],
    ),
    "midwifery": (
        2,
        ["year_3", "year_4_plus"],
        ["practice", "msp"],
        ["suivi de grossesse", "préparation à la naissance", "dépistage"],
    ),
    "speech_therapy": (
        1,
        ["year_3", "year_4_plus"],
        ["practice"],
        ["bilans du langage", "rééducation de la déglutition"],
    ),
    "dentistry": (
        1,
        ["year_4_plus"],
        ["health_centre", "practice"],
        ["soins dentaires", "prévention bucco-dentaire"],
    ),
    "medical_specialty": (
        1,
        ["intern"],
        ["hospital", "health_centre"],
        ["gériatrie", "pédiatrie", "psychiatrie"],
    ),
}


def _offer(rng: random.Random, communes: list[tuple[str, str]], n: int):
    from content.models import InternshipOfferPage
    from content.models.internships import semester_choices
    from tenants.vocabulary import Discipline, HostStructure

    names = list(DISCIPLINES)
    discipline = rng.choices(names, weights=[DISCIPLINES[d][0] for d in names])[0]
    _, levels, structures, activities = DISCIPLINES[discipline]
    structure = rng.choice(structures)
    code, commune = rng.choice(communes)
    activity = rng.choice(activities)
    if rng.random() < 0.6:
        semester, start, end = rng.choice(semester_choices()[1:4])[0], None, None
    else:
        semester = ""
        start = datetime.date.today() + datetime.timedelta(days=rng.randrange(-30, 300))
        end = start + datetime.timedelta(days=rng.choice([14, 28, 42, 90, 180]))
    return InternshipOfferPage(
        title=f"{Discipline(discipline).label} : {activity} à {commune}",
        slug=f"stage-{n}",
        discipline=discipline,
        level=rng.choice(levels),
        host_structure=structure,
        host_name=f"{HostStructure(structure).label} {rng.choice(HOST_NAMES)}",
        commune_id=code,
        supervisor_approved=rng.random() < 0.5,
        semester=semester,
        start_date=start,
        end_date=end,
        places=rng.choice([1, 1, 2, 3]),
        housing=rng.random() < 0.3,
        travel_help=rng.random() < 0.3,
        description=f"<p>Stage de {activity} en équipe pluriprofessionnelle, avec la CPTS.</p>",
        apply_email=f"stages-{n}@example.test",
    )


def campaign_page(rng: random.Random, n: int):
    """A campaign with one aggregate indicator (also used by bench_campaigns.py)."""
    from prevention.models import CampaignPage

    start = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(0, 700))
    return CampaignPage(
        title=f"Campagne {n}",
        slug=f"campagne-{n}",
        theme_id=rng.choice(THEMES),
        summary="Campagne du réseau synthétique.",
        start=start,
        end=start + datetime.timedelta(days=rng.choice([30, 90, 365])),
        status=rng.choice(["planned", "running", "finished"]),
        indicators=[
            {
                "type": "indicator",
                "value": {
                    "name": "Personnes sensibilisées",
                    "definition": "",
                    "unit": "count",
                    "baseline": None,
                    "target": 500,
                    "values": [{"period": "2026", "value": rng.randrange(0, 600)}],
                },
            }
        ],
    )


def populate_site(cpts, *, seed: int, campaigns: int, offers: int) -> bool:
    """Governance, one page, campaigns and offers for one CPTS (its schema must be active)."""
    from content.models import (
        Association,
        College,
        HomePage,
        InternshipIndexPage,
        InternshipOfferPage,
        Mandate,
        TerritoryCommune,
    )
    from content.services import page_publish, standard_page_publish
    from prevention.models import CampaignIndexPage

    if InternshipOfferPage.objects.exists():
        return False
    rng = random.Random(f"{seed}-{cpts.short_name}")
    home = HomePage.objects.get()
    Association.objects.create(name=cpts.name, legal_form="law_1901")
    college = College.objects.create(name="Professionnels libéraux")
    Mandate.objects.create(
        full_name=f"Présidence {cpts.short_name}",
        profession="general_practitioner",
        role="president",
        college=college,
        start=datetime.date(2024, 1, 1),
    )
    standard_page_publish(parent=home, title="Projet de santé", body="<p>Nos missions sur le territoire.</p>")
    if campaigns:
        index = page_publish(parent=home, page=CampaignIndexPage(title="Prévention"))
        for n in range(campaigns):
            page_publish(parent=index, page=campaign_page(rng, n))
    communes = list(
        TerritoryCommune.objects.select_related("commune").values_list("commune_id", "commune__name")
    )
    index = page_publish(parent=home, page=InternshipIndexPage(title="Stages", slug="stages"))
    for n in range(offers):
        page_publish(parent=index, page=_offer(rng, communes, n))
    return True


def run_shard(shard: int, shards: int, *, seed: int, campaigns: int, offers: int) -> None:
    from django.db import connection
    from django_tenants.utils import schema_context

    from tenants.models import CPTS

    done = 0
    started = time.perf_counter()
    for i, cpts in enumerate(CPTS.objects.order_by("short_name")):
        if i % shards != shard:
            continue
        with schema_context(cpts.schema_name):
            done += populate_site(cpts, seed=seed, campaigns=campaigns, offers=offers)
        if done and done % 25 == 0:
            connection.close()  # see generate_network: recycle the backend
        if done and done % 100 == 0:
            print(f"  [{shard}] {done} sites en {time.perf_counter() - started:.0f} s", flush=True)


def populate(*, seed: int, campaigns: int, offers: int, workers: int) -> float:
    """Fill every site, in ``workers`` processes; returns the wall time."""
    started = time.perf_counter()
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                f"--seed={seed}",
                f"--campaigns={campaigns}",
                f"--offers={offers}",
                f"--shard={i}",
                f"--shards={workers}",
            ],
            cwd=ROOT,
        )
        for i in range(workers)
    ]
    if any(p.wait() for p in procs):
        raise SystemExit("populate_sites: a worker failed")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--campaigns", type=int, default=5)
    parser.add_argument("--offers", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shard", type=int)
    parser.add_argument("--shards", type=int)
    args = parser.parse_args()
    setup_django(fresh=False)
    if args.shard is not None:
        run_shard(args.shard, args.shards, seed=args.seed, campaigns=args.campaigns, offers=args.offers)
        return
    from tenants.models import CPTS

    n = CPTS.objects.count()
    elapsed = populate(seed=args.seed, campaigns=args.campaigns, offers=args.offers, workers=args.workers)
    print(f"Sites de {n} CPTS remplis en {elapsed:.0f} s ({elapsed / max(n, 1):.2f} s par CPTS)")


if __name__ == "__main__":
    main()
