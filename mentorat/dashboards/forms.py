from django import forms
from django.utils.translation import gettext_lazy as _

from .models import YearlyTarget


class TargetForm(forms.ModelForm):
    class Meta:
        model = YearlyTarget
        fields = ["year", "youths"]
        labels = {"year": _("Année"), "youths": _("Jeunes accompagnés visés")}


TargetFormSet = forms.modelformset_factory(YearlyTarget, form=TargetForm, extra=1, can_delete=False)
