import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.programmes.factories import (
    MentorProfileFactory,
    ProgrammeFactory,
    StaffMembershipFactory,
    YouthProfileFactory,
    departement,
)

pytestmark = pytest.mark.django_db

URL = reverse("programmes:waiting_list")


def test_the_ministry_sees_the_waiting_list_counted_by_departement(
    client, django_assert_num_queries
):
    YouthProfileFactory.create_batch(2, waiting_list=True)
    YouthProfileFactory(waiting_list=True, departement=departement("974"), postal_code="97400")
    MentorProfileFactory(waiting_list=True)
    YouthProfileFactory()  # attached to a programme: not waiting
    client.force_login(UserFactory(ministry=True))

    # session, user, savepoint, youths, mentors, open programmes, release
    with django_assert_num_queries(8):
        page = client.get(URL).content.decode()

    assert "3 jeunes attendent" in page and "1 mentor attend" in page
    assert "<td>75 — Paris</td>\n            <td>2</td>\n            <td>1</td>" in page
    assert "974 — La Réunion" in page


def test_each_departement_leads_to_the_associations_that_cover_it(client):
    YouthProfileFactory(waiting_list=True, departement=departement("974"), postal_code="97400")
    ProgrammeFactory(departement_codes=["974"])
    ProgrammeFactory(departement_codes=["974"], closed=True)
    client.force_login(UserFactory(ministry=True))

    page = client.get(URL).content.decode()

    associations = reverse("programmes:association_list") + "?departement=974"
    assert f'<a href="{associations}">' in page
    assert "<td>1</td>\n            <td>0</td>\n            <td>1</td>" in page  # one open


def test_the_ministry_never_sees_who_waits(client):
    youth = YouthProfileFactory(waiting_list=True, user__last_name="Lefort")
    client.force_login(UserFactory(ministry=True))
    page = client.get(URL).content.decode()
    assert "Lefort" not in page and youth.user.email not in page
    assert f"/{youth.pk}/" not in page


@pytest.mark.parametrize("role", ["youth", "mentor", "association_staff"])
def test_other_roles_are_refused(client, role):
    client.force_login(UserFactory(**{role: True}))
    assert client.get(URL).status_code == 403


def test_staff_of_an_association_are_refused_too(client):
    client.force_login(StaffMembershipFactory().user)
    assert client.get(URL).status_code == 403


def test_anonymous_visitors_are_sent_to_login(client):
    assert client.get(URL).url.startswith(reverse("account_login"))
