"""The URLs of staff's matching pages, for their tests."""

from django.urls import reverse

from matching.models import MatchingRun
from matching.services import run_execute, run_start
from tests.matching.factories import PairFactory


def url(name, programme, **kwargs):
    return reverse(
        f"matching:{name}",
        kwargs={"slug": programme.association.slug, "programme_slug": programme.slug, **kwargs},
    )


def suggestions_url(youth):
    return reverse(
        "matching:suggestions", kwargs={"slug": youth.programme.association.slug, "pk": youth.pk}
    )


def propose_url(youth, mentor):
    return reverse(
        "matching:propose",
        kwargs={
            "slug": youth.programme.association.slug,
            "pk": youth.pk,
            "mentor_pk": mentor.pk,
        },
    )


def finished_run(programme, by=None) -> MatchingRun:
    return run_execute(run_start(programme=programme, by=by))


# Every staff page, as (method, URL), for the access rules they all share.
def staff_pages(programme):
    pair = PairFactory(youth__programme=programme)
    run = MatchingRun.objects.create(scope=programme.slug, programme=programme)
    association = programme.association.slug
    return [
        ("get", reverse("matching:home", args=[association])),
        ("get", suggestions_url(pair.youth)),
        ("post", propose_url(pair.youth, pair.mentor)),
        ("get", url("programme", programme)),
        ("post", url("run_launch", programme)),
        ("get", url("run", programme, pk=run.pk)),
        ("get", url("run_progress", programme, pk=run.pk)),
        ("get", url("proposals", programme)),
        ("post", url("proposal_approve", programme, pk=pair.pk)),
        ("get", url("proposal_reject", programme, pk=pair.pk)),
        ("get", url("pairs", programme)),
        ("get", url("weights", programme)),
    ]
