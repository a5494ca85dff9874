"""The words of every indexed offer, to forgive a student's typos before any engine runs.

PostgreSQL's ``pg_trgm`` is missing from the embedded server and Elasticsearch's
fuzziness scores differently, so correction happens once, here, and both
backends receive the same corrected words. The lexicon only grows (a stale word
costs nothing: it finds no offer); ``reindex_network`` rebuilds it.
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .models import LexiconWord
from .text import index_words


def max_edits(word: str) -> int:
    """Edits forgiven: none under 5 letters ("lyon" is not "lion"), one up to 7, then two."""
    if len(word) < 5 or word.isdigit():
        return 0
    return 1 if len(word) <= 7 else 2


class Lexicon:
    """A process-wide, sorted copy of the lexicon table, refreshed by what was added since."""

    def __init__(self) -> None:
        self._words: list[str] = []
        self._known: set[str] = set()
        self._last_id = 0
        self._lock = threading.Lock()
        # Word length -> (choices, choice -> whole word): built once per length until the lexicon grows.
        self._candidates: dict[int, tuple[list[str], dict[str, str]]] = {}

    def refresh(self) -> None:
        added = list(
            LexiconWord.objects.filter(id__gt=self._last_id).order_by("id").values_list("id", "word")
        )
        if not added:
            return
        with self._lock:
            for _, word in added:
                if word not in self._known:
                    self._known.add(word)
                    bisect.insort(self._words, word)
            self._last_id = max(self._last_id, added[-1][0])
            self._candidates = {}

    def forget(self) -> None:
        with self._lock:
            self._words, self._known, self._last_id = [], set(), 0
            self._candidates = {}

    def is_prefix(self, word: str) -> bool:
        i = bisect.bisect_left(self._words, word)
        return i < len(self._words) and self._words[i].startswith(word)

    def _candidates_for(self, length: int, edits: int) -> tuple[list[str], dict[str, str]]:
        """Word starts of ``length`` letters, and whole words of about that length.

        Starts: "kinesiterap" is a typo of the start of "kinesitherapie". Whole words:
        "medcine" (a letter left out) is one edit from "medecine" but two from its start
        "medecin". A whole word wins over a start it equals.
        """
        cached = self._candidates.get(length)
        if cached is None:
            words = self._words
            whole = {candidate[:length]: candidate for candidate in reversed(words)}
            for candidate in words:
                if abs(len(candidate) - length) <= edits:
                    whole[candidate] = candidate
            cached = self._candidates[length] = (list(whole), whole)
        return cached

    def closest(self, word: str) -> str | None:
        """The lexicon word (or word start) nearest to ``word`` within its allowed edits."""
        edits = max_edits(word)
        if not edits:
            return None
        choices, whole = self._candidates_for(len(word), edits)
        match = process.extractOne(word, choices, scorer=Levenshtein.distance, score_cutoff=edits)
        # The whole word, not its start: each engine's stemmer knows whole words.
        return whole[match[0]] if match else None


_lexicon = Lexicon()


@dataclass
class Interpretation:
    """What a query was understood as: the words sent to the engine and the typos fixed."""

    words: list[str]
    corrections: dict[str, str] = field(default_factory=dict)


def interpret(words: list[str]) -> Interpretation:
    _lexicon.refresh()
    result = Interpretation(words=[])
    for word in words:
        if _lexicon.is_prefix(word):
            result.words.append(word)
            continue
        fixed = _lexicon.closest(word)
        if fixed:
            result.corrections[word] = fixed
        result.words.append(fixed or word)
    return result


def lexicon_add(texts: list[str]) -> None:
    words = set().union(*(index_words(text) for text in texts)) if texts else set()
    if words:
        LexiconWord.objects.bulk_create(
            [LexiconWord(word=w[:64]) for w in sorted(words)], ignore_conflicts=True
        )


def lexicon_reset() -> None:
    LexiconWord.objects.all().delete()
    _lexicon.forget()
