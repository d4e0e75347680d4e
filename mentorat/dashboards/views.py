"""The dashboards' pages: the ministry's national ones, and each association's own.

Every page reads the summaries (one query per table) and says when they were computed. The
filters live in the URL (a GET form); filters that name nothing give a page saying so. Each
table is exported from its page: ``?export=<table>&format=csv`` (or ``xlsx``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from evaluations.models.followup import ContactState
from evaluations.risk import SIGNALS
from matching.enums import CadenceStatus, PairStatus
from matching.models import Pair
from mentorat.events import data_exported
from programmes.access import ministry_required, staff_required
from programmes.models import MentorProfile, StaffMembership, YouthProfile

from .figures import associations, durations, journey, overview, public, results, rhythm, supply
from .forms import TargetFormSet
from .models import YearlyTarget
from .scope import FilterForm, Scope
from .summaries import last_refresh
from .tables import Column, ColumnKind, Table


@dataclass(frozen=True)
class Page:
    name: str  # the URL name
    title: str
    build: Callable  # (scope, request) -> list of Tables


def _overview(scope, request):
    return []


def _funnel_and_delays(scope):
    funnel = journey.funnel(scope)
    return [funnel, journey.delays(scope, hidden=journey.hidden_steps(funnel))]


def _associations(scope, request):
    sort = request.GET.get("tri", "association")
    return [
        associations.associations(scope, sort=sort, descending=request.GET.get("ordre") == "desc")
    ]


NATIONAL_PAGES = (
    Page(
        "national",
        gettext_lazy("Vue d’ensemble"),
        lambda scope, request: [
            overview.starts_by_month(scope),
            rhythm.cadence(scope),
            durations.minimum_duration(scope),
        ],
    ),
    Page(
        "national_funnel",
        gettext_lazy("Parcours"),
        lambda scope, request: _funnel_and_delays(scope),
    ),
    Page(
        "national_durations",
        gettext_lazy("Durées et arrêts"),
        lambda scope, request: [
            durations.minimum_duration(scope),
            durations.durations(scope),
            durations.early_endings_by_reason(scope),
            durations.early_endings_by_who(scope),
        ],
    ),
    Page(
        "national_cadence",
        gettext_lazy("Rythme"),
        lambda scope, request: [rhythm.cadence(scope), rhythm.meetings(scope)],
    ),
    Page(
        "national_reach",
        gettext_lazy("Public accompagné"),
        lambda scope, request: [
            public.reach_priority(scope),
            public.reach_by_age(scope),
            public.reach_by_situation(scope),
            public.reach_by_need(scope),
            *public.reach_by_place(scope),
            public.reach_by_association(scope),
        ],
    ),
    Page(
        "national_outcomes",
        gettext_lazy("Résultats"),
        lambda scope, request: [results.outcomes(scope), results.progress(scope)],
    ),
    Page(
        "national_supply",
        gettext_lazy("Offre et demande"),
        lambda scope, request: [supply.supply(scope), supply.unmatched_reasons(scope)],
    ),
    Page("national_associations", gettext_lazy("Associations"), _associations),
)

ASSOCIATION_PAGES = (
    Page(
        "association",
        gettext_lazy("Vue d’ensemble"),
        lambda scope, request: [overview.starts_by_month(scope)],
    ),
    Page(
        "association_indicators",
        gettext_lazy("Parcours et rythme"),
        lambda scope, request: [
            journey.funnel(scope),
            journey.delays(scope),
            rhythm.cadence(scope),
            rhythm.meetings(scope),
        ],
    ),
    Page(
        "association_outcomes",
        gettext_lazy("Durées et résultats"),
        lambda scope, request: [
            durations.minimum_duration(scope),
            durations.durations(scope),
            durations.early_endings_by_reason(scope),
            results.outcomes(scope),
            results.progress(scope),
        ],
    ),
)

EXPORT_FORMATS = ("csv", "xlsx")


def _template_or(name: str, fallback: str) -> str:
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return fallback
    return name


def _table_templates() -> dict:
    """The shared table and chart templates (dashboards/_table.html, _chart.html), or a plain
    table while they are not there."""
    table = _template_or("dashboards/_table.html", "dashboards/_plain_table.html")
    return {
        "table_template": table,
        "chart_template": _template_or("dashboards/_chart.html", table),
    }


def _page(pages, name):
    return next(page for page in pages if page.name == name)


def _export(request, tables, *, association):
    """The table named in the query string, as a file; None when none is asked."""
    slug, format = request.GET.get("export"), request.GET.get("format", "csv")
    if not slug:
        return None
    table = next((table for table in tables if table.slug == slug), None)
    if table is None or format not in EXPORT_FORMATS:
        raise Http404
    from . import exports

    rows = list(table.rows)
    table.rows = rows
    filename = f"{slug}-{timezone.localdate():%Y-%m-%d}"
    data_exported.send(
        sender=Scope,
        by=request.user,
        association=association,
        what=_("Tableau de bord : %(title)s (%(format)s)")
        % {"title": table.title, "format": format},
        rows=len(rows),
    )
    if format == "xlsx":
        return exports.xlsx_response(table, filename)
    return exports.csv_response(table, filename)


def _render(request, *, pages, page_name, form, scope, association, extra=None, url_args=()):
    page = _page(pages, page_name)
    refreshed = last_refresh()
    # Filters that name a place or a team holding nobody: the page says so (one query).
    narrowed = scope is not None and bool(
        scope.programme
        or scope.region
        or scope.departement
        or (scope.association and scope.national)
    )
    nothing = bool(narrowed and refreshed and not scope.youths().exists())
    tables = page.build(scope, request) if scope is not None and refreshed and not nothing else []
    if extra and extra.get("headline") is not None and not nothing:
        tables.insert(0, extra["headline"].table)
    exportable = [*tables, *(extra or {}).get("export_tables", [])]
    exported = _export(request, exportable, association=association) if scope is not None else None
    if exported is not None:
        return exported
    query = request.GET.copy()
    for key in ("export", "format"):
        query.pop(key, None)
    context = {
        "page": page,
        "pages": [
            {
                "title": p.title,
                "url": reverse(f"dashboards:{p.name}", args=url_args),
                "current": p == page,
            }
            for p in pages
        ],
        "form": form,
        "scope": scope,
        "refreshed": refreshed,
        "tables": tables,
        "association": association,
        "query": query.urlencode(),
        "invalid_filters": not form.is_valid(),
        "nothing": nothing,
        **_table_templates(),
        **(extra or {}),
    }
    return render(request, "dashboards/page.html", context)


def _national(request, page_name, extra=None):
    today = timezone.localdate()
    form = FilterForm(data=request.GET or None, today=today)
    scope = form.scope(today=today) if form.is_bound and form.is_valid() else Scope(today=today)
    if form.is_bound and not form.is_valid():
        scope = None
    if not form.is_bound:
        form = FilterForm(data={"annee": today.year}, today=today)
    headline = overview.headline(scope) if scope is not None and page_name == "national" else None
    return _render(
        request,
        pages=NATIONAL_PAGES,
        page_name=page_name,
        form=form,
        scope=scope,
        association=None,
        extra={"headline": headline, "national": True, **(extra or {})},
    )


@ministry_required
@require_GET
def national(request):
    return _national(request, "national")


@ministry_required
@require_GET
def national_funnel(request):
    return _national(request, "national_funnel")


@ministry_required
@require_GET
def national_durations(request):
    return _national(request, "national_durations")


@ministry_required
@require_GET
def national_cadence(request):
    return _national(request, "national_cadence")


@ministry_required
@require_GET
def national_reach(request):
    return _national(request, "national_reach")


@ministry_required
@require_GET
def national_outcomes(request):
    return _national(request, "national_outcomes")


@ministry_required
@require_GET
def national_supply(request):
    return _national(request, "national_supply")


@ministry_required
@require_GET
def national_associations(request):
    sort = request.GET.get("tri", "association")
    descending = request.GET.get("ordre") == "desc"
    return _national(
        request,
        "national_associations",
        extra={"sort": sort, "descending": descending, "sorts": associations.ASSOCIATION_SORTS},
    )


@ministry_required
@require_http_methods(["GET", "POST"])
def targets(request):
    """The ministry's yearly targets: one line per year, and a new year to add."""
    formset = TargetFormSet(data=request.POST or None, queryset=YearlyTarget.objects.all())
    if request.method == "POST" and formset.is_valid():
        formset.save()
        messages.success(request, _("Les objectifs annuels sont enregistrés."))
        return redirect("dashboards:targets")
    return render(request, "dashboards/targets.html", {"formset": formset})


# The association's own dashboard -------------------------------------------------------------


def _association_scope(request, slug):
    """The association, if this person works for it (else 404), and whether they see it as
    its coordinator (all its pairs) or as a referent (the pairs of the mentors they follow)."""
    membership = get_object_or_404(
        StaffMembership.objects.select_related("association"),
        user=request.user,
        association__slug=slug,
    )
    return membership.association, None if membership.is_coordinator else request.user.pk


def _association_page(request, slug, page_name, extra_builder=None):
    association, referent_id = _association_scope(request, slug)
    today = timezone.localdate()
    form = FilterForm(data=request.GET or None, association=association, today=today)
    if form.is_bound:
        scope = (
            form.scope(
                today=today, association=association, national=False, referent_id=referent_id
            )
            if form.is_valid()
            else None
        )
    else:
        form = FilterForm(data={"annee": today.year}, association=association, today=today)
        scope = Scope.for_association(association, referent_id=referent_id, today=today)
    extra = {"referent_view": referent_id is not None, "national": False}
    if scope is not None and extra_builder is not None:
        extra.update(extra_builder(request, association, scope))
    return _render(
        request,
        pages=ASSOCIATION_PAGES,
        page_name=page_name,
        form=form,
        scope=scope,
        association=association,
        extra=extra,
        url_args=(association.slug,),
    )


AT_RISK_SHOWN = 20


def _overview_extra(request, association, scope):
    """Headline, what waits for the team, and the pairs at risk (with names: their staff)."""
    to_vet = (
        YouthProfile.objects.for_association(association).pending_review().count()
        + MentorProfile.objects.for_association(association).pending_review().count()
    )
    to_review = Pair.objects.for_association(association).filter(status=PairStatus.PROPOSED).count()
    own = scope.pairs().filter(status=PairStatus.ACTIVE)
    life = own.aggregate(
        late=Count("pair_id", filter=Q(cadence_status=CadenceStatus.LATE)),
        contacts=Count(
            "pair_id", filter=Q(contact_state__in=[ContactState.LATE, ContactState.SOON])
        ),
    )
    # The page lists the riskiest; the export, every pair at risk.
    exporting = request.GET.get("export") == "binomes-a-risque"
    at_risk = own.filter(risk__gt=0).order_by("-risk", "started_on", "pair_id")
    at_risk = list(
        at_risk.values("pair_id", "risk", "signals")[: None if exporting else AT_RISK_SHOWN]
    )
    names = {
        pair.pk: pair
        for pair in Pair.objects.filter(pk__in=[row["pair_id"] for row in at_risk]).select_related(
            "youth__user", "mentor__user", "mentor__referent"
        )
    }
    labels = {signal.code: signal.label for signal in SIGNALS}
    risky = [
        {
            "pair": names[row["pair_id"]],
            "risk": row["risk"],
            "signals": [labels[code] for code in row["signals"].split(",") if code in labels],
        }
        for row in at_risk
        if row["pair_id"] in names
    ]
    at_risk_table = Table(
        slug="binomes-a-risque",
        title=_("Binômes à risque"),
        columns=[
            Column("youth", _("Jeune")),
            Column("mentor", _("Mentor")),
            Column("referent", _("Référent·e")),
            Column("signals", _("Signaux")),
            Column("started_on", _("Début"), ColumnKind.DATE),
        ],
        rows=[
            [
                row["pair"].youth.user.get_full_name(),
                row["pair"].mentor.user.get_full_name(),
                row["pair"].mentor.referent.get_full_name() if row["pair"].mentor.referent else "",
                ", ".join(str(label) for label in row["signals"]),
                row["pair"].started_on,
            ]
            for row in risky
        ],
    )
    return {
        "export_tables": [at_risk_table],
        "at_risk_table": at_risk_table,
        "headline": overview.headline(scope),
        "pending": {
            "to_vet": to_vet,
            "to_review": to_review,
            "late": life["late"],
            "contacts": life["contacts"],
        },
        "at_risk": risky,
    }


@staff_required
@require_GET
def association(request, slug):
    return _association_page(request, slug, "association", _overview_extra)


@staff_required
@require_GET
def association_indicators(request, slug):
    return _association_page(request, slug, "association_indicators")


@staff_required
@require_GET
def association_outcomes(request, slug):
    return _association_page(request, slug, "association_outcomes")
