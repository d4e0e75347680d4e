"""A field's label says the truth: "(facultatif)" only on a field that may stay empty."""

import pytest
from crispy_forms.utils import render_crispy_form

from matching.forms import AnswerForm, ProposalDecisionForm
from matching.models import Pair
from programmes.forms.associations import AssociationForm, LabelForm, SanctionForm
from programmes.forms.vetting import AttestationForm, RejectionForm

pytestmark = pytest.mark.django_db


def errors_on_optional_fields(form) -> list[str]:
    """Fields labelled "(facultatif)" that the form nevertheless refused empty."""
    form.is_valid()
    return [
        name
        for name in form.errors
        if name in form.fields
        and not form.fields[name].required
        and not getattr(form.fields[name], "required_when", None)
    ]


@pytest.mark.parametrize(
    "make_form",
    [
        pytest.param(
            lambda: ProposalDecisionForm(
                proposals=Pair.objects.none(), data={"decision": "reject"}
            ),
            id="setting proposals aside",
        ),
        pytest.param(lambda: AnswerForm(data={"accepted": "no"}), id="declining a proposal"),
        pytest.param(
            lambda: AssociationForm(
                data={"name": "Anaf", "contact_email": "a@anaf.fr", "departements": ["75"]}
            ),
            id="creating an association",
        ),
        pytest.param(lambda: RejectionForm(data={}), id="refusing a sign-up"),
        pytest.param(lambda: AttestationForm(data={}), id="recording an attestation"),
        pytest.param(lambda: LabelForm(data={}), id="labelling"),
        pytest.param(lambda: SanctionForm(data={}), id="suspending"),
    ],
)
def test_no_field_labelled_optional_is_refused_empty(make_form):
    assert errors_on_optional_fields(make_form()) == []


def test_a_field_required_in_some_cases_says_when_instead_of_optional():
    html = render_crispy_form(ProposalDecisionForm(proposals=Pair.objects.none()))
    assert "(obligatoire pour écarter)" in html
    assert "facultatif" not in html


def test_the_rna_and_siren_labels_say_one_of_them_is_needed():
    html = render_crispy_form(AssociationForm())
    assert "(ou le SIREN)" in html and "(ou le RNA)" in html
    assert "facultatif" not in html
