"""Where a youth or a mentor stands, said truly in their space; the deadline staff are told
is the one the people are given; people answer knowing why they are proposed."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from pytest_django.asserts import assertContains

from matching.disclosure import reasons_for
from matching.engine import Criterion, Proximity
from matching.enums import PairStatus
from matching.models import Pair
from matching.workflow import pair_answer, pair_approve
from programmes.enums import Format, Language, Need, Slot
from tests.matching.factories import PairFactory
from tests.programmes.factories import StaffMembershipFactory

pytestmark = pytest.mark.django_db

SPACE = reverse("programmes:my_space")
MY_PAIRS = reverse("matching:my_pairs")
# Words that say "vous" (a youth never reads them) and words that say "tu" (a mentor never does).
VOUS = re.compile(r"\b(vous|votre|vos|vôtre)\b", re.IGNORECASE)
TU = re.compile(r"\b(tu|ton|ta|tes|toi|te|tien)\b|\bt’", re.IGNORECASE)


def space_of(client, user) -> str:
    client.force_login(user)
    return client.get(SPACE).content.decode()


def named_pair(**kwargs):
    return PairFactory(
        youth__user__first_name="Inès",
        youth__user__last_name="Zerbib",
        mentor__user__first_name="Karim",
        mentor__user__last_name="Bensaïd",
        mentor__profession="Technicien de maintenance",
        **kwargs,
    )


class TestTheYouthsSpace:
    def test_a_proposal_waiting_for_their_answer(self, client):
        pair = named_pair(approved=True)
        page = space_of(client, pair.youth.user)
        assert "Une proposition de mentor t’attend" in page
        assert "te propose Karim (Technicien de maintenance) comme mentor" in page
        assert date_format(timezone.localtime(pair.answer_deadline), "l j F Y") in page
        assert "On te cherche un mentor" not in page and "Bensaïd" not in page

    def test_accepted_and_waiting_for_the_mentor(self, client):
        pair = named_pair(approved=True)
        pair_answer(pair=pair, by=pair.youth.user, accepted=True)
        page = space_of(client, pair.youth.user)
        assert "Tu as accepté : on attend la réponse de ton mentor" in page
        assert "t’attend" not in page and "On te cherche un mentor" not in page

    def test_a_pair_that_started(self, client):
        pair = named_pair(active=True)
        page = space_of(client, pair.youth.user)
        assert "Ton binôme avec Karim Bensaïd a commencé" in page
        assert "On te cherche un mentor" not in page

    def test_a_proposal_staff_have_not_sent_is_not_told(self, client):
        pair = named_pair()  # proposed, under staff review
        page = space_of(client, pair.youth.user)
        assert "On te cherche un mentor" in page and "Karim" not in page

    def test_after_a_decline_the_search_goes_on(self, client):
        pair = named_pair(approved=True)
        pair_answer(pair=pair, by=pair.mentor.user, accepted=False, reason="Indisponible")
        page = space_of(client, pair.youth.user)
        assert "On te cherche un mentor" in page and "Karim" not in page


class TestTheMentorsSpace:
    def test_a_proposal_waiting_for_their_answer_shows_the_first_name_only(self, client):
        pair = named_pair(approved=True)
        page = space_of(client, pair.mentor.user)
        assert "Une proposition de binôme vous attend" in page
        assert "Proposition : Inès. Répondez avant le" in page
        assert "Zerbib" not in page and "On vous cherche un jeune" not in page
        assert "Il vous reste 1 place" in page  # capacity 2, one held by the proposal

    def test_pairs_under_way_and_places_left(self, client):
        pair = named_pair(active=True, mentor__capacity=1)
        page = space_of(client, pair.mentor.user)
        assert "Vous accompagnez 1 jeune" in page
        assert "Binôme avec Inès Zerbib, depuis le" in page
        assert "Vous suivez autant de jeunes que vous l’avez indiqué" in page
        assert "On vous cherche un jeune" not in page

    def test_accepted_and_waiting_for_the_youth(self, client):
        pair = named_pair(approved=True)
        pair_answer(pair=pair, by=pair.mentor.user, accepted=True)
        page = space_of(client, pair.mentor.user)
        assert "Vous avez accepté : on attend la réponse du jeune" in page
        assert "Vous avez accepté ; le jeune a jusqu’au" in page

    def test_someone_else_s_pairs_never_show(self, client):
        named_pair(active=True)
        other = PairFactory(approved=True).mentor
        page = space_of(client, other.user)
        assert "Inès" not in page and "Karim" not in page


class TestTheDeadlineStaffAreTold:
    @pytest.fixture
    def staff_client(self, client, pair):
        client.force_login(StaffMembershipFactory(association=pair.programme.association).user)
        return client

    @pytest.fixture
    def pair(self):
        return named_pair()

    def url(self, pair, name, **kwargs):
        return reverse(
            f"matching:{name}",
            kwargs={
                "slug": pair.programme.association.slug,
                "programme_slug": pair.programme.slug,
                **kwargs,
            },
        )

    def test_approving_one_gives_the_deadline_of_the_email_and_the_table(
        self, staff_client, pair, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = staff_client.post(
                self.url(pair, "proposal_approve", pk=pair.pk), follow=True
            )

        pair.refresh_from_db()
        deadline = timezone.localtime(pair.answer_deadline)
        assert deadline.date() == (timezone.localtime() + timezone.timedelta(days=7)).date()
        assertContains(response, f"jusqu’au {date_format(deadline, 'l j F Y')} pour répondre")
        assert date_format(deadline, "l j F") in mail.outbox[0].body
        table = staff_client.get(self.url(pair, "pairs")).content.decode()
        assert deadline.strftime("%d/%m/%Y") in table

    def test_approving_several_gives_the_deadline_too(self, staff_client, pair):
        other = PairFactory(youth__programme=pair.programme)
        response = staff_client.post(
            self.url(pair, "proposals"),
            {"pairs": [pair.pk, other.pk], "decision": "approve"},
            follow=True,
        )
        deadline = timezone.localtime(Pair.objects.get(pk=pair.pk).answer_deadline)
        assertContains(response, f"jusqu’au {date_format(deadline, 'l j F Y')} pour répondre")


class TestWhyThePlatformProposesThem:
    def test_both_read_the_reasons_staff_approved_in_their_own_words(self, client):
        pair = named_pair()
        pair_approve(pair=pair, by=None)

        client.force_login(pair.mentor.user)
        page = client.get(MY_PAIRS).content.decode()
        assert "Pourquoi on vous propose l’un à l’autre" in page
        assert "Vous pouvez l’aider sur ce qu’il ou elle demande : « M’orienter »" in page
        assert "Le jeune habite dans votre département (Paris)." in page
        assert "Vous parlez tous les deux : français." in page
        assert "points" not in page  # scores are for staff

        client.force_login(pair.youth.user)
        page = client.get(MY_PAIRS).content.decode()
        assert "Pourquoi on te propose ce mentor" in page
        assert "Ton mentor peut t’aider sur ce que tu as demandé : « M’orienter »" in page
        assert "Ton mentor habite dans ton département (Paris)." in page
        assert "Ton mentor parle aussi : français." in page
        assert "l’un à l’autre" not in page and "tous les deux" not in page

    def test_every_reason_says_tu_to_the_youth_and_vous_to_the_mentor(self):
        def explanation(proximity):
            return [
                {
                    "criterion": Criterion.GEOGRAPHY,
                    "params": {"proximity": proximity, "mentee_departement": "75"},
                },
                {"criterion": Criterion.NEEDS, "params": {"covered": [Need.ORIENTATION]}},
                {
                    "criterion": Criterion.SECTOR,
                    "params": {"mentee_sector": 1, "mentor_sector": 1},  # Sector's codes
                },
                {"criterion": Criterion.FORMAT, "params": {"modes": [Format.REMOTE]}},
                {
                    "criterion": Criterion.AVAILABILITY,
                    "params": {"common_slots": [Slot.MON_MORNING]},
                },
                {"criterion": Criterion.LANGUAGES, "params": {"common": [Language.FRENCH]}},
            ]

        for proximity in Proximity:
            youth = reasons_for(explanation(proximity), youth_view=True)
            mentor = reasons_for(explanation(proximity), youth_view=False)
            assert len(youth) == len(mentor) == 6
            assert [reason for reason in youth if VOUS.search(reason)] == []
            assert [reason for reason in mentor if TU.search(reason)] == []

    def test_once_started_the_reasons_are_no_longer_needed(self, client):
        pair = named_pair()
        pair_approve(pair=pair, by=None)
        Pair.objects.filter(pk=pair.pk).update(
            status=PairStatus.ACTIVE, started_on=timezone.localdate()
        )
        client.force_login(pair.youth.user)
        page = client.get(MY_PAIRS).content.decode()
        assert "Pourquoi on te propose" not in page
        assert "Prévois une rencontre d’au moins 1 h 30 toutes les 6 semaines." in page
