"""Bitmasks over a vocabulary, as forms and models see them.

The bits are the shared vocabulary's (:class:`vocabulary.codes.Vocabulary`); these helpers only
take the ``TextChoices`` built from it (``programmes.enums``) and add the labels.
"""

from django import forms
from django.db import models

from vocabulary.codes import Vocabulary


def _vocabulary(choices: type[models.TextChoices]) -> type[Vocabulary]:
    return choices.vocabulary


def mask_of(vocabulary: type[models.TextChoices], codes) -> int:
    return _vocabulary(vocabulary).mask_of(codes)


def codes_of(vocabulary: type[models.TextChoices], mask: int) -> list[str]:
    return [member.value for member in _vocabulary(vocabulary).members_of(mask)]


def labels_of(vocabulary: type[models.TextChoices], mask: int) -> list[str]:
    return [vocabulary(member.value).label for member in _vocabulary(vocabulary).members_of(mask)]


def full_mask(vocabulary: type[models.TextChoices]) -> int:
    return _vocabulary(vocabulary).full_mask()


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
