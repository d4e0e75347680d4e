"""In real chromium: a mentor whose pair is late sees the unread count in the header, opens
the reminder from their notifications and lands on the pair's page; they keep "late" reminders
to the site; the one-click link of an email works without signing in."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from mentorat.notifications.links import preference_url
from mentorat.notifications.models import NotificationPreference
from mentorat.reminders import kinds
from mentorat.reminders.compute import reminders_send
from tests.browser.test_matching_journey import log_in, log_out
from tests.evaluations.factories import followed_pair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_mentor_reads_a_reminder_and_keeps_that_kind_to_the_site(page, live_server):
    pair = followed_pair(
        started_on=timezone.localdate() - datetime.timedelta(days=50),
        mentor__user__first_name="Karim",
        youth__user__first_name="Inès",
    )
    mentor = pair.mentor.user
    reminders_send(timezone.now())

    log_in(page, mentor)
    badge = page.get_by_role("link", name="Notifications")
    expect(badge).to_contain_text("non lue")
    badge.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes notifications")
    page.get_by_role("link", name="Rencontre en retard").first.click()
    expect(page).to_have_url(live_server.url + reverse("matching:pair", args=[pair.pk]))

    page.goto(reverse("notifications:preferences"))
    page.locator("label", has_text="Rencontre en retard").first.click()
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Vos préférences sont enregistrées.")).to_be_visible()
    assert not NotificationPreference.objects.get(user=mentor, kind=kinds.CADENCE_LATE).by_email
    log_out(page)

    # An email's link, signed out: asks first, then turns that kind off.
    link = preference_url(user_id=mentor.pk, kind=kinds.MEETING_TO_RATE)
    page.goto(link.replace("http://127.0.0.1:8000", live_server.url))
    page.get_by_role("button", name="Ne plus recevoir par courriel").click()
    expect(page.get_by_text("vous ne recevrez plus")).to_be_visible()
    assert not NotificationPreference.objects.get(user=mentor, kind=kinds.MEETING_TO_RATE).by_email
