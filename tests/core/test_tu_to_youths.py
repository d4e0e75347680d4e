"""Youths are spoken to as "tu" on every page of theirs, even where a sentence speaks to them
and someone else together (their mentor, their family): no "vous", "votre", "vos".

Every URL the rule table (tests/security/rules.py) opens to a youth is read as that youth,
then the states of a youth's space that the small world does not reach."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from mentorat.core.demo.people import MENTOR_REJECTION_REASONS, YOUTH_REJECTION_REASONS
from tests.programmes.factories import ParentalConsentFactory, YouthProfileFactory
from tests.security.rules import rule_for
from tests.security.walker import path_of, patterns, value_of
from tests.security.world import build_world

pytestmark = pytest.mark.django_db

# Pages shared by every audience, which say "vous" to all (as the sign-in page does): the
# public home and legal pages, allauth's account and two-factor pages, and the pages of a
# parent's consent and a staff invitation (whose link a youth may open, never theirs to use).
SHARED = re.compile(
    r"^(core:home|legal:|account_|mfa_|programmes:consent_answer|programmes:invitation_accept)"
)
VOUS = re.compile(r"(?<![\w-])(vous|votre|vos|vôtre)\b", re.IGNORECASE)  # not "rendez-vous"
MAIN = re.compile(r"<main\b.*?</main>", re.DOTALL)
TAGS = re.compile(r"<[^>]+>")


def said_vous(html: str) -> list[str]:
    """The sentences of the page's main content that say "vous"."""
    main = MAIN.search(html)
    text = TAGS.sub("\n", main.group(0) if main else html)
    return [line.strip() for line in text.splitlines() if VOUS.search(line)]


@pytest.mark.parametrize("role", ["youth", "youth_under_15"])
def test_every_page_a_youth_may_open_says_tu(role):
    world = build_world()
    client = Client()
    client.force_login(world.users[role])
    read, said = 0, {}
    for key, pattern in patterns().items():
        rule = rule_for(key)
        if pattern.is_admin or rule is None or rule.method != "get" or SHARED.match(key):
            continue
        if rule.expected[role] != "200":
            continue
        values = {param: value_of(world, param, rule.params[param]) for param in pattern.params}
        response = client.get(path_of(pattern, values))
        assert response.status_code == 200, key
        if "html" not in response.get("Content-Type", ""):
            continue
        read += 1
        if found := said_vous(response.content.decode()):
            said[key] = found
    assert not said, "\n".join(f"{key}: {lines[:2]}" for key, lines in said.items())
    assert read >= 10


@pytest.mark.parametrize("association", [True, False])
def test_a_youth_whose_family_refused_is_told_in_tu(client, association):
    youth = YouthProfileFactory(under_15=True, **({} if association else {"programme": None}))
    ParentalConsentFactory(youth=youth, refused=True)
    client.force_login(youth.user)
    page = client.get(reverse("programmes:my_space")).content.decode()
    assert "Si ta famille change d’avis" in page
    assert said_vous(page) == []


def test_the_demo_s_staff_write_tu_to_the_youths_they_turn_down():
    assert [reason for reason in YOUTH_REJECTION_REASONS if VOUS.search(reason)] == []
    assert all(VOUS.search(reason) for reason in MENTOR_REJECTION_REASONS)
