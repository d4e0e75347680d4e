import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(reverse("core:dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "traits, home",
    [
        ({"youth": True}, "programmes:my_space"),
        ({"mentor": True}, "programmes:my_space"),
        ({"association_staff": True}, "programmes:staff_home"),
        ({"ministry": True}, "dashboards:national"),
    ],
)
def test_each_role_lands_in_its_own_space(client, traits, home):
    client.force_login(UserFactory(**traits))
    assert client.get(reverse("core:dashboard")).url == reverse(home)


def test_an_account_without_a_role_is_told_what_to_do(client):
    client.force_login(UserFactory(role=""))
    page = client.get(reverse("core:dashboard")).content.decode()
    assert "aucun rôle" in page
