"""Progress charts for indicators, drawn as SVG on the server: no script, no chart service.

``IndicatorChart`` holds the numbers and the geometry; the template only places them. The same
numbers are shown as text next to the chart, so nothing depends on seeing it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.formats import number_format

from .models import Indicator

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 28, 44  # room for the axes' labels

DANISH_MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]


def format_value(value: Decimal, unit: str) -> str:
    """``62,5 %``, ``1.200 boliger``: Danish decimals, no trailing zeros."""
    value = value.normalize()
    places = max(0, -value.as_tuple().exponent)
    text = number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
    return f"{text} {unit}".strip()


def danish_month(day: date) -> str:
    return f"{DANISH_MONTHS[day.month - 1]} {day.year}"


def nice_step(span: float, ticks: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about ``ticks`` steps."""
    raw = span / ticks if span else 1
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


@dataclass
class ChartPoint:
    x: float
    y: float
    kind: str  # "baseline", "measurement" or "target"
    when: str
    value: str  # with the unit, for text
    label: str  # the number alone, for the chart (the unit stands by the axis)


@dataclass
class IndicatorChart:
    indicator: Indicator
    points: list[ChartPoint]
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # (when, value, source)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    bottom_edge: int = HEIGHT - BOTTOM

    @property
    def actual_line(self) -> str:
        """The polyline through the baseline and the measurements."""
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points if p.kind != "target")

    @property
    def target_line(self) -> str:
        """The dashed line from where things stand to the target."""
        actual = [p for p in self.points if p.kind != "target"]
        target = self.points[-1]
        return f"{actual[-1].x:.1f},{actual[-1].y:.1f} {target.x:.1f},{target.y:.1f}"

    @property
    def summary(self) -> str:
        """One sentence saying what the chart shows, for its text alternative."""
        indicator = self.indicator
        unit = indicator.unit
        text = (
            f"Udgangspunktet var {format_value(indicator.baseline_value, unit)} i "
            f"{indicator.baseline_year}."
        )
        latest = indicator.latest_measurement
        if latest is not None:
            text += (
                f" Seneste måling, {danish_month(latest.measured_on)}: "
                f"{format_value(latest.value, unit)}."
            )
        text += f" Målet er {format_value(indicator.target_value, unit)} i {indicator.target_year}."
        if indicator.progress is not None:
            text += f" Det er {indicator.progress} % af vejen."
        return text


def year_fraction(day: date) -> float:
    start = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def chart_for(indicator: Indicator) -> IndicatorChart:
    """Needs ``indicator.measurements`` (prefetched, in date order)."""
    measurements = list(indicator.measurements.all())
    unit = indicator.unit
    # Time runs from the start of the baseline year to the end of the target year; the
    # baseline stands mid-year, the target at the year's end ("by 2026").
    first = indicator.baseline_year
    last = max([indicator.target_year] + [m.measured_on.year for m in measurements])
    x_min, x_max = float(first), float(last + 1)

    values = [indicator.baseline_value, indicator.target_value, *(m.value for m in measurements)]
    low, high = float(min(values)), float(max(values))
    low = min(low, 0.0)
    step = nice_step(high - low)
    y_min = math.floor(low / step) * step
    y_max = math.ceil(high / step) * step
    if y_max == y_min:
        y_max = y_min + step

    def x_of(year: float) -> float:
        return LEFT + (year - x_min) / (x_max - x_min) * (WIDTH - LEFT - RIGHT)

    def y_of(value: Decimal) -> float:
        return HEIGHT - BOTTOM - (float(value) - y_min) / (y_max - y_min) * (HEIGHT - TOP - BOTTOM)

    points = [
        ChartPoint(
            x_of(first + 0.5),
            y_of(indicator.baseline_value),
            "baseline",
            f"Udgangspunkt {first}",
            format_value(indicator.baseline_value, unit),
            format_value(indicator.baseline_value, ""),
        )
    ]
    rows = [(f"Udgangspunkt {first}", points[0].value, "")]
    for measurement in measurements:
        point = ChartPoint(
            x_of(year_fraction(measurement.measured_on)),
            y_of(measurement.value),
            "measurement",
            danish_month(measurement.measured_on),
            format_value(measurement.value, unit),
            format_value(measurement.value, ""),
        )
        points.append(point)
        rows.append((point.when, point.value, measurement.source))
    target = ChartPoint(
        x_of(indicator.target_year + 1),
        y_of(indicator.target_value),
        "target",
        f"Mål {indicator.target_year}",
        format_value(indicator.target_value, unit),
        format_value(indicator.target_value, ""),
    )
    points.append(target)
    rows.append((target.when, target.value, ""))

    y_ticks = []
    tick = y_min
    while tick <= y_max + step / 2:
        label = format_value(Decimal(str(round(tick, 6))), "")
        y_ticks.append((y_of(Decimal(str(tick))), label))
        tick += step
    x_ticks = [(x_of(year + 0.5), str(year)) for year in range(first, last + 1)]
    return IndicatorChart(indicator, points, y_ticks, x_ticks, rows)
