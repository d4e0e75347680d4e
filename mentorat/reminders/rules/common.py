"""What the rules share: the moment they compute for, links to pages by id (resolved once,
not once per row), and who among the staff receives what."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache, cached_property
from typing import NamedTuple

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from mentorat.notifications.record import Due
from programmes.enums import StaffRole
from programmes.models import StaffMembership

PLACEHOLDER = 987654321


@cache
def tr(message: str) -> str:
    """gettext, once per message and run (the rules write thousands of rows with the same
    sentences); `reminders_due` clears it, and always runs in the site's language."""
    return gettext(message)


@cache
def day(value, format: str = "l j F Y") -> str:
    """A date in words, once per date and format and run."""
    return date_format(value, format)


def new_run() -> None:
    tr.cache_clear()
    day.cache_clear()


class Person(NamedTuple):
    id: int
    email: str
    first_name: str = ""


@dataclass
class Moment:
    now: datetime

    @cached_property
    def today(self):
        return timezone.localdate(self.now)

    def days_ago(self, days: int) -> datetime:
        return self.now - timedelta(days=days)


class Links:
    """Paths of the pages reminders point to, from one reverse() per page."""

    def __init__(self):
        self._templates = {}
        self._pair_page = None

    def _path(self, name: str, *args) -> str:
        template = self._templates.get((name, len(args)))
        if template is None:
            template = self._template(name, [PLACEHOLDER + i for i in range(len(args))])
            self._templates[(name, len(args))] = template
        return template.format(*args)

    @staticmethod
    def _template(name: str, args: list) -> str:
        """reverse() once, its placeholders made into str.format fields ({0}, {1}...)."""
        template = reverse(name, args=args).replace("{", "{{").replace("}", "}}")
        for i in range(len(args)):
            template = template.replace(str(PLACEHOLDER + i), f"{{{i}}}", 1)
        return template

    def pair(self, pair_id: int) -> str:
        """The pair's page (matching:pair), or the list of one's pairs where it is missing."""
        if self._pair_page is None:
            try:
                self._path("matching:pair", 1)
                self._pair_page = True
            except NoReverseMatch:
                self._pair_page = False
        if self._pair_page:
            return self._path("matching:pair", pair_id)
        return self._path("matching:my_pairs")

    def my_space(self) -> str:
        return self._path("programmes:my_space")

    def meeting_answer(self, pair_id: int, meeting_id: int) -> str:
        """Where the youth confirms a meeting (the pair's page until it exists)."""
        try:
            return self._path("matching:meeting_answer", pair_id, meeting_id)
        except NoReverseMatch:
            return self.pair(pair_id)

    def follow_up(self, slug: str, pair_id: int) -> str:
        return self._path("evaluations:pair_follow_up", slug, pair_id)

    def questionnaire(self, pair_id: int, moment: str) -> str:
        return self._path("evaluations:questionnaire", pair_id, moment)

    def meeting_evaluation(self, pair_id: int, meeting_id: int) -> str:
        return self._path("evaluations:meeting_evaluation", pair_id, meeting_id)

    def vetting(self, slug: str, kind: str, pk: int) -> str:
        """A person's registration to examine; ``kind`` is "jeunes" or "mentors"."""
        key = ("programmes:vetting_detail", kind)
        if key not in self._templates:
            self._templates[key] = self._template(key[0], [PLACEHOLDER, kind, PLACEHOLDER + 2])
        return self._templates[key].format(slug, None, pk)

    def proposals(self, slug: str, programme_slug: str) -> str:
        return self._path("matching:proposals", slug, programme_slug)

    def proposal(self, slug: str, programme_slug: str, pair_id: int) -> str:
        """The proposals list, which takes the reader to the page and row of this one."""
        return f"{self.proposals(slug, programme_slug)}?proposition={pair_id}"

    def programme_pairs(self, slug: str, programme_slug: str) -> str:
        return self._path("matching:pairs", slug, programme_slug)


class Staff:
    """Association staff, read once: who coordinates each association."""

    def __init__(self):
        self.coordinators: dict[int, list[Person]] = defaultdict(list)
        self.memberships: list[tuple[int, str, Person]] = []
        rows = StaffMembership.objects.filter(user__is_active=True).values_list(
            "association_id", "role", "user_id", "user__email", "user__first_name"
        )
        for association_id, role, user_id, email, first_name in rows.order_by("user_id"):
            person = Person(user_id, email, first_name)
            self.memberships.append((association_id, role, person))
            if role == StaffRole.COORDINATOR:
                self.coordinators[association_id].append(person)

    def referents(self, *, referent: Person | None, association_id: int) -> list[Person]:
        """The mentor's referent; the association's coordinators when the mentor has none."""
        if referent is not None and referent.id is not None:
            return [referent]
        return self.coordinators.get(association_id, [])


def person(values: dict, prefix: str) -> Person | None:
    user_id = values.get(f"{prefix}_id")
    if user_id is None:
        return None
    return Person(user_id, values[f"{prefix}__email"], values.get(f"{prefix}__first_name") or "")


def due(
    kind: str,
    about: str,
    period,
    to: Person,
    title: str,
    body: str,
    url: str,
    action: str,
    *,
    familiar: bool = False,
    email: bool = True,
    data: dict | None = None,
) -> Due:
    """A reminder named by (kind, object, period, recipient): recorded once only."""
    return Due(
        key=f"reminder:{kind}:{about}:{period}:user-{to.id}",
        kind=kind,
        recipient_id=to.id,
        email=to.email if email else "",
        title=title,
        body=body,
        url=url,
        action=action,
        familiar=familiar,
        data=data,
    )
