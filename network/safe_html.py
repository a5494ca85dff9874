"""Text that reaches a CPTS's pages from elsewhere is cleaned like its own editor's.

A federation kit is written in a plain admin form, not in Wagtail's rich-text
editor, and a CPTS adopts it into its pages: without cleaning, a kit carrying
``<img onerror=…>`` or a ``javascript:`` link would run in every coordinator's
preview and then on the public site. These helpers apply the rules of
Wagtail's own editor (its whitelister: the elements and attributes of the
features allowed, links limited to safe schemes) and refuse links other than
http(s) and mailto.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# What a kit may carry: the editor features of a campaign's text, minus
# document links (a kit lives outside every CPTS's documents).
KIT_RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]
LINK_SCHEMES = ("http://", "https://", "mailto:")


def rich_text_clean(html: str, *, features: list[str]) -> str:
    """``html`` reduced to what Wagtail's editor accepts with ``features``."""
    from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

    if not html:
        return ""
    return EditorHTMLConverter(features=features).to_database_format(html)


def is_link_allowed(url: str) -> bool:
    return url.strip().lower().startswith(LINK_SCHEMES)


def validate_link_url(url: str) -> None:
    if url and not is_link_allowed(url):
        raise ValidationError(
            _("Lien refusé : seuls les liens http://, https:// et mailto: sont acceptés."), code="scheme"
        )
