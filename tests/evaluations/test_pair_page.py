"""What this app adds to the pair's page, for each person looking at it."""

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluations.enums import Channel, ContactWith, Fit, Progress, QuestionnaireKind
from evaluations.models import FollowUpNote, MeetingEvaluation
from matching import pair_page
from tests.evaluations.factories import coordinator_of, fill, followed_pair, referent_of
from tests.matching.factories import MeetingFactory, complete

pytestmark = pytest.mark.django_db


def viewer(pair, user):
    return pair_page.viewer_of(pair, user)


def timeline_text(pair, user) -> str:
    return " ".join(
        f"{entry.title} {entry.text}"
        for entry in pair_page.timeline_entries(pair, viewer(pair, user))
    )


def steps(pair, user) -> list[str]:
    return [step.label for step in pair_page.next_steps(pair, viewer(pair, user))]


@pytest.fixture
def rated_pair():
    pair = followed_pair()
    meeting = MeetingFactory(pair=pair, confirmed=True)
    MeetingEvaluation.record(
        meeting=meeting,
        by=pair.youth.user,
        usefulness=2,
        progress=Progress.NO,
        comment="Mon mentor regarde son téléphone",
        fit=Fit.UNSURE,
    )
    MeetingEvaluation.record(
        meeting=meeting,
        by=pair.mentor.user,
        usefulness=4,
        progress=Progress.YES,
        comment="Jeune réservé",
        fit=Fit.YES,
    )
    FollowUpNote.objects.create(
        pair=pair,
        author=referent_of(pair),
        contacted_on=timezone.localdate(),
        contact_with=ContactWith.YOUTH,
        channel=Channel.PHONE,
        summary="Le jeune hésite à continuer",
    )
    return pair


def test_staff_see_every_evaluation_and_follow_up_contact(rated_pair):
    for user in (referent_of(rated_pair), coordinator_of(rated_pair)):
        text = timeline_text(rated_pair, user)
        assert "Mon mentor regarde son téléphone" in text
        assert "Jeune réservé" in text
        assert "Le jeune hésite à continuer" in text


def test_the_mentor_never_reads_the_youths_private_comment_nor_the_follow_up(rated_pair):
    text = timeline_text(rated_pair, rated_pair.mentor.user)
    assert "Utilité : 2/5" in text  # the youth's rating, without the comment
    assert "Mon mentor regarde son téléphone" not in text
    assert "Le jeune hésite à continuer" not in text


def test_the_youth_reads_their_own_evaluation_only(rated_pair):
    text = timeline_text(rated_pair, rated_pair.youth.user)
    assert "Mon mentor regarde son téléphone" in text
    assert "Jeune réservé" not in text
    assert "Le jeune hésite à continuer" not in text


def test_a_shared_comment_reaches_the_mentor():
    pair = followed_pair()
    meeting = MeetingFactory(pair=pair, confirmed=True)
    MeetingEvaluation.record(
        meeting=meeting,
        by=pair.youth.user,
        usefulness=5,
        progress=Progress.YES,
        comment="Merci pour tout",
        comment_shared=True,
        fit=Fit.YES,
    )
    assert "Merci pour tout" in timeline_text(pair, pair.mentor.user)


def test_next_steps_ask_each_person_for_what_is_theirs_to_do():
    pair = followed_pair()
    meeting = MeetingFactory(pair=pair, confirmed=True)
    held = meeting.held_on.strftime("%-d")

    youth_steps = steps(pair, pair.youth.user)
    assert youth_steps[0] == "Remplir ton questionnaire de départ"
    assert any(step.startswith(f"Noter ta rencontre du {held}") for step in youth_steps)
    mentor_steps = steps(pair, pair.mentor.user)
    assert any(step.startswith(f"Noter votre rencontre du {held}") for step in mentor_steps)
    assert "Remplir ton questionnaire de départ" not in mentor_steps

    fill(pair)
    MeetingEvaluation.record(
        meeting=meeting, by=pair.youth.user, usefulness=4, progress=Progress.YES, fit=Fit.YES
    )
    assert steps(pair, pair.youth.user) == []


def test_the_youth_does_not_rate_a_meeting_they_disputed():
    pair = followed_pair()
    MeetingFactory(pair=pair, disputed=True)
    fill(pair)
    assert steps(pair, pair.youth.user) == []


def test_at_closure_the_end_questionnaire_and_the_closure_evaluation_are_asked():
    pair = followed_pair()
    complete(pair)
    youth_steps = steps(pair, pair.youth.user)
    assert "Remplir ton questionnaire de fin" in youth_steps
    assert "Faire le bilan de ton mentorat" in youth_steps
    assert "Faire le bilan de votre mentorat" in steps(pair, pair.mentor.user)


def test_an_ended_pair_asks_for_its_bilan_not_for_the_rating_of_old_meetings():
    pair = followed_pair()
    meeting = MeetingFactory(pair=pair, confirmed=True)
    complete(pair)
    for user in (pair.youth.user, pair.mentor.user):
        assert not any(step.startswith("Noter") for step in steps(pair, user))
    # The meeting's own page still takes a rating.
    assert MeetingEvaluation.refusal(meeting, pair.mentor.user) == ""


def test_the_referent_is_asked_to_contact_a_pair_due_for_it():
    pair = followed_pair(started_on=timezone.localdate() - timezone.timedelta(days=20))
    (step,) = pair_page.next_steps(pair, viewer(pair, referent_of(pair)))
    assert step.label.startswith("Contacter le binôme avant le")
    assert step.url == reverse(
        "evaluations:pair_follow_up", args=[pair.programme.association.slug, pair.pk]
    )


def test_the_section_links_the_questionnaires():
    pair = followed_pair()
    fill(pair)
    sections = pair_page.sections(pair, viewer(pair, pair.mentor.user))
    (section,) = [s for s in sections if s.template == "evaluations/_pair_section.html"]
    start, end = section.context["questionnaires"]
    assert start["response"].kind == QuestionnaireKind.START
    assert end["response"] is None and not end["open"]


def test_the_section_renders_as_the_pair_page_includes_it():
    from django.template.loader import render_to_string

    pair = followed_pair()
    fill(pair)
    for user in (pair.youth.user, referent_of(pair)):
        section = next(
            s
            for s in pair_page.sections(pair, viewer(pair, user))
            if s.template == "evaluations/_pair_section.html"
        )
        html = render_to_string(
            section.template, {"pair": pair, "viewer": viewer(pair, user), "section": section}
        )
        assert "Questionnaire de départ" in html and "rempli le" in html
        assert ("Suivi du binôme" in html) == (user != pair.youth.user)
