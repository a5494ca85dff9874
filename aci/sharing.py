"""What a CPTS shows the network of its indicators: the observatory's copy (``network.SharedIndicatorValue``).

Two choices make a value travel: the indicator is mapped onto a code of the
national catalogue (``content.MissionIndicator.catalogue``, for every year),
and for that year the CPTS chose to share it with the federation or to open it
(``AciIndicatorYear.audience``; private by default). A value then has a row in
the public copy, rewritten in the transaction of every change to the choices
or the values (``aci_year_publish`` calls ``shared_values_publish``), and gone
in the one that makes it private again. Rebuilt, withdrawn and checked with
the other public copies (``tenants.public_copies``, registered in ``apps``).
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from content.models import MissionIndicator
from network.observatory import Audience, IndicatorDefinition, SharedIndicatorValue
from tenants.models import CPTS

from .models import AciIndicatorYear, AciYear


def _shared_rows(aci_years) -> list[AciIndicatorYear]:
    return list(
        AciIndicatorYear.objects.filter(
            aci_year__in=aci_years, indicator__catalogue__isnull=False, value__isnull=False
        )
        .exclude(audience=Audience.PRIVATE)
        .select_related("aci_year", "indicator")
    )


def _copies(cpts: CPTS, rows: list[AciIndicatorYear]) -> list[SharedIndicatorValue]:
    return [
        SharedIndicatorValue(
            cpts=cpts,
            indicator_id=row.indicator.catalogue_id,
            year=row.aci_year.year,
            value=row.value,
            audience=row.audience,
            professionals=row.professionals,
        )
        for row in rows
    ]


def shared_values_publish(*, aci_year: AciYear, cpts: CPTS) -> None:
    """Rewrite the copy of one year (the CPTS's schema active, in the writer's transaction)."""
    SharedIndicatorValue.objects.filter(cpts=cpts, year=aci_year.year).delete()
    SharedIndicatorValue.objects.bulk_create(_copies(cpts, _shared_rows([aci_year])))


def shared_values_rebuild(cpts: CPTS) -> None:
    SharedIndicatorValue.objects.filter(cpts=cpts).delete()
    SharedIndicatorValue.objects.bulk_create(_copies(cpts, _shared_rows(AciYear.objects.all())))


def shared_values_withdraw(cpts: CPTS) -> None:
    SharedIndicatorValue.objects.filter(cpts=cpts).delete()


def _key(code: str, year: int, value: Decimal, audience: str, professionals: int | None) -> tuple:
    return (code, year, value.quantize(Decimal("0.01")), audience, professionals)


def shared_values_drift(cpts: CPTS) -> list[str]:
    live = {
        _key(c.indicator_id, c.year, c.value, c.audience, c.professionals)
        for c in _copies(cpts, _shared_rows(AciYear.objects.all()))
    }
    copied = {
        _key(*row)
        for row in SharedIndicatorValue.objects.filter(cpts=cpts).values_list(
            "indicator_id", "year", "value", "audience", "professionals"
        )
    }
    problems = []
    if missing := sorted(live - copied):
        problems.append(f"{len(missing)} valeur(s) partagée(s) absente(s) de l'observatoire : {missing[:5]}")
    if extra := sorted(copied - live):
        problems.append(
            f"{len(extra)} valeur(s) dans l'observatoire mais plus partagée(s) ainsi : {extra[:5]}"
        )
    return problems


@transaction.atomic
def indicator_sharing_update(
    *,
    cpts: CPTS,
    aci_year: AciYear,
    choices: list[tuple[AciIndicatorYear, IndicatorDefinition | None, str, int | None]],
) -> None:
    """Record, for one year, each indicator's catalogue code, audience and professionals; republish.

    A catalogue code names one indicator of the CPTS at most (the observatory
    compares one value per CPTS). Codes hold for every year, so every year's
    copy is rewritten.
    """
    codes = [definition.code for _row, definition, _audience, _n in choices if definition is not None]
    if twice := sorted({code for code in codes if codes.count(code) > 1}):
        raise ValidationError(
            _("Un indicateur du catalogue ne peut correspondre qu'à un seul de vos indicateurs : %(codes)s.")
            % {"codes": ", ".join(twice)}
        )
    chosen = {row.indicator_id for row, *_rest in choices}
    if taken := list(
        MissionIndicator.objects.exclude(pk__in=chosen)
        .filter(catalogue__code__in=codes)
        .values_list("name", flat=True)
    ):
        raise ValidationError(
            _("Ces indicateurs du catalogue sont déjà associés à : %(names)s.") % {"names": ", ".join(taken)}
        )
    # Free the codes first: the one-to-one holds at every step while codes move between indicators.
    MissionIndicator.objects.filter(pk__in=chosen).update(catalogue=None)
    for row, definition, audience, professionals in choices:
        indicator = row.indicator
        indicator.catalogue = definition
        indicator.full_clean()
        indicator.save(update_fields=["catalogue"])
        row.audience, row.professionals = audience, professionals
        row.full_clean()
        row.save(update_fields=["audience", "professionals"])
    shared_values_rebuild(cpts)
