"""How commune names are compared: the way CPTS documents actually write them.

``normalize_name("St-Julien-Lès-Metz") == normalize_name("Saint-Julien-lès-Metz")``
and ``normalize_name("Ancy/Moselle") == normalize_name("Ancy-sur-Moselle")``.
"""

import re
import unicodedata

_ABBREVIATIONS = {
    "st": "saint",
    "ste": "sainte",
    "sts": "saints",
    "stes": "saintes",
    "mt": "mont",
    # lès, lez and les all mean "near" in place names and are written any way.
    "lez": "les",
}
_SEPARATORS = re.compile(r"[\s\-'’‘`´.,;:()_\"]+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize_name(name: str) -> str:
    text = strip_accents(name or "").lower().replace("œ", "oe").replace("æ", "ae")
    # "Ancy s/ Moselle", "Ancy/Moselle": a slash stands for "sur".
    text = re.sub(r"\bs\s*/\s*", " sur ", text)
    text = text.replace("/", " sur ")
    tokens = [_ABBREVIATIONS.get(token, token) for token in _SEPARATORS.split(text) if token]
    return " ".join(tokens)
