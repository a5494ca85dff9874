"""The numbers that identify a professional (RPPS) or a structure (FINESS): format and check key.

Both end with a Luhn check digit, so a mistyped digit is caught before the
board reads the application. No directory is queried: the product stores
what the applicant typed, checked, and nothing else.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

RPPS = re.compile(r"^\d{11}$")
# Corsica's FINESS numbers start with 2A or 2B: their key is computed on 20.
FINESS = re.compile(r"^(\d{2}|2[AB])\d{7}$")


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _compact(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value).upper()


def rpps_clean(value: str) -> str:
    """An RPPS number, spaces removed; a wrong length or key is refused in French."""
    number = _compact(value)
    if not RPPS.match(number):
        raise ValidationError(_("Un numéro RPPS a 11 chiffres."), code="rpps_format")
    if not luhn_valid(number):
        raise ValidationError(_("Ce numéro RPPS n'est pas valide : vérifiez ses chiffres."), code="rpps_key")
    return number


def finess_clean(value: str) -> str:
    """A FINESS number, spaces removed; a wrong length or key is refused in French."""
    number = _compact(value)
    if not FINESS.match(number):
        raise ValidationError(
            _("Un numéro FINESS a 9 caractères (chiffres, 2A ou 2B en Corse)."), code="finess_format"
        )
    if not luhn_valid("20" + number[2:] if number[:2] in ("2A", "2B") else number):
        raise ValidationError(
            _("Ce numéro FINESS n'est pas valide : vérifiez ses chiffres."), code="finess_key"
        )
    return number
