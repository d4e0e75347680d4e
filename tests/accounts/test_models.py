import pytest
from django.db import IntegrityError

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_two_accounts_cannot_share_an_email_whatever_its_case():
    UserFactory(email="lea@exemple.fr")
    with pytest.raises(IntegrityError):
        UserFactory(email="LEA@exemple.fr", verified_email=False)


def test_an_unknown_role_never_reaches_the_database():
    with pytest.raises(IntegrityError):
        UserFactory(role="pirate")
