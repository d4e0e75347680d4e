from django import forms
from django.utils.translation import gettext_lazy as _

from .models import YearlyTarget

FIRST_TARGET_YEAR, LAST_TARGET_YEAR = 2021, 2100
MOST_YOUTHS = 10_000_000  # far above any national target; keeps the field's numbers sane

YEAR_RANGE = _("Une année entre 2021 et 2100.")
ALREADY = _("Cette année a déjà un objectif.")
YOUTHS_RANGE = _("Un nombre de jeunes entre 1 et 10 000 000.")


class TargetForm(forms.ModelForm):
    year = forms.IntegerField(
        label=_("Année"),
        min_value=FIRST_TARGET_YEAR,
        max_value=LAST_TARGET_YEAR,
        error_messages={
            "min_value": YEAR_RANGE,
            "max_value": YEAR_RANGE,
            "invalid": YEAR_RANGE,
            "unique": ALREADY,
        },
    )
    youths = forms.IntegerField(
        label=_("Jeunes accompagnés visés"),
        min_value=1,
        max_value=MOST_YOUTHS,
        error_messages={
            "min_value": YOUTHS_RANGE,
            "max_value": YOUTHS_RANGE,
            "invalid": YOUTHS_RANGE,
        },
    )

    class Meta:
        model = YearlyTarget
        fields = ["year", "youths"]


class BaseTargetFormSet(forms.BaseModelFormSet):
    def get_unique_error_message(self, unique_check):
        return ALREADY


TargetFormSet = forms.modelformset_factory(
    YearlyTarget, form=TargetForm, formset=BaseTargetFormSet, extra=1, can_delete=False
)
