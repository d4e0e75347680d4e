import pytest
from django.urls import reverse

from matching.enums import PairStatus
from matching.workflow import pair_answer
from tests.accounts.factories import UserFactory
from tests.matching.factories import PairFactory

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
    assert "votre binôme commence" in response.content.decode()


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
