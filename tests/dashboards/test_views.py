"""The dashboards' pages: who opens which, filters in the URL, a bounded number of queries
whatever the data, never a youth's name on the ministry's pages."""

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorat.dashboards.summaries import refresh
from mentorat.dashboards.urls import urlpatterns
from tests.accounts.factories import UserFactory

from .scenario import build, running

pytestmark = pytest.mark.django_db

NATIONAL = [p.name for p in urlpatterns if p.name.startswith("national")]
ASSOCIATION = [p.name for p in urlpatterns if p.name.startswith("association")]


@pytest.fixture
def ministry(client):
    user = UserFactory(ministry=True)
    client.force_login(user)
    return user


@pytest.mark.parametrize("name", NATIONAL)
def test_every_national_page_shows_its_figures_and_their_freshness(
    client, scenario, ministry, name
):
    page = client.get(reverse(f"dashboards:{name}"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Chiffres arrêtés le" in html
    assert "export=" in html and "format=xlsx" in html
    # Aggregates only: no youth's name, anywhere.
    for pair in scenario.pairs:
        assert pair.youth.user.last_name not in html


def test_the_national_overview_shows_the_target_and_its_progress(client, scenario, ministry):
    html = client.get(reverse("dashboards:national")).content.decode()
    assert "de l’objectif de 200" in html
    assert "<progress" in html


@pytest.mark.parametrize(
    "query",
    [
        "association=nulle-part",
        "departement=999",
        "annee=1999",
        "programme=inconnu",
        "region=00",
    ],
)
def test_unknown_filters_give_a_page_that_says_so(client, scenario, ministry, query):
    page = client.get(reverse("dashboards:national_reach") + "?" + query)
    assert page.status_code == 200
    assert "Ces filtres ne correspondent à rien" in page.content.decode()


def test_filters_that_hold_nobody_give_a_page_that_says_so(client, scenario, ministry):
    page = client.get(reverse("dashboards:national_reach") + "?departement=2A")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Aucun jeune ni binôme pour ces filtres" in html
    assert "<table" not in html
    page = client.get(reverse("dashboards:national_reach") + "?departement=75")
    assert "Aucun jeune ni binôme pour ces filtres" not in page.content.decode()


def test_empty_filters_are_the_whole_country(client, scenario, ministry):
    page = client.get(
        reverse("dashboards:national") + "?annee=&association=&programme=&region=&departement="
    )
    assert page.status_code == 200
    assert "Ces filtres ne correspondent à rien" not in page.content.decode()


def test_filters_stay_in_the_links_of_the_other_pages(client, scenario, ministry):
    html = client.get(
        reverse("dashboards:national") + f"?association={scenario.association.slug}"
    ).content.decode()
    assert f"{reverse('dashboards:national_reach')}?annee={timezone.localdate().year}" in html or (
        f"association={scenario.association.slug}" in html
    )


def test_the_associations_table_sorts_by_the_query_string(client, scenario, ministry):
    url = reverse("dashboards:national_associations")
    names = sorted([scenario.association.name, scenario.other_association.name])

    def table_of(response):
        html = response.content.decode()
        return html[html.index("<caption>Associations en") :]

    ascending = table_of(client.get(url + "?tri=association"))
    descending = table_of(client.get(url + "?tri=association&ordre=desc"))
    assert ascending.index(names[0]) < ascending.index(names[1])
    assert descending.index(names[0]) > descending.index(names[1])


def test_the_ministry_edits_the_yearly_targets(client, ministry):
    from mentorat.dashboards.models import YearlyTarget

    page = client.get(reverse("dashboards:targets"))
    assert page.status_code == 200
    formset = page.context["formset"]
    data = {
        "form-TOTAL_FORMS": str(len(formset.forms)),
        "form-INITIAL_FORMS": str(formset.initial_form_count()),
    }
    for i, form in enumerate(formset.forms):
        if form.instance.pk:
            data[f"form-{i}-id"] = str(form.instance.pk)
            data[f"form-{i}-year"] = str(form.instance.year)
            data[f"form-{i}-youths"] = str(form.instance.youths)
    last = len(formset.forms) - 1
    data[f"form-{last}-year"] = "2030"
    data[f"form-{last}-youths"] = "250000"
    assert client.post(reverse("dashboards:targets"), data).status_code == 302
    assert YearlyTarget.objects.get(year=2030).youths == 250_000


@pytest.mark.parametrize("name", ASSOCIATION)
def test_a_coordinator_opens_their_association_dashboard(client, scenario, name):
    client.force_login(scenario.coordinator)
    page = client.get(reverse(f"dashboards:{name}", args=[scenario.association.slug]))
    assert page.status_code == 200
    assert "Chiffres arrêtés le" in page.content.decode()


@pytest.mark.parametrize("name", ASSOCIATION)
def test_another_associations_dashboard_is_a_404(client, scenario, name):
    client.force_login(scenario.other_coordinator)
    url = reverse(f"dashboards:{name}", args=[scenario.association.slug])
    assert client.get(url).status_code == 404


def test_the_coordinator_sees_pending_actions_and_pairs_at_risk_with_names(client, scenario):
    client.force_login(scenario.coordinator)
    page = client.get(reverse("dashboards:association", args=[scenario.association.slug]))
    pending = page.context["pending"]
    assert pending["to_vet"] == 1 and pending["to_review"] == 1
    assert pending["late"] >= 1
    late_pair = scenario.pairs[2]
    assert late_pair.youth.user.last_name in page.content.decode()


def test_a_referent_sees_only_the_pairs_of_the_mentors_they_follow(client, scenario):
    client.force_login(scenario.referent)
    page = client.get(reverse("dashboards:association", args=[scenario.association.slug]))
    assert page.context["headline"].pairs_active == 2
    assert page.context["pending"]["late"] == 0
    assert scenario.pairs[2].youth.user.last_name not in page.content.decode()


def test_a_page_before_the_first_refresh_says_figures_are_coming(client, ministry):
    page = client.get(reverse("dashboards:national"))
    assert "pas encore été calculés" in page.content.decode()


# The number of queries of each page, pinned: the same with little and with more data.
# Each: the session, the user, the request's savepoint and its release, the freshness, the
# unread notifications, the filters' lists (associations, programmes, départements), then one
# query per table.
EXPECTED_NATIONAL = {
    "national": 15,
    "national_funnel": 11,
    "national_durations": 13,
    "national_cadence": 11,
    "national_reach": 17,
    "national_outcomes": 11,
    "national_supply": 12,
    "national_associations": 12,
}
EXPECTED_ASSOCIATION = {
    "association": 18,
    "association_indicators": 13,
    "association_outcomes": 14,
}


def queries_of(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("extra", [0, 12])
def test_query_counts_are_pinned_whatever_the_data(client, extra):
    scenario = build(extra_running=extra)
    refresh()
    client.force_login(UserFactory(ministry=True))
    counts = {name: queries_of(client, reverse(f"dashboards:{name}")) for name in NATIONAL}
    client.force_login(scenario.coordinator)
    for name in ASSOCIATION:
        counts[name] = queries_of(
            client, reverse(f"dashboards:{name}", args=[scenario.association.slug])
        )
    assert counts == EXPECTED_NATIONAL | EXPECTED_ASSOCIATION
    assert max(counts.values()) < 20


def test_an_export_is_a_file_and_an_audited_event(client, scenario, ministry):
    pytest.importorskip("mentorat.dashboards.exports")
    from mentorat.audit.models import AuditEntry

    url = reverse("dashboards:national_cadence")
    before = AuditEntry.objects.count()
    csv = client.get(url + "?export=rythme&format=csv")
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode("utf-8-sig")
    assert body.splitlines()[0].startswith("État;Binômes;Part")
    xlsx = client.get(url + "?export=rythme&format=xlsx")
    assert xlsx.status_code == 200
    assert AuditEntry.objects.count() == before + 2
    assert client.get(url + "?export=inconnu&format=csv").status_code == 404


def test_an_association_exports_its_own_pairs_at_risk_with_names(client, scenario):
    pytest.importorskip("mentorat.dashboards.exports")
    client.force_login(scenario.coordinator)
    url = reverse("dashboards:association", args=[scenario.association.slug])
    response = client.get(url + "?export=binomes-a-risque&format=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert scenario.pairs[2].youth.user.last_name in body


def test_the_export_of_pairs_at_risk_holds_every_one_the_page_shows_the_first(client, scenario):
    pytest.importorskip("mentorat.dashboards.exports")
    from mentorat.dashboards import views

    for days in range(3):  # three more pairs without a meeting for 4 months: late
        running(scenario.programme, started_days_ago=120 + days)
    refresh()
    client.force_login(scenario.coordinator)
    url = reverse("dashboards:association", args=[scenario.association.slug])
    shown, views.AT_RISK_SHOWN = views.AT_RISK_SHOWN, 2
    try:
        page = client.get(url)
        assert len(page.context["at_risk"]) == 2
        body = b"".join(
            client.get(url + "?export=binomes-a-risque&format=csv").streaming_content
        ).decode("utf-8-sig")
    finally:
        views.AT_RISK_SHOWN = shown
    assert len(body.strip().splitlines()) - 1 == 4  # the late pair and the three new ones


def _targets_post(client, year, youths):
    page = client.get(reverse("dashboards:targets"))
    formset = page.context["formset"]
    data = {
        "form-TOTAL_FORMS": str(len(formset.forms)),
        "form-INITIAL_FORMS": str(formset.initial_form_count()),
    }
    for i, form in enumerate(formset.forms):
        if form.instance.pk:
            data[f"form-{i}-id"] = str(form.instance.pk)
            data[f"form-{i}-year"] = str(form.instance.year)
            data[f"form-{i}-youths"] = str(form.instance.youths)
    last = len(formset.forms) - 1
    data[f"form-{last}-year"] = str(year)
    data[f"form-{last}-youths"] = str(youths)
    return client.post(reverse("dashboards:targets"), data)


@pytest.mark.parametrize(
    ("year", "youths", "message"),
    [
        (2031, 0, "Un nombre de jeunes entre 1 et 10 000 000."),
        (2031, 99999999999999999999, "Un nombre de jeunes entre 1 et 10 000 000."),
        (1999, 1000, "Une année entre 2021 et 2100."),
        ("existing", 1000, "Cette année a déjà un objectif."),
    ],
)
def test_a_wrong_target_says_why_in_our_words(client, ministry, year, youths, message):
    from mentorat.dashboards.models import YearlyTarget

    if year == "existing":
        year = YearlyTarget.objects.create(year=2032, youths=10).year
    before = YearlyTarget.objects.count()
    page = _targets_post(client, year, youths)
    assert page.status_code == 200
    text = page.content.decode()
    assert message in text
    assert "9223372036854775807" not in text and "Un objet" not in text
    assert YearlyTarget.objects.count() == before


def test_the_target_inputs_say_their_range(client, ministry):
    text = client.get(reverse("dashboards:targets")).content.decode()
    assert 'min="2021"' in text and 'max="2100"' in text and 'min="1"' in text


def test_the_filters_labels_do_not_say_optional_each(client, scenario, ministry):
    text = client.get(reverse("dashboards:national")).content.decode()
    form = text[text.index('aria-label="Filtres"') :]
    form = form[: form.index("</form>")]
    assert "facultatif" not in form and "Département" in form


def test_the_wide_associations_table_says_it_scrolls(client, scenario, ministry):
    text = client.get(reverse("dashboards:national_associations")).content.decode()
    assert "faites-le défiler vers la droite" in text
    overview = client.get(reverse("dashboards:national")).content.decode()
    assert "faites-le défiler vers la droite" not in overview
