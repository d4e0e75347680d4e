"""The vetting pages' URLs and the views about one person, for their tests."""

from django.urls import reverse

from tests.programmes.factories import (
    MentorProfileFactory,
    YouthProfileFactory,
)


def list_url(association, kind="jeunes"):
    return reverse("programmes:vetting_list", kwargs={"slug": association.slug, "kind": kind})


def person_url(name, person, kind=None):
    kind = kind or ("mentors" if hasattr(person, "profession") else "jeunes")
    kwargs = {"slug": person.programme.association.slug, "pk": person.pk}
    if not name.startswith("mentor_"):  # the mentor-only addresses carry no kind
        kwargs["kind"] = kind
    return reverse(f"programmes:{name}", kwargs=kwargs)


def page_text(response) -> str:
    return response.content.decode()


# Every staff view about a person, with what a valid request sends.
PERSON_VIEWS = [
    ("vetting_detail", "youth", "get", {}),
    ("vetting_approve", "youth", "post", {}),
    ("vetting_reject", "youth", "post", {"reason": "Hors du territoire."}),
    ("criteria_edit_acknowledge", "youth", "post", {}),
    ("vetting_detail", "mentor", "get", {}),
    ("vetting_approve", "mentor", "post", {}),
    ("vetting_reject", "mentor", "post", {"reason": "Hors du territoire."}),
    ("mentor_referent_assign", "mentor", "post", {}),
    ("mentor_attestation_record", "mentor", "post", {"attestation_date": "2026-01-01"}),
]


def person_of(kind, programme):
    if kind == "mentor":
        return MentorProfileFactory(programme=programme)
    return YouthProfileFactory(programme=programme)
