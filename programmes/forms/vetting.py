"""Forms association staff use to review the people who signed up."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import rules
from ..models import Departement, check_guardian_email


class VettingFilterForm(forms.Form):
    """Search and filters of a review list. Read from the query string, never required."""

    q = forms.CharField(
        label=_("Rechercher"),
        required=False,
        max_length=200,
        help_text=_("Nom, adresse électronique ou code postal"),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    departement = forms.ModelChoiceField(
        label=_("Département"),
        queryset=Departement.objects.none(),
        required=False,
        empty_label=_("Tous les départements"),
    )
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=None,
        required=False,
        empty_label=_("Tous les programmes"),
    )
    criteria_changed = forms.BooleanField(
        label=_("Critères modifiés depuis la validation"), required=False
    )
    possible_duplicate = forms.BooleanField(label=_("Doublon possible"), required=False)
    email_unconfirmed = forms.BooleanField(label=_("Adresse non confirmée"), required=False)

    def __init__(self, *args, association, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = association.programmes.order_by("name")
        # Only the départements where this association has people of this kind.
        self.fields["departement"].queryset = Departement.objects.filter(
            code__in=people.values("departement")
        )
        if not hasattr(people.model, "possible_duplicate_of"):
            del self.fields["possible_duplicate"]

    def filter(self, people):
        """The people matching the valid criteria (an invalid one is shown, and ignored)."""
        self.is_valid()
        criteria = self.cleaned_data
        for word in criteria.get("q", "").split():
            people = people.filter(
                Q(user__first_name__icontains=word)
                | Q(user__last_name__icontains=word)
                | Q(user__email__icontains=word)
                | Q(postal_code__startswith=word)
            )
        if criteria.get("departement"):
            people = people.filter(departement=criteria["departement"])
        if criteria.get("programme"):
            people = people.filter(programme=criteria["programme"])
        if criteria.get("criteria_changed"):
            people = people.filter(criteria_changed_at__isnull=False)
        if criteria.get("possible_duplicate"):
            people = people.filter(possible_duplicate_of__isnull=False)
        if criteria.get("email_unconfirmed"):
            people = people.with_email_confirmed().filter(email_confirmed=False)
        return people


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif du refus"),
        help_text=_(
            "Il est envoyé à la personne : expliquez simplement et avec bienveillance "
            "pourquoi, et ce qu’elle peut faire."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Indiquez le motif du refus : il sera envoyé à la personne.")
        },
    )


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return f"{user.get_full_name() or user.email} ({user.email})"


class ReferentForm(forms.Form):
    referent = StaffChoiceField(
        label=_("Référent·e"),
        queryset=None,
        empty_label=_("Choisir un membre de l’équipe"),
        error_messages={
            "required": _("Choisissez le ou la référent·e de ce mentor."),
            "invalid_choice": _("Choisissez un membre de l’équipe de l’association."),
        },
    )

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referent"].queryset = (
            get_user_model()
            .objects.filter(memberships__association=association)
            .order_by("last_name", "first_name", "email")
        )


class AttestationForm(forms.Form):
    attestation_date = forms.DateField(
        label=_("Date de l’attestation d’honorabilité"),
        help_text=_("La date inscrite sur l’attestation, valable 6 mois."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Indiquez la date de l’attestation."),
            "invalid": _("Date invalide : saisissez-la au format jj/mm/aaaa."),
        },
    )

    def clean_attestation_date(self):
        attestation_date = self.cleaned_data["attestation_date"]
        today = timezone.localdate()
        if attestation_date > today:
            raise forms.ValidationError(_("L’attestation ne peut pas être datée du futur."))
        if rules.attestation_valid_until(attestation_date) < today:
            raise forms.ValidationError(
                _(
                    "Cette attestation a plus de 6 mois : elle a expiré. "
                    "Demandez au mentor une attestation récente."
                )
            )
        return attestation_date


class ConsentReopenForm(forms.Form):
    """Staff reopen a refused consent request after talking with the family: why, and to
    which parent the new request goes."""

    reason = forms.CharField(
        label=_("Pourquoi rouvrir la demande ?"),
        help_text=_(
            "Par exemple : « Échange avec la mère le 12/03 : elle souhaite revoir sa réponse. » "
            "Le motif reste dans l’historique ; il n’est pas envoyé."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Indiquez pourquoi la demande est rouverte.")},
    )
    guardian_name = forms.CharField(label=_("Nom et prénom du parent ou tuteur"), max_length=200)
    guardian_email = forms.EmailField(label=_("Adresse électronique du parent ou tuteur"))

    def __init__(self, *args, youth, **kwargs):
        super().__init__(*args, **kwargs)
        self.youth = youth

    def clean_guardian_email(self) -> str:
        return check_guardian_email(
            self.cleaned_data["guardian_email"], youth_user=self.youth.user, to_staff=True
        )
