"""Writes on a CPTS's territory, and on its public copy in the same transaction.

Every function runs in the CPTS's schema (the request's, or a command's
``schema_context``) and takes the CPTS itself, whose claims it keeps in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from content.models import TerritoryCommune
from network.coverage import coverage_sync
from network.models import Commune, TerritoryClaim
from tenants.audit import audit_record
from tenants.models import CPTS, AuditEntry
from tenants.selectors import require_schema


@dataclass(frozen=True)
class TerritoryChange:
    added: list[str]
    already_present: list[str]
    removed: list[str]


def _clean_codes(codes: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for code in codes:
        seen.setdefault(code.strip().upper(), None)
    return list(seen)


@transaction.atomic
def territory_add_communes(*, cpts: CPTS, codes: list[str]) -> TerritoryChange:
    """Add communes by INSEE code. Unknown codes refuse the whole call; repeats are reported."""
    require_schema(cpts)
    codes = _clean_codes(codes)
    if not codes:
        raise ValidationError({"codes": _("Aucune commune à ajouter.")})
    known = set(Commune.objects.filter(code__in=codes, is_current=True).values_list("code", flat=True))
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise ValidationError(
            {
                "codes": _("Codes INSEE inconnus : %(codes)s. Rien n'a été ajouté.")
                % {"codes": ", ".join(unknown)}
            }
        )
    present = set(TerritoryCommune.objects.filter(commune_id__in=codes).values_list("commune_id", flat=True))
    new = [code for code in codes if code not in present]
    TerritoryCommune.objects.bulk_create([TerritoryCommune(commune_id=code) for code in new])
    TerritoryClaim.objects.bulk_create(
        [TerritoryClaim(cpts=cpts, commune_id=code) for code in new], ignore_conflicts=True
    )
    coverage_sync(cpts_id=cpts.pk)
    if new:
        _statistics_update()
        _audit(cpts, added=new, removed=[])
    return TerritoryChange(added=new, already_present=sorted(present), removed=[])


@transaction.atomic
def territory_remove_communes(*, cpts: CPTS, codes: list[str]) -> TerritoryChange:
    require_schema(cpts)
    codes = _clean_codes(codes)
    removed = list(TerritoryCommune.objects.filter(commune_id__in=codes).values_list("commune_id", flat=True))
    TerritoryCommune.objects.filter(commune_id__in=removed).delete()
    TerritoryClaim.objects.filter(cpts=cpts, commune_id__in=removed).delete()
    coverage_sync(cpts_id=cpts.pk)
    if removed:
        _statistics_update()
        _audit(cpts, added=[], removed=sorted(removed))
    return TerritoryChange(added=[], already_present=[], removed=sorted(removed))


def _statistics_update() -> None:
    """Tell the planner how many communes the territory has.

    Every page joins it to the 35,000 communes, and a territory (some fifty rows)
    never reaches autovacuum's threshold (50 rows and 10 %): without statistics the
    planner guessed a thousand rows and scanned every commune, 8 ms per page.
    """
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(TerritoryCommune._meta.db_table)}")


def _audit(cpts: CPTS, *, added: list[str], removed: list[str]) -> None:
    parts = [f"{len(added)} commune(s) ajoutée(s)"] if added else []
    parts += [f"{len(removed)} retirée(s)"] if removed else []
    audit_record(
        action=AuditEntry.Action.TERRITORY_CHANGED,
        cpts=cpts.short_name,
        summary=f"Territoire : {', '.join(parts)}.",
        data={"added": added, "removed": removed},
    )


@transaction.atomic
def territory_claims_withdraw(cpts: CPTS) -> None:
    """Its communes stop counting as covered (an archived CPTS); public schema active."""
    TerritoryClaim.objects.filter(cpts=cpts).delete()
    coverage_sync(cpts_id=cpts.pk)


def territory_claims_drift(cpts: CPTS) -> list[str]:
    """The CPTS's communes against its claims (its schema active)."""
    require_schema(cpts)
    own = set(TerritoryCommune.objects.values_list("commune_id", flat=True))
    public = set(TerritoryClaim.objects.filter(cpts=cpts).values_list("commune_id", flat=True))
    if own == public:
        return []
    return [f"{len(own - public)} commune(s) absente(s) du public, {len(public - own)} en trop"]


def territory_claims_rebuild(*, cpts: CPTS) -> int:
    """Rewrite the public copy from the CPTS's own rows (after a restore, or to mend drift)."""
    require_schema(cpts)
    codes = list(TerritoryCommune.objects.values_list("commune_id", flat=True))
    TerritoryClaim.objects.filter(cpts=cpts).delete()
    TerritoryClaim.objects.bulk_create([TerritoryClaim(cpts=cpts, commune_id=c) for c in codes])
    coverage_sync(cpts_id=cpts.pk)
    return len(codes)
