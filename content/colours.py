"""A CPTS's primary colour, checked against WCAG 2.1 AA where the theme uses it.

The theme (``cpts_network/static/cpts_network/site.css``) draws the colour as
link and figure text on white and on its light grey (``--muted``), and as the
background of buttons and the header's band under white text. Each of these
pairs must reach 4.5:1 (WCAG 2.1, success criterion 1.4.3, normal text), so a
colour is refused unless it passes against the lightest of them, with the
measured ratio in the message.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
AA_NORMAL_TEXT = 4.5
WHITE = "#ffffff"
MUTED = "#f6f6f6"  # --muted in site.css: the figures' and the footer's background
# Where the theme puts the colour: (the other colour, where, in French).
THEME_PAIRS = (
    (WHITE, "le texte blanc des boutons et le texte des liens sur fond blanc"),
    (MUTED, "les chiffres et les liens du pied de page sur fond gris clair (#f6f6f6)"),
)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of ``#rrggbb``."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_primary_colour(value: str) -> None:
    """Refuse a colour the theme could not use with readable text (French message, measured ratio)."""
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Une couleur s'écrit # suivi de 6 chiffres hexadécimaux, par exemple #1d4f91."), code="format"
        )
    for other, where in THEME_PAIRS:
        ratio = contrast_ratio(value, other)
        if ratio < AA_NORMAL_TEXT:
            raise ValidationError(
                _(
                    "Couleur refusée : contraste de %(ratio)s:1 pour %(where)s ; il faut au moins "
                    "4,5:1 (WCAG AA, RGAA critère 3.2). Choisissez une teinte plus foncée."
                )
                % {"ratio": f"{ratio:.2f}".replace(".", ","), "where": where},
                code="contrast",
            )
