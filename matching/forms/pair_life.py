"""Forms of a pair's life: the meeting log, the youth's answer, planning, objectives, closure.
Each refusal comes from the model's own rule (Meeting.refusals, PlannedMeeting.plan, ...),
shown next to its field; "tu" to the youth, "vous" to the mentor and staff."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.flags import FlagsField

from ..enums import EARLY_END_REASONS, MeetingFormat, MeetingTopic, ObjectiveStatus
from ..models import Meeting

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

# The refusals a youth may read on the forms they share with the mentor (planning, objectives,
# an early end), and the models' own (PlannedMeeting.plan, Objective.propose), said with "tu".
YOUTH_WORDING = (
    (_("Choisissez la date de la rencontre."), _("Choisis la date de la rencontre.")),
    (_("Choisissez l’heure de la rencontre."), _("Choisis l’heure de la rencontre.")),
    (_("Choisissez une date et une heure à venir."), _("Choisis une date et une heure à venir.")),
    (_("Indiquez un lieu ou un lien de visio."), _("Indique un lieu ou un lien de visio.")),
    (_("Écrivez l’objectif en une phrase courte."), _("Écris l’objectif en une phrase courte.")),
    (
        _("Cinq objectifs au plus : abandonnez-en un avant d’en ajouter."),
        _("Cinq objectifs au plus : abandonnes-en un avant d’en ajouter."),
    ),
    (
        _("Choisissez le motif de l’arrêt dans la liste."),
        _("Choisis le motif de l’arrêt dans la liste."),
    ),
)


def for_youth(message):
    """The same refusal said with "tu" (unchanged when it has no such wording)."""
    for adult, youth in YOUTH_WORDING:
        if str(message) == str(adult):
            return youth
    return message


class YouthWorded:
    """A form that a youth or an adult fills: with ``youth=True`` its refusals say "tu",
    those of its fields, of its clean() and of the model (``add_error``)."""

    def __init__(self, *args, youth: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.youth = youth
        if youth:
            for field in self.fields.values():
                field.error_messages = {
                    code: for_youth(message) for code, message in field.error_messages.items()
                }

    def add_error(self, field, error):
        if self.youth and isinstance(error, list | tuple):
            error = [for_youth(message) for message in error]
        elif self.youth and not isinstance(error, dict | ValidationError):
            error = for_youth(error)
        super().add_error(field, error)


class MeetingLogForm(forms.Form):
    """The mentor logs a meeting in a minute."""

    held_on = forms.DateField(
        label=_("Date de la rencontre"),
        widget=DATE_WIDGET,
        error_messages={"required": _("Indiquez la date de la rencontre.")},
    )
    duration_minutes = forms.IntegerField(
        label=_("Durée (en minutes)"),
        help_text=_("Par exemple 90 pour 1 h 30."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Indiquez la durée en minutes."),
            "invalid": _("Indiquez la durée en minutes, en chiffres (par exemple 90)."),
        },
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=MeetingFormat.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez le format de la rencontre.")},
    )
    topics = FlagsField(label=_("Sujets abordés"), vocabulary=MeetingTopic, required=False)
    topics_other = forms.CharField(label=_("Autres sujets"), max_length=200, required=False)
    shared_note = forms.CharField(
        label=_("Note partagée avec le jeune"),
        help_text=_("Ce que vous avez fait, ce que vous avez convenu pour la suite."),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    private_note = forms.CharField(
        label=_("Note privée pour votre référent"),
        help_text=_("Le jeune ne la lit jamais."),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    alert_referent = forms.BooleanField(
        label=_("Alerter mon référent"),
        help_text=_("Quelque chose m’inquiète : mon référent me recontacte."),
        required=False,
    )
    same_date_confirmed = forms.BooleanField(
        label=_("Oui, c’est bien une autre rencontre à cette date"),
        required=False,
    )

    # The confirmation box sits under the date it confirms.
    field_order = ["held_on", "same_date_confirmed"]

    def __init__(self, *args, pair, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.pair, self.today = pair, today
        # Shown only after a first try on a date that already has a meeting.
        self.same_date_warning = False

    def clean(self):
        cleaned = super().clean()
        refusals = Meeting.refusals(
            pair=self.pair,
            held_on=cleaned.get("held_on"),
            duration_minutes=cleaned.get("duration_minutes"),
            today=self.today,
            same_date_confirmed=cleaned.get("same_date_confirmed", False),
        )
        if "held_on" in refusals and not cleaned.get("same_date_confirmed"):
            # The only refusal a confirmation lifts: a second meeting on the same date.
            confirmed = Meeting.refusals(
                pair=self.pair,
                held_on=cleaned.get("held_on"),
                duration_minutes=None,
                today=self.today,
                same_date_confirmed=True,
            )
            self.same_date_warning = "held_on" not in confirmed
        elif cleaned.get("same_date_confirmed"):
            self.same_date_warning = True  # keep the box shown while other fields are fixed
        for field, message in refusals.items():
            self.add_error(field, message)
        return cleaned


class MeetingAnswerForm(forms.Form):
    """The youth says the meeting took place, or that it did not (then a word is needed)."""

    happened = forms.TypedChoiceField(
        label=_("Cette rencontre a-t-elle eu lieu ?"),
        choices=[("yes", _("Oui, elle a eu lieu")), ("no", _("Non, elle n’a pas eu lieu"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Dis si la rencontre a eu lieu.")},
    )
    youth_note = forms.CharField(
        label=_("Ta remarque"),
        help_text=_("Ton référent la lit. Obligatoire si la rencontre n’a pas eu lieu."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    youth_note.required_when = _("obligatoire si elle n’a pas eu lieu")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("happened") is False and not cleaned.get("youth_note", "").strip():
            self.add_error(
                "youth_note", _("Dis en quelques mots ce qui s’est passé : ton référent le lira.")
            )
        return cleaned


class PlanForm(YouthWorded, forms.Form):
    """The next meeting: when, and where or through which video link."""

    day = forms.DateField(
        label=_("Date"),
        widget=DATE_WIDGET,
        error_messages={"required": _("Choisissez la date de la rencontre.")},
    )
    start_time = forms.TimeField(
        label=_("Heure"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Choisissez l’heure de la rencontre.")},
    )
    duration_minutes = forms.IntegerField(
        label=_("Durée prévue (en minutes)"), initial=90, min_value=5, max_value=480
    )
    place = forms.CharField(
        label=_("Lieu"),
        help_text=_("Une adresse, un café, les locaux de l’association…"),
        max_length=200,
        required=False,
    )
    place.required_when = _("un lieu ou un lien de visio")
    video_link = forms.URLField(
        label=_("Lien de visio"),
        help_text=_("Une adresse qui commence par https://"),
        max_length=500,
        required=False,
        assume_scheme="https",
    )
    video_link.required_when = _("un lieu ou un lien de visio")

    def __init__(self, *args, now: datetime.datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now

    def clean(self):
        cleaned = super().clean()
        day, start = cleaned.get("day"), cleaned.get("start_time")
        if day and start:
            starts_at = timezone.make_aware(datetime.datetime.combine(day, start))
            if starts_at <= self.now:
                self.add_error("day", _("Choisissez une date et une heure à venir."))
            cleaned["starts_at"] = starts_at
        if not cleaned.get("place", "").strip() and not cleaned.get("video_link", "").strip():
            if "video_link" not in self.errors:
                self.add_error("place", _("Indiquez un lieu ou un lien de visio."))
        return cleaned


class ObjectiveForm(YouthWorded, forms.Form):
    text = forms.CharField(
        label=_("Objectif"),
        help_text=_("Une phrase courte, par exemple « Décrocher un stage de 3e »."),
        max_length=200,
        error_messages={"required": _("Écrivez l’objectif en une phrase courte.")},
    )
    target_date = forms.DateField(label=_("Échéance"), required=False, widget=DATE_WIDGET)


class ObjectiveStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Avancement"),
        choices=ObjectiveStatus.choices,
        widget=forms.RadioSelect,
    )


class EndEarlyForm(YouthWorded, forms.Form):
    reason = forms.ChoiceField(
        label=_("Pourquoi le mentorat s’arrête-t-il ?"),
        choices=[(reason.value, reason.label) for reason in EARLY_END_REASONS],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez le motif de l’arrêt dans la liste.")},
    )
    details = forms.CharField(
        label=_("En quelques mots"),
        help_text=_("Lu par l’association."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Un arrêt avant terme est toujours motivé.")},
    )

    def __init__(self, *args, youth: bool = False, **kwargs):
        super().__init__(*args, youth=youth, **kwargs)
        if youth:
            self.fields["reason"].label = _("Pourquoi veux-tu arrêter ?")
            self.fields["details"].error_messages["required"] = _(
                "Dis en quelques mots pourquoi tu arrêtes."
            )


class CompletionConfirmForm(forms.Form):
    details = forms.CharField(
        label=_("Un mot sur ce mentorat"),
        help_text=_("Gardé dans l’historique du binôme, lu par l’équipe."),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
