"""What a year earns, by the rules of the ACI (art. 8 and 9) and the contract's own parameters."""

from decimal import Decimal as D

from aci.earnings import GridAmounts, IndicatorResult, Level, PaymentRule, indicator_share, year_earnings

# The grid in force since avenant 2 (network/migrations/0004_ship_funding_grids.py), tier 2.
TIER_2 = GridAmounts(
    {
        ("operating", "total"): 60_000,
        ("access_to_care", "fixed"): 70_000,
        ("access_to_care", "variable"): 30_000,
        ("care_pathways", "fixed"): 35_000,
        ("care_pathways", "variable"): 35_000,
        ("prevention", "fixed"): 15_000,
        ("prevention", "variable"): 15_000,
        ("health_crises", "first_year"): 35_000,
        ("health_crises", "following_years"): 17_500,
        ("health_crises", "serious_crisis"): 52_500,
    }
)
CORE = ["access_to_care", "care_pathways", "prevention", "health_crises"]


def test_worked_example_of_the_text_fixed_means_plus_variable_by_achievement():
    """Article 8: each mission's fixed part is due for the means, its variable part by the
    achievement of the contract's indicators, weighted as the contract says. A tier-2 CPTS in
    its third year: access to care reaches one indicator (weight 60 %) fully and the other
    (40 %) halfway from its baseline; pathways reach their only indicator at 80 %; prevention
    has no value yet. Expected, by hand from the grid:

    operating 60,000 + crisis (following years) 17,500
    + access 70,000 + 30,000 × (0.6 × 1 + 0.4 × 0.5) = 70,000 + 24,000
    + pathways 35,000 + 35,000 × 0.8 = 35,000 + 28,000
    + prevention 15,000 + 0 = 249,500 € of a maximum of 277,500 €.
    """
    indicators = [
        IndicatorResult("access_to_care", "patients sans médecin traitant orientés", D(60), D(200), D(200)),
        IndicatorResult(
            "access_to_care", "plages de soins non programmés", D(40), D(30), D(20), baseline=D(10)
        ),
        IndicatorResult("care_pathways", "parcours formalisés", D(100), D(5), D(4)),
        IndicatorResult("prevention", "actions de dépistage", D(100), D(6), None),
    ]
    year = year_earnings(
        grid=TIER_2, missions=CORE, contract_year=3, indicators=indicators, rule=PaymentRule.PROPORTIONAL
    )
    by = {m.mission: m for m in year.missions}
    assert by["access_to_care"].variable == D("24000.00")
    assert by["care_pathways"].variable == D("28000.00")
    assert by["prevention"].variable == D("0.00")
    assert by["health_crises"].earned == D("17500.00")
    assert year.earned == D("249500.00")
    assert year.maximum == D("277500.00")
    # Article 9.1: 75 % of the fixed amounts paid as an advance at the start of the year.
    assert year.advance == D("0.75") * (60_000 + 17_500 + 70_000 + 35_000 + 15_000)


def test_first_partial_year_is_prorated_by_the_contract_s_share_and_crisis_pays_its_first_year():
    year = year_earnings(
        grid=TIER_2,
        missions=CORE,
        contract_year=1,
        indicators=[],
        rule=PaymentRule.PROPORTIONAL,
        proration=D(4) / 12,
    )
    by = {m.mission: m for m in year.missions}
    assert by["health_crises"].earned == D("11666.67")  # 35,000 × 4/12
    assert by["operating"].earned == D("20000.00")
    assert by["access_to_care"].maximum == D("33333.33")  # (70,000 + 30,000) × 4/12


def test_partial_achievement_is_paid_as_the_contract_says():
    halfway = IndicatorResult(
        "prevention", "x", D(100), D(10), D(6), levels=(Level(D(5), D(50)), Level(D(8), D(80)))
    )
    assert indicator_share(halfway, PaymentRule.PROPORTIONAL) == D("0.6")
    assert indicator_share(halfway, PaymentRule.LEVELS) == D("0.5")
    assert indicator_share(halfway, PaymentRule.TARGET_ONLY) == D(0)
    exceeded = IndicatorResult("prevention", "x", D(100), D(10), D(15))
    assert indicator_share(exceeded, PaymentRule.PROPORTIONAL) == D(1)  # capped: never above the maximum


def test_a_delay_to_shorten_is_achieved_by_going_down_to_its_target():
    delay = IndicatorResult("access_to_care", "délai (jours)", D(100), D(5), D(10), baseline=D(20))
    assert indicator_share(delay, PaymentRule.PROPORTIONAL) == D(10) / D(15)
    levels = IndicatorResult(
        "access_to_care",
        "délai",
        D(100),
        D(5),
        D(10),
        baseline=D(20),
        levels=(Level(D(12), D(50)), Level(D(5), D(100))),
    )
    assert indicator_share(levels, PaymentRule.LEVELS) == D("0.5")


def test_serious_crisis_adds_the_grid_s_amount_to_the_crisis_mission():
    year = year_earnings(
        grid=TIER_2,
        missions=CORE,
        contract_year=2,
        indicators=[],
        rule=PaymentRule.PROPORTIONAL,
        serious_crisis=True,
    )
    assert {m.mission: m.earned for m in year.missions}["health_crises"] == D("70000.00")
