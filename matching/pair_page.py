"""What the pair's page shows, and how the apps above `matching` add to it.

`matching` cannot import `evaluations` (the layers go programmes <- matching <- evaluations), so
the pair page asks a small registry. An app above plugs in from its ``AppConfig.ready()``::

    from matching import pair_page

    class EvaluationsConfig(AppConfig):
        def ready(self):
            from . import pair_page_hooks  # noqa: F401  (or call the functions below here)

            pair_page.register_timeline_source(evaluation_entries)
            pair_page.register_next_steps(evaluation_steps)
            pair_page.register_section(questionnaire_section)

Each hook is called with ``(pair, viewer)``: ``pair`` is a ``matching.models.Pair`` with
``programme__association``, ``youth__user`` and ``mentor__user`` loaded, and ``viewer`` a
:class:`Viewer` (the user and their :class:`~matching.enums.PairRole` on this pair: youth,
mentor, referent or coordinator). The page only calls hooks for someone allowed to see the pair;
each hook still decides what *this* viewer may read (the youth never sees a private note).

- ``register_timeline_source(func)``: ``func(pair, viewer)`` returns an iterable of
  :class:`TimelineEntry`; the page merges all entries, newest first.
- ``register_next_steps(func)``: ``func(pair, viewer)`` returns an iterable of
  :class:`NextStep` (what this person should do now, with a link); the lowest ``priority``
  first.
- ``register_section(func)``: ``func(pair, viewer)`` returns a :class:`Section` or None: a
  template included in the page (e.g. questionnaires), with its own context.

For their own views, apps above scope pairs with ``Pair.objects.visible_to(user)`` then
``get_object_or_404`` (another's pair is a 404), and read the role with :func:`viewer_of`.
The pair's page is ``reverse("matching:pair", args=[pair.pk])``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q

from .enums import PairRole

PRIORITY_FIRST, PRIORITY_DEFAULT = 10, 50


@dataclass(frozen=True)
class Viewer:
    user: object
    role: PairRole

    @property
    def is_youth(self) -> bool:
        return self.role == PairRole.YOUTH

    @property
    def is_mentor(self) -> bool:
        return self.role == PairRole.MENTOR

    @property
    def is_staff(self) -> bool:
        return self.role in (PairRole.REFERENT, PairRole.COORDINATOR)


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    title: str
    text: str = ""
    kind: str = ""  # what it is about: meeting, objective, state, planned, or an app's own
    url: str = ""  # a link to the entry's own page, if any
    by: str = ""  # who did it, as shown
    staff_only: bool = False  # shown with a "seen by staff only" tag
    warning: bool = False  # something the referent should look at
    template: str = ""  # optional: included in place of ``text``, with ``entry`` in context
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class NextStep:
    label: str
    url: str
    priority: int = PRIORITY_DEFAULT


@dataclass(frozen=True)
class Section:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = PRIORITY_DEFAULT


TimelineSource = Callable[[object, Viewer], Iterable[TimelineEntry]]
NextStepsSource = Callable[[object, Viewer], Iterable[NextStep]]
SectionSource = Callable[[object, Viewer], Section | None]

_timeline_sources: list[TimelineSource] = []
_next_steps_sources: list[NextStepsSource] = []
_section_sources: list[SectionSource] = []


def _register(registry: list, func):
    if func not in registry:  # ready() may run more than once
        registry.append(func)
    return func


def register_timeline_source(func: TimelineSource) -> TimelineSource:
    return _register(_timeline_sources, func)


def register_next_steps(func: NextStepsSource) -> NextStepsSource:
    return _register(_next_steps_sources, func)


def register_section(func: SectionSource) -> SectionSource:
    return _register(_section_sources, func)


def viewer_of(pair, user) -> Viewer | None:
    """How ``user`` looks at ``pair`` (None: they may not). The same rule as
    ``Pair.objects.visible_to``; a coordinator who also follows the mentor sees it as
    coordinator."""
    from programmes.access import coordinated_associations, staff_associations

    if user.pk == pair.youth.user_id:
        return Viewer(user, PairRole.YOUTH)
    if user.pk == pair.mentor.user_id:
        return Viewer(user, PairRole.MENTOR)
    association_id = pair.programme.association_id
    if coordinated_associations(user).filter(pk=association_id).exists():
        return Viewer(user, PairRole.COORDINATOR)
    if (
        pair.mentor.referent_id == user.pk
        and staff_associations(user).filter(Q(pk=association_id)).exists()
    ):
        return Viewer(user, PairRole.REFERENT)
    return None


def timeline_entries(pair, viewer: Viewer) -> list[TimelineEntry]:
    entries = [entry for source in _timeline_sources for entry in source(pair, viewer)]
    return sorted(entries, key=lambda entry: entry.at, reverse=True)


def next_steps(pair, viewer: Viewer) -> list[NextStep]:
    steps = [step for source in _next_steps_sources for step in source(pair, viewer)]
    return sorted(steps, key=lambda step: step.priority)


def sections(pair, viewer: Viewer) -> list[Section]:
    found = [section for source in _section_sources if (section := source(pair, viewer))]
    return sorted(found, key=lambda section: section.order)
