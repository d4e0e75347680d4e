import pytest
from django.urls import reverse
from django.utils import timezone

from matching.enums import PairStatus
from matching.workflow import pair_answer
from tests.accounts.factories import UserFactory
from tests.matching.factories import PairFactory
from tests.programmes.factories import departement, years_ago

pytestmark = pytest.mark.django_db

MY_PAIRS = reverse("matching:my_pairs")


def answer_url(pair):
    return reverse("matching:answer", args=[pair.pk])


def test_anonymous_visitors_are_sent_to_login(client):
    assert client.get(MY_PAIRS).url.startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ["association_staff", "ministry"])
def test_other_roles_are_refused(client, role):
    client.force_login(UserFactory(**{role: True}))
    assert client.get(MY_PAIRS).status_code == 403


def test_a_youth_sees_an_approved_proposal_but_not_one_staff_have_not_approved(client):
    approved = PairFactory(approved=True, mentor__user__first_name="Karim")
    client.force_login(approved.youth.user)
    page = client.get(MY_PAIRS).content.decode()
    assert "Karim" in page and "Envoyer ma réponse" in page

    pending = PairFactory(mentor__user__first_name="Zoé")
    client.force_login(pending.youth.user)
    assert "Zoé" not in client.get(MY_PAIRS).content.decode()
    assert client.post(answer_url(pending), {"accepted": "yes"}).status_code == 404


def test_both_accept_and_the_pair_is_active(client):
    pair = PairFactory(approved=True)
    client.force_login(pair.youth.user)
    client.post(answer_url(pair), {"accepted": "yes"})
    client.force_login(pair.mentor.user)
    response = client.post(answer_url(pair), {"accepted": "yes"}, follow=True)

    pair.refresh_from_db()
    assert pair.status == PairStatus.ACTIVE
    assert "Vous avez tous les deux accepté : votre binôme commence !" in (
        response.content.decode()
    )


def test_a_youth_who_accepts_last_is_told_the_pair_starts_in_tu(client):
    pair = PairFactory(approved=True)
    client.force_login(pair.mentor.user)
    client.post(answer_url(pair), {"accepted": "yes"})
    client.force_login(pair.youth.user)
    response = client.post(answer_url(pair), {"accepted": "yes"}, follow=True)

    assert "Tu as accepté, ton mentor aussi : ton binôme commence !" in (response.content.decode())


def test_declining_without_a_reason_is_refused_next_to_the_field(client):
    pair = PairFactory(approved=True)
    client.force_login(pair.mentor.user)

    response = client.post(answer_url(pair), {"accepted": "no", "reason": ""})

    assert response.status_code == 400
    assert response.context["answer_form"].errors["reason"] == [
        "Dites en quelques mots pourquoi vous refusez."
    ]
    pair.refresh_from_db()
    assert pair.status == PairStatus.APPROVED


def test_an_answer_after_expiry_gets_a_message_not_an_error(client):
    pair = PairFactory(overdue=True)
    client.force_login(pair.youth.user)
    response = client.post(answer_url(pair), {"accepted": "yes"}, follow=True)
    assert "délai de réponse est dépassé" in response.content.decode()


def test_someone_else_s_pair_is_a_404(client):
    pair = PairFactory(approved=True)
    client.force_login(UserFactory(youth=True))
    assert client.post(answer_url(pair), {"accepted": "yes"}).status_code == 404


def test_my_pairs_makes_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    mentor_pair = PairFactory(approved=True, mentor__capacity=3)
    for _ in range(2):
        PairFactory(
            approved=True, mentor=mentor_pair.mentor, youth__programme=mentor_pair.programme
        )
    client.force_login(mentor_pair.mentor.user)
    with django_assert_max_num_queries(7):
        client.get(MY_PAIRS)


def test_a_proposal_awaiting_an_answer_is_pointed_to_from_the_header_and_the_space(client):
    pair = PairFactory(approved=True)
    client.force_login(pair.youth.user)

    page = client.get(reverse("programmes:my_space")).content.decode()

    assert "1 réponse attendue" in page
    assert "Une proposition de mentor t’attend" in page
    pair_answer(pair=pair, by=pair.youth.user, accepted=True)
    page = client.get(reverse("programmes:my_space")).content.decode()
    assert "réponse attendue" not in page and "t’attend" not in page


class TestAMinorsIdentity:
    """Until both have accepted, the mentor sees the youth's first name, age band, needs and
    place only; proposals staff set aside never reach them; closed ones name no one."""

    def pair(self, **kwargs):
        return PairFactory(
            youth__user__first_name="Inès",
            youth__user__last_name="Zerbib",
            youth__user__email="ines.zerbib@exemple.fr",
            youth__birth_date=years_ago(16),
            youth__postal_code="93200",
            youth__departement=departement("93"),
            mentor__user__first_name="Karim",
            mentor__user__last_name="Bensaïd",
            mentor__profession="Technicien de maintenance",
            mentor__with_attestation=True,
            **kwargs,
        )

    def test_a_proposal_staff_set_aside_never_reaches_the_mentor(self, client):
        pair = self.pair(status=PairStatus.REJECTED)
        client.force_login(pair.mentor.user)

        for data in ({"accepted": "yes"}, {"accepted": "no", "reason": ""}, {}):
            response = client.post(answer_url(pair), data)
            assert response.status_code == 404
            assert "Zerbib" not in response.content.decode()
            assert "Inès" not in response.content.decode()
        page = client.get(MY_PAIRS).content.decode()
        assert "Inès" not in page and "Zerbib" not in page
        pair.refresh_from_db()
        assert pair.status == PairStatus.REJECTED and not pair.mentor_answer

    def test_before_both_accept_the_mentor_sees_first_name_age_band_needs_and_place(self, client):
        pair = self.pair(approved=True)
        client.force_login(pair.mentor.user)

        page = client.get(MY_PAIRS).content.decode()

        assert "Inès" in page and "15 à 17 ans" in page
        assert "M’orienter" in page and "Trouver une alternance" in page
        assert "93200 (Seine-Saint-Denis)" in page
        for secret in ("Zerbib", "ines.zerbib@exemple.fr", pair.youth.birth_date.strftime("%d/%m")):
            assert secret not in page

    def test_an_invalid_answer_shows_no_more_than_the_page(self, client):
        pair = self.pair(approved=True)
        client.force_login(pair.mentor.user)
        response = client.post(answer_url(pair), {"accepted": "no", "reason": ""})
        assert response.status_code == 400
        assert "Inès" in response.content.decode()
        assert "Zerbib" not in response.content.decode()

    def test_the_youth_sees_the_mentors_first_name_profession_sector_and_help(self, client):
        pair = self.pair(approved=True)
        client.force_login(pair.youth.user)
        page = client.get(MY_PAIRS).content.decode()
        assert "Karim" in page and "Technicien de maintenance" in page
        assert "Informatique, numérique" in page and "Peut t’aider à" in page
        assert "Bensaïd" not in page and pair.mentor.user.email not in page

    @pytest.mark.parametrize("status", [PairStatus.DECLINED, PairStatus.EXPIRED])
    def test_a_proposal_that_never_started_names_no_one(self, client, status):
        pair = self.pair(status=status, answer_deadline=timezone.now())
        for user, hidden in ((pair.mentor.user, "Inès"), (pair.youth.user, "Karim")):
            client.force_login(user)
            page = client.get(MY_PAIRS).content.decode()
            assert hidden not in page and "Zerbib" not in page and "Bensaïd" not in page
            assert "Cette proposition n’a pas abouti" in page

    def test_once_both_accepted_they_know_each_others_name(self, client):
        pair = self.pair(active=True)
        client.force_login(pair.mentor.user)
        assert "Inès Zerbib" in client.get(MY_PAIRS).content.decode()
        client.force_login(pair.youth.user)
        assert "Karim Bensaïd" in client.get(MY_PAIRS).content.decode()


def test_the_youth_is_spoken_to_as_tu_the_mentor_as_vous(client):
    pair = PairFactory(approved=True)
    client.force_login(pair.youth.user)
    page = client.get(MY_PAIRS).content.decode()
    assert "Ta réponse" in page and "Pourquoi refuses-tu ?" in page and "Réponds avant" in page
    assert "Votre réponse" not in page and "refusez" not in page and "Répondez" not in page
    response = client.post(answer_url(pair), {"accepted": "no", "reason": ""})
    assert response.context["answer_form"].errors["reason"] == [
        "Dis en quelques mots pourquoi tu refuses."
    ]

    client.force_login(pair.mentor.user)
    page = client.get(MY_PAIRS).content.decode()
    assert "Votre réponse" in page and "Pourquoi refusez-vous ?" in page
    assert "Ta réponse" not in page
