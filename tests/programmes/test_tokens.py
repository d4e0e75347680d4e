"""Secret links at rest: the database keeps a digest that opens nothing."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from programmes.models import ParentalConsent, StaffInvitation
from programmes.tokens import Digest, digest, with_token
from tests.programmes.factories import ParentalConsentFactory, StaffInvitationFactory

pytestmark = pytest.mark.django_db

LINKS = {
    ParentalConsent: (ParentalConsentFactory, "programmes:consent_answer"),
    StaffInvitation: (StaffInvitationFactory, "programmes:invitation_accept"),
}


def stored_token(obj) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {obj._meta.db_table} WHERE id = %s", [obj.pk])
        return cursor.fetchone()[0]


@pytest.mark.parametrize("model", LINKS)
def test_the_table_holds_the_digest_and_only_the_emailed_token_opens_the_page(client, model):
    factory, url_name = LINKS[model]
    token = factory().token  # the token as emailed, known only to the object that made it
    obj = model.objects.get()

    assert stored_token(obj) == digest(token) != token
    assert client.get(reverse(url_name, args=[token])).status_code == 200
    # Whoever reads the table (a dump, the admin) cannot use what is there.
    assert client.get(reverse(url_name, args=[stored_token(obj)])).status_code == 404


@pytest.mark.parametrize("model", LINKS)
def test_a_saved_row_keeps_its_digest(model):
    factory, _ = LINKS[model]
    token = factory().token
    obj = model.objects.get()
    obj.save()  # a digest read back is never hashed a second time

    assert stored_token(obj) == digest(token)
    assert with_token(model.objects.all(), token) == obj


def test_links_emailed_before_tokens_were_hashed_keep_working():
    migration = importlib.import_module("programmes.migrations.0005_tokens_stored_hashed")
    before = MigrationExecutor(connection).loader.project_state(
        ("programmes", "0004_association_numbers_unique")
    )
    consent = ParentalConsentFactory()
    invitation = StaffInvitationFactory()
    # As the rows were before: the token itself in the column.
    ParentalConsent.objects.filter(pk=consent.pk).update(token=Digest("old-consent-token"))
    StaffInvitation.objects.filter(pk=invitation.pk).update(token=Digest("old-invite-token"))

    migration.hash_stored_tokens(before.apps, None)

    assert stored_token(consent) == digest("old-consent-token")
    assert with_token(ParentalConsent.objects.all(), "old-consent-token") == consent
    assert with_token(StaffInvitation.objects.all(), "old-invite-token") == invitation
