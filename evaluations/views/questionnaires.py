"""The youth fills the start and end self-evaluations; the mentor and the association's staff
read them; the end one shows the progress since the start. Staff write their own version."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mentorat.accounts.enums import Role
from programmes.access import association_of_staff, staff_required
from programmes.models import InvalidTransition

from ..access import pairs_readable_by, role_in_pair
from ..enums import QuestionnaireKind
from ..forms.questionnaires import ResponseForm, VersionMetaForm, item_formset
from ..models import Answer, Item, Questionnaire, Response
from ..progress import answer_display, compare

# The moment in the address, in French.
MOMENTS = {"depart": QuestionnaireKind.START, "fin": QuestionnaireKind.END}
MOMENT_OF = {kind: moment for moment, kind in MOMENTS.items()}


def kind_of(moment: str) -> QuestionnaireKind:
    if moment not in MOMENTS:
        raise Http404
    return MOMENTS[moment]


def readable_pair(request, pk):
    return get_object_or_404(
        pairs_readable_by(request.user).select_related(
            "programme__association", "youth__user", "mentor__user"
        ),
        pk=pk,
    )


def response_of(pair, kind):
    return (
        Response.objects.filter(pair=pair, kind=kind)
        .select_related("questionnaire")
        .prefetch_related(
            Prefetch(
                "answers", queryset=Answer.objects.select_related("item").order_by("item__position")
            )
        )
        .first()
    )


def grouped_answers(response) -> list[tuple[str, list[tuple[str, str]]]]:
    groups: dict[str, list] = {}
    for answer in response.answers.all():
        groups.setdefault(answer.item.get_dimension_display(), []).append(
            (answer.item.text, answer_display(answer))
        )
    return list(groups.items())


@require_http_methods(["GET", "POST"])
def questionnaire(request, pk, moment):
    kind = kind_of(moment)
    pair = readable_pair(request, pk)
    viewer = role_in_pair(pair, request.user)
    response = response_of(pair, kind)
    context = {
        "pair": pair,
        "kind": kind,
        "kind_label": QuestionnaireKind(kind).label,
        "moment": moment,
        "viewer": viewer,
        "response": response,
    }
    if response is None and viewer == Role.YOUTH and Response.is_open(pair, kind):
        return _fill(request, pair, kind, context)
    if request.method == "POST":
        if viewer != Role.YOUTH:
            raise PermissionDenied
        messages.error(request, _("Ce questionnaire ne peut plus être rempli."))
        return redirect("evaluations:questionnaire", pk=pair.pk, moment=moment)
    if response is not None:
        context["groups"] = grouped_answers(response)
        context["outcomes"] = response.objective_outcomes.select_related("objective")
        if kind == QuestionnaireKind.END:
            start = response_of(pair, QuestionnaireKind.START)
            context["progress"] = compare(start, response) if start else None
    return render(request, "evaluations/questionnaire.html", context)


def _fill(request, pair, kind, context):
    questionnaire = Questionnaire.objects.current(kind=kind, association=pair.programme.association)
    if questionnaire is None:
        raise Http404
    objectives = pair.objectives.order_by("pk") if kind == QuestionnaireKind.END else ()
    form = ResponseForm(
        data=request.POST or None, questionnaire=questionnaire, objectives=objectives
    )
    if request.method == "POST" and form.is_valid():
        try:
            Response.record(
                pair=pair,
                questionnaire=questionnaire,
                by=request.user,
                values=form.values(),
                outcomes=form.outcomes(),
            )
        except InvalidTransition as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(
                request, _("Merci, tes réponses sont enregistrées. Ton mentor pourra les lire.")
            )
        return redirect("evaluations:questionnaire", pk=pair.pk, moment=context["moment"])
    context.update(form=form, questionnaire=questionnaire)
    status = 400 if request.method == "POST" else 200
    return render(request, "evaluations/questionnaire_fill.html", context, status=status)


# Association staff: the versions their pairs answer, and their own new versions.


def _with_items(queryset):
    return queryset.prefetch_related(Prefetch("items", queryset=Item.objects.order_by("position")))


@staff_required
@require_GET
def versions(request, slug):
    association = association_of_staff(request, slug)
    current = [
        (kind, moment, Questionnaire.objects.current(kind=kind, association=association))
        for moment, kind in MOMENTS.items()
    ]
    history = Questionnaire.objects.of(association).order_by("kind", "-version")
    return render(
        request,
        "evaluations/versions.html",
        {
            "association": association,
            "section": "questionnaires",
            "current": current,
            "history": history,
        },
    )


@staff_required
@require_GET
def version_detail(request, slug, pk):
    association = association_of_staff(request, slug)
    # The association's own versions, and the platform's that it may be answering.
    own_or_platform = Questionnaire.objects.of(association) | Questionnaire.objects.platform()
    questionnaire = get_object_or_404(_with_items(own_or_platform), pk=pk)
    return render(
        request,
        "evaluations/version_detail.html",
        {"association": association, "questionnaire": questionnaire},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def version_create(request, slug, moment):
    association = association_of_staff(request, slug)
    kind = kind_of(moment)
    current = Questionnaire.objects.current(kind=kind, association=association)
    data = request.POST or None
    meta = VersionMetaForm(
        data=data, initial={"introduction": current.introduction if current else ""}
    )
    formset = item_formset(data=data, questionnaire_kind=kind, current=current)
    if request.method == "POST" and meta.is_valid() and formset.is_valid():
        questionnaire = Questionnaire.publish(
            kind=kind,
            association=association,
            items=formset.items,
            by=request.user,
            introduction=meta.cleaned_data["introduction"],
        )
        messages.success(
            request,
            _("Version %(version)s enregistrée : les prochains questionnaires la suivront.")
            % {"version": questionnaire.version},
        )
        return redirect("evaluations:versions", slug=association.slug)
    return render(
        request,
        "evaluations/version_form.html",
        {
            "association": association,
            "kind_label": QuestionnaireKind(kind).label,
            "current": current,
            "meta": meta,
            "formset": formset,
        },
        status=400 if request.method == "POST" else 200,
    )
