"""Bitmasks over a vocabulary: a member's bit is its position in the TextChoices."""

from django import forms
from django.db import models


def mask_of(vocabulary: type[models.TextChoices], codes) -> int:
    positions = {code: position for position, code in enumerate(vocabulary.values)}
    mask = 0
    for code in codes:
        mask |= 1 << positions[code]
    return mask


def codes_of(vocabulary: type[models.TextChoices], mask: int) -> list[str]:
    return [code for position, code in enumerate(vocabulary.values) if mask & (1 << position)]


def labels_of(vocabulary: type[models.TextChoices], mask: int) -> list[str]:
    return [label for position, label in enumerate(vocabulary.labels) if mask & (1 << position)]


def full_mask(vocabulary: type[models.TextChoices]) -> int:
    return (1 << len(vocabulary.values)) - 1


class FlagsField(forms.MultipleChoiceField):
    """Checkboxes in the form, one integer in the model."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, vocabulary: type[models.TextChoices], **kwargs):
        self.vocabulary = vocabulary
        super().__init__(choices=vocabulary.choices, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return codes_of(self.vocabulary, value)
        return value

    def clean(self, value) -> int:
        return mask_of(self.vocabulary, super().clean(value))

    def has_changed(self, initial, data) -> bool:
        return set(self.prepare_value(initial or 0)) != set(data or [])
