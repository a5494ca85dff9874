"""How text becomes searchable, shared by every backend so they give the same answers.

Accents are folded here, in Python, rather than by PostgreSQL's ``unaccent``:
the embedded PostgreSQL that ``make demo`` starts ships without contrib
extensions, and Elasticsearch must see the very same words. Stemming stays with
each engine's French analyser.

A query is reduced to plain words ``[a-z0-9]+``: quotes, operators, SQL or
Lucene syntax and emoji never reach an engine, they are not words.
"""

from __future__ import annotations

import re

from network.names import strip_accents

# Longer input is cut, not refused: a student pasting a whole message still gets an answer.
MAX_QUERY_CHARS = 300
MAX_QUERY_WORDS = 8

_WORD = re.compile(r"[a-z0-9]+")

# Words that say nothing about an offer ("stage de kiné à Metz").
_ARTICLES = "a au aux avec ce ces d dans de des du en et l la le les leur ou par pour sur un une"
_SEARCH_NOISE = "stage stages stagiaire stagiaires offre offres cherche recherche"
STOP_WORDS = frozenset(f"{_ARTICLES} {_SEARCH_NOISE}".split())

# Abbreviations students type, replaced by the words the offers use.
ABBREVIATIONS = {
    "kine": ("kinesitherapie",),
    "mk": ("kinesitherapie",),
    "ide": ("infirmier",),
    "ifsi": ("infirmier",),
    "mg": ("medecine", "generale"),
    "sf": ("sage", "femme"),
    "dj": ("docteur", "junior"),
    "msp": ("maison", "sante"),
    "ortho": ("orthophonie",),
}

# Words a student uses for a discipline or a level that its label lacks ("kinésithérapeute"
# for "Masso-kinésithérapie"): indexed with every offer of that discipline or level.
DISCIPLINE_TERMS = {
    "general_medicine": "médecin généraliste",
    "medical_specialty": "médecin spécialiste",
    "nursing": "infirmier infirmière",
    "physiotherapy": "kinésithérapeute masseur",
    "pharmacy": "pharmacien officine",
    "midwifery": "sage-femme maïeuticien",
    "speech_therapy": "orthophoniste",
    "dentistry": "dentiste",
    "podiatry": "podologue",
    "occupational_therapy": "ergothérapeute",
}
LEVEL_TERMS = {
    "extern": "externat",
    "intern": "internat",
    "docteur_junior": "interne DJMG",
    "year_1": "étudiant",
    "year_2": "étudiant",
    "year_3": "étudiant",
    "year_4_plus": "étudiant",
}


def fold(text: str) -> str:
    """Lower case, no accents, ligatures spelt out: what both engines index."""
    return strip_accents((text or "").replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae")).lower()


def query_words(query: str) -> list[str]:
    """The meaningful words of what a student typed, abbreviations expanded."""
    words: list[str] = []
    for word in _WORD.findall(fold(query[:MAX_QUERY_CHARS])):
        if word in STOP_WORDS or (len(word) < 2 and not word.isdigit()):
            continue
        for expanded in ABBREVIATIONS.get(word, (word,)):
            if expanded not in words:
                words.append(expanded)
    return words[:MAX_QUERY_WORDS]


def index_words(text: str) -> set[str]:
    """The words of an indexed text, for the lexicon that typo correction uses."""
    return {word for word in _WORD.findall(fold(text)) if len(word) >= 3 and word not in STOP_WORDS}
