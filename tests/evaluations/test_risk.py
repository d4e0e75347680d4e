import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluations.enums import Channel, ContactWith, Fit, Progress
from evaluations.models import FollowUpNote, MeetingEvaluation
from evaluations.risk import follow_up_rows
from matching.models import Pair
from tests.evaluations.factories import followed_pair, referent_of
from tests.matching.factories import MeetingFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def rows_for(*pairs):
    return follow_up_rows(
        Pair.objects.filter(pk__in=[pair.pk for pair in pairs]), today=timezone.localdate()
    )


def signals(pair) -> set[str]:
    (row,) = rows_for(pair)
    return {signal.code for signal in row.signals}


def note(pair, **kwargs):
    return FollowUpNote.objects.create(
        pair=pair,
        author=referent_of(pair),
        contacted_on=timezone.localdate(),
        contact_with=ContactWith.BOTH,
        channel=Channel.PHONE,
        summary="Point fait.",
        **kwargs,
    )


def rate(meeting, user, usefulness=4, fit=""):
    return MeetingEvaluation.objects.create(
        meeting=meeting,
        role="youth" if user == meeting.pair.youth.user else "mentor",
        author=user,
        usefulness=usefulness,
        progress=Progress.YES,
        fit=fit,
    )


def test_a_quiet_pair_has_no_signal():
    pair = followed_pair()
    rate(MeetingFactory(pair=pair, confirmed=True), pair.youth.user, fit=Fit.YES)
    assert signals(pair) == set()


def test_each_signal():
    today = timezone.localdate()
    pair = followed_pair(started_on=today - 60 * DAY)
    assert signals(pair) == {"signal_late"}  # no meeting in 42 days

    pair = followed_pair()
    rate(MeetingFactory(pair=pair, confirmed=True), pair.mentor.user, fit=Fit.NO)
    assert signals(pair) == {"signal_unfit"}

    pair = followed_pair()
    rate(MeetingFactory(pair=pair, confirmed=True), pair.youth.user, usefulness=2)
    assert signals(pair) == {"signal_low"}

    pair = followed_pair()
    MeetingFactory(pair=pair, confirmed=True, alert_referent=True)
    assert signals(pair) == {"signal_alert"}

    pair = followed_pair()
    MeetingFactory(pair=pair, disputed=True)
    assert signals(pair) == {"signal_disputed"}

    pair = followed_pair(started_on=today - 10 * DAY)
    MeetingFactory(pair=pair, logged_at=timezone.now() - 8 * DAY)
    assert signals(pair) == {"signal_unconfirmed"}
    pair = followed_pair(started_on=today - 10 * DAY)
    MeetingFactory(pair=pair, logged_at=timezone.now() - 5 * DAY)  # the youth still has time
    assert signals(pair) == set()


def test_a_follow_up_contact_after_a_signal_clears_it_a_new_one_brings_it_back():
    pair = followed_pair()
    meeting = MeetingFactory(pair=pair, confirmed=True, alert_referent=True)
    rate(meeting, pair.youth.user, fit=Fit.NO)
    assert signals(pair) == {"signal_alert", "signal_unfit"}

    note(pair)
    assert signals(pair) == set()

    MeetingFactory(pair=pair, held_on=meeting.held_on, confirmed=True, alert_referent=True)
    assert signals(pair) == {"signal_alert"}


def test_the_riskiest_pair_comes_first_then_the_contact_due_first():
    today = timezone.localdate()
    calm = followed_pair(started_on=today - 3 * DAY)
    earlier = followed_pair(started_on=today - 5 * DAY)
    worried = followed_pair(started_on=today - 1 * DAY)
    MeetingFactory(pair=worried, confirmed=True, alert_referent=True)

    assert [row.pair for row in rows_for(calm, earlier, worried)] == [worried, earlier, calm]


def test_a_no_puts_the_pair_on_the_referents_risk_list_at_once(client):
    pair = followed_pair()
    meeting = MeetingFactory(pair=pair, confirmed=True)
    client.force_login(pair.youth.user)
    client.post(
        reverse("evaluations:meeting_evaluation", args=[pair.pk, meeting.pk]),
        {"usefulness": "3", "progress": "no", "fit": "no"},
    )

    client.force_login(referent_of(pair))
    response = client.get(
        reverse("evaluations:follow_up", args=[pair.programme.association.slug]),
        {"filtre": "a-risque"},
    )

    (row,) = response.context["page_obj"]
    assert row.pair == pair
    assert "Le binôme ne convient pas" in response.content.decode()


def test_the_list_query_count_does_not_grow_with_signals(client, django_assert_num_queries):
    pair = followed_pair()
    client.force_login(referent_of(pair))
    url = reverse("evaluations:follow_up", args=[pair.programme.association.slug])
    client.get(url)
    with django_assert_num_queries(8):
        client.get(url)
    for _ in range(3):
        other = followed_pair(programme=pair.programme, referent=referent_of(pair))
        meeting = MeetingFactory(pair=other, disputed=True, alert_referent=True)
        rate(meeting, other.mentor.user, usefulness=1, fit=Fit.NO)
        note(other)
    with django_assert_num_queries(8):
        response = client.get(url)
    assert len(response.context["page_obj"]) == 4
