"""Every kind of reminder, who receives it, and whether its email can be turned off."""

from django.utils.translation import gettext_lazy as _

from mentorat.accounts.enums import Role
from mentorat.notifications.kinds import Kind

YOUTH, MENTOR, STAFF, PARENT = Role.YOUTH.value, Role.MENTOR.value, Role.STAFF.value, ""
PEOPLE = (YOUTH, MENTOR)

CADENCE_DUE_SOON = "cadence_due_soon"
CADENCE_LATE = "cadence_late"
CADENCE_LATE_AGAIN = "cadence_late_again"
PLANNED_TOMORROW = "planned_tomorrow"
START_QUESTIONNAIRE = "start_questionnaire"
END_QUESTIONNAIRE = "end_questionnaire"
MINIMUM_REACHED = "minimum_reached"
MEETING_TO_CONFIRM = "meeting_to_confirm"
MEETING_TO_RATE = "meeting_to_rate"
ATTESTATION_EXPIRING = "attestation_expiring"
ATTESTATION_EXPIRED = "attestation_expired"
REFERENT_ATTESTATION_EXPIRED = "referent_attestation_expired"
REFERENT_PAIR_LATE = "referent_pair_late"
REFERENT_ALERT = "referent_alert"
REFERENT_DISPUTED = "referent_disputed"
REFERENT_FIT_NO = "referent_fit_no"
COORDINATOR_STILL_LATE = "coordinator_still_late"
COORDINATOR_NO_MEETING = "coordinator_no_meeting"
CONSENT_REMINDER = "consent_reminder"
STAFF_DIGEST = "staff_digest"


def _renew_consent(notification):
    from .rules.consent import renew_consent_link

    return renew_consent_link(notification)


KINDS = (
    Kind(CADENCE_DUE_SOON, _("Rencontre à prévoir (fin de la période de 6 semaines)"), PEOPLE),
    Kind(CADENCE_LATE, _("Rencontre en retard"), PEOPLE),
    Kind(CADENCE_LATE_AGAIN, _("Rencontre toujours en retard (2 semaines après)"), PEOPLE),
    Kind(PLANNED_TOMORROW, _("Rencontre planifiée demain"), PEOPLE),
    Kind(START_QUESTIONNAIRE, _("Questionnaire de départ à remplir"), (YOUTH,)),
    Kind(END_QUESTIONNAIRE, _("Questionnaire de fin à remplir"), (YOUTH,)),
    Kind(MINIMUM_REACHED, _("Durée minimale du mentorat atteinte"), (YOUTH,)),
    Kind(MEETING_TO_CONFIRM, _("Rencontre à confirmer et à évaluer"), (YOUTH,)),
    Kind(MEETING_TO_RATE, _("Rencontre à évaluer"), (MENTOR,)),
    # Honorability is about the safety of minors: always by email.
    Kind(ATTESTATION_EXPIRING, _("Attestation d’honorabilité bientôt expirée"), (MENTOR,), True),
    Kind(ATTESTATION_EXPIRED, _("Attestation d’honorabilité expirée"), (MENTOR,), True),
    Kind(
        REFERENT_ATTESTATION_EXPIRED,
        _("Attestation expirée d’un mentor de binômes avec des mineurs"),
        (STAFF,),
        True,
    ),
    Kind(REFERENT_PAIR_LATE, _("Binôme en retard (référent)"), (STAFF,)),
    Kind(REFERENT_ALERT, _("Alerte d’un mentor"), (STAFF,), True),
    Kind(REFERENT_DISPUTED, _("Rencontre contestée par un jeune"), (STAFF,), True),
    # Emailed at once by evaluations (evaluations.notify): here, the site's list only.
    Kind(REFERENT_FIT_NO, _("Un binôme ne convient pas"), (STAFF,), True),
    Kind(COORDINATOR_STILL_LATE, _("Binôme toujours en retard 4 semaines après"), (STAFF,), True),
    Kind(COORDINATOR_NO_MEETING, _("Binôme sans rencontre depuis 90 jours"), (STAFF,)),
    Kind(
        CONSENT_REMINDER,
        _("Relance d’une demande d’accord parental"),
        (PARENT,),
        True,
        renew=_renew_consent,
    ),
    Kind(STAFF_DIGEST, _("Récapitulatif quotidien de l’équipe"), (STAFF,)),
)
