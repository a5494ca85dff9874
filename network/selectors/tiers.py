"""ACI sizes: a territory's population read against the ACI's table of funding."""

from __future__ import annotations

# The ACI's table of funding by community size (accord conventionnel
# interprofessionnel of 20 June 2019, approved by the arrêté of 21 August 2019):
# size 1 "< 40 000 habitants", size 2 "entre 40 000 et 80 000", size 3 "entre
# 80 000 et 175 000", size 4 "> 175 000". Read as the text reads: 40,000 is not
# "< 40 000", so size 2; 80,000 is the end of "entre 40 000 et 80 000", so size 2;
# 175,000 is not "> 175 000", so size 3. Each bound is the largest population of its size.
TIER_UPPER_BOUNDS = ((39_999, 1), (80_000, 2), (175_000, 3))


def aci_tier(population: int) -> int:
    """ACI size: 1 under 40,000 inhabitants, 2 from 40,000 to 80,000, 3 to 175,000, 4 above 175,000."""
    for upper, tier in TIER_UPPER_BOUNDS:
        if population <= upper:
            return tier
    return 4
