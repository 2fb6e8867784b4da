"""Water is stored in millilitres; people may read and type it in US fluid ounces."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats

from tracker.choices import WaterUnit
from tracker.limits import ML_PER_US_FL_OZ

QUICK_ADD_ML = 250
QUICK_ADD_OZ = 8  # a US cup, the customary quick measure where ounces are used


def ml_to_oz(water_ml: int) -> Decimal:
    return (Decimal(water_ml) / Decimal(str(ML_PER_US_FL_OZ))).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )


def oz_to_ml(water_oz: Decimal) -> int:
    return int((Decimal(water_oz) * Decimal(str(ML_PER_US_FL_OZ))).quantize(Decimal("1")))


def quick_add_ml(unit: str) -> int:
    if unit == WaterUnit.US_FLUID_OUNCES:
        return oz_to_ml(Decimal(QUICK_ADD_OZ))
    return QUICK_ADD_ML


def quick_add_amount(unit: str) -> int:
    """One tap's water in the person's own unit: what the page adds while offline."""
    return QUICK_ADD_OZ if unit == WaterUnit.US_FLUID_OUNCES else QUICK_ADD_ML


def quick_add_label(unit: str) -> str:
    if unit == WaterUnit.US_FLUID_OUNCES:
        return f"+{quick_add_amount(unit)} fl oz"
    return f"+{quick_add_amount(unit)} ml"


def format_water(water_ml: int | None, unit: str) -> str:
    """ "1,500 ml", "12.5 fl oz": the number written as the page's language writes numbers
    ("1500 ml", "12,5 fl oz" in Spanish); the units stay as they are."""
    if water_ml is None:
        return "–"
    if unit == WaterUnit.US_FLUID_OUNCES:
        ounces = ml_to_oz(water_ml)
        if ounces == ounces.to_integral():
            ounces = ounces.quantize(Decimal("1"))
        return f"{formats.number_format(ounces, force_grouping=True)} fl oz"
    return f"{formats.number_format(water_ml, force_grouping=True)} ml"
