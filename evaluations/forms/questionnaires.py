"""The youth's questionnaire form, built from the items of a version; and the form staff use
to write their own version."""

import re

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from ..enums import (
    END_ONLY_DIMENSIONS,
    LIKERT_CHOICES,
    YES_NO_CHOICES,
    Dimension,
    ItemKind,
    Outcome,
    QuestionnaireKind,
)
from ..models import Questionnaire


class ResponseForm(forms.Form):
    """One field per item, named by its code; scales and yes/no are required, short texts
    are not."""

    def __init__(self, *args, questionnaire: Questionnaire, objectives=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        self.items = list(questionnaire.items.all())
        # At the end: was each of the pair's objectives reached?
        self.objectives = list(objectives)
        for objective in self.objectives:
            self.fields[f"objective_{objective.pk}"] = forms.ChoiceField(
                label=objective.text,
                choices=Outcome.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choisis une réponse.")},
            )
        for item in self.items:
            self.fields[item.code] = self._field_for(item)

    @staticmethod
    def _field_for(item) -> forms.Field:
        if item.kind == ItemKind.TEXT:
            return forms.CharField(
                label=item.text,
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        choices = LIKERT_CHOICES if item.kind == ItemKind.LIKERT else YES_NO_CHOICES
        return forms.TypedChoiceField(
            label=item.text,
            choices=choices,
            coerce=int,
            widget=forms.RadioSelect,
            error_messages={"required": _("Choisis une réponse.")},
        )

    def groups(self):
        """The fields grouped by dimension, in the order of the items; the objectives first."""
        groups: dict[str, list] = {}
        if self.objectives:
            groups[_("Tes objectifs : les as-tu atteints ?")] = [
                self[f"objective_{objective.pk}"] for objective in self.objectives
            ]
        for item in self.items:
            groups.setdefault(item.get_dimension_display(), []).append(self[item.code])
        return list(groups.items())

    def values(self) -> dict:
        return {item: self.cleaned_data[item.code] for item in self.items}

    def outcomes(self) -> dict:
        return {
            objective: self.cleaned_data[f"objective_{objective.pk}"]
            for objective in self.objectives
        }


class VersionMetaForm(forms.Form):
    introduction = forms.CharField(
        label=_("Introduction, lue par le jeune avant les questions"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ItemForm(forms.Form):
    """One question of a new version. An existing question keeps its code (hidden), so its
    answers still compare with the earlier version's; a new one gets a code from its text."""

    code = forms.CharField(required=False, max_length=50, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Question"), max_length=300, required=False)
    dimension = forms.ChoiceField(label=_("Dimension"), choices=Dimension.choices)
    kind = forms.ChoiceField(label=_("Type de réponse"), choices=ItemKind.choices)

    def __init__(self, *args, questionnaire_kind=QuestionnaireKind.START, **kwargs):
        super().__init__(*args, **kwargs)
        if questionnaire_kind == QuestionnaireKind.START:
            self.fields["dimension"].choices = [
                choice for choice in Dimension.choices if choice[0] not in END_ONLY_DIMENSIONS
            ]

    def clean_code(self):
        code = self.cleaned_data["code"]
        if code and not re.fullmatch(r"[a-z0-9_]{1,50}", code):
            raise forms.ValidationError(_("Code de question invalide."))
        return code


class BaseItemFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data.get("text", "").strip() and not self._should_delete_form(form)
        ]
        if not kept:
            raise forms.ValidationError(_("Un questionnaire compte au moins une question."))
        kept_codes = [form.cleaned_data["code"] for form in kept if form.cleaned_data["code"]]
        if len(kept_codes) != len(set(kept_codes)):
            raise forms.ValidationError(_("Deux questions ne peuvent pas avoir le même code."))
        codes = set(kept_codes)
        for form in kept:
            if not form.cleaned_data["code"]:
                form.cleaned_data["code"] = self._new_code(form.cleaned_data, codes)
                codes.add(form.cleaned_data["code"])
        self.items = [
            {
                "code": form.cleaned_data["code"],
                "dimension": form.cleaned_data["dimension"],
                "kind": form.cleaned_data["kind"],
                "text": form.cleaned_data["text"].strip(),
            }
            for form in kept
        ]

    @staticmethod
    def _new_code(data, taken) -> str:
        base = slugify(data["text"]).replace("-", "_")[:40].strip("_") or "question"
        code, number = base, 2
        while code in taken:
            code, number = f"{base}_{number}", number + 1
        return code


ItemFormSet = forms.formset_factory(
    ItemForm, formset=BaseItemFormSet, extra=3, can_delete=True, max_num=80, validate_max=True
)


def item_formset(*, data, questionnaire_kind, current: Questionnaire | None):
    initial = (
        [
            {"code": item.code, "text": item.text, "dimension": item.dimension, "kind": item.kind}
            for item in current.items.all()
        ]
        if current is not None
        else []
    )
    return ItemFormSet(
        data=data,
        initial=initial,
        prefix="items",
        form_kwargs={"questionnaire_kind": questionnaire_kind},
    )
