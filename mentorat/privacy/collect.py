"""Everything the platform holds about a person, for them to download (RGPD, article 15).

Sections name what people know (their account, their sign-up, their pairs...); a last one
lists, from every other table, the rows that point at them, so that a table added later is
never left out. Secrets (password hashes, tokens, keys) are never shown.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evaluations.models import ClosureEvaluation, FollowUpNote, MeetingEvaluation, Response
from matching.disclosure import IDENTITY_STATUSES
from matching.enums import PairStatus
from matching.models import Meeting, Objective, Pair, PairEvent
from mentorat.notifications.models import Message
from programmes.models import MentorProfile, ParentalConsent, StaffMembership, YouthProfile

# Never shown, whatever the table: what opens an account or a link.
SECRET_FIELDS = {"password", "token", "secrets", "key", "data", "secret", "session_data"}
# Tables that hold no data about a person, or whose rows are shown in a section already.
SKIPPED_MODELS = {"admin.logentry", "audit.auditentry", "sessions.session"}


@dataclass
class Record:
    title: str
    # (field name, label, value for people, value for the JSON file)
    values: list[tuple[str, str, str, object]] = field(default_factory=list)


@dataclass
class Section:
    key: str
    title: str
    records: list[Record] = field(default_factory=list)


def _readable(obj, model_field) -> tuple[str, object]:
    value = getattr(obj, model_field.attname)
    if value is None or value == "":
        return "—", value
    if model_field.choices:
        return str(getattr(obj, f"get_{model_field.name}_display")()), value
    if isinstance(model_field, models.ForeignKey):
        return str(getattr(obj, model_field.name)), value
    if isinstance(value, bool):
        return (_("oui") if value else _("non")), value
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT"), value
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT"), value
    return str(value), value


def record_of(obj, *, title: str = "", exclude=()) -> Record:
    record = Record(title or f"{obj._meta.verbose_name} n° {obj.pk}")
    for model_field in obj._meta.concrete_fields:
        if model_field.name in SECRET_FIELDS or model_field.name in exclude:
            continue
        shown, raw = _readable(obj, model_field)
        record.values.append((model_field.name, str(model_field.verbose_name), shown, raw))
    return record


def _participant(profile) -> Record:
    record = record_of(profile, title=str(profile._meta.verbose_name).capitalize())
    for name, label, labels in (
        ("needs_labels", _("besoins"), profile.needs_labels),
        ("availability_labels", _("disponibilités"), profile.availability_labels),
        ("languages_labels", _("langues"), profile.languages_labels),
    ):
        record.values.append((name, label, ", ".join(map(str, labels)) or "—", labels))
    return record


def _pairs_of(user):
    return Pair.objects.filter(models.Q(youth__user=user) | models.Q(mentor__user=user))


def personal_data(user) -> list[Section]:
    sections = [Section("account", gettext_lazy("Mon compte"), [record_of(user)])]
    emails = apps.get_model("account", "EmailAddress").objects.filter(user=user)
    sections[0].records += [record_of(address) for address in emails]

    profiles = Section("sign_up", gettext_lazy("Mon inscription"))
    youth = YouthProfile.objects.filter(user=user).first()
    mentor = MentorProfile.objects.filter(user=user).first()
    for profile in filter(None, (youth, mentor)):
        profiles.records.append(_participant(profile))
    if youth is not None:
        profiles.records += [
            record_of(consent) for consent in ParentalConsent.objects.filter(youth=youth)
        ]
    profiles.records += [
        record_of(membership) for membership in StaffMembership.objects.filter(user=user)
    ]
    sections.append(profiles)

    pairs = list(_pairs_of(user).select_related("youth__user", "mentor__user", "programme"))
    pair_section = Section("pairs", gettext_lazy("Mes binômes"))
    for pair in pairs:
        pair_section.records.append(_pair_record(pair, user))
        pair_section.records += [record_of(objective) for objective in pair.objectives.all()]
        # Each side's note for the referent (the mentor's private note, the youth's word on a
        # meeting that did not happen) is read by its author and staff, never by the other.
        private = ("youth_note",) if mentor is not None else ("private_note",)
        pair_section.records += [
            record_of(meeting, exclude=private) for meeting in Meeting.objects.filter(pair=pair)
        ]
    sections.append(pair_section)

    written = Section("evaluations", gettext_lazy("Mes évaluations et questionnaires"))
    written.records += [
        record_of(evaluation) for evaluation in MeetingEvaluation.objects.filter(author=user)
    ]
    written.records += [
        record_of(evaluation) for evaluation in ClosureEvaluation.objects.filter(author=user)
    ]
    for response in Response.objects.filter(respondent=user).prefetch_related("answers__item"):
        written.records.append(record_of(response))
        for answer in response.answers.all():
            written.records.append(record_of(answer, title=str(answer.item.text)))
    sections.append(written)

    sections.append(
        Section(
            "messages",
            gettext_lazy("Les messages qui m’ont été envoyés"),
            [
                record_of(message, exclude=("body_html", "last_error"))
                for message in Message.objects.filter(recipient=user)
            ],
        )
    )
    sections.append(_everything_else(user, covered={youth, mentor}))
    return sections


def _pair_record(pair, user) -> Record:
    """The pair as the site shows it to this person (matching.disclosure): the other person
    by first name once the association sent the proposal, in full once both accepted, not at
    all otherwise (a proposal to examine, set aside or that never started), and their answer
    only once the pair started; the words on the pair's end only to whoever wrote them
    (staff's on a completed pair, the other person's on an early end, stay with them)."""
    other = "mentor" if pair.youth.user_id == user.pk else "youth"
    started = pair.status in IDENTITY_STATUSES
    exclude = ["explanation"]
    if not started:
        exclude.append(f"{other}_answer")
        if pair.status != PairStatus.APPROVED:
            exclude.append(other)
    ended_it = pair.status == PairStatus.ENDED_EARLY and pair.closure_requested_by_id == user.pk
    if not ended_it:
        exclude.append("closure_details")
    record = record_of(pair, exclude=exclude)
    if pair.status == PairStatus.APPROVED:
        first_name = getattr(pair, other).user.first_name
        record.values = [
            (name, label, first_name if name == other else shown, raw)
            for name, label, shown, raw in record.values
        ]
    return record


COVERED_MODELS = {
    settings.AUTH_USER_MODEL.lower(),
    "account.emailaddress",
    "programmes.youthprofile",
    "programmes.mentorprofile",
    "programmes.staffmembership",
    "evaluations.meetingevaluation",
    "evaluations.closureevaluation",
    "evaluations.response",
    "notifications.message",
}


def _everything_else(user, *, covered) -> Section:
    """Every other row of any table that points at the person (or their profiles)."""
    section = Section("other", gettext_lazy("Autres informations qui me concernent"))
    targets = {apps.get_model(settings.AUTH_USER_MODEL): user}
    for profile in covered:
        if profile is not None:
            targets[type(profile)] = profile
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in COVERED_MODELS or label in SKIPPED_MODELS:
            continue
        if model in (Pair, Meeting, Objective, ParentalConsent, PairEvent, FollowUpNote):
            continue  # shown with the pairs and the sign-up, or staff's notes on the pair
        for model_field in model._meta.concrete_fields:
            target = targets.get(getattr(model_field, "related_model", None))
            if target is None or not model_field.is_relation:
                continue
            for row in model._default_manager.filter(**{model_field.name: target}):
                section.records.append(record_of(row))
    return section


def as_json(user) -> dict:
    """The same data for a file: each section a list of records, each a field→value map."""
    return {
        "generated_at": timezone.now().isoformat(),
        "platform": str(settings.SITE_NAME),
        **{
            section.key: [
                {name: _jsonable(raw) for name, _label, _shown, raw in record.values}
                for record in section.records
            ]
            for section in personal_data(user)
        },
    }


def _jsonable(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    if isinstance(value, int | float | bool | str | dict) or value is None:
        return value
    return str(value)
