"""The youth's progress: the end questionnaire next to the start one, dimension by dimension,
item by item on the codes both versions share."""

from dataclasses import dataclass, field

from django.utils.formats import number_format

from .enums import LIKERT_CHOICES, YES_NO_CHOICES, ItemKind

LIKERT_LABELS = dict(LIKERT_CHOICES)
YES_NO_LABELS = dict(YES_NO_CHOICES)


def answer_display(answer) -> str:
    if answer.item.kind == ItemKind.TEXT:
        return answer.text
    if answer.item.kind == ItemKind.YES_NO:
        return str(YES_NO_LABELS.get(answer.number, ""))
    return f"{answer.number} — {LIKERT_LABELS.get(answer.number, '')}"


@dataclass
class ItemComparison:
    text: str
    kind: str
    start: str
    end: str
    delta: int | None = None  # on the scale, end minus start


@dataclass
class DimensionProgress:
    label: str
    items: list[ItemComparison] = field(default_factory=list)
    start_total: int = 0
    end_total: int = 0
    scale_items: int = 0

    @property
    def start_mean(self) -> float | None:
        return self.start_total / self.scale_items if self.scale_items else None

    @property
    def end_mean(self) -> float | None:
        return self.end_total / self.scale_items if self.scale_items else None

    @property
    def delta(self) -> float | None:
        return self.end_mean - self.start_mean if self.scale_items else None

    @property
    def delta_display(self) -> str:
        if self.delta is None:
            return ""
        sign = "+" if self.delta > 0 else ""
        return sign + number_format(round(self.delta, 1), decimal_pos=1)

    @property
    def trend(self) -> str:
        """up, down or same, for the badge next to the figures."""
        if self.delta is None or abs(self.delta) < 0.25:
            return "same"
        return "up" if self.delta > 0 else "down"


def answers_by_code(response) -> dict:
    return {
        answer.item.code: answer
        for answer in response.answers.select_related("item").order_by("item__position")
    }


def compare(start, end) -> list[DimensionProgress]:
    """For each dimension of the end questionnaire that the start one also asked: the mean
    of the 1-5 scales answered both times, and each shared item's two answers."""
    before, after = answers_by_code(start), answers_by_code(end)
    dimensions: dict[str, DimensionProgress] = {}
    for code, late in after.items():
        early = before.get(code)
        if early is None:
            continue
        progress = dimensions.setdefault(
            late.item.dimension, DimensionProgress(label=late.item.get_dimension_display())
        )
        comparison = ItemComparison(
            text=late.item.text,
            kind=late.item.kind,
            start=answer_display(early),
            end=answer_display(late),
        )
        both_scales = late.item.kind == early.item.kind == ItemKind.LIKERT
        if both_scales and early.number and late.number:
            comparison.delta = late.number - early.number
            progress.start_total += early.number
            progress.end_total += late.number
            progress.scale_items += 1
        progress.items.append(comparison)
    return list(dimensions.values())
