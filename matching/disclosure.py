"""What a youth and a mentor see of each other, and why the platform proposes them, in their
own words ("tu" to the youth, "vous" to the mentor).

Until both have accepted, neither sees who the other is: the mentor reads the youth's first
name, age band, needs and place; the youth reads the mentor's first name, profession, sector
and what they can help with. A proposal that never started shows no one at all.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from programmes import enums
from vocabulary.departements import DEPARTEMENT_NAMES

from .engine import Criterion, Proximity
from .enums import PairStatus

# Once both have said yes, each may know who the other is.
IDENTITY_STATUSES = (PairStatus.ACTIVE, PairStatus.COMPLETED, PairStatus.ENDED_EARLY)
# Proposals that never started: nothing is shown of the other person.
NEVER_STARTED_STATUSES = (PairStatus.DECLINED, PairStatus.EXPIRED)


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class OtherSide:
    """The other person of a pair, as the viewer may see them."""

    name: str  # the first name, or the full name once the pair has started
    facts: list[Fact] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def viewer_is_youth(pair, user) -> bool:
    return pair.youth.user_id == user.pk


def other_side(pair, user) -> OtherSide | None:
    """None for a proposal that never started: no identity at all."""
    if pair.status in NEVER_STARTED_STATUSES:
        return None
    youth_view = viewer_is_youth(pair, user)
    other = pair.mentor if youth_view else pair.youth
    started = pair.status in IDENTITY_STATUSES
    name = other.user.get_full_name() if started else other.user.first_name
    facts = mentor_facts(pair.mentor) if youth_view else youth_facts(pair.youth)
    reasons = [] if started else reasons_for(pair.explanation, youth_view=youth_view)
    return OtherSide(name=name, facts=facts, reasons=reasons)


def youth_facts(youth) -> list[Fact]:
    """What a mentor may know of a youth before the pair starts."""
    return [
        Fact(_("Âge"), youth.age_band),
        Fact(
            _("Ce sur quoi il ou elle veut être aidé(e)"), ", ".join(map(str, youth.needs_labels))
        ),
        Fact(_("Lieu"), place(youth)),
    ]


def mentor_facts(mentor) -> list[Fact]:
    """What a youth may know of a mentor before the pair starts."""
    return [
        Fact(_("Métier"), mentor.profession),
        Fact(_("Secteur"), mentor.get_sector_display()),
        Fact(_("Peut t’aider à"), ", ".join(map(str, mentor.needs_labels))),
    ]


def place(person) -> str:
    return f"{person.postal_code} ({DEPARTEMENT_NAMES.get(person.departement_id, '')})"


def reasons_for(explanation: Sequence[Mapping], *, youth_view: bool) -> list[str]:
    """The stored explanation, criterion by criterion, in plain words for the person: only
    what the two have in common (points and shortfalls are for staff)."""
    reasons = []
    for item in explanation:
        if not item.get("applicable", True):
            continue
        text = _REASONS[Criterion(item["criterion"])](item["params"], youth_view=youth_view)
        if text:
            reasons.append(text)
    return reasons


def _place_reason(params, *, youth_view: bool) -> str | None:
    proximity = Proximity(params["proximity"])
    where = DEPARTEMENT_NAMES.get(params["mentee_departement"], params["mentee_departement"])
    if proximity is Proximity.SAME_DEPARTEMENT:
        if youth_view:
            return _("Ton mentor habite dans ton département (%(where)s).") % {"where": where}
        return _("Le jeune habite dans votre département (%(where)s).") % {"where": where}
    if proximity is Proximity.NEIGHBOUR_DEPARTEMENT:
        if youth_view:
            return _("Ton mentor habite dans un département voisin du tien.")
        return _("Le jeune habite dans un département voisin du vôtre (%(where)s).") % {
            "where": where
        }
    if youth_view:
        return _("Ton mentor habite loin de chez toi : les rencontres se feront à distance.")
    return _("Vous habitez loin l’un de l’autre : vous vous verrez à distance.")


def _needs_reason(params, *, youth_view: bool) -> str | None:
    covered = [str(enums.Need(code).label) for code in params.get("covered", [])]
    if not covered:
        return None
    needs = ", ".join(f"« {need} »" for need in covered)
    if youth_view:
        return _("Ton mentor peut t’aider sur ce que tu as demandé : %(needs)s.") % {"needs": needs}
    return _("Vous pouvez l’aider sur ce qu’il ou elle demande : %(needs)s.") % {"needs": needs}


def _sector_reason(params, *, youth_view: bool) -> str | None:
    youth_sector, mentor_sector = params.get("mentee_sector"), params.get("mentor_sector")
    if youth_sector is None or youth_sector != mentor_sector:
        return None
    sector = str(enums.Sector.labels[youth_sector])
    if youth_view:
        return _("Ton mentor travaille dans le secteur qui t’intéresse : %(sector)s.") % {
            "sector": sector
        }
    return _("Le jeune s’intéresse à votre secteur : %(sector)s.") % {"sector": sector}


def _format_reason(params, *, youth_view: bool) -> str | None:
    modes = [str(enums.Format(mode).label).lower() for mode in params.get("modes", [])]
    if not modes:
        return None
    if youth_view:
        return _("Ton mentor peut te rencontrer comme tu le souhaites : %(modes)s.") % {
            "modes": ", ".join(modes)
        }
    return _("Vous pouvez vous rencontrer tous les deux : %(modes)s.") % {"modes": ", ".join(modes)}


def _availability_reason(params, *, youth_view: bool) -> str | None:
    slots = [str(enums.Slot(code).label) for code in params.get("common_slots", [])]
    if not slots:
        return None
    if youth_view:
        return _("Ton mentor est disponible aux mêmes moments que toi : %(slots)s.") % {
            "slots": ", ".join(slots)
        }
    return _("Vous êtes disponibles tous les deux : %(slots)s.") % {"slots": ", ".join(slots)}


def _languages_reason(params, *, youth_view: bool) -> str | None:
    languages = [str(enums.Language(code).label) for code in params.get("common", [])]
    if not languages:
        return None
    if youth_view:
        return _("Ton mentor parle aussi : %(languages)s.") % {"languages": ", ".join(languages)}
    return _("Vous parlez tous les deux : %(languages)s.") % {"languages": ", ".join(languages)}


_REASONS = {
    Criterion.GEOGRAPHY: _place_reason,
    Criterion.NEEDS: _needs_reason,
    Criterion.SECTOR: _sector_reason,
    Criterion.FORMAT: _format_reason,
    Criterion.AVAILABILITY: _availability_reason,
    Criterion.LANGUAGES: _languages_reason,
}
