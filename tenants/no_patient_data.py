"""No patient-identifying data: free text that looks like a social security number is refused."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A NIR: sex (1-4, 7, 8), year, month (01-12, 20-99 for special cases), department
# (2 digits, 2A/2B, or 3 digits overseas), commune, order number, optional key;
# written with or without spaces, dots or dashes.
NIR_RE = re.compile(
    r"(?<!\d)[1-478][\s.-]?\d{2}[\s.-]?(0[1-9]|1[0-2]|[2-9]\d)[\s.-]?(\d{2}|2[AB])[\s.-]?\d{3}[\s.-]?\d{3}"
    r"([\s.-]?\d{2})?(?!\d)",
    re.IGNORECASE,
)


def validate_no_nir(value: str) -> None:
    if value and NIR_RE.search(str(value)):
        raise ValidationError(
            _(
                "Ce texte contient ce qui ressemble à un numéro de sécurité sociale (NIR). "
                "Aucune donnée identifiant un patient ne doit être saisie ici."
            ),
            code="nir",
        )
