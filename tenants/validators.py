"""Rules for the names a CPTS is known by: its short name, schema and hosts.

A short name becomes a host label (``metz.localhost``) and a PostgreSQL schema
(``metz``), so it must be safe as both. Anything else is refused before a
single statement reaches the database.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SHORT_NAME_RE = re.compile(r"^[a-z][a-z0-9-]{1,38}[a-z0-9]$")
HOSTNAME_RE = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)

# Names that would collide with PostgreSQL's own schemas, the template every
# CPTS is cloned from, or hosts the federation keeps for itself.
RESERVED_SHORT_NAMES = frozenset(
    {
        "public",
        "cpts-template",
        "template",
        "information-schema",
        "admin",
        "api",
        "www",
        "static",
        "media",
        "localhost",
        "federation",
        "reseau",
    }
)
TEMPLATE_SCHEMA_NAME = "cpts_template"


def schema_name_for(short_name: str) -> str:
    return short_name.replace("-", "_")


def validate_short_name(value: str) -> None:
    if not SHORT_NAME_RE.match(value or ""):
        raise ValidationError(
            _(
                "Le nom court « %(value)s » est invalide : 3 à 40 caractères, lettres "
                "minuscules sans accent, chiffres et tirets, commençant par une lettre."
            ),
            code="invalid",
            params={"value": value},
        )
    if (
        value in RESERVED_SHORT_NAMES
        or value.startswith("pg-")
        or schema_name_for(value) == TEMPLATE_SCHEMA_NAME
    ):
        raise ValidationError(
            _("Le nom court « %(value)s » est réservé."), code="reserved", params={"value": value}
        )


def validate_hostname(value: str) -> None:
    if not HOSTNAME_RE.match(value or ""):
        raise ValidationError(
            _("« %(value)s » n'est pas un nom d'hôte valide."),
            code="invalid_host",
            params={"value": value},
        )
