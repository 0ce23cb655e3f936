"""Small charts drawn on the server as SVG: no script, no CDN, readable by screen readers.

The SVG carries a title and a description; the page shows the same numbers as a
table next to it (principle 7: numbers available as a table).
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_WIDTH = 640
MIN_WIDTH = 300
SLOT = 72  # width per bar when there are few: text stays legible on a phone
HEIGHT = 200
TOP = 24  # room for the value above the tallest bar
BOTTOM = 28  # room for the labels under the bars
SIDE = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> float:
        return self.x + self.width / 2

    @property
    def value_y(self) -> float:
        return self.y - 6


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    baseline: float

    @property
    def label_y(self) -> float:
        return self.height - 8


def bar_chart(values: list[tuple[str, int]], *, max_value: int) -> BarChart:
    """Bars for ``(label, value)`` pairs, scaled so that ``max_value`` fills the plot."""
    width = min(MAX_WIDTH, max(MIN_WIDTH, SLOT * len(values) + 2 * SIDE))
    plot_height = HEIGHT - TOP - BOTTOM
    slot = (width - 2 * SIDE) / max(len(values), 1)
    bar_width = min(slot * 0.6, 56)
    top = max(max_value, *(v for _, v in values), 1) if values else max(max_value, 1)
    bars = []
    for index, (label, value) in enumerate(values):
        height = plot_height * value / top
        x = SIDE + index * slot + (slot - bar_width) / 2
        bars.append(Bar(label, value, x, TOP + plot_height - height, bar_width, height))
    return BarChart(bars=bars, width=width, height=HEIGHT, baseline=TOP + plot_height)
