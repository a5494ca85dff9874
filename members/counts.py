"""The public copy of a CPTS's member counts (``network.MemberCount``): counts, never members.

Rewritten in the transaction that changes who is a member (a decision, an
erasure); rebuilt, withdrawn and checked with the other public copies.
"""

from __future__ import annotations

from network.models import MemberCount
from tenants.models import CPTS
from tenants.selectors import current_cpts

from .selectors import member_counts_by_profession


def member_counts_publish(cpts: CPTS | None = None) -> None:
    """Rewrite the copy of ``cpts`` (the current CPTS by default) from its member records."""
    cpts = cpts or current_cpts()
    if cpts is None:  # the template schema, or a site without a CPTS row: nothing to publish
        return
    counts = member_counts_by_profession()
    MemberCount.objects.filter(cpts=cpts).delete()
    MemberCount.objects.bulk_create(
        MemberCount(cpts=cpts, profession=profession, count=n) for profession, n in sorted(counts.items())
    )


def member_counts_withdraw(cpts: CPTS) -> None:
    MemberCount.objects.filter(cpts=cpts).delete()


def member_counts_drift(cpts: CPTS) -> list[str]:
    live = member_counts_by_profession()
    copied = dict(MemberCount.objects.filter(cpts=cpts).values_list("profession", "count"))
    if live == copied:
        return []
    return [f"effectifs d'adhérents : {live} ici, {copied} dans la copie du réseau"]
