"""Sign-up forms, in layers reused from one page to the next:

- the profile (forms/space.py): what a person may edit later, in their space;
- the registration (profile + programme, consents, and for a youth the birth date and parent):
  what a person who already has an account fills in to complete their registration;
- the sign-up (registration + the account): the public pages.
"""

from allauth.account.adapter import get_adapter
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from mentorat.accounts.models import User

from .. import rules
from ..dispatch import programmes_for_mentor, programmes_for_youth
from ..enums import ConsentDecision
from ..models import Programme, check_guardian_email
from ..models.participants import age_on
from .space import MentorProfileForm, YouthProfileForm, date_input


def account_exists_message() -> str:
    return format_html(
        '{} <a href="{}">{}</a> — <a href="{}">{}</a>',
        _("Un compte existe déjà avec cette adresse."),
        reverse("account_login"),
        _("Se connecter"),
        reverse("account_reset_password"),
        _("Mot de passe oublié ?"),
    )


class ProgrammeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, programme: Programme) -> str:
        return _("%(association)s — %(programme)s (de %(min)s à %(max)s ans)") % {
            "association": programme.association.name,
            "programme": programme.name,
            "min": programme.age_min,
            "max": programme.age_max,
        }


def programme_field(*, label, empty_label) -> ProgrammeChoiceField:
    return ProgrammeChoiceField(
        label=label,
        queryset=Programme.objects.open_for_signup().select_related("association"),
        required=False,
        empty_label=empty_label,
    )


def link_to(url_name: str, text) -> str:
    return format_html('<a href="{}" target="_blank">{}</a>', reverse(url_name), text)


def acceptance_field(*, label, url_name: str, link_text) -> forms.BooleanField:
    return forms.BooleanField(
        label=label,
        required=True,
        error_messages={"required": _("Cochez cette case pour continuer.")},
        help_text=lazy(link_to, str)(url_name, link_text),
    )


class YouthRegistrationForm(YouthProfileForm):
    """The profile, plus what is asked once: birth date, parent, programme, consents."""

    birth_date = forms.DateField(
        label=_("Ta date de naissance"),
        widget=date_input(),
        error_messages={"invalid": _("Écris une date, par exemple 14/03/2011.")},
    )
    guardian_name = forms.CharField(
        label=_("Nom et prénom de ton parent ou tuteur"), max_length=200, required=False
    )
    guardian_email = forms.EmailField(
        label=_("Adresse électronique de ton parent ou tuteur"), required=False
    )
    # Required below 15 only: the label says so instead of "(facultatif)".
    guardian_name.required_when = guardian_email.required_when = _(
        "obligatoire si tu as moins de 15 ans"
    )
    programme = programme_field(
        label=_("Le programme que tu choisis"),
        empty_label=_("Choisissez pour moi le programme qui me convient le mieux"),
    )
    accept_privacy = acceptance_field(
        label=_("J’ai lu comment mes informations sont utilisées et protégées"),
        url_name="programmes:privacy",
        link_text=_("Lire la politique de confidentialité (nouvelle fenêtre)"),
    )
    accept_charter = acceptance_field(
        label=_("J’accepte la charte du mentorat"),
        url_name="programmes:charter",
        link_text=_("Lire la charte du mentorat (nouvelle fenêtre)"),
    )

    guardian_fieldset = (
        _("Ton parent ou tuteur (seulement si tu as moins de 15 ans)"),
        ["guardian_name", "guardian_email"],
    )
    fieldsets = [
        (_("Ton âge"), ["birth_date"]),
        guardian_fieldset,
        *YouthProfileForm.fieldsets,
        (_("Ton programme"), ["programme"]),
        (_("Pour finir"), ["accept_privacy", "accept_charter"]),
    ]

    class Meta(YouthProfileForm.Meta):
        fields = [*YouthProfileForm.Meta.fields, "birth_date"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The account completing its registration; None on the public sign-up page.
        self.user = user
        self.fields["guardian_name"].help_text = _(
            "Avant 15 ans, un parent doit être d’accord : nous lui écrirons pour lui expliquer "
            "le programme."
        )

    def fieldset_attrs(self, names: list[str]) -> dict:
        if "guardian_name" not in names:
            return {}
        # The page's script shows the parent's fields only to those who need them.
        return {"css_id": "guardian", "data_below_age": rules.JOINT_CONSENT_AGE}

    def clean_birth_date(self):
        birth_date = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        if birth_date > today:
            raise ValidationError(_("Ta date de naissance ne peut pas être dans le futur."))
        age = age_on(birth_date, today)
        if age < rules.MIN_AGE:
            raise ValidationError(
                _(
                    "Le programme accueille les jeunes à partir de 13 ans. Reviens nous voir "
                    "pour tes 13 ans ! En attendant, ton professeur principal peut t’aider."
                )
            )
        if age > rules.MAX_AGE:
            raise ValidationError(
                _(
                    "Le programme accueille les jeunes jusqu’à 30 ans. France Travail ou l’Apec "
                    "peuvent vous accompagner, et vous pouvez aussi devenir mentor à votre tour."
                )
            )
        return birth_date

    @property
    def age(self) -> int | None:
        birth_date = self.cleaned_data.get("birth_date")
        return age_on(birth_date, timezone.localdate()) if birth_date else None

    def clean(self):
        cleaned_data = super().clean()
        age = self.age
        if age is not None and age < rules.JOINT_CONSENT_AGE:
            for name in ("guardian_name", "guardian_email"):
                if not cleaned_data.get(name) and name not in self.errors:
                    self.add_error(name, _("Tu as moins de 15 ans : ce champ est obligatoire."))
        guardian_email = cleaned_data.get("guardian_email")
        if guardian_email:
            try:
                cleaned_data["guardian_email"] = check_guardian_email(
                    guardian_email, youth_user=self.user, youth_emails=self.typed_emails()
                )
            except ValidationError as error:
                self.add_error("guardian_email", error)
        programme = cleaned_data.get("programme")
        departement = self.instance.departement_id
        if programme and age is not None and departement:
            fitting = programmes_for_youth(age=age, departement_code=departement)
            if not fitting.filter(pk=programme.pk).exists():
                self.add_error(
                    "programme",
                    _(
                        "Ce programme ne peut pas t’accueillir (âge, lieu ou places). "
                        "Choisis-en un autre, ou laisse-nous choisir pour toi."
                    ),
                )
        return cleaned_data

    def typed_emails(self) -> list[str]:
        """The youth's own addresses typed on this page (the sign-up page has one)."""
        return []


class MentorRegistrationForm(MentorProfileForm):
    programme = programme_field(
        label=_("L’association et le programme que vous rejoignez"),
        empty_label=_("Choisissez pour moi le programme qui a le plus besoin de moi"),
    )
    accept_charter = acceptance_field(
        label=_("J’accepte la charte du mentorat"),
        url_name="programmes:charter",
        link_text=_("Lire la charte du mentorat (nouvelle fenêtre)"),
    )

    fieldsets = [
        *MentorProfileForm.fieldsets,
        (_("Votre association"), ["programme"]),
        (_("Pour finir"), ["accept_charter"]),
    ]

    def clean(self):
        cleaned_data = super().clean()
        programme = cleaned_data.get("programme")
        departement = self.instance.departement_id
        if programme and departement:
            fitting = programmes_for_mentor(departement_code=departement)
            if not fitting.filter(pk=programme.pk).exists():
                self.add_error(
                    "programme",
                    _("Ce programme n’intervient pas dans votre département."),
                )
        return cleaned_data


class AccountFieldsMixin(forms.Form):
    """Name, email and password: the account created with the profile."""

    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    email = forms.EmailField(label=_("Adresse électronique"))
    password1 = forms.CharField(
        label=_("Mot de passe"),
        help_text=_("Au moins 10 caractères, pas seulement des chiffres."),
        # Shown back after an error elsewhere on the page: nothing typed is lost.
        widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Mot de passe (confirmation)"),
        widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "new-password"}),
    )

    account_fieldset_names = ["first_name", "last_name", "email", "password1", "password2"]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(account_exists_message(), code="account_exists")
        return email

    def clean(self):
        cleaned_data = super().clean()
        password1, password2 = cleaned_data.get("password1"), cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Les deux mots de passe ne sont pas les mêmes."))
        elif password1:
            person = User(
                email=cleaned_data.get("email", ""),
                first_name=cleaned_data.get("first_name", ""),
                last_name=cleaned_data.get("last_name", ""),
            )
            try:
                get_adapter().clean_password(password1, user=person)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned_data

    def account_data(self) -> dict:
        return {
            "email": self.cleaned_data["email"],
            "password": self.cleaned_data["password1"],
            "first_name": self.cleaned_data["first_name"].strip(),
            "last_name": self.cleaned_data["last_name"].strip(),
        }


class YouthSignupForm(AccountFieldsMixin, YouthRegistrationForm):
    fieldsets = [
        (_("Qui es-tu ?"), ["first_name", "last_name", "birth_date"]),
        (_("Ton compte"), ["email", "password1", "password2"]),
        YouthRegistrationForm.guardian_fieldset,
        *YouthProfileForm.fieldsets,
        (_("Ton programme"), ["programme"]),
        (_("Pour finir"), ["accept_privacy", "accept_charter"]),
    ]

    def typed_emails(self) -> list[str]:
        # The raw value: an address refused as taken is still the youth's own.
        return [self.data.get(self.add_prefix("email"), "")]


class MentorSignupForm(AccountFieldsMixin, MentorRegistrationForm):
    fieldsets = [
        (_("Qui êtes-vous ?"), ["first_name", "last_name"]),
        (_("Votre compte"), ["email", "password1", "password2"]),
        *MentorRegistrationForm.fieldsets,
    ]


class ConsentAnswerForm(forms.Form):
    """A parent's answer, with their name confirmed."""

    guardian_name = forms.CharField(label=_("Votre nom et prénom"), max_length=200)
    decision = forms.ChoiceField(
        label=_("Votre réponse"),
        choices=[
            (ConsentDecision.GIVEN.value, _("J’autorise mon enfant à participer au programme")),
            (ConsentDecision.REFUSED.value, _("Je n’autorise pas mon enfant à participer")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez une réponse.")},
    )
