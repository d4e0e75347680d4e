"""The privacy notice, the legal notice and the accessibility statement: public pages, in
French, linked from the footer and from each sign-up form. What differs between deployments
(who publishes, who hosts, whom to write to) comes from the LEGAL settings."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET


def optional_url(name: str) -> str | None:
    """The address of a page another part of the platform may not have yet."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _page(request, template: str, **context):
    return render(request, f"legal/{template}.html", {"legal": settings.LEGAL, **context})


@login_not_required
@require_GET
def privacy(request):
    return _page(
        request,
        "privacy",
        export_url=optional_url("privacy:export"),
        erase_url=optional_url("privacy:erase"),
    )


@login_not_required
@require_GET
def notice(request):
    return _page(request, "notice")


@login_not_required
@require_GET
def accessibility(request):
    return _page(request, "accessibility")
