"""The page a parent opens from the email: the programme in plain words, and their answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .. import rules, signup
from ..enums import ConsentDecision
from ..forms.signup import ConsentAnswerForm
from ..models import ParentalConsent
from ..tokens import with_token


@login_not_required
@never_cache
def consent_answer(request, token: str):
    consent = with_token(
        ParentalConsent.objects.select_related("youth__user", "youth__programme__association"),
        token,
    )
    if consent is not None and consent.decision == ConsentDecision.REPLACED:
        consent = None  # a newer request went out: this link says nothing more
    if consent is None or not consent.is_open:
        # Unknown or replaced by a newer request, expired or already answered: say which.
        return render(
            request,
            "programmes/consent/closed.html",
            {"consent": consent, "decisions": ConsentDecision},
            status=404 if consent is None else 200,
        )
    form = ConsentAnswerForm(
        data=request.POST or None, initial={"guardian_name": consent.guardian_name}
    )
    if form.is_valid():
        try:
            signup.consent_answer(
                consent=consent,
                given=form.cleaned_data["decision"] == ConsentDecision.GIVEN,
                guardian_name=form.cleaned_data["guardian_name"],
                base_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Merci, votre réponse est enregistrée."))
            return redirect("programmes:consent_answer", token=token)
    return render(
        request,
        "programmes/consent/answer.html",
        {"consent": consent, "youth": consent.youth, "form": form, "rules": rules},
    )
