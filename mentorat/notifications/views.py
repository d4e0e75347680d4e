"""A person's notifications on the site, their email preferences, and the signed one-click
link of each email (which works without logging in)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from mentorat.accounts.models import User
from mentorat.pagination import paginate

from .kinds import choosable_for, kind_of
from .links import read_preference_token
from .models import Notification, NotificationPreference

PER_PAGE = 30


@require_http_methods(["GET", "POST"])
def notification_list(request):
    mine = Notification.objects.of(request.user)
    if request.method == "POST":
        mine.unread().update(read_at=timezone.now())
        return redirect("notifications:list")
    page = paginate(
        request, mine.only("pk", "title", "body", "created_at", "read_at", "url"), PER_PAGE
    )
    return render(request, "notifications/list.html", {"page": page})


def notification_open(request, pk):
    """Mark one notification read and go to the page it is about."""
    notification = get_object_or_404(Notification.objects.of(request.user), pk=pk)
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now())
    target = notification.url or "notifications:list"
    if notification.url and not url_has_allowed_host_and_scheme(
        notification.url, allowed_hosts={request.get_host()}
    ):
        target = "notifications:list"
    return redirect(target)


class PreferencesForm(forms.Form):
    def __init__(self, *args, kinds, chosen: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds:
            self.fields[kind.code] = forms.BooleanField(
                label=kind.label,
                required=False,
                initial=chosen.get(kind.code, True),
                help_text=gettext_lazy("Décoché : seulement dans la liste du site."),
            )


@require_http_methods(["GET", "POST"])
def preferences(request):
    kinds = choosable_for(request.user)
    chosen = dict(
        NotificationPreference.objects.filter(user=request.user).values_list("kind", "by_email")
    )
    # Every box unticked posts nothing at all: still a POST to save (not "request.POST or None").
    posted = request.POST if request.method == "POST" else None
    form = PreferencesForm(data=posted, kinds=kinds, chosen=chosen)
    if request.method == "POST" and form.is_valid():
        for code, by_email in form.cleaned_data.items():
            if chosen.get(code, True) != by_email:
                NotificationPreference.choose(user=request.user, kind=code, by_email=by_email)
        messages.success(
            request,
            _("Tes préférences sont enregistrées.")
            if request.user.is_youth
            else _("Vos préférences sont enregistrées."),
        )
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@login_not_required
@csrf_exempt
@require_http_methods(["GET", "POST"])
def one_click(request, token):
    """GET asks (a mail scanner opening links changes nothing), POST turns the email off.

    The POST needs no CSRF token: the mail client's one-click unsubscribe (RFC 8058) posts
    ``List-Unsubscribe=One-Click`` here without cookies. The signed token is the only thing
    that says whose email and which kind, and another site cannot make it."""
    found = read_preference_token(token)
    kind = kind_of(found[1]) if found else None
    if kind is None or kind.essential:
        raise Http404
    person = User.objects.filter(pk=found[0], is_active=True).first()
    if person is None:
        raise Http404
    done = False
    if request.method == "POST":
        NotificationPreference.choose(user=person, kind=kind.code, by_email=False)
        done = True
    return render(
        request,
        "notifications/one_click.html",
        {"kind": kind, "person": person, "done": done, "familiar": person.is_youth},
    )
