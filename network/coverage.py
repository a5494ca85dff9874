"""Keeping the network's coverage counts in step with the territories and stages (public schema).

Called by content.services.territory in the transaction that changes a CPTS's
claims, and by ``network.signals`` when a CPTS's stage changes. It compares
the CPTS's covered units (and the stage they were counted at) before and
after, adjusts each unit's counters by the difference, and stores the
territory's derived figures on the CPTS row. The cost is proportional to one
territory, and the federation's figures become scans of the commune table.

Coverage has several definitions, the ones public sources use (``Definition``):
every unit keeps one counter per definition, so choosing one costs nothing
at read time.
"""

from __future__ import annotations

from django.db import connection, models
from django.utils.translation import gettext_lazy as _


class Definition(models.TextChoices):
    """Which CPTS count as covering their territory's population.

    The DGOS atlas of CPTS (ministry of health, January 2022) draws three
    categories: CPTS « en fonctionnement » (ACI contract signed), « prochainement
    en fonctionnement » (health project validated), « en cours de création »;
    its headline figure (19 % of the population) counts the first only. The
    national federation of CPTS (FCPTS, February 2024: 84 %) counts every
    project whatever its stage.
    """

    ACI_SIGNED = "aci_signed", _("ACI signé")
    HEALTH_PROJECT = "health_project", _("projet de santé validé")
    ANY_STAGE = "any", _("toute étape")


# What the national atlas counts: the default of every figure, page, API and export.
DEFAULT_DEFINITION = Definition.ACI_SIGNED

# The counter of ``network_commune`` each definition reads, and the stages it counts.
COUNTERS = {
    Definition.ANY_STAGE: "cover_count",
    Definition.HEALTH_PROJECT: "cover_count_project",
    Definition.ACI_SIGNED: "cover_count_aci",
}
DEFINITION_STAGES = {
    Definition.ANY_STAGE: ("idea", "letter_of_intent", "health_project_validated", "aci_signed"),
    Definition.HEALTH_PROJECT: ("health_project_validated", "aci_signed"),
    Definition.ACI_SIGNED: ("aci_signed",),
}


def definition_explained(definition: str) -> str:
    """The definition as a sentence under a figure: « CPTS comptées : ACI signé »."""
    return _("CPTS comptées : %(label)s") % {"label": Definition(definition).label}


# The stages each definition counts, as parameters (arrays) of the statements below.
STAGE_PARAMETERS = {str(definition): list(stages) for definition, stages in DEFINITION_STAGES.items()}

# A changed claim (old stage → new stage; NULL: no claim) moves each definition's
# counter by +1, -1 or 0. Only changed units are touched.
_SYNC_UNITS = """
WITH new AS (
    SELECT DISTINCT cu.unit_id, cp.stage
    FROM network_territoryclaim t
    JOIN network_communeunit cu ON cu.commune_id = t.commune_id
    JOIN tenants_cpts cp ON cp.id = t.cpts_id
    WHERE t.cpts_id = %(cpts)s
),
old AS (SELECT unit_id, stage FROM network_unitclaim WHERE cpts_id = %(cpts)s),
changed AS (
    SELECT coalesce(new.unit_id, old.unit_id) AS unit_id, old.stage AS old_stage, new.stage AS new_stage
    FROM new FULL JOIN old ON old.unit_id = new.unit_id
    WHERE new.stage IS DISTINCT FROM old.stage
),
added AS (
    INSERT INTO network_unitclaim (cpts_id, unit_id, stage)
    SELECT %(cpts)s, unit_id, new_stage FROM changed WHERE old_stage IS NULL
),
removed AS (
    DELETE FROM network_unitclaim uc USING changed c
    WHERE uc.cpts_id = %(cpts)s AND uc.unit_id = c.unit_id AND c.new_stage IS NULL
),
restaged AS (
    UPDATE network_unitclaim uc SET stage = c.new_stage FROM changed c
    WHERE uc.cpts_id = %(cpts)s AND uc.unit_id = c.unit_id
      AND c.old_stage IS NOT NULL AND c.new_stage IS NOT NULL
)
UPDATE network_commune c SET
    cover_count = c.cover_count + d.any_stage,
    cover_count_project = c.cover_count_project + d.project,
    cover_count_aci = c.cover_count_aci + d.aci
FROM (
    SELECT unit_id,
        coalesce(new_stage = ANY(%(any)s), FALSE)::int
            - coalesce(old_stage = ANY(%(any)s), FALSE)::int AS any_stage,
        coalesce(new_stage = ANY(%(health_project)s), FALSE)::int
            - coalesce(old_stage = ANY(%(health_project)s), FALSE)::int AS project,
        coalesce(new_stage = ANY(%(aci_signed)s), FALSE)::int
            - coalesce(old_stage = ANY(%(aci_signed)s), FALSE)::int AS aci
    FROM changed
) d
WHERE c.code = d.unit_id
"""

# A separate statement: a data-modifying CTE cannot see its own changes.
_TERRITORY_FIGURES = """
UPDATE tenants_cpts cp SET
    territory_population = f.population,
    territory_communes = (SELECT count(*) FROM network_territoryclaim t WHERE t.cpts_id = cp.id),
    territory_departments = f.departments,
    territory_regions = f.regions
FROM (
    SELECT coalesce(sum(u.population), 0) AS population,
           coalesce(array_agg(DISTINCT u.department_id ORDER BY u.department_id)
                    FILTER (WHERE u.code IS NOT NULL), ARRAY[]::varchar[]) AS departments,
           coalesce(array_agg(DISTINCT u.region_id) FILTER (WHERE u.code IS NOT NULL),
                    ARRAY[]::varchar[]) AS regions
    FROM network_unitclaim uc JOIN network_commune u ON u.code = uc.unit_id
    WHERE uc.cpts_id = %(cpts)s
) f
WHERE cp.id = %(cpts)s
  -- Unchanged figures are not rewritten: a write renews what pages read (tenants.schema_versions).
  AND (cp.territory_population, cp.territory_communes, cp.territory_departments, cp.territory_regions)
      IS DISTINCT FROM (f.population, (SELECT count(*) FROM network_territoryclaim t WHERE t.cpts_id = cp.id),
                        f.departments, f.regions)
"""


# Each unit's counters recounted from (unit, CPTS, stage) rows named ``claims``.
_RECOUNT = """
    SELECT unit_id, count(*) AS any_stage,
           count(*) FILTER (WHERE stage = ANY(%(health_project)s)) AS project,
           count(*) FILTER (WHERE stage = ANY(%(aci_signed)s)) AS aci
    FROM claims GROUP BY unit_id
"""
_CLAIMS_FROM_TERRITORIES = """
    SELECT DISTINCT cu.unit_id, t.cpts_id, cp.stage
    FROM network_territoryclaim t
    JOIN network_communeunit cu ON cu.commune_id = t.commune_id
    JOIN tenants_cpts cp ON cp.id = t.cpts_id
"""


_DRIFT = """
    SELECT EXISTS (
        SELECT 1 FROM network_commune c LEFT JOIN expected e ON e.unit_id = c.code
        WHERE (c.cover_count, c.cover_count_project, c.cover_count_aci)
              <> (coalesce(e.any_stage, 0), coalesce(e.project, 0), coalesce(e.aci, 0))
    )
"""


def coverage_sync(*, cpts_id: int) -> None:
    """Bring one CPTS's covered units, the units' counters and its figures in line with its claims
    and its stage (a stage change moves every definition's counters at once)."""
    with connection.cursor() as cursor:
        cursor.execute(_SYNC_UNITS, {"cpts": cpts_id, **STAGE_PARAMETERS})
        cursor.execute(_TERRITORY_FIGURES, {"cpts": cpts_id})


def coverage_rebuild() -> None:
    """Recompute every count from the claims (after loading reference data, or to mend drift)."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM network_unitclaim")
        cursor.execute(
            "INSERT INTO network_unitclaim (unit_id, cpts_id, stage)" + _CLAIMS_FROM_TERRITORIES  # noqa: S608
        )
        cursor.execute(
            "WITH claims AS (SELECT unit_id, stage FROM network_unitclaim), counts AS ("  # noqa: S608
            + _RECOUNT
            + """)
            UPDATE network_commune c SET cover_count = coalesce(n.any_stage, 0),
                   cover_count_project = coalesce(n.project, 0), cover_count_aci = coalesce(n.aci, 0)
            FROM network_commune c2 LEFT JOIN counts n ON n.unit_id = c2.code
            WHERE c.code = c2.code AND (c.cover_count, c.cover_count_project, c.cover_count_aci)
                  IS DISTINCT FROM (coalesce(n.any_stage, 0), coalesce(n.project, 0), coalesce(n.aci, 0))
            """,
            STAGE_PARAMETERS,
        )
        cursor.execute("SELECT id FROM tenants_cpts")
        ids = [row[0] for row in cursor.fetchall()]
        for cpts_id in ids:
            cursor.execute(_TERRITORY_FIGURES, {"cpts": cpts_id})


def coverage_counts_drift() -> bool:
    """Do the maintained counters differ from a recount from the claims and the CPTS's stages?"""
    with connection.cursor() as cursor:
        # Recounted from the territories and the CPTS rows themselves, not from network_unitclaim.
        query = f"WITH claims AS ({_CLAIMS_FROM_TERRITORIES}), expected AS ({_RECOUNT}) {_DRIFT}"  # noqa: S608
        cursor.execute(query, STAGE_PARAMETERS)
        return cursor.fetchone()[0]
