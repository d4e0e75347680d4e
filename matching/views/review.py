"""Staff review a programme's proposals: validate them (both people are emailed and have
7 days to answer) or set them aside with a reason, one by one or in bulk."""

import re

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from mentorat.pagination import paginate
from mentorat.states import InvalidTransition
from programmes.access import programme_of_staff, staff_required

from ..explanations import explanation_lines
from ..forms import ProposalDecisionForm, RejectionForm
from ..models import Pair
from ..workflow import pair_approve, pair_reject

PAGE_SIZE = 50


def staff_pairs_of(request, programme):
    """The pairs of a programme, as the staff member asking may see them."""
    return Pair.objects.staffed_by(request.user).filter(programme=programme)


@staff_required
@require_http_methods(["GET", "POST"])
def proposals(request, slug, programme_slug):
    programme = programme_of_staff(request, slug, programme_slug)
    pending = staff_pairs_of(request, programme).proposed()
    if request.method == "GET" and "proposition" in request.GET:
        return to_proposal(request, pending, request.GET["proposition"], slug, programme_slug)
    form = ProposalDecisionForm(data=request.POST or None, proposals=pending)
    if request.method == "POST" and form.is_valid():
        decide(request, form.cleaned_data)
        return redirect("matching:proposals", slug=slug, programme_slug=programme_slug)
    rows = pending.select_related(
        "youth__user", "youth__departement", "mentor__user", "mentor__departement"
    ).order_by("-score", "pk")
    page = paginate(request, rows, PAGE_SIZE)
    return render(
        request,
        "matching/proposals.html",
        {
            "association": programme.association,
            "programme": programme,
            "page_obj": page,
            "pairs": with_explanation_lines(list(page.object_list)),
            "form": form,
            "checked": request.POST.getlist("pairs"),
        },
        status=400 if form.is_bound else 200,
    )


def to_proposal(request, pending, wanted: str, slug: str, programme_slug: str):
    """``?proposition=<pk>`` (the staff digest's links): the page of the list that shows this
    proposal, at its row, whatever the proposals before it; the first page, with a word, when
    it is no longer to examine (decided since, or not one this person may see)."""
    url = reverse("matching:proposals", args=[slug, programme_slug])
    # A primary key as we write it (a few ASCII digits): anything else is no proposal.
    page = page_of(pending, int(wanted)) if re.fullmatch(r"[0-9]{1,12}", wanted) else None
    if page is None:
        messages.info(request, _("Cette proposition n’est plus à examiner."))
        return redirect(url)
    query = f"?page={page}" if page > 1 else ""
    return redirect(f"{url}{query}#proposition-{wanted}")


def page_of(pending, pk: int) -> int | None:
    """The page of the list (best score first, then the oldest) where this proposal is."""
    score = pending.filter(pk=pk).values_list("score", flat=True).first()
    if score is None:
        return None
    before = pending.filter(Q(score__gt=score) | Q(score=score, pk__lt=pk)).count()
    return before // PAGE_SIZE + 1


def deadline_text(pair: Pair) -> str:
    """The answer deadline as the table and the emails give it: the local day."""
    return date_format(timezone.localtime(pair.answer_deadline), "l j F Y")


def decide(request, decision) -> None:
    """Apply one decision to each chosen proposal; one already decided is reported, not fatal."""
    done, refusals, last = 0, [], None
    for pair in decision["pairs"].select_related("youth__user", "mentor__user"):
        try:
            if decision["decision"] == ProposalDecisionForm.APPROVE:
                last = pair_approve(pair=pair, by=request.user)
            else:
                pair_reject(pair=pair, by=request.user, reason=decision["reason"])
        except InvalidTransition as refusal:
            refusals.append(f"{pair} : {' '.join(refusal.messages)}")
        else:
            done += 1
    if decision["decision"] == ProposalDecisionForm.APPROVE:
        text = ngettext(
            "%(count)d proposition validée : le jeune et le mentor ont reçu un courriel et ont "
            "jusqu’au %(deadline)s pour répondre.",
            "%(count)d propositions validées : chaque jeune et chaque mentor ont reçu un "
            "courriel et ont jusqu’au %(deadline)s pour répondre.",
            done,
        )
    else:
        text = ngettext("%(count)d proposition écartée.", "%(count)d propositions écartées.", done)
    if done:
        messages.success(
            request, text % {"count": done, "deadline": deadline_text(last) if last else ""}
        )
    for refusal in refusals:
        messages.error(request, refusal)


def with_explanation_lines(pairs: list[Pair]) -> list[Pair]:
    """Give each pair its explanation in French, as stored when it was proposed."""
    for pair in pairs:
        pair.lines = explanation_lines(pair.explanation)
    return pairs


@staff_required
@require_POST
def proposal_approve(request, slug, programme_slug, pk):
    programme = programme_of_staff(request, slug, programme_slug)
    pair = get_object_or_404(
        staff_pairs_of(request, programme).select_related("youth__user", "mentor__user"), pk=pk
    )
    try:
        pair = pair_approve(pair=pair, by=request.user)
    except InvalidTransition as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(
            request,
            _(
                "Proposition validée : %(youth)s et %(mentor)s ont reçu un courriel et ont "
                "jusqu’au %(deadline)s pour répondre."
            )
            % {
                "youth": pair.youth.user,
                "mentor": pair.mentor.user,
                "deadline": deadline_text(pair),
            },
        )
    return redirect("matching:proposals", slug=slug, programme_slug=programme_slug)


@staff_required
@require_http_methods(["GET", "POST"])
def proposal_reject(request, slug, programme_slug, pk):
    programme = programme_of_staff(request, slug, programme_slug)
    pair = get_object_or_404(
        staff_pairs_of(request, programme).select_related(
            "youth__user", "youth__departement", "mentor__user", "mentor__departement"
        ),
        pk=pk,
    )
    form = RejectionForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pair_reject(pair=pair, by=request.user, reason=form.cleaned_data["reason"])
        except InvalidTransition as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(
                request,
                _("Proposition écartée : %(youth)s et %(mentor)s.")
                % {"youth": pair.youth.user, "mentor": pair.mentor.user},
            )
        return redirect("matching:proposals", slug=slug, programme_slug=programme_slug)
    return render(
        request,
        "matching/proposal_reject.html",
        {
            "association": programme.association,
            "programme": programme,
            "pair": with_explanation_lines([pair])[0],
            "form": form,
        },
        status=400 if form.is_bound else 200,
    )
