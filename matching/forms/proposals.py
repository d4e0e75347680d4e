from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from ..models import MatchingWeights, Pair


class AnswerForm(forms.Form):
    """A youth's or mentor's answer to a proposal: yes, or no with a reason. "Tu" to a youth,
    "vous" to a mentor."""

    accepted = forms.TypedChoiceField(
        label=_("Votre réponse"),
        choices=[("yes", _("J’accepte")), ("no", _("Je refuse"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Pourquoi refusez-vous ?"),
        help_text=_("Cela aide l’association à mieux proposer."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reason.required_when = _("obligatoire si vous refusez")

    def __init__(self, *args, youth: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.youth = youth
        if youth:
            self.fields["accepted"].label = _("Ta réponse")
            reason = self.fields["reason"]
            reason.label = _("Pourquoi refuses-tu ?")
            reason.required_when = _("obligatoire si tu refuses")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("accepted") is False and not cleaned.get("reason", "").strip():
            self.add_error(
                "reason",
                _("Dis en quelques mots pourquoi tu refuses.")
                if self.youth
                else _("Dites en quelques mots pourquoi vous refusez."),
            )
        return cleaned


class ProposalDecisionForm(forms.Form):
    """Staff decide on several proposals at once: validate them all, or set them all aside
    for one reason."""

    APPROVE = "approve"
    REJECT = "reject"

    pairs = forms.ModelMultipleChoiceField(
        label=_("Propositions choisies"),
        queryset=Pair.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Cochez au moins une proposition.")},
    )
    decision = forms.ChoiceField(
        label=_("Décision"),
        choices=[(APPROVE, _("Valider")), (REJECT, _("Écarter"))],
    )
    reason = forms.CharField(
        label=_("Motif"),
        help_text=_("Le même motif vaut pour toutes les propositions cochées."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    # Labels say "(facultatif)" of a field that is not required: this one is, to set aside.
    reason.required_when = _("obligatoire pour écarter")

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pairs"].queryset = proposals

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.REJECT and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Indiquez pourquoi ces propositions sont écartées."))
        return cleaned


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Pourquoi écarter cette proposition ?"),
        help_text=_("Le motif reste dans l’historique du binôme ; il n’est pas envoyé."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Indiquez pourquoi cette proposition est écartée.")},
    )


class WeightsForm(forms.ModelForm):
    """How much each criterion counts, 0 to 100; only the ratios between them matter. All at
    zero is refused by the model's constraint, whose message the form shows."""

    class Meta:
        model = MatchingWeights
        fields = MatchingWeights.CRITERIA

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in MatchingWeights.CRITERIA:
            field = self.fields[name]
            field.validators.append(MaxValueValidator(100))  # the model field allows 32767
            field.widget.attrs.update(min=0, max=100)
            field.help_text = _("Entre 0 et 100. Par défaut : %(default)s.") % {
                "default": MatchingWeights._meta.get_field(name).default
            }
