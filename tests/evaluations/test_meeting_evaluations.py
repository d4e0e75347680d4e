import pytest
from django.core import mail
from django.urls import reverse

from evaluations.enums import Fit, Progress
from evaluations.models import MeetingEvaluation
from mentorat.notifications.models import Message
from programmes.models import InvalidTransition
from tests.evaluations.factories import coordinator_of, followed_pair, outsiders_of, referent_of
from tests.matching.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def url(meeting):
    return reverse("evaluations:meeting_evaluation", args=[meeting.pair_id, meeting.pk])


def data(**overrides):
    values = {"usefulness": "4", "progress": Progress.A_LITTLE, "comment": "", "fit": Fit.YES}
    values.update(overrides)
    return values


@pytest.fixture
def meeting():
    return MeetingFactory(pair=followed_pair(), confirmed=True)


def evaluate(meeting, user, **overrides):
    values = {"usefulness": 4, "progress": Progress.YES, "fit": Fit.YES}
    values.update(overrides)
    return MeetingEvaluation.record(meeting=meeting, by=user, **values)


def test_the_youth_rates_a_meeting_in_under_a_minute(client, meeting):
    youth = meeting.pair.youth.user
    client.force_login(youth)
    page = client.get(url(meeting)).content.decode()
    assert "Cette rencontre t’a-t-elle été utile ?" in page
    assert "Ce binôme te convient-il ?" in page

    response = client.post(url(meeting), data(comment="Super conseils", comment_shared="on"))

    assert response.url == url(meeting)
    evaluation = MeetingEvaluation.objects.get()
    assert (evaluation.role, evaluation.author, evaluation.usefulness) == ("youth", youth, 4)
    assert (evaluation.progress, evaluation.fit, evaluation.comment_shared) == (
        Progress.A_LITTLE,
        Fit.YES,
        True,
    )


def test_the_mentor_is_asked_with_vous_and_cannot_share_a_comment(client, meeting):
    client.force_login(meeting.pair.mentor.user)
    page = client.get(url(meeting)).content.decode()
    assert "Ce binôme vous convient-il ?" in page
    assert "Montrer aussi mon commentaire" not in page

    client.post(url(meeting), data(comment="Jeune motivée", comment_shared="on"))

    evaluation = MeetingEvaluation.objects.get()
    assert (evaluation.role, evaluation.comment_shared) == ("mentor", False)


def test_the_fit_question_comes_once_per_person(client, meeting):
    evaluate(meeting, meeting.pair.youth.user, fit=Fit.UNSURE)
    second = MeetingFactory(pair=meeting.pair, held_on=meeting.held_on, confirmed=True)
    client.force_login(meeting.pair.youth.user)
    assert "Ce binôme te convient-il ?" not in client.get(url(second)).content.decode()
    client.post(url(second), data(fit=Fit.NO))
    assert MeetingEvaluation.objects.get(meeting=second).fit == ""
    # The mentor has not answered it yet: asked on the second meeting.
    client.force_login(meeting.pair.mentor.user)
    assert "Ce binôme vous convient-il ?" in client.get(url(second)).content.decode()


def test_missing_answers_are_refused_next_to_the_field(client, meeting):
    client.force_login(meeting.pair.youth.user)

    response = client.post(url(meeting), {"comment": "Bien"})

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["usefulness"] == errors["progress"] == errors["fit"] == ["Choisis une réponse."]
    assert "Bien" in response.content.decode()
    assert not MeetingEvaluation.objects.exists()


def test_out_of_scale_is_refused_by_the_form_and_the_database(client, meeting):
    client.force_login(meeting.pair.mentor.user)
    assert client.post(url(meeting), data(usefulness="6")).status_code == 400
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        MeetingEvaluation.objects.create(
            meeting=meeting, role="mentor", usefulness=0, progress=Progress.NO
        )


def test_a_meeting_is_evaluated_once_per_person(client, meeting):
    evaluate(meeting, meeting.pair.youth.user)
    with pytest.raises(InvalidTransition):
        evaluate(meeting, meeting.pair.youth.user)
    client.force_login(meeting.pair.youth.user)
    client.post(url(meeting), data(usefulness="1"))
    assert MeetingEvaluation.objects.get().usefulness == 4


def test_the_youth_does_not_rate_a_meeting_they_say_did_not_happen(client):
    meeting = MeetingFactory(pair=followed_pair(), disputed=True)
    client.force_login(meeting.pair.youth.user)
    assert "n’a pas eu lieu" in client.get(url(meeting)).content.decode()
    client.post(url(meeting), data())
    assert not MeetingEvaluation.objects.exists()


def test_a_no_to_the_fit_question_tells_the_referent_at_once(client, meeting):
    client.force_login(meeting.pair.youth.user)
    client.post(url(meeting), data(fit=Fit.NO))

    message = Message.objects.get(recipient=referent_of(meeting.pair))
    assert "ne lui convient pas" in message.body_text
    assert (
        reverse(
            "evaluations:pair_follow_up",
            args=[meeting.pair.programme.association.slug, meeting.pair_id],
        )
        in message.body_text
    )
    assert len(mail.outbox) <= 1


def test_a_yes_tells_nobody(client, meeting):
    client.force_login(meeting.pair.youth.user)
    client.post(url(meeting), data(fit=Fit.YES))
    assert not Message.objects.exists()


class TestWhoReadsWhat:
    @pytest.fixture
    def rated(self, meeting):
        pair = meeting.pair
        evaluate(meeting, pair.youth.user, comment="Mon mentor arrive en retard", usefulness=2)
        evaluate(meeting, pair.mentor.user, comment="Bonne séance sur le CV")
        return meeting

    def page(self, client, user, meeting):
        client.force_login(user)
        return client.get(url(meeting)).content.decode()

    def test_the_referent_and_the_coordinator_read_both_comments(self, client, rated):
        for user in (referent_of(rated.pair), coordinator_of(rated.pair)):
            page = self.page(client, user, rated)
            assert "Mon mentor arrive en retard" in page
            assert "Bonne séance sur le CV" in page
            assert "non transmis au mentor" in page

    def test_the_mentor_reads_the_youths_rating_but_not_the_private_comment(self, client, rated):
        page = self.page(client, rated.pair.mentor.user, rated)
        assert "Utilité : 2/5" in page
        assert "Mon mentor arrive en retard" not in page
        assert "Bonne séance sur le CV" in page

    def test_the_mentor_reads_the_comment_the_youth_shared(self, client, meeting):
        evaluate(meeting, meeting.pair.youth.user, comment="Merci !", comment_shared=True)
        evaluate(meeting, meeting.pair.mentor.user)
        assert "Merci !" in self.page(client, meeting.pair.mentor.user, meeting)

    def test_the_youth_reads_only_their_own(self, client, rated):
        page = self.page(client, rated.pair.youth.user, rated)
        assert "Mon mentor arrive en retard" in page
        assert "Bonne séance sur le CV" not in page

    def test_nobody_else_opens_it(self, client, rated):
        for who, user in outsiders_of(rated.pair).all():
            client.force_login(user)
            assert client.get(url(rated)).status_code == 404, who
            assert client.post(url(rated), data()).status_code == 404, who

    def test_staff_cannot_rate_for_them(self, client, meeting):
        client.force_login(referent_of(meeting.pair))
        assert client.post(url(meeting), data()).status_code == 403
        assert not MeetingEvaluation.objects.exists()

    def test_a_meeting_of_another_pair_is_a_404(self, client, meeting):
        other = MeetingFactory(pair=followed_pair())
        client.force_login(meeting.pair.youth.user)
        wrong = reverse("evaluations:meeting_evaluation", args=[meeting.pair_id, other.pk])
        assert client.get(wrong).status_code == 404
