"""The one-minute evaluation of a meeting, and the closure evaluation: "tu" to the youth,
"vous" to the mentor."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..enums import EvaluatorRole, Fit, Progress

USEFULNESS_CHOICES = [
    (1, _("1 — Pas utile")),
    (2, _("2 — Peu utile")),
    (3, _("3 — Assez utile")),
    (4, _("4 — Utile")),
    (5, _("5 — Très utile")),
]

# (youth, mentor) wordings.
WORDING = {
    "usefulness": (
        _("Cette rencontre t’a-t-elle été utile ?"),
        _("Cette rencontre vous a-t-elle semblé utile ?"),
    ),
    "progress": (
        _("A-t-elle fait avancer un de tes objectifs ?"),
        _("A-t-elle fait avancer un des objectifs du binôme ?"),
    ),
    "comment": (_("Un commentaire ?"), _("Un commentaire ?")),
    "fit": (_("Ce binôme te convient-il ?"), _("Ce binôme vous convient-il ?")),
    "required": (_("Choisis une réponse."), _("Choisissez une réponse.")),
    "closure_usefulness": (
        _("Au total, ce mentorat t’a-t-il été utile ?"),
        _("Au total, ce mentorat vous a-t-il semblé utile ?"),
    ),
    "again": (
        _("Referais-tu un mentorat ?"),
        _("Seriez-vous prêt·e à accompagner un autre jeune ?"),
    ),
}


def wording(key, role):
    youth, mentor = WORDING[key]
    return youth if role == EvaluatorRole.YOUTH else mentor


def radio(label, choices, role, coerce=str):
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=coerce,
        widget=forms.RadioSelect,
        error_messages={"required": wording("required", role)},
    )


class MeetingEvaluationForm(forms.Form):
    def __init__(self, *args, role, asks_fit: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.role = role
        self.fields["usefulness"] = radio(
            wording("usefulness", role), USEFULNESS_CHOICES, role, coerce=int
        )
        self.fields["progress"] = radio(wording("progress", role), Progress.choices, role)
        self.fields["comment"] = forms.CharField(
            label=wording("comment", role),
            required=False,
            max_length=1000,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=_("Ton référent·e le lira.")
            if role == EvaluatorRole.YOUTH
            else _("Votre référent·e le lira ; le jeune ne le voit pas."),
        )
        if role == EvaluatorRole.YOUTH:
            self.fields["comment_shared"] = forms.BooleanField(
                label=_("Montrer aussi mon commentaire à mon mentor"), required=False
            )
        if asks_fit:
            self.fields["fit"] = radio(wording("fit", role), Fit.choices, role)


class ClosureEvaluationForm(forms.Form):
    def __init__(self, *args, role, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["usefulness"] = radio(
            wording("closure_usefulness", role), USEFULNESS_CHOICES, role, coerce=int
        )
        self.fields["again"] = radio(
            wording("again", role),
            [("yes", _("Oui")), ("no", _("Non"))],
            role,
            coerce=lambda value: value == "yes",
        )
        self.fields["comment"] = forms.CharField(
            label=wording("comment", role),
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("Lu par l’association."),
        )
