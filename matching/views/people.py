"""The youth's and the mentor's side: their proposals and pairs, and their answers."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentorat.accounts.enums import Role
from mentorat.states import InvalidTransition
from programmes.access import role_required

from ..disclosure import other_side
from ..enums import PairStatus
from ..forms import AnswerForm
from ..models import Pair
from ..workflow import pair_answer

youth_or_mentor_required = role_required(Role.YOUTH, Role.MENTOR)


def my_pairs_of(user):
    """The pairs shown to a youth or a mentor: staff's proposals reach them once approved;
    those staff set aside were never sent, and stay invisible (a 404)."""
    return (
        Pair.objects.involving(user)
        .exclude(status__in=[PairStatus.PROPOSED, PairStatus.REJECTED])
        .select_related("programme__association", "youth__user", "mentor__user")
    )


def as_seen_by(pair, user):
    """The pair with what this person may see of the other."""
    pair.my_answer = pair.answer_of(user)
    pair.other_side = other_side(pair, user)
    return pair


@youth_or_mentor_required
def my_pairs(request):
    pairs = [as_seen_by(pair, request.user) for pair in my_pairs_of(request.user)]
    return render(
        request,
        "matching/my_pairs.html",
        {"pairs": pairs, "answer_form": AnswerForm(youth=request.user.is_youth)},
    )


@youth_or_mentor_required
@require_POST
def answer(request, pk):
    pair = get_object_or_404(my_pairs_of(request.user), pk=pk)
    form = AnswerForm(data=request.POST, youth=request.user.is_youth)
    if not form.is_valid():
        return render(
            request,
            "matching/my_pairs.html",
            {"pairs": [as_seen_by(pair, request.user)], "answer_form": form, "answering": pair.pk},
            status=400,
        )
    try:
        pair = pair_answer(
            pair=pair,
            by=request.user,
            accepted=form.cleaned_data["accepted"],
            reason=form.cleaned_data["reason"],
        )
    except InvalidTransition as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, answer_recorded(pair, youth=request.user.is_youth))
    return redirect("matching:my_pairs")


def answer_recorded(pair, *, youth: bool) -> str:
    if pair.status == PairStatus.ACTIVE:
        return (
            _("Tu as accepté, ton mentor aussi : ton binôme commence !")
            if youth
            else _("Vous avez tous les deux accepté : votre binôme commence !")
        )
    if pair.status == PairStatus.DECLINED:
        return (
            _("Ta réponse est enregistrée : l’association te proposera quelqu’un d’autre.")
            if youth
            else _("Votre réponse est enregistrée : l’association vous proposera un autre jeune.")
        )
    return (
        _("Merci, ta réponse est enregistrée.")
        if youth
        else _("Merci, votre réponse est enregistrée.")
    )
