"""Rich text that travels between sites: nothing that names a row of one CPTS's schema."""

import re

from network.safe_html import KIT_RICH_TEXT_FEATURES, rich_text_clean

# A reference to a page or document is a row of one CPTS's schema: in a text
# that travels, only the link's words are kept.
INTERNAL_LINK = re.compile(r"<a [^>]*linktype=\"[^\"]*\"[^>]*>(.*?)</a>", re.S)


def travelling_rich_text(html: str) -> str:
    """Rich text any site can hold: the editor's safe subset, external links only."""
    return INTERNAL_LINK.sub(r"\1", rich_text_clean(html, features=KIT_RICH_TEXT_FEATURES))
