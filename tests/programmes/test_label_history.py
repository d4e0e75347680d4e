"""The label's life at the model level: which decision may follow which, and what the
database refuses whatever the code above it does."""

import pytest
from django.db import IntegrityError, transaction

from mentorat.states import InvalidTransition
from programmes.enums import LabelStatus
from programmes.models import Association, LabelDecision
from tests.accounts.factories import UserFactory
from tests.programmes.factories import AssociationFactory, LabelDecisionFactory

pytestmark = pytest.mark.django_db

ALLOWED = {
    (LabelStatus.CANDIDATE, LabelStatus.LABELLED),
    (LabelStatus.CANDIDATE, LabelStatus.WITHDRAWN),
    (LabelStatus.LABELLED, LabelStatus.LABELLED),  # renewed for a new campaign
    (LabelStatus.LABELLED, LabelStatus.SUSPENDED),
    (LabelStatus.LABELLED, LabelStatus.WITHDRAWN),
    (LabelStatus.SUSPENDED, LabelStatus.LABELLED),
    (LabelStatus.SUSPENDED, LabelStatus.WITHDRAWN),
    (LabelStatus.WITHDRAWN, LabelStatus.LABELLED),
}
DECISION_ARGUMENTS = {
    LabelStatus.LABELLED: {"campaign_year": 2026, "funding_euros": 40_000},
    LabelStatus.SUSPENDED: {"reason": "Rapport d’activité non remis."},
    LabelStatus.WITHDRAWN: {"reason": "Activité arrêtée."},
    LabelStatus.CANDIDATE: {},
}


@pytest.fixture
def minister():
    return UserFactory(ministry=True)


@pytest.mark.parametrize("start", LabelStatus.values)
@pytest.mark.parametrize("target", LabelStatus.values)
def test_only_the_allowed_transitions_go_through(start, target, minister):
    association = AssociationFactory(label_status=start)

    if (start, target) in ALLOWED:
        decision = association.decide_label(target, by=minister, **DECISION_ARGUMENTS[target])
        association.refresh_from_db()
        assert association.label_status == target
        assert decision.status == target
    else:
        with pytest.raises(InvalidTransition):
            association.decide_label(target, by=minister, **DECISION_ARGUMENTS[target])
        association.refresh_from_db()
        assert association.label_status == start
        assert not association.label_decisions.exists()


def test_each_decision_is_dated_with_its_reason_author_campaign_and_funding(minister):
    association = AssociationFactory(candidate=True)

    association.label(by=minister, campaign_year=2021, funding_euros=120_000, reason="Dossier 1")
    association.suspend(by=minister, reason="Encadrement insuffisant.")
    association.label(by=minister, campaign_year=2022, funding_euros=90_000)

    newest, suspension, first = association.label_decisions.all()
    assert (first.status, first.campaign_year, first.funding_euros, first.reason) == (
        LabelStatus.LABELLED,
        2021,
        120_000,
        "Dossier 1",
    )
    assert (suspension.status, suspension.reason) == (
        LabelStatus.SUSPENDED,
        "Encadrement insuffisant.",
    )
    assert (newest.campaign_year, newest.funding_euros) == (2022, 90_000)
    assert {decision.decided_by for decision in (newest, suspension, first)} == {minister}
    assert first.decided_at <= suspension.decided_at <= newest.decided_at
    assert association.is_labelled


def test_only_a_labelled_association_takes_new_youths(minister):
    association = AssociationFactory(candidate=True)
    assert not association.is_labelled
    association.label(by=minister, campaign_year=2026, funding_euros=10_000)
    assert association.is_labelled
    association.suspend(by=minister, reason="Contrôle en cours.")
    assert not association.is_labelled
    assert association not in Association.objects.labelled()


def test_the_database_refuses_a_label_without_campaign_or_funding():
    with pytest.raises(IntegrityError), transaction.atomic():
        LabelDecisionFactory(status=LabelStatus.LABELLED, campaign_year=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        LabelDecisionFactory(status=LabelStatus.LABELLED, funding_euros=None)


@pytest.mark.parametrize("status", [LabelStatus.SUSPENDED, LabelStatus.WITHDRAWN])
def test_the_database_refuses_a_sanction_without_a_reason(status):
    with pytest.raises(IntegrityError), transaction.atomic():
        LabelDecisionFactory(status=status, reason="", campaign_year=None, funding_euros=None)


def test_a_sanction_without_a_reason_leaves_the_label_as_it_was(minister):
    association = AssociationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        association.suspend(by=minister, reason="")
    association.refresh_from_db()
    assert association.label_status == LabelStatus.LABELLED
    assert not LabelDecision.objects.filter(association=association).exists()


@pytest.mark.parametrize(
    "field, value", [("rna", "W12345678"), ("rna", "123456789"), ("siren", "12345678A")]
)
def test_the_database_refuses_a_malformed_rna_or_siren(field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        AssociationFactory(**{field: value})


def test_a_decision_outlives_its_author():
    decision = LabelDecisionFactory(decided_by=UserFactory(ministry=True))
    decision.decided_by.delete()
    decision.refresh_from_db()
    assert decision.decided_by is None


@pytest.mark.parametrize("field, value", [("rna", "W000000042"), ("siren", "123456782")])
def test_the_database_refuses_two_associations_with_the_same_number(field, value):
    AssociationFactory(**{field: value})
    with pytest.raises(IntegrityError, match=f"association_{field}_unique"), transaction.atomic():
        AssociationFactory(**{field: value})


def test_many_associations_may_leave_the_siren_empty():
    AssociationFactory(siren="")
    AssociationFactory(siren="")
    assert Association.objects.filter(siren="").count() == 2
