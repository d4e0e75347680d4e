"""Association staff review the youths and mentors who signed up with their association."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from mentorat.events import file_viewed
from mentorat.pagination import paginate
from mentorat.states import InvalidTransition, counts_by_status

from .. import signup
from ..access import staff_associations, staff_required
from ..enums import ConsentDecision, ParticipantStatus
from ..forms.vetting import (
    AttestationForm,
    ConsentReopenForm,
    ReferentForm,
    RejectionForm,
    VettingFilterForm,
)
from ..models import MentorProfile, YouthProfile
from ..vetting import participant_approve, participant_reject

PAGE_SIZE = 20


@dataclass(frozen=True)
class Tab:
    slug: str
    status: ParticipantStatus
    label: str


TO_REVIEW = Tab("a-examiner", ParticipantStatus.PENDING_REVIEW, gettext_lazy("À examiner"))
READY = Tab("prets", ParticipantStatus.READY, gettext_lazy("Prêts"))
REJECTED = Tab("refuses", ParticipantStatus.REJECTED, gettext_lazy("Refusés"))
AWAITING_CONSENT = Tab(
    "accord-parental",
    ParticipantStatus.AWAITING_CONSENT,
    gettext_lazy("En attente d’accord parental"),
)


@dataclass(frozen=True)
class PeopleKind:
    """Youths or mentors: what the pages need to know to list and show them."""

    slug: str
    model: type[YouthProfile] | type[MentorProfile]
    title: str
    tabs: tuple[Tab, ...]
    list_related: tuple[str, ...]
    detail_related: tuple[str, ...]


KINDS = {
    "jeunes": PeopleKind(
        slug="jeunes",
        model=YouthProfile,
        title=gettext_lazy("Jeunes"),
        tabs=(TO_REVIEW, READY, REJECTED, AWAITING_CONSENT),
        list_related=("user", "programme", "departement"),
        detail_related=(
            "user",
            "programme__association",
            "departement",
            "possible_duplicate_of__programme__association",
            "reviewed_by",
        ),
    ),
    "mentors": PeopleKind(
        slug="mentors",
        model=MentorProfile,
        title=gettext_lazy("Mentors"),
        tabs=(TO_REVIEW, READY, REJECTED),
        list_related=("user", "programme", "departement", "referent"),
        detail_related=(
            "user",
            "programme__association",
            "departement",
            "referent",
            "attestation_checked_by",
            "reviewed_by",
        ),
    ),
}


class KindConverter:
    """`jeunes` or `mentors` in a URL."""

    regex = "|".join(KINDS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


@staff_required
@require_GET
def staff_home(request):
    """Staff's home: the youths of their first association."""
    association = staff_associations(request.user).order_by("name").first()
    if association is None:
        return render(request, "programmes/vetting/no_association.html")
    return redirect("programmes:vetting_list", slug=association.slug, kind="jeunes")


@staff_required
@require_GET
def vetting_list(request, slug, kind):
    associations = staff_associations(request.user).order_by("name")
    association = get_object_or_404(associations, slug=slug)
    people_kind = KINDS[kind]
    people = people_kind.model.objects.for_association(association)
    filters = VettingFilterForm(data=request.GET, association=association, people=people)
    found = filters.filter(people)
    counts = counts_by_status(found, [tab.status for tab in people_kind.tabs])
    asked = request.GET.get("etat")
    current = next((tab for tab in people_kind.tabs if tab.slug == asked), people_kind.tabs[0])
    rows = (
        found.filter(status=current.status)
        .with_email_confirmed()
        .select_related(*people_kind.list_related)
        .order_by("created_at", "pk")  # first come, first reviewed
    )
    page = paginate(request, rows, PAGE_SIZE)
    return render(
        request,
        "programmes/vetting/list.html",
        {
            "association": association,
            "associations": associations,
            "kind": people_kind,
            "kinds": KINDS.values(),
            "filters": filters,
            "tabs": _tab_links(request, people_kind.tabs, counts, current),
            "current_tab": current,
            "page_obj": page,
        },
    )


def _tab_links(request, tabs, counts, current):
    """Each tab keeps the search and filters, and starts again at the first page."""
    query = request.GET.copy()
    query.pop("page", None)
    links = []
    for tab in tabs:
        query["etat"] = tab.slug
        links.append(
            {
                "label": tab.label,
                "count": counts[tab.status],
                "query": query.urlencode(),
                "is_current": tab == current,
            }
        )
    return links


@staff_required
@require_GET
def vetting_detail(request, slug, kind, pk):
    association, person = _person(request, slug, kind, pk)
    # The audit trail keeps who opened a minor's file.
    file_viewed.send(sender=type(person), instance=person, by=request.user)
    return _render_detail(request, association, kind, person)


@staff_required
@require_POST
def vetting_approve(request, slug, kind, pk):
    association, person = _person(request, slug, kind, pk)
    try:
        participant_approve(participant=person, by=request.user, dashboard_url=_dashboard(request))
    except InvalidTransition as refusal:
        messages.error(request, " ".join(refusal.messages))
        return redirect("programmes:vetting_detail", slug=slug, kind=kind, pk=pk)
    if isinstance(person, MentorProfile) and not person.has_valid_attestation():
        messages.warning(
            request,
            _(
                "%(name)s est prêt(e) pour la mise en relation, mais seulement avec des jeunes "
                "majeurs tant que son attestation d’honorabilité n’est pas valide."
            )
            % {"name": person.user},
        )
    else:
        messages.success(
            request,
            _("%(name)s est prêt(e) pour la mise en relation. Un courriel l’en informe.")
            % {"name": person.user},
        )
    return redirect("programmes:vetting_list", slug=slug, kind=kind)


@staff_required
@require_POST
def vetting_reject(request, slug, kind, pk):
    association, person = _person(request, slug, kind, pk)
    form = RejectionForm(data=request.POST)
    if not form.is_valid():
        return _render_detail(request, association, kind, person, rejection_form=form)
    try:
        participant_reject(
            participant=person,
            by=request.user,
            reason=form.cleaned_data["reason"],
            dashboard_url=_dashboard(request),
        )
    except InvalidTransition as refusal:
        messages.error(request, " ".join(refusal.messages))
        return redirect("programmes:vetting_detail", slug=slug, kind=kind, pk=pk)
    messages.success(
        request,
        _("L’inscription de %(name)s est refusée. Un courriel lui en donne le motif.")
        % {"name": person.user},
    )
    return redirect("programmes:vetting_list", slug=slug, kind=kind)


@staff_required
@require_POST
def consent_reopen(request, slug, pk):
    """After a parent's refusal, staff who talked with the family send a new request."""
    association, youth = _person(request, slug, "jeunes", pk)
    form = ConsentReopenForm(data=request.POST, youth=youth)
    if not form.is_valid():
        return _render_detail(request, association, "jeunes", youth, reopen_form=form)
    try:
        consent = signup.consent_request(
            youth=youth,
            guardian_name=form.cleaned_data["guardian_name"],
            guardian_email=form.cleaned_data["guardian_email"],
            base_url=request.build_absolute_uri("/"),
            by=request.user,
            reopen_reason=form.cleaned_data["reason"],
        )
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(
            request,
            _("Demande rouverte : %(email)s a reçu un nouveau lien, valable 30 jours.")
            % {"email": consent.guardian_email},
        )
    return redirect("programmes:vetting_detail", slug=slug, kind="jeunes", pk=pk)


@staff_required
@require_POST
def mentor_referent_assign(request, slug, pk):
    association, mentor = _person(request, slug, "mentors", pk)
    form = ReferentForm(data=request.POST, association=association)
    if not form.is_valid():
        return _render_detail(request, association, "mentors", mentor, referent_form=form)
    mentor.referent = form.cleaned_data["referent"]
    mentor.save(update_fields=["referent"])
    messages.success(
        request,
        _("%(referent)s est désormais référent·e de %(mentor)s.")
        % {"referent": mentor.referent, "mentor": mentor.user},
    )
    return redirect("programmes:vetting_detail", slug=slug, kind="mentors", pk=pk)


@staff_required
@require_POST
def criteria_edit_acknowledge(request, slug, kind, pk):
    _association, person = _person(request, slug, kind, pk)
    person.acknowledge_criteria_edit()
    messages.success(request, _("Modifications relues."))
    return redirect("programmes:vetting_detail", slug=slug, kind=kind, pk=pk)


@staff_required
@require_POST
def mentor_attestation_record(request, slug, pk):
    association, mentor = _person(request, slug, "mentors", pk)
    form = AttestationForm(data=request.POST)
    if not form.is_valid():
        return _render_detail(request, association, "mentors", mentor, attestation_form=form)
    mentor.record_attestation_seen(
        by=request.user, attestation_date=form.cleaned_data["attestation_date"]
    )
    messages.success(
        request,
        _("Attestation d’honorabilité enregistrée : valable jusqu’au %(date)s.")
        % {"date": mentor.attestation_valid_until().strftime("%d/%m/%Y")},
    )
    return redirect("programmes:vetting_detail", slug=slug, kind="mentors", pk=pk)


def _person(request, slug, kind, pk):
    """The association, among the user's, and one of its people (anyone else's is a 404)."""
    association = get_object_or_404(staff_associations(request.user), slug=slug)
    people_kind = KINDS[kind]
    people = people_kind.model.objects.for_association(association)
    person = get_object_or_404(
        people.with_email_confirmed().select_related(*people_kind.detail_related), pk=pk
    )
    return association, person


def _render_detail(request, association, kind, person, **bound_forms):
    is_mentor = isinstance(person, MentorProfile)
    consents = [] if is_mentor else list(person.consent_requests.history())
    latest = consents[-1] if consents else None
    may_reopen = (
        latest is not None
        and latest.decision == ConsentDecision.REFUSED
        and person.status == ParticipantStatus.AWAITING_CONSENT
    )
    approval_blocker = None if is_mentor else person.approval_blocker
    context = {
        "association": association,
        "kind": KINDS[kind],
        "person": person,
        "is_mentor": is_mentor,
        "consents": consents,
        "consent": latest,
        "decisions": ConsentDecision,
        "approval_blocker": approval_blocker,
        "may_approve": person.status == ParticipantStatus.PENDING_REVIEW
        and approval_blocker is None,
        "may_reject": person.status in {ParticipantStatus.PENDING_REVIEW, ParticipantStatus.READY},
        "rejection_form": RejectionForm(),
        "reopen_form": ConsentReopenForm(
            youth=person,
            initial={
                "guardian_name": latest.guardian_name,
                "guardian_email": latest.guardian_email,
            },
        )
        if may_reopen
        else None,
        "referent_form": ReferentForm(
            association=association, initial={"referent": person.referent_id}
        )
        if is_mentor
        else None,
        # What the mentor declared is what staff check against the document they see.
        "attestation_form": AttestationForm(
            initial={"attestation_date": person.attestation_date}
            if person.attestation_declared_only
            else {}
        )
        if is_mentor
        else None,
    }
    context.update(bound_forms)
    return render(request, "programmes/vetting/detail.html", context)


def _dashboard(request) -> str:
    return request.build_absolute_uri(reverse("core:dashboard"))
