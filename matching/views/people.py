"""The youth's and the mentor's side: their proposals and pairs, and their answers."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentorat.accounts.enums import Role
from programmes.access import role_required
from programmes.models import InvalidTransition

from ..forms import AnswerForm
from ..models import Pair
from ..workflow import pair_answer

youth_or_mentor_required = role_required(Role.YOUTH, Role.MENTOR)


def pairs_of(user):
    return Pair.objects.involving(user).select_related(
        "programme__association", "youth__user", "mentor__user"
    )


@youth_or_mentor_required
def my_pairs(request):
    pairs = list(pairs_of(request.user).exclude(status__in=["proposed", "rejected"]))
    for pair in pairs:
        pair.my_answer = pair.answer_of(request.user)
        pair.other = pair.mentor.user if pair.youth.user_id == request.user.pk else pair.youth.user
    return render(request, "matching/my_pairs.html", {"pairs": pairs, "answer_form": AnswerForm()})


@youth_or_mentor_required
@require_POST
def answer(request, pk):
    # Staff's proposals not yet approved stay invisible: they are not sent yet.
    pair = get_object_or_404(pairs_of(request.user).exclude(status="proposed"), pk=pk)
    form = AnswerForm(data=request.POST)
    if not form.is_valid():
        pair.my_answer = pair.answer_of(request.user)
        pair.other = pair.mentor.user if pair.youth.user_id == request.user.pk else pair.youth.user
        return render(
            request,
            "matching/my_pairs.html",
            {"pairs": [pair], "answer_form": form, "answering": pair.pk},
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
        messages.success(
            request,
            _("Merci, votre réponse est enregistrée.")
            if pair.status != "active"
            else _("Vous avez tous les deux accepté : votre binôme commence !"),
        )
    return redirect("matching:my_pairs")
