"""Ministry pages: the labelled associations, their label history and the decisions on it."""

from dataclasses import dataclass

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from mentorat.pagination import paginate
from mentorat.states import InvalidTransition

from ..access import ministry_required
from ..enums import LabelStatus
from ..forms.associations import (
    AssociationFilterForm,
    AssociationForm,
    LabelForm,
    SanctionForm,
    count_by_status,
)
from ..forms.team import CoordinatorInvitationForm
from ..labels import association_label_decide
from ..models import Association
from ..models.associations import LABEL_TRANSITIONS
from .team import send_invitation

ASSOCIATIONS_PER_PAGE = 25


@dataclass(frozen=True)
class LabelDecisionKind:
    """One of the ministry's decisions: the form that asks for it, the state it leads to."""

    status: LabelStatus
    form_class: type
    title: str
    done: str
    renewal_title: str = ""  # when the association already has this status

    def title_for(self, association: Association) -> str:
        if self.renewal_title and association.label_status == self.status:
            return self.renewal_title
        return self.title


# Keyed by the word in the decision's URL.
DECISIONS = {
    "labellisation": LabelDecisionKind(
        LabelStatus.LABELLED,
        LabelForm,
        _("Labelliser l’association"),
        _("L’association est labellisée."),
        renewal_title=_("Renouveler le label pour une campagne"),
    ),
    "suspension": LabelDecisionKind(
        LabelStatus.SUSPENDED,
        SanctionForm,
        _("Suspendre le label"),
        _("Le label est suspendu."),
    ),
    "retrait": LabelDecisionKind(
        LabelStatus.WITHDRAWN,
        SanctionForm,
        _("Retirer le label"),
        _("Le label est retiré."),
    ),
}


@ministry_required
@require_GET
def association_list(request):
    filters = AssociationFilterForm(data=request.GET)
    in_departement = filters.in_departement(Association.objects.all())
    associations = (
        filters.in_need_of_staff(filters.with_status(in_departement))
        .with_active_staff_count()
        .annotate(programme_count=Count("programmes", distinct=True))
        .prefetch_related("departements")
        .order_by("name")
    )
    page = paginate(request, associations, ASSOCIATIONS_PER_PAGE)
    return render(
        request,
        "programmes/associations/list.html",
        {
            "filters": filters,
            "status_counts": count_by_status(in_departement),
            "without_staff_count": in_departement.labelled().without_staff().count(),
            "page": page,
        },
    )


@ministry_required
def association_create(request):
    form = AssociationForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                association = form.save()
        except IntegrityError:  # created by someone else since the form was checked
            form.add_error(None, _("Une association porte déjà ce nom ou ce numéro."))
        else:
            messages.success(
                request,
                _("L’association « %(name)s » est créée : elle est candidate au label.")
                % {"name": association.name},
            )
            return redirect("programmes:association_detail", slug=association.slug)
    return render(request, "programmes/associations/create.html", {"form": form})


@ministry_required
@require_GET
def association_detail(request, slug):
    association = get_object_or_404(
        Association.objects.with_active_staff_count().prefetch_related("departements"), slug=slug
    )
    return render(
        request,
        "programmes/associations/detail.html",
        {
            "association": association,
            "decisions": association.label_decisions.select_related("decided_by"),
            "programmes": association.programmes.with_youth_count().order_by("name"),
            "possible_decisions": [
                (word, kind.title_for(association))
                for word, kind in DECISIONS.items()
                if LABEL_TRANSITIONS.allows(association.label_status, kind.status)
            ],
        },
    )


@ministry_required
def association_decide(request, slug, decision):
    kind = DECISIONS.get(decision)
    if kind is None:
        raise Http404
    association = get_object_or_404(Association, slug=slug)
    form = kind.form_class(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            association_label_decide(
                association=association, status=kind.status, by=request.user, **form.cleaned_data
            )
        except InvalidTransition as error:
            form.add_error(None, error)
        else:
            messages.success(request, kind.done)
            return redirect("programmes:association_detail", slug=association.slug)
    return render(
        request,
        "programmes/associations/decide.html",
        {"association": association, "form": form, "title": kind.title_for(association)},
    )


@ministry_required
def association_invite_coordinator(request, slug):
    """A new association gets its first coordinator from the ministry; they invite the rest."""
    association = get_object_or_404(Association, slug=slug)
    form = CoordinatorInvitationForm(association=association, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = form.save(invited_by=request.user)
        send_invitation(request, invitation)
        messages.success(
            request, _("Invitation envoyée à %(email)s.") % {"email": invitation.email}
        )
        return redirect("programmes:association_detail", slug=association.slug)
    return render(
        request,
        "programmes/associations/invite_coordinator.html",
        {"association": association, "form": form},
    )
