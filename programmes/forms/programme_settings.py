"""A coordinator's programme: who it takes, how many, and its cadence policy."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .. import rules
from ..enums import Need
from ..flags import FlagsField
from ..models import Departement, Programme
from .associations import unique_slug

MAX_CAPACITY = 10_000


def model_default(name: str):
    """Fields declared here lose the model's default, which a new programme starts from."""
    return Programme._meta.get_field(name).default


def age_field(name: str, label) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        initial=model_default(name),
        min_value=rules.MIN_AGE,
        max_value=rules.MAX_AGE,
        error_messages={
            "min_value": _("Un programme accueille des jeunes de %(limit_value)s ans au moins."),
            "max_value": _("Un programme accueille des jeunes de %(limit_value)s ans au plus."),
        },
    )


class ProgrammeForm(forms.ModelForm):
    age_min = age_field("age_min", _("Âge minimum"))
    age_max = age_field("age_max", _("Âge maximum"))
    departements = forms.ModelMultipleChoiceField(
        label=_("Départements"),
        queryset=Departement.objects.all(),
        help_text=_("Maintenez la touche Ctrl (ou Cmd) pour en choisir plusieurs."),
        error_messages={"required": _("Choisissez au moins un département.")},
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    needs = FlagsField(
        vocabulary=Need,
        label=_("Besoins auxquels le programme répond"),
        error_messages={"required": _("Cochez au moins un besoin.")},
    )
    capacity = forms.IntegerField(
        initial=model_default("capacity"),
        label=_("Capacité (nombre de jeunes accueillis)"),
        min_value=1,
        max_value=MAX_CAPACITY,
        error_messages={
            "min_value": _("Un programme accueille au moins un jeune."),
            "max_value": _("Au plus %(limit_value)s jeunes par programme."),
        },
    )
    min_duration_months = forms.IntegerField(
        initial=model_default("min_duration_months"),
        label=_("Durée minimale d’un mentorat (mois)"),
        min_value=rules.MIN_DURATION_MONTHS,
        max_value=36,
        help_text=_("6 mois au moins : c’est le minimum national."),
        error_messages={
            "min_value": _(
                "Le minimum national est de %(limit_value)s mois : un programme peut demander "
                "plus, jamais moins."
            ),
            "max_value": _("Au plus 36 mois."),
        },
    )
    max_interval_weeks = forms.IntegerField(
        initial=model_default("max_interval_weeks"),
        label=_("Intervalle maximal entre deux rencontres (semaines)"),
        min_value=1,
        max_value=rules.MAX_INTERVAL_WEEKS,
        help_text=_("6 semaines au plus : c’est le minimum national."),
        error_messages={
            "min_value": _("Au moins une semaine."),
            "max_value": _(
                "Le minimum national est d’une rencontre toutes les %(limit_value)s semaines : "
                "l’intervalle ne peut pas être plus long."
            ),
        },
    )
    min_meeting_minutes = forms.IntegerField(
        initial=model_default("min_meeting_minutes"),
        label=_("Durée minimale d’une rencontre (minutes)"),
        min_value=rules.MIN_MEETING_MINUTES,
        max_value=480,
        help_text=_("90 minutes (1 h 30) au moins : c’est le minimum national."),
        error_messages={
            "min_value": _(
                "Le minimum national est de %(limit_value)s minutes (1 h 30) par rencontre : "
                "un programme peut demander plus, jamais moins."
            ),
            "max_value": _("Au plus 480 minutes (8 heures)."),
        },
    )

    class Meta:
        model = Programme
        fields = [
            "name",
            "description",
            "age_min",
            "age_max",
            "departements",
            "needs",
            "capacity",
            "open_for_signup",
            "min_duration_months",
            "max_interval_weeks",
            "min_meeting_minutes",
        ]
        labels = {
            "name": _("Nom du programme"),
            "open_for_signup": _("Ouvert aux inscriptions"),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.association = association
        # A programme serves départements its association covers (all, if none is set yet).
        if association.departements.exists():
            self.fields["departements"].queryset = association.departements.all()

    def clean(self):
        cleaned_data = super().clean()
        age_min, age_max = cleaned_data.get("age_min"), cleaned_data.get("age_max")
        if age_min is not None and age_max is not None and age_min > age_max:
            self.add_error(
                "age_max", _("L’âge maximum doit être supérieur ou égal à l’âge minimum.")
            )
        return cleaned_data

    def save(self, commit: bool = True) -> Programme:
        if self.instance.pk is None:  # the slug is made once: links to a programme stay valid
            self.instance.slug = unique_slug(
                Programme.objects.all(), self.instance.name, fallback="programme"
            )
        return super().save(commit)
