"""Ministry forms: finding and creating associations, deciding on their label."""

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from localflavor.fr.forms import FRSIRENField

from mentorat.states import counts_by_status

from ..enums import LabelStatus
from ..models import Association, Departement


def unique_slug(queryset: QuerySet, text: str, *, fallback: str) -> str:
    """A slug made from the text, numbered (-2, -3...) when the queryset already holds it."""
    base = slugify(text)[:190] or fallback
    slug, number = base, 1
    while queryset.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


class AssociationFilterForm(forms.Form):
    """The filters above the ministry's list of associations (always bound to the query)."""

    status = forms.ChoiceField(
        label=_("Label"), choices=[("", _("Tous"))] + LabelStatus.choices, required=False
    )
    departement = forms.ModelChoiceField(
        label=_("Département"),
        queryset=Departement.objects.all(),
        required=False,
        empty_label=_("Tous"),
    )
    without_staff = forms.BooleanField(
        label=_("Sans équipe : coordination à inviter"),
        help_text=_("Personne ne peut y examiner les inscriptions."),
        required=False,
    )

    def in_departement(self, associations: QuerySet) -> QuerySet:
        departement = self.is_valid() and self.cleaned_data["departement"]
        return associations.filter(departements=departement) if departement else associations

    def in_need_of_staff(self, associations: QuerySet) -> QuerySet:
        wanted = self.is_valid() and self.cleaned_data["without_staff"]
        return associations.without_staff() if wanted else associations

    def with_status(self, associations: QuerySet) -> QuerySet:
        status = self.is_valid() and self.cleaned_data["status"]
        return associations.filter(label_status=status) if status else associations


def count_by_status(associations: QuerySet) -> list[tuple[str, str, int]]:
    """(status, label, count) for every label status, zeros included, in one query."""
    counts = counts_by_status(associations, LabelStatus.values, field="label_status")
    return [(status, label, counts[status]) for status, label in LabelStatus.choices]


class AssociationForm(forms.ModelForm):
    # Longer than the numbers themselves: spaces typed between the digits are removed.
    rna = forms.CharField(
        label=_("Numéro RNA"),
        required=False,
        max_length=20,
        help_text=_("W suivi de 9 chiffres. Indiquez le RNA, le SIREN, ou les deux."),
    )
    siren = FRSIRENField(
        label=_("Numéro SIREN"),
        required=False,
        help_text=_("9 chiffres."),
        error_messages={
            "invalid": _(
                "Un numéro SIREN compte 9 chiffres, dont le dernier est une clé de contrôle : "
                "vérifiez-le."
            ),
            "max_length": _("Un numéro SIREN compte 9 chiffres."),
        },
    )
    # One of the two is required (see clean): the labels say so instead of "(facultatif)".
    rna.required_when = _("ou le SIREN")
    siren.required_when = _("ou le RNA")
    contact_email = forms.EmailField(
        label=_("Adresse de contact"),
        help_text=_("Les décisions de label sont envoyées à cette adresse."),
    )
    departements = forms.ModelMultipleChoiceField(
        label=_("Départements couverts"),
        queryset=Departement.objects.all(),
        help_text=_("Maintenez la touche Ctrl (ou Cmd) pour en choisir plusieurs."),
        error_messages={"required": _("Choisissez au moins un département.")},
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Association
        fields = ["name", "rna", "siren", "contact_email", "departements"]
        labels = {"name": _("Nom de l’association")}
        error_messages = {"name": {"unique": _("Une association porte déjà ce nom.")}}

    def clean_rna(self) -> str:
        rna = self.cleaned_data["rna"].replace(" ", "").upper()
        if rna and Association.objects.filter(rna=rna).exists():
            raise forms.ValidationError(_("Une association porte déjà ce numéro RNA."))
        return rna

    def clean_siren(self) -> str:
        siren = self.cleaned_data["siren"]  # spaces removed, check digit verified
        if siren and Association.objects.filter(siren=siren).exists():
            raise forms.ValidationError(_("Une association porte déjà ce numéro SIREN."))
        return siren

    def clean(self):
        cleaned_data = super().clean()
        identified = cleaned_data.get("rna") or cleaned_data.get("siren")
        if not identified and "rna" not in self.errors and "siren" not in self.errors:
            self.add_error(
                "rna",
                _("Indiquez au moins un numéro : RNA (W + 9 chiffres) ou SIREN (9 chiffres)."),
            )
        return cleaned_data

    def save(self, commit: bool = True) -> Association:
        self.instance.slug = unique_slug(
            Association.objects.all(), self.instance.name, fallback="association"
        )
        return super().save(commit)


def current_year() -> int:
    return timezone.localdate().year


class LabelForm(forms.Form):
    campaign_year = forms.IntegerField(
        label=_("Année de campagne"), min_value=2021, max_value=2100, initial=current_year
    )
    funding_euros = forms.IntegerField(
        label=_("Financement de l’État accordé (euros)"),
        min_value=0,
        max_value=100_000_000,
        help_text=_("En euros, sans centimes, par exemple 50000."),
    )
    reason = forms.CharField(
        label=_("Commentaire"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Il figure dans l’historique et dans le courriel envoyé à l’association."),
    )


class SanctionForm(forms.Form):
    """A suspension or a withdrawal: always with its reason, which the association receives."""

    reason = forms.CharField(
        label=_("Motif"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Il figure dans l’historique et dans le courriel envoyé à l’association."),
        error_messages={"required": _("Indiquez le motif de cette décision.")},
    )
