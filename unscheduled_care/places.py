"""A place of care as the page, its schema.org markup and the API all say it, from one block value.

The block (``unscheduled_care.blocks``) keeps what the editor chose: codes
(kind, days, ways in) and the commune's INSEE code. ``place_facts`` turns
them into words and into schema.org's terms once, so that the theme, the
microdata and ``/api/v2/unscheduled-care/`` cannot say different things.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.utils.translation import gettext_lazy as _

from network.models import Commune

from .hours import SCHEMA_DAYS, range_in_words, schema_time

KIND_CHOICES = [
    ("mmg", _("maison médicale de garde")),
    ("centre", _("centre de soins non programmés")),
    ("sas_practice", _("cabinet participant au service d'accès aux soins (SAS)")),
    ("other", _("autre lieu de soins non programmés")),
]
# schema.org types: each is a LocalBusiness, the class openingHoursSpecification belongs to
# (MedicalOrganization alone is not: a test checks every property against the vocabulary).
SCHEMA_TYPES = {"mmg": "MedicalClinic", "centre": "MedicalClinic", "sas_practice": "Physician"}
ACCESS_CHOICES = [
    ("call_15", _("sur appel du 15")),
    ("call_116117", _("sur appel du 116 117")),
    ("walk_in", _("sans rendez-vous")),
    ("appointment", _("sur rendez-vous")),
]
PHONE_PATTERN = r"^(?:\+33 ?|0)[1-9](?:[ .]?\d{2}){4}$"


def phone_link(phone: str) -> str:
    """``tel:`` form of a French number: « 03 87 00 00 00 » → « +33387000000 »."""
    digits = "".join(c for c in phone if c.isdigit())
    if phone.startswith("+33"):
        return "+" + digits
    return "+33" + digits[1:]


def communes_of(values: Iterable[Mapping]) -> dict[str, dict]:
    """The communes the places name, read in one query: code → name, postal codes, department."""
    codes = {value["commune"] for value in values if value.get("commune")}
    return {
        row["code"]: row
        for row in Commune.objects.filter(code__in=codes).values(
            "code", "name", "postal_codes", "department_id"
        )
    }


def place_facts(value: Mapping, *, communes: Mapping[str, dict] | None = None) -> dict:
    """Everything said about one place, in words and in schema.org's terms."""
    if communes is None:
        communes = communes_of([value])
    commune = communes.get(value["commune"], {})
    kinds, ways = dict(KIND_CHOICES), dict(ACCESS_CHOICES)
    hours = []
    for item in value["hours"]:
        days = [day for day in SCHEMA_DAYS if day in item["days"]]  # the week's order, whatever was ticked
        hours.append(
            {
                "days": days,
                "opens": item["opens"].strftime("%H:%M"),
                "closes": item["closes"].strftime("%H:%M"),
                "words": range_in_words(days, item["opens"], item["closes"]),
                "schema_days": [SCHEMA_DAYS[day] for day in days],
                "schema_opens": schema_time(item["opens"]),
                "schema_closes": schema_time(item["closes"], closing=True),
            }
        )
    department = commune.get("department_id", "")
    return {
        "name": value["name"],
        "kind": value["kind"],
        "kind_label": str(kinds.get(value["kind"], "")),
        "schema_type": SCHEMA_TYPES.get(value["kind"], "MedicalClinic"),
        "street_address": value["street_address"],
        "postal_code": value["postal_code"],
        "commune_code": value["commune"],
        "commune_name": commune.get("name", ""),
        "latitude": value["latitude"],
        "longitude": value["longitude"],
        "overseas": department.startswith("97"),
        "hours": hours,
        "hours_exceptions": value.get("hours_exceptions") or "",
        "phone": value.get("phone") or "",
        "phone_link": phone_link(value["phone"]) if value.get("phone") else "",
        "access": [
            {"code": code, "label": str(ways[code])}
            for code, _label in ACCESS_CHOICES
            if code in (value.get("access") or [])
        ],
        "step_free": bool(value.get("step_free")),
    }
