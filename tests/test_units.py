"""tracker.days.units: millilitres stored, US fluid ounces read and typed, and one water tap."""

from decimal import Decimal

import pytest

from tracker.choices import WaterUnit
from tracker.days import units


@pytest.mark.parametrize(
    ("unit", "amount", "label"),
    [(WaterUnit.MILLILITRES, 250, "+250 ml"), (WaterUnit.US_FLUID_OUNCES, 8, "+8 fl oz")],
)
def test_a_tap_is_a_glass_or_a_cup_in_the_persons_own_unit(unit, amount, label):
    assert units.quick_add_amount(unit) == amount
    assert units.quick_add_label(unit) == label


def test_a_cup_is_stored_as_its_millilitres():
    assert units.quick_add_ml(WaterUnit.US_FLUID_OUNCES) == units.oz_to_ml(Decimal(8)) == 237
    assert units.quick_add_ml(WaterUnit.MILLILITRES) == 250


def test_water_is_written_in_the_persons_unit():
    assert units.format_water(2000, WaterUnit.MILLILITRES) == "2,000 ml"
    assert units.format_water(237, WaterUnit.US_FLUID_OUNCES) == "8 fl oz"
    assert units.format_water(None, WaterUnit.MILLILITRES) == "–"
