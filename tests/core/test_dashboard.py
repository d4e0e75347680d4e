import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.programmes.factories import StaffMembershipFactory

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(reverse("core:dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "traits, expected",
    [
        ({"youth": True}, "dire ce que vous attendez d’un mentor"),
        ({"mentor": True}, "présenter votre parcours"),
        ({"ministry": True}, "programme national"),
    ],
)
def test_each_role_is_told_what_comes_next(client, traits, expected):
    client.force_login(UserFactory(**traits))
    assert expected in client.get(reverse("core:dashboard")).content.decode()


def test_staff_see_their_associations_in_bounded_queries(client, django_assert_num_queries):
    membership = StaffMembershipFactory(association__name="Article 1")
    for _ in range(5):
        StaffMembershipFactory(user=membership.user)
    client.force_login(membership.user)

    # session, user, memberships with their associations (inside the request's savepoint)
    with django_assert_num_queries(5):
        page = client.get(reverse("core:dashboard")).content.decode()

    assert "Article 1" in page
