"""What an ACI year earns: a pure function of the national grid and the contract's achievement.

The texts followed (see ``docs/guides/aci-year.md``):

- ACI of 20 June 2019 « en faveur du développement de l'exercice coordonné et du
  déploiement des CPTS », approved by the arrêté of 21 August 2019 (JORF n° 0196 of
  24 August 2019). Its article 8 funds each mission in two parts: a **volet fixe**
  (the means the community puts in) and a **volet variable** (results), the latter
  « calculé en fonction de l'atteinte des objectifs » that the contract sets for the
  mission's indicators; the operating costs (« fonctionnement ») are one amount.
  Article 9 pays each contract year an advance of 75 % at its start, the balance
  after the annual review (*dialogue de gestion*).
- Avenant 2 of 20 July 2022 (the grid shipped as « en vigueur » in
  ``network.funding``): the crisis mission (« réponse aux crises sanitaires
  graves ») becomes a core mission, funded by one amount a year (more in the first
  year, for writing the plan) plus an amount in a serious crisis, with no variable part.

What the national text leaves to each contract is a parameter here, never a
constant: the weight of each indicator within its mission's variable part, its
baseline, target and levels, how partial achievement is paid (``PaymentRule``),
and the share of a first partial year (``proration``).

No database, no Django model: the report's numbers and the federation's copy come
from here, and a test recomputes them by hand from the grid and the values.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

ONE = Decimal(1)
ZERO = Decimal(0)
CENT = Decimal("0.01")


class PaymentRule(enum.StrEnum):
    """How the contract pays an indicator that is partly achieved."""

    # In proportion to the way from baseline to target, capped at 100 %.
    PROPORTIONAL = "proportional"
    # The share of the highest level reached (levels: [(value, share %), …]).
    LEVELS = "levels"
    # All at the target, nothing below.
    TARGET_ONLY = "target_only"


@dataclass(frozen=True)
class Level:
    value: Decimal
    share: Decimal  # percent of the indicator's weight paid once ``value`` is reached


@dataclass(frozen=True)
class IndicatorResult:
    mission: str
    name: str
    weight: Decimal  # percent of the mission's variable part
    target: Decimal | None
    value: Decimal | None
    baseline: Decimal = ZERO
    levels: tuple[Level, ...] = ()


@dataclass(frozen=True)
class GridAmounts:
    """The grid's amounts for one tier: (item, part) → euros (``network.funding`` vocabulary)."""

    amounts: dict[tuple[str, str], int]

    def get(self, item: str, part: str) -> int | None:
        return self.amounts.get((item, part))


@dataclass
class MissionEarnings:
    mission: str
    fixed_max: Decimal
    variable_max: Decimal
    fixed: Decimal
    variable: Decimal
    achievement: Decimal | None  # weighted share of the variable part earned, 0–1
    indicators: list[tuple[IndicatorResult, Decimal | None]] = field(default_factory=list)

    @property
    def maximum(self) -> Decimal:
        return self.fixed_max + self.variable_max

    @property
    def earned(self) -> Decimal:
        return self.fixed + self.variable


@dataclass
class YearEarnings:
    proration: Decimal
    missions: list[MissionEarnings]

    @property
    def maximum(self) -> Decimal:
        return sum((m.maximum for m in self.missions), ZERO)

    @property
    def earned(self) -> Decimal:
        return sum((m.earned for m in self.missions), ZERO)

    @property
    def fixed(self) -> Decimal:
        return sum((m.fixed for m in self.missions), ZERO)

    @property
    def variable(self) -> Decimal:
        return sum((m.variable for m in self.missions), ZERO)

    @property
    def variable_max(self) -> Decimal:
        return sum((m.variable_max for m in self.missions), ZERO)

    @property
    def advance(self) -> Decimal:
        """What article 9 pays at the start of the year: 75 % of the fixed amounts."""
        return _euros(sum((m.fixed_max for m in self.missions), ZERO) * ADVANCE_SHARE)


# ACI of 20 June 2019, article 9.1: « une avance d'un montant de 75 % de la somme totale due est
# versée au début de chaque année ». National, so a constant (not a contract field).
ADVANCE_SHARE = Decimal("0.75")


def indicator_share(result: IndicatorResult, rule: PaymentRule) -> Decimal | None:
    """The part (0–1) of an indicator's weight its value earns; None while it has no value or target."""
    if result.value is None or result.target is None:
        return None
    span = result.target - result.baseline
    if span == 0:
        reached = ONE if _at_least(result.value, result.target, rising=True) else ZERO
    else:
        # Works both ways: a target below the baseline (a delay to shorten) gives a negative span.
        reached = (result.value - result.baseline) / span
    reached = min(max(reached, ZERO), ONE)
    if rule == PaymentRule.PROPORTIONAL:
        return reached
    if rule == PaymentRule.TARGET_ONLY:
        return ONE if reached >= ONE else ZERO
    rising = result.target >= result.baseline
    paid = ZERO
    for level in result.levels:
        if _at_least(result.value, level.value, rising=rising):
            paid = max(paid, level.share / 100)
    return min(paid, ONE)


def _at_least(value: Decimal, threshold: Decimal, *, rising: bool) -> bool:
    return value >= threshold if rising else value <= threshold


def year_earnings(
    *,
    grid: GridAmounts,
    missions: list[str],
    contract_year: int,
    indicators: list[IndicatorResult],
    rule: PaymentRule,
    proration: Decimal = ONE,
    serious_crisis: bool = False,
) -> YearEarnings:
    """Fixed and variable parts per engaged mission (and operating costs) for one year.

    ``missions``: every engaged mission, core ones included, in display order.
    ``proration``: the share of the year the contract pays (a first partial year), 0–1;
    it scales every amount, the maxima too (what could be earned this year).
    Fixed parts are due in full once the mission runs (article 8: means); the variable
    part is ``maximum × Σ weight × share`` over the mission's indicators, capped at its
    maximum. An indicator without a value earns nothing: nothing is assumed.
    """
    years: list[MissionEarnings] = []
    operating = _amount(grid.get("operating", "total"))
    years.append(MissionEarnings("operating", operating * proration, ZERO, operating * proration, ZERO, None))
    for mission in missions:
        if mission == "health_crises":
            part = "first_year" if contract_year <= 1 else "following_years"
            amount = _amount(grid.get(mission, part))
            if serious_crisis:
                amount += _amount(grid.get(mission, "serious_crisis"))
            years.append(MissionEarnings(mission, amount * proration, ZERO, amount * proration, ZERO, None))
            continue
        fixed_max = _amount(grid.get(mission, "fixed")) * proration
        variable_max = _amount(grid.get(mission, "variable")) * proration
        own = [i for i in indicators if i.mission == mission]
        shares = [(i, indicator_share(i, rule)) for i in own]
        achievement = min(sum((i.weight / 100 * (s or ZERO) for i, s in shares), ZERO), ONE) if own else None
        variable = variable_max * (achievement or ZERO)
        years.append(
            MissionEarnings(mission, fixed_max, variable_max, fixed_max, variable, achievement, shares)
        )
    for earnings in years:
        for name in ("fixed_max", "variable_max", "fixed", "variable"):
            setattr(earnings, name, _euros(getattr(earnings, name)))
    return YearEarnings(proration=proration, missions=years)


def _amount(value: int | None) -> Decimal:
    return Decimal(value or 0)


def _euros(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)
