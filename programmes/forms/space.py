"""What a youth or a mentor edits in their space: their profile, their parent's address."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from localflavor.fr.forms import FRZipCodeField

from vocabulary.departements import departement_of_postal_code

from ..enums import Language, Need, Slot
from ..flags import FlagsField
from ..models import MentorProfile, YouthProfile, check_guardian_email

# The availability grid: one row per day, one column per part of the day.
PARTS_OF_DAY = [_("Matin"), _("Après-midi"), _("Soir")]
SLOTS_BY_DAY = [
    (_("Lundi"), [Slot.MON_MORNING, Slot.MON_AFTERNOON, Slot.MON_EVENING]),
    (_("Mardi"), [Slot.TUE_MORNING, Slot.TUE_AFTERNOON, Slot.TUE_EVENING]),
    (_("Mercredi"), [Slot.WED_MORNING, Slot.WED_AFTERNOON, Slot.WED_EVENING]),
    (_("Jeudi"), [Slot.THU_MORNING, Slot.THU_AFTERNOON, Slot.THU_EVENING]),
    (_("Vendredi"), [Slot.FRI_MORNING, Slot.FRI_AFTERNOON, Slot.FRI_EVENING]),
    (_("Samedi"), [Slot.SAT_MORNING, Slot.SAT_AFTERNOON, Slot.SAT_EVENING]),
    (_("Dimanche"), [Slot.SUN_MORNING, Slot.SUN_AFTERNOON, Slot.SUN_EVENING]),
]
AVAILABILITY_GRID_TEMPLATE = "programmes/signup/availability_grid.html"


def date_input() -> forms.DateInput:
    # ISO format, so that the browser's date picker shows back what was typed.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def postal_code_field(model_field: forms.Field) -> FRZipCodeField:
    """localflavor's French postal code, with the label and help the page gives it."""
    field = FRZipCodeField(
        label=model_field.label,
        help_text=model_field.help_text,
        error_messages={"invalid": _("Un code postal s’écrit avec 5 chiffres, par exemple 75011.")},
    )
    # Five digits say it all: one message, not a length one besides.
    field.validators = [v for v in field.validators if isinstance(v, RegexValidator)]
    return field


class ProfileForm(forms.ModelForm):
    """What youths' and mentors' profiles share: where they live and how they can meet."""

    # (legend, field names) in page order; subclasses add their own.
    fieldsets: list = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.departement_before = self.instance.departement_id
        self.fields["postal_code"] = postal_code_field(self.fields["postal_code"])
        for field in self.fields.values():
            if isinstance(field.widget, forms.RadioSelect):  # a radio needs no "---------"
                field.choices = [choice for choice in field.choices if choice[0] != ""]
        self.fields["postal_code"].widget.attrs.update(
            inputmode="numeric", autocomplete="postal-code"
        )
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's own <form> carries the token
        self.helper.layout = Layout(
            *(
                Fieldset(
                    legend,
                    *(self.layout_field(name) for name in names),
                    **self.fieldset_attrs(names),
                )
                for legend, names in self.fieldsets
            )
        )

    def fieldset_attrs(self, names: list[str]) -> dict:
        return {}

    @staticmethod
    def layout_field(name: str):
        if name == "availability":
            return Field(name, template=AVAILABILITY_GRID_TEMPLATE)
        return name

    def clean_postal_code(self) -> str:
        postal_code = self.cleaned_data["postal_code"].strip()
        departement = departement_of_postal_code(postal_code)
        if departement is None:
            raise ValidationError(
                _("Ce code postal ne correspond à aucun département : vérifiez-le.")
            )
        self.instance.departement_id = departement
        return postal_code

    @cached_property
    def changed_data(self) -> list[str]:
        """The département follows the postal code; say when it changed, matching reads it."""
        changed = super().changed_data
        if self.departement_before and self.instance.departement_id != self.departement_before:
            changed = [*changed, "departement"]
        return changed

    def availability_grid(self):
        """Rows of (day, checkboxes) for the availability template."""
        boxes = {box.data["value"]: box for box in self["availability"]}
        return [(day, [boxes[slot] for slot in slots]) for day, slots in SLOTS_BY_DAY]

    @property
    def parts_of_day(self):
        return PARTS_OF_DAY


class YouthProfileForm(ProfileForm):
    needs = FlagsField(
        vocabulary=Need,
        label=_("Sur quoi veux-tu être aidé(e) ?"),
        help_text=_("Coche tout ce qui compte pour toi."),
        error_messages={"required": _("Coche au moins une case.")},
    )
    availability = FlagsField(
        vocabulary=Slot,
        label=_("Quand es-tu disponible ?"),
        help_text=_("Coche les moments où tu pourrais voir ton mentor."),
        error_messages={"required": _("Coche au moins un moment.")},
    )
    languages = FlagsField(
        vocabulary=Language,
        label=_("Quelles langues parles-tu ?"),
        error_messages={"required": _("Coche au moins une langue.")},
        initial=[Language.FRENCH],
    )

    fieldsets = [
        (_("Où habites-tu ?"), ["postal_code", "phone"]),
        (_("Ta situation"), ["situation", "sector_of_interest"]),
        (_("Ce que tu cherches"), ["needs", "expectations"]),
        (
            _("Pour t’aider en priorité (facultatif)"),
            [
                "lives_in_qpv",
                "followed_by_mission_locale",
                "at_risk_of_dropping_out",
                "no_professional_network",
            ],
        ),
        (
            _("Tes préférences"),
            ["format", "availability", "languages", "gender", "prefers_same_gender"],
        ),
    ]

    class Meta:
        model = YouthProfile
        fields = [
            "postal_code",
            "phone",
            "situation",
            "sector_of_interest",
            "needs",
            "expectations",
            "lives_in_qpv",
            "followed_by_mission_locale",
            "at_risk_of_dropping_out",
            "no_professional_network",
            "format",
            "availability",
            "languages",
            "gender",
            "prefers_same_gender",
        ]
        labels = {
            "postal_code": _("Ton code postal"),
            "phone": _("Ton numéro de téléphone"),
            "situation": _("Aujourd’hui, tu es…"),
            "sector_of_interest": _("Un métier ou un secteur qui t’attire"),
            "expectations": _("En quelques mots, qu’attends-tu d’un mentor ?"),
            "lives_in_qpv": _("J’habite dans un quartier prioritaire (QPV)"),
            "followed_by_mission_locale": _("Je suis suivi(e) par une Mission locale"),
            "at_risk_of_dropping_out": _("J’ai arrêté l’école ou j’ai envie d’arrêter"),
            "no_professional_network": _(
                "Je ne connais personne qui travaille dans le métier qui m’intéresse"
            ),
            "format": _("Comment veux-tu rencontrer ton mentor ?"),
            "gender": _("Tu es…"),
            "prefers_same_gender": _("Je préfère un mentor du même genre que moi"),
        }
        help_texts = {
            "postal_code": _("Celui de la commune où tu habites, par exemple 93200."),
            "phone": _("Seule ton association le verra."),
            "expectations": _("Par exemple : trouver un stage de 3e, savoir quel métier choisir…"),
            "lives_in_qpv": _("Si tu ne sais pas, laisse vide."),
        }
        widgets = {
            "situation": forms.RadioSelect,
            "format": forms.RadioSelect,
            "gender": forms.RadioSelect,
            "expectations": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "situation": {"required": _("Dis-nous où tu en es.")},
            "format": {"required": _("Choisis une façon de se rencontrer.")},
            "expectations": {"required": _("Écris quelques mots, même courts.")},
        }


class MentorProfileForm(ProfileForm):
    needs = FlagsField(
        vocabulary=Need,
        label=_("Sur quoi pouvez-vous aider un jeune ?"),
        error_messages={"required": _("Cochez au moins un besoin.")},
    )
    availability = FlagsField(
        vocabulary=Slot,
        label=_("Vos disponibilités"),
        help_text=_("Les moments où vous pourriez rencontrer un jeune."),
        error_messages={"required": _("Cochez au moins un moment.")},
    )
    languages = FlagsField(
        vocabulary=Language,
        label=_("Les langues que vous parlez"),
        error_messages={"required": _("Cochez au moins une langue.")},
        initial=[Language.FRENCH],
    )
    capacity = forms.IntegerField(
        label=_("Combien de jeunes pouvez-vous suivre en même temps ?"),
        help_text=_("De 1 à 3."),
        min_value=1,
        max_value=3,
        initial=1,
        error_messages={
            "min_value": _("Un mentor suit de 1 à 3 jeunes à la fois."),
            "max_value": _("Un mentor suit de 1 à 3 jeunes à la fois."),
        },
    )

    fieldsets = [
        (_("Où habitez-vous ?"), ["postal_code", "phone"]),
        (_("Votre parcours"), ["profession", "sector", "years_of_experience"]),
        (_("Votre accompagnement"), ["needs", "capacity"]),
        (_("Vos préférences"), ["format", "availability", "languages", "gender"]),
        (_("Attestation d’honorabilité"), ["attestation_date"]),
    ]

    class Meta:
        model = MentorProfile
        fields = [
            "postal_code",
            "phone",
            "profession",
            "sector",
            "years_of_experience",
            "needs",
            "capacity",
            "format",
            "availability",
            "languages",
            "gender",
            "attestation_date",
        ]
        labels = {
            "postal_code": _("Votre code postal"),
            "phone": _("Votre numéro de téléphone"),
            "profession": _("Votre métier"),
            "sector": _("Votre secteur d’activité"),
            "years_of_experience": _("Années d’expérience professionnelle"),
            "format": _("Comment souhaitez-vous rencontrer le jeune ?"),
            "gender": _("Vous êtes…"),
            "attestation_date": _("Date de l’attestation d’honorabilité"),
        }
        help_texts = {
            "phone": _("Seule votre association le verra."),
            "attestation_date": _(
                "Elle est valable 6 mois et obligatoire pour accompagner un mineur. "
                "Vous pouvez la donner plus tard : l’association la vérifiera."
            ),
        }
        widgets = {
            "format": forms.RadioSelect,
            "gender": forms.RadioSelect,
            "attestation_date": date_input(),
        }
        error_messages = {
            "years_of_experience": {
                "max_value": _("Indiquez un nombre d’années entre 0 et 60."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attestation_date"].required = False
        if self.instance.attestation_checked_at:
            # Once staff have seen the attestation, its date is theirs to change.
            self.fields["attestation_date"].disabled = True
            self.fields["attestation_date"].help_text = _(
                "Votre association a vérifié cette attestation."
            )

    def clean_capacity(self) -> int:
        capacity = self.cleaned_data["capacity"]
        if self.instance.pk and capacity < self.instance.open_pairs:
            raise forms.ValidationError(
                _(
                    "Vous suivez ou allez suivre déjà %(count)d jeune(s) : vous ne pouvez pas "
                    "en indiquer moins."
                )
                % {"count": self.instance.open_pairs}
            )
        return capacity

    def clean_attestation_date(self):
        attestation_date = self.cleaned_data["attestation_date"]
        if attestation_date and attestation_date > timezone.localdate():
            raise ValidationError(_("Cette date est dans le futur."))
        return attestation_date


class GuardianForm(forms.Form):
    """The parent or guardian a youth under 15 asks for consent: the same one again, or another."""

    guardian_name = forms.CharField(
        label=_("Nom et prénom de ton parent ou tuteur"), max_length=200
    )
    guardian_email = forms.EmailField(label=_("Adresse électronique de ton parent ou tuteur"))

    def __init__(self, *args, youth_user, **kwargs):
        super().__init__(*args, **kwargs)
        self.youth_user = youth_user

    def clean_guardian_email(self) -> str:
        return check_guardian_email(self.cleaned_data["guardian_email"], youth_user=self.youth_user)
