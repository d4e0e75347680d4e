import pytest
from django.urls import reverse

from evaluations.enums import QuestionnaireKind
from evaluations.models import Questionnaire
from tests.accounts.factories import UserFactory
from tests.programmes.factories import StaffMembershipFactory

pytestmark = pytest.mark.django_db

START, END = QuestionnaireKind.START, QuestionnaireKind.END


def create_url(association, moment="depart"):
    return reverse("evaluations:version_create", args=[association.slug, moment])


def formset_data(rows, introduction="Bonjour", **extra) -> dict:
    data = {
        "introduction": introduction,
        "items-TOTAL_FORMS": str(len(rows)),
        "items-INITIAL_FORMS": str(sum(1 for row in rows if row.get("code"))),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"items-{index}-{key}"] = value
    data.update(extra)
    return data


def platform_rows(kind=START):
    return [
        {"code": item.code, "text": item.text, "dimension": item.dimension, "kind": item.kind}
        for item in Questionnaire.objects.current(kind=kind).items.all()
    ]


@pytest.fixture
def staff():
    return StaffMembershipFactory(referent=True)


def test_staff_see_which_version_their_youths_answer(client, staff):
    client.force_login(staff.user)
    page = client.get(reverse("evaluations:versions", args=[staff.association.slug]))
    assert "Vos jeunes répondent à la version 1 de la plateforme" in page.content.decode()


def test_the_new_version_form_starts_from_the_current_questions(client, staff):
    client.force_login(staff.user)
    page = client.get(create_url(staff.association)).content.decode()
    assert "Je crois en ma capacité à réussir" in page
    assert 'value="confiance_capacites"' in page


def test_staff_write_their_own_version(client, staff):
    rows = platform_rows()
    rows[0]["text"] = "J’ai confiance en moi."
    rows[1]["DELETE"] = "on"
    rows.append(
        {"code": "", "text": "Je sais parler en public.", "dimension": "skills", "kind": "likert"}
    )
    rows.append({"code": "", "text": "", "dimension": "skills", "kind": "likert"})  # left empty
    client.force_login(staff.user)

    response = client.post(create_url(staff.association), formset_data(rows))

    assert response.status_code == 302
    version = Questionnaire.objects.current(kind=START, association=staff.association)
    assert (version.association, version.version, version.created_by) == (
        staff.association,
        1,
        staff.user,
    )
    items = list(version.items.all())
    assert len(items) == len(rows) - 2
    assert (items[0].code, items[0].text) == ("confiance_capacites", "J’ai confiance en moi.")
    assert rows[1]["code"] not in {item.code for item in items}
    assert (items[-1].code, items[-1].position) == ("je_sais_parler_en_public", len(items))
    # The platform's version is untouched.
    assert Questionnaire.objects.current(kind=START).items.count() == len(rows) - 2


def test_a_version_needs_a_question(client, staff):
    rows = [dict(row, DELETE="on") for row in platform_rows()]
    client.force_login(staff.user)

    response = client.post(create_url(staff.association), formset_data(rows))

    assert response.status_code == 400
    assert "Un questionnaire compte au moins une question." in response.content.decode()
    assert not Questionnaire.objects.of(staff.association).exists()


def test_a_tampered_or_repeated_code_is_refused(client, staff):
    rows = platform_rows()
    rows[1]["code"] = rows[0]["code"]
    client.force_login(staff.user)
    assert client.post(create_url(staff.association), formset_data(rows)).status_code == 400

    rows = platform_rows()
    rows[0]["code"] = "DROP TABLE"
    assert client.post(create_url(staff.association), formset_data(rows)).status_code == 400
    assert not Questionnaire.objects.of(staff.association).exists()


def test_the_start_questionnaire_cannot_ask_about_the_relationship(client, staff):
    rows = platform_rows()
    rows[0]["dimension"] = "relationship"
    client.force_login(staff.user)
    assert client.post(create_url(staff.association), formset_data(rows)).status_code == 400
    response = client.post(create_url(staff.association, "fin"), formset_data(rows))
    assert response.status_code == 302


def test_another_associations_staff_and_other_roles_cannot_write_a_version(client, staff):
    client.force_login(StaffMembershipFactory().user)
    assert client.get(create_url(staff.association)).status_code == 404
    assert (
        client.post(create_url(staff.association), formset_data(platform_rows())).status_code == 404
    )
    for role in ("youth", "mentor", "ministry"):
        client.force_login(UserFactory(**{role: True}))
        assert client.get(create_url(staff.association)).status_code == 403
    assert not Questionnaire.objects.of(staff.association).exists()


def test_staff_read_their_versions_and_the_platforms_not_another_associations(client, staff):
    other = StaffMembershipFactory()
    theirs = Questionnaire.publish(
        kind=START,
        association=other.association,
        items=[{"code": "a", "dimension": "network", "kind": "likert", "text": "Secret"}],
    )
    client.force_login(staff.user)
    detail = reverse("evaluations:version", args=[staff.association.slug, theirs.pk])
    assert client.get(detail).status_code == 404
    platform = Questionnaire.objects.current(kind=END)
    detail = reverse("evaluations:version", args=[staff.association.slug, platform.pk])
    assert "Mon mentor était disponible" in client.get(detail).content.decode()
