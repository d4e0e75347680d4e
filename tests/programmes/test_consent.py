import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from programmes import signup, tasks
from programmes.enums import ConsentDecision, ParticipantStatus
from tests.accounts.factories import UserFactory
from tests.programmes.factories import ParentalConsentFactory

pytestmark = pytest.mark.django_db


def consent_url(consent):
    return reverse("programmes:consent_answer", args=[consent.token])


def overdue_consent(**kwargs):
    asked = timezone.now() - datetime.timedelta(days=31)
    return ParentalConsentFactory(requested_at=asked, **kwargs)


def test_the_page_explains_the_programme_to_the_parent(client, django_assert_num_queries):
    consent = ParentalConsentFactory(
        youth__user__first_name="Inès",
        youth__programme__association__name="Article 1",
        guardian_name="Sophie Martin",
    )
    with django_assert_num_queries(3):  # the consent, its youth and association; savepoint
        response = client.get(consent_url(consent))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Inès souhaite être accompagné(e) par un mentor" in page
    assert "Article 1" in page
    assert "au moins 6 mois" in page and "1 h 30 toutes les 6 semaines" in page
    assert "Les informations gardées" in page
    assert 'value="Sophie Martin"' in page


def test_a_parent_consents_and_the_youths_review_begins(client, django_capture_on_commit_callbacks):
    consent = ParentalConsentFactory(guardian_name="Sophie Martin")
    youth = consent.youth

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            consent_url(consent), {"guardian_name": "Sophie Martin-Diallo", "decision": "given"}
        )

    assert response.url == consent_url(consent)
    consent.refresh_from_db()
    youth.refresh_from_db()
    assert consent.decision == ConsentDecision.GIVEN and consent.decided_at
    # The name the request went to is kept; the parent's own spelling is kept beside it.
    assert (consent.guardian_name, consent.signed_name) == ("Sophie Martin", "Sophie Martin-Diallo")
    assert youth.status == ParticipantStatus.PENDING_REVIEW
    assert youth.has_parental_consent
    assert mail.outbox[-1].to == [youth.user.email]
    assert mail.outbox[-1].subject == "Ton parent a donné son accord"
    assert "Vous avez donné votre accord" in client.get(response.url).content.decode()


def test_consent_without_a_programme_puts_the_youth_on_the_waiting_list(client):
    consent = ParentalConsentFactory(youth__programme=None)
    client.post(consent_url(consent), {"guardian_name": "Sophie", "decision": "given"})
    consent.youth.refresh_from_db()
    assert consent.youth.status == ParticipantStatus.WAITING_LIST


def test_a_refusal_keeps_the_youth_waiting_and_tells_them(
    client, django_capture_on_commit_callbacks
):
    consent = ParentalConsentFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(consent_url(consent), {"guardian_name": "Sophie", "decision": "refused"})

    consent.refresh_from_db()
    consent.youth.refresh_from_db()
    assert consent.decision == ConsentDecision.REFUSED
    assert consent.youth.status == ParticipantStatus.AWAITING_CONSENT
    assert "n’a pas donné son accord" in mail.outbox[-1].subject

    client.force_login(consent.youth.user)
    page = client.get(reverse("programmes:my_space")).content.decode()
    assert "elle seule peut envoyer une nouvelle demande" in page
    assert reverse("programmes:consent_renew") not in page  # final for the youth


def test_the_answer_and_the_name_are_required(client):
    consent = ParentalConsentFactory()
    response = client.post(consent_url(consent), {"guardian_name": ""})
    form = response.context["form"]
    assert form.errors["decision"] == ["Choisissez une réponse."]
    assert form.errors["guardian_name"]
    consent.refresh_from_db()
    assert consent.decision == ConsentDecision.PENDING


def test_an_expired_link_says_so(client):
    consent = overdue_consent()
    response = client.get(consent_url(consent))
    assert response.status_code == 200
    assert "Cette demande a expiré" in response.content.decode()
    response = client.post(consent_url(consent), {"guardian_name": "S", "decision": "given"})
    consent.refresh_from_db()
    assert consent.decision == ConsentDecision.PENDING


def test_an_answered_link_says_what_was_answered(client):
    consent = ParentalConsentFactory(given=True)
    assert "Vous avez donné votre accord" in client.get(consent_url(consent)).content.decode()


def test_an_unknown_or_replaced_link_is_a_clear_404(client):
    response = client.get(reverse("programmes:consent_answer", args=["nimporte-quoi"]))
    assert response.status_code == 404
    assert "Ce lien n’est plus valable" in response.content.decode()


def test_an_answer_given_twice_at_once_is_refused_not_a_crash():
    consent = ParentalConsentFactory()
    signup.consent_answer(consent=consent, given=True, guardian_name="S", base_url="http://x")
    with pytest.raises(ValidationError):
        signup.consent_answer(consent=consent, given=False, guardian_name="S", base_url="http://x")


def test_overdue_requests_expire_once_and_the_youth_is_told(django_capture_on_commit_callbacks):
    overdue = overdue_consent()
    still_open = ParentalConsentFactory()
    answered = overdue_consent(given=True)

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.expire_overdue_consents.delay().get() == 1
        assert tasks.expire_overdue_consents.delay().get() == 0  # idempotent

    for consent in (overdue, still_open, answered):
        consent.refresh_from_db()
    assert overdue.decision == ConsentDecision.EXPIRED
    assert still_open.decision == ConsentDecision.PENDING
    assert answered.decision == ConsentDecision.GIVEN
    assert [m.to for m in mail.outbox] == [[overdue.youth.user.email]]
    assert f"{settings.SITE_URL}/mon-inscription/" in mail.outbox[0].body


def test_the_expiry_runs_every_day():
    entries = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if "consents" in e["task"]]
    assert [e["task"] for e in entries] == ["programmes.tasks.expire_overdue_consents"]
    assert entries[0]["schedule"].hour == {3}


class TestRenewal:
    url = reverse("programmes:consent_renew")

    @pytest.mark.parametrize("decision", [ConsentDecision.PENDING, ConsentDecision.EXPIRED])
    def test_the_youth_sends_the_request_to_another_parent(
        self, client, django_capture_on_commit_callbacks, decision
    ):
        first = ParentalConsentFactory(decision=decision)
        client.force_login(first.youth.user)

        assert 'value="' + first.guardian_email + '"' in client.get(self.url).content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                self.url, {"guardian_name": "Karim Martin", "guardian_email": "karim@exemple.fr"}
            )

        assert response.url == reverse("programmes:my_space")
        first_guardian = (first.guardian_name, first.guardian_email)
        first.refresh_from_db()
        # The first request is kept as it was sent; an unanswered one is marked replaced.
        assert (first.guardian_name, first.guardian_email) == first_guardian
        if decision == ConsentDecision.PENDING:
            assert first.decision == ConsentDecision.REPLACED and first.decided_at
        else:
            assert first.decision == ConsentDecision.EXPIRED
        second = first.youth.consent_requests.exclude(pk=first.pk).get()
        assert second.decision == ConsentDecision.PENDING and second.decided_at is None
        assert (second.guardian_name, second.guardian_email, second.requested_by) == (
            "Karim Martin",
            "karim@exemple.fr",
            first.youth.user,
        )
        assert second.token != first.token
        assert second.expires_at > timezone.now() + datetime.timedelta(days=29)
        assert mail.outbox[-1].to == ["karim@exemple.fr"]
        old_link = client.get(reverse("programmes:consent_answer", args=[first.token]))
        if decision == ConsentDecision.PENDING:
            assert old_link.status_code == 404
            assert first.youth.user.first_name not in old_link.content.decode()

    def test_the_youth_cannot_ask_themselves(self, client):
        consent = ParentalConsentFactory()
        client.force_login(consent.youth.user)
        response = client.post(
            self.url, {"guardian_name": "Moi", "guardian_email": consent.youth.user.email}
        )
        assert response.context["form"].errors["guardian_email"]

    def test_resending_is_rate_limited(self, client):
        consent = ParentalConsentFactory()
        client.force_login(consent.youth.user)
        data = {"guardian_name": "Sophie", "guardian_email": "sophie@exemple.fr"}
        for _ in range(5):
            client.post(self.url, data)
        assert client.post(self.url, data).status_code == 429

    def test_once_consent_is_given_there_is_nothing_to_renew(self, client):
        consent = ParentalConsentFactory(given=True)
        consent.youth.status = ParticipantStatus.PENDING_REVIEW
        consent.youth.save()
        client.force_login(consent.youth.user)
        assert client.get(self.url).status_code == 404

    @pytest.mark.parametrize("role", ["mentor", "association_staff", "ministry"])
    def test_only_youths_renew(self, client, role):
        client.force_login(UserFactory(**{role: True}))
        assert client.get(self.url).status_code == 403

    def test_anonymous_visitors_are_sent_to_login(self, client):
        assert client.get(self.url).url.startswith(reverse("account_login"))
