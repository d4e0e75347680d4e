"""The engine's reasons in plain French, for staff: one line per criterion with its points,
the hard rules a pair breaks, and why youths were left without a proposal.

The engine speaks in codes (:mod:`matching.engine.codes`); the words come from the programme's
vocabularies (:mod:`programmes.enums`), which share those codes.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programmes import enums
from vocabulary.departements import DEPARTEMENT_NAMES

from .engine import Criterion, Explanation, HardRule, Need, Proximity, UnmatchedReason


@dataclass(frozen=True)
class ExplanationLine:
    criterion: Criterion
    text: str
    points: float
    applicable: bool  # False when the youth left the criterion empty: it does not count


def explanation_lines(explanation: Explanation | Sequence[Mapping]) -> list[ExplanationLine]:
    """An explanation, fresh from the engine or as stored on a pair (Explanation.stored)."""
    items = explanation.stored() if isinstance(explanation, Explanation) else explanation
    lines = []
    for item in items:
        criterion = Criterion(item["criterion"])
        lines.append(
            ExplanationLine(
                criterion=criterion,
                text=_PHRASES[criterion](item["params"], item["applicable"]),
                points=item["points"],
                applicable=item["applicable"],
            )
        )
    return lines


def _geography(params, applicable) -> str:
    places = {
        "youth": _departement(params["mentee_departement"]),
        "mentor": _departement(params["mentor_departement"]),
    }
    proximity = Proximity(params["proximity"])
    if proximity is Proximity.SAME_DEPARTEMENT:
        return _("même département (%(youth)s)") % places
    if proximity is Proximity.NEIGHBOUR_DEPARTEMENT:
        return _("département voisin (jeune : %(youth)s, mentor : %(mentor)s)") % places
    return _("à distance seulement (jeune : %(youth)s, mentor : %(mentor)s)") % places


def _needs(params, applicable) -> str:
    if not applicable:
        return _("aucun besoin précisé par le jeune")
    answers = [_("aide à %(need)s : oui") % {"need": _need(code)} for code in params["covered"]]
    answers += [_("aide à %(need)s : non") % {"need": _need(code)} for code in params["uncovered"]]
    return " ; ".join(answers)


def _sector(params, applicable) -> str:
    if not applicable:
        return _("pas de secteur précisé par le jeune")
    youth, mentor = params["mentee_sector"], params["mentor_sector"]
    if youth == mentor:
        return _("même secteur : %(sector)s") % {"sector": _sector_label(youth)}
    return _("secteur différent : le jeune vise %(youth)s, le mentor travaille en %(mentor)s") % {
        "youth": _sector_label(youth),
        "mentor": _sector_label(mentor) if mentor is not None else _("secteur inconnu"),
    }


def _format(params, applicable) -> str:
    modes = [_lower_first(enums.Format(mode).label) for mode in params["modes"]]
    if not modes:
        return _("aucune façon de se rencontrer")
    return _("rencontres possibles : %(modes)s") % {"modes": ", ".join(modes)}


def _availability(params, applicable) -> str:
    if not applicable:
        return _("disponibilités non précisées par le jeune")
    slots = [str(enums.Slot(code).label) for code in params["common_slots"]]
    if not slots:
        return _("aucune disponibilité commune")
    return _("disponibilités communes : %(slots)s") % {"slots": ", ".join(slots)}


def _languages(params, applicable) -> str:
    if not applicable:
        return _("langues non précisées par le jeune")
    languages = [str(enums.Language(code).label) for code in params["common"]]
    if not languages:
        return _("aucune langue commune")
    return _("langues communes : %(languages)s") % {"languages": ", ".join(languages)}


_PHRASES = {
    Criterion.GEOGRAPHY: _geography,
    Criterion.NEEDS: _needs,
    Criterion.SECTOR: _sector,
    Criterion.FORMAT: _format,
    Criterion.AVAILABILITY: _availability,
    Criterion.LANGUAGES: _languages,
}


BROKEN_RULES = {
    HardRule.NOT_MATCHABLE: gettext_lazy(
        "accord parental manquant : le jeune ne peut pas encore être mis en relation"
    ),
    HardRule.NO_CAPACITY: gettext_lazy("le mentor suit déjà autant de jeunes que possible"),
    HardRule.MINOR_WITHOUT_ATTESTATION: gettext_lazy(
        "mineur : le mentor doit avoir une attestation d’honorabilité valide"
    ),
    HardRule.GENDER_PREFERENCE: gettext_lazy("le jeune souhaite un mentor du même genre"),
    HardRule.NO_MEETING_MODE: gettext_lazy(
        "trop loin pour se rencontrer en personne, et l’un des deux refuse la distance"
    ),
    HardRule.NO_COMMON_NEED: gettext_lazy("le mentor n’aide sur aucun des besoins du jeune"),
}


def broken_rule_text(rule: HardRule | str) -> str:
    return str(BROKEN_RULES[HardRule(rule)])


UNMATCHED_REASONS = {
    UnmatchedReason.CONSENT_MISSING: gettext_lazy("accord parental manquant"),
    UnmatchedReason.NO_MENTOR_IN_DEPARTEMENT: gettext_lazy(
        "aucun mentor disponible dans leur département pour leurs besoins"
    ),
    UnmatchedReason.NO_COMPATIBLE_MENTOR: gettext_lazy(
        "des mentors pourraient les aider, mais aucun ne respecte les règles "
        "(attestation d’honorabilité, préférence de genre, refus passé)"
    ),
    UnmatchedReason.CAPACITY_EXHAUSTED: gettext_lazy(
        "les mentors possibles avaient déjà toutes leurs places prises"
    ),
}


def unmatched_reason_text(reason: UnmatchedReason | str, *, need: str | None = None) -> str:
    """Why youths got no proposal; about one youth whose main need is known, say which."""
    reason = UnmatchedReason(reason)
    if reason is UnmatchedReason.NO_MENTOR_IN_DEPARTEMENT and need:
        return _("aucun mentor disponible dans son département pour l’aider à %(need)s") % {
            "need": _need(need)
        }
    return str(UNMATCHED_REASONS[reason])


def main_need(needs_mask: int) -> str | None:
    """The need that names a youth's situation: the first in the engine's priority order."""
    needs = Need.members_of(needs_mask)
    return needs[0].value if needs else None


@dataclass(frozen=True)
class Tally:
    label: str
    count: int


def unmatched_by_reason(summary: Mapping) -> list[Tally]:
    """A batch summary's youths without a proposal, by reason, most frequent first."""
    counts = summary.get("unmatched", {})
    return [
        Tally(unmatched_reason_text(reason), count)
        for reason, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def unmatched_by_departement(summary: Mapping) -> list[Tally]:
    counts = summary.get("unmatched_by_departement", {})
    return [
        Tally(f"{code} — {_departement(code)}", count)
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def _departement(code: str) -> str:
    return DEPARTEMENT_NAMES.get(code, code)


def _need(code: str) -> str:
    return _lower_first(enums.Need(code).label)


def _sector_label(position: int) -> str:
    """Sectors travel through the engine as their position in programmes.enums.Sector."""
    return str(enums.Sector.labels[position])


def _lower_first(text) -> str:
    text = str(text)
    return text[:1].lower() + text[1:]
