"""How a member's e-mail address is compared: one normal form, exact equality, look-alikes flagged.

An applicant is anonymous, and accepting them gives them an account. So an
address is never matched *fuzzily* to an existing account: PostgreSQL's
``iexact``/``UPPER`` fold Unicode look-alikes (a dotless ``ı`` upper-cases to
``I``, the Kelvin sign lower-cases to ``k``), and Django's ``EmailField``
accepts them. The rule:

1. **NFKC** first: full-width and compatibility characters become their
   plain form (``ｍａｉｌ`` → ``mail``).
2. The **local part** (before the last ``@``) must then be ASCII, and is
   lower-cased. ASCII lower-casing has no Unicode surprises; the mail servers
   of the profession treat the local part case-insensitively.
3. The **domain** becomes its IDNA A-label under UTS #46 mapping (``idna``
   package): ``maıl-cpts.fr`` is ``xn--mal-cpts-…``, another domain, which its
   owner registered.
4. Two addresses are **the same** only when these normal forms are equal,
   compared in Python, never by the database's case folding.
5. Two addresses are **look-alikes** when their skeletons (the NFKC form
   transliterated to ASCII by ``anyascii``, lower-cased) are equal while their
   normal forms differ: ``maıl``, ``mаil`` (Cyrillic ``а``) and ``mail`` share
   one. A look-alike is never an error by itself (no account exists is no
   secret to keep from the board), only a reason to create no account.

Needs: ``idna`` and ``anyascii`` (both already required by Django's and
Wagtail's stacks). Offers: ``email_normalize``, ``email_skeleton``.
"""

from __future__ import annotations

import contextlib
import unicodedata

import idna
from anyascii import anyascii


class EmailFormError(ValueError):
    """The address cannot be put in normal form; the message is French, for the form."""


def email_normalize(address: str) -> str:
    """The normal form above, or :class:`EmailFormError`."""
    address = unicodedata.normalize("NFKC", address.strip())
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        raise EmailFormError("Saisissez une adresse e-mail complète (nom@domaine).")
    if local.startswith('"') or '"' in local:
        # A quoted local part (« "coord"@… ») is another spelling of a mailbox: refused, not guessed.
        raise EmailFormError("Écrivez l'adresse sans guillemets.")
    if not local.isascii():
        raise EmailFormError("La partie avant « @ » doit s'écrire en caractères latins sans accent.")
    try:
        ascii_domain = idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError as error:
        raise EmailFormError("Le domaine de cette adresse e-mail n'est pas valide.") from error
    return f"{local.lower()}@{ascii_domain.lower()}"


def email_skeleton(address: str) -> str:
    """What an address looks like to a reader: equal skeletons are look-alikes."""
    text = unicodedata.normalize("NFKC", address.strip())
    local, _, domain = text.rpartition("@")
    if domain.startswith("xn--") or ".xn--" in domain:
        # An A-label that does not decode looks like its ASCII.
        with contextlib.suppress(idna.IDNAError):
            domain = idna.decode(domain)
    return anyascii(f"{local}@{domain}").lower()
