"""What every role gets on every URL of the site: THE rule table (one place, read by
tests/security/test_every_url.py, which fails on any URL pattern without a rule here).

Each row is one URL name and what a request answers for each role, in the columns' order:

    anon    nobody signed in
    youth   a youth, in the pair the URLs name            (world.youth, world.pair)
    <15     a youth under 15 awaiting a parent's consent, in no pair
    mentor  a mentor, in the pair the URLs name           (world.mentor)
    other   another mentor of the same programme, in a pair of their own
    ref     a referent of the association, following `mentor`
    coord   a coordinator of the association
    B       a coordinator of another association (404 on every object of this one, also
            when the URL names their own association with this one's object)
    min     a ministry administrator
    super   Django's superuser (the technical admin; their role is ministry)

Cells: 200 the page (for a POST: the form again, with its errors), done a POST answered
with a redirect (accepted, or refused by the model with a message on the page it leads to), 302 redirected elsewhere than the sign-in page (someone's own space), login
sent to sign in, 403 a role that never may, 404 not theirs (or not there), open the admin
answers its user itself (a page, a redirect within it, its own refusal of an action on a
read-only model or a missing object).

URL parameters name the world's objects (tests/security/world.py: its attribute names; an
object gives its slug to a `...slug` parameter, else its pk) or are given as they are.
A URL that takes POST only is requested with `post(...)`, with an empty form; its writes are
undone before the next request.

Adding a URL: add its row below, in its app's block, the cells being what each role MUST
get, not what the view happens to answer; add what it names to world.py if it is missing.
"""

from dataclasses import dataclass, field

from .world import ROLES

A = "association"
P = "programme"


@dataclass(frozen=True)
class Rule:
    method: str
    expected: dict[str, str]
    params: dict[str, object] = field(default_factory=dict)


def _rule(method: str, row: str, params: dict) -> Rule:
    cells = row.split()
    assert len(cells) == len(ROLES), f"{row!r}: {len(cells)} cells for {len(ROLES)} roles"
    return Rule(method=method, expected=dict(zip(ROLES, cells, strict=True)), params=params)


def get(row: str, **params) -> Rule:
    return _rule("get", row, params)


def post(row: str, **params) -> Rule:
    return _rule("post", row, params)


# fmt: off
RULES = {
    #                                               anon  youth <15   mentor other ref   coord B     min   super
    # The platform's own pages.
    "core:home":                                get("200   200   200   200   200   200   200   200   200   200"),
    "core:dashboard":                           get("login 302   302   302   302   302   302   302   302   302"),
    "core:healthz":                             get("200   200   200   200   200   200   200   200   200   200"),
    "legal:privacy":                            get("200   200   200   200   200   200   200   200   200   200"),
    "legal:notice":                             get("200   200   200   200   200   200   200   200   200   200"),
    "legal:accessibility":                      get("200   200   200   200   200   200   200   200   200   200"),
    "set_language":                             get("302   302   302   302   302   302   302   302   302   302"),

    # Sign-up, consent, each person's own space.
    "programmes:youth_signup":                  get("200   302   302   302   302   302   302   302   302   302"),
    "programmes:mentor_signup":                 get("200   302   302   302   302   302   302   302   302   302"),
    "programmes:privacy":                       get("200   200   200   200   200   200   200   200   200   200"),
    "programmes:charter":                       get("200   200   200   200   200   200   200   200   200   200"),
    "programmes:consent_answer":                get("200   200   200   200   200   200   200   200   200   200", token="consent_token"),
    "programmes:my_space":                      get("login 200   200   200   200   403   403   403   403   403"),
    "programmes:complete_registration":         get("login 302   302   302   302   403   403   403   403   403"),
    "programmes:profile_edit":                  get("login 200   200   200   200   403   403   403   403   403"),
    "programmes:consent_renew":                 get("login 404   200   403   403   403   403   403   403   403"),

    # The ministry: associations, labels, the waiting list, national batches.
    "programmes:association_list":              get("login 403   403   403   403   403   403   403   200   200"),
    "programmes:association_create":            get("login 403   403   403   403   403   403   403   200   200"),
    "programmes:association_detail":            get("login 403   403   403   403   403   403   403   200   200", slug=A),
    "programmes:association_decide":            get("login 403   403   403   403   403   403   403   200   200", slug=A, decision="suspension"),
    "programmes:association_invite_coordinator": get("login 403   403   403   403   403   403   403   200   200", slug=A),
    "programmes:waiting_list":                  get("login 403   403   403   403   403   403   403   200   200"),
    "matching:national":                        get("login 403   403   403   403   403   403   403   200   200"),
    "matching:national_run":                    get("login 403   403   403   403   403   403   403   200   200", pk="national_run"),
    "matching:national_run_progress":           get("login 403   403   403   403   403   403   403   200   200", pk="national_run"),

    # An association's team and programmes (coordinators manage, referents read).
    "programmes:team":                          get("login 403   403   403   403   200   200   404   403   403", slug=A),
    "programmes:team_invite":                   get("login 403   403   403   403   403   200   404   403   403", slug=A),
    "programmes:invitation_revoke":            post("login 403   403   403   403   403   done  404   403   403", slug=A, pk="invitation"),
    "programmes:member_remove":                post("login 403   403   403   403   403   done  404   403   403", slug=A, pk="referent_membership"),
    "programmes:invitation_accept":             get("200   200   200   200   200   200   200   200   200   200", token="invitation_token"),
    "programmes:programme_list":                get("login 403   403   403   403   200   200   404   403   403", slug=A),
    "programmes:programme_create":              get("login 403   403   403   403   403   200   404   403   403", slug=A),
    "programmes:programme_edit":                get("login 403   403   403   403   403   200   404   403   403", slug=A, programme_slug=P),

    # Vetting the people who signed up.
    "programmes:staff_home":                    get("login 403   403   403   403   302   302   302   403   403"),
    "programmes:vetting_list":                  get("login 403   403   403   403   200   200   404   403   403", slug=A, kind="jeunes"),
    "programmes:vetting_detail":                get("login 403   403   403   403   200   200   404   403   403", slug=A, kind="jeunes", pk="youth"),
    "programmes:vetting_approve":              post("login 403   403   403   403   done  done  404   403   403", slug=A, kind="jeunes", pk="youth_under_15"),
    "programmes:vetting_reject":               post("login 403   403   403   403   200   200   404   403   403", slug=A, kind="jeunes", pk="youth_under_15"),
    "programmes:criteria_edit_acknowledge":    post("login 403   403   403   403   done  done  404   403   403", slug=A, kind="jeunes", pk="youth"),
    "programmes:consent_reopen":               post("login 403   403   403   403   200   200   404   403   403", slug=A, pk="youth_under_15"),
    "programmes:mentor_referent_assign":       post("login 403   403   403   403   200   200   404   403   403", slug=A, pk="mentor"),
    "programmes:mentor_attestation_record":    post("login 403   403   403   403   200   200   404   403   403", slug=A, pk="mentor"),

    # A pair's page and its life: its youth, its mentor, the mentor's referent, its coordinators.
    "matching:pair":                            get("login 200   404   200   404   200   200   404   404   404", pk="pair"),
    "matching:meeting_log":                     get("login 403   404   200   404   403   403   404   404   404", pk="pair"),
    "matching:meeting_answer":                  get("login 200   404   403   404   403   403   404   404   404", pk="pair", meeting_pk="meeting"),
    "matching:meeting_plan":                    get("login 200   404   200   404   403   403   404   404   404", pk="pair"),
    "matching:planned_cancel":                 post("login done  404   done  404   done  done  404   404   404", pk="pair", planned_pk="planned"),
    "matching:planned_ics":                     get("login 200   404   200   404   200   200   404   404   404", pk="pair", planned_pk="planned"),
    "matching:objective_add":                   get("login 200   404   200   404   403   403   404   404   404", pk="pair"),
    "matching:objective_edit":                  get("login 200   404   200   404   403   403   404   404   404", pk="pair", objective_pk="objective"),
    "matching:completion_request":             post("login done  404   done  404   403   403   404   404   404", pk="pair"),
    "matching:completion_confirm":              get("login 403   404   403   404   302   302   404   404   404", pk="pair"),
    "matching:end_early":                       get("login 200   404   200   404   200   200   404   404   404", pk="pair"),
    "matching:rematch":                        post("login done  404   403   404   done  done  404   404   404", pk="pair"),

    # Matching: the people's proposals, the staff's batches and reviews.
    "matching:my_pairs":                        get("login 200   200   200   200   403   403   403   403   403"),
    "matching:answer":                         post("login 200   404   200   404   403   403   403   403   403", pk="pair"),
    "matching:home":                            get("login 403   403   403   403   200   200   404   403   403", slug=A),
    "matching:suggestions":                     get("login 403   403   403   403   200   200   404   403   403", slug=A, pk="unpaired_youth"),
    "matching:propose":                        post("login 403   403   403   403   done  done  404   403   403", slug=A, pk="unpaired_youth", mentor_pk="mentor"),
    "matching:programme":                       get("login 403   403   403   403   200   200   404   403   403", slug=A, programme_slug=P),
    "matching:run_launch":                     post("login 403   403   403   403   403   done  404   403   403", slug=A, programme_slug=P),
    "matching:run":                             get("login 403   403   403   403   200   200   404   403   403", slug=A, programme_slug=P, pk="run"),
    "matching:run_progress":                    get("login 403   403   403   403   200   200   404   403   403", slug=A, programme_slug=P, pk="run"),
    "matching:proposals":                       get("login 403   403   403   403   200   200   404   403   403", slug=A, programme_slug=P),
    "matching:proposal_approve":               post("login 403   403   403   403   done  done  404   403   403", slug=A, programme_slug=P, pk="proposal"),
    "matching:proposal_reject":                 get("login 403   403   403   403   200   200   404   403   403", slug=A, programme_slug=P, pk="proposal"),
    "matching:pairs":                           get("login 403   403   403   403   200   200   404   403   403", slug=A, programme_slug=P),
    "matching:weights":                         get("login 403   403   403   403   403   200   404   403   403", slug=A, programme_slug=P),

    # A pair's evaluations: its youth, its mentor, the mentor's referent, its coordinators.
    "evaluations:questionnaire":                get("login 200   404   200   404   200   200   404   404   404", pk="pair", moment="depart"),
    "evaluations:meeting_evaluation":           get("login 200   404   200   404   200   200   404   404   404", pk="pair", meeting_pk="meeting"),
    "evaluations:closure_evaluation":           get("login 200   404   200   404   200   200   404   404   404", pk="pair"),
    "evaluations:follow_up":                    get("login 403   403   403   403   200   200   404   403   403", slug=A),
    "evaluations:pair_follow_up":               get("login 403   403   403   403   200   200   404   403   403", slug=A, pk="pair"),
    "evaluations:versions":                     get("login 403   403   403   403   200   200   404   403   403", slug=A),
    "evaluations:version":                      get("login 403   403   403   403   200   200   404   403   403", slug=A, pk="questionnaire"),
    "evaluations:version_create":               get("login 403   403   403   403   200   200   404   403   403", slug=A, moment="depart"),

    # The dashboards: the ministry's national figures, each association's own (its staff).
    "dashboards:national":                      get("login 403   403   403   403   403   403   403   200   200"),
    "dashboards:national_funnel":               get("login 403   403   403   403   403   403   403   200   200"),
    "dashboards:national_durations":            get("login 403   403   403   403   403   403   403   200   200"),
    "dashboards:national_cadence":              get("login 403   403   403   403   403   403   403   200   200"),
    "dashboards:national_reach":                get("login 403   403   403   403   403   403   403   200   200"),
    "dashboards:national_outcomes":             get("login 403   403   403   403   403   403   403   200   200"),
    "dashboards:national_supply":               get("login 403   403   403   403   403   403   403   200   200"),
    "dashboards:national_associations":         get("login 403   403   403   403   403   403   403   200   200"),
    "dashboards:targets":                       get("login 403   403   403   403   403   403   403   200   200"),
    "dashboards:association":                   get("login 403   403   403   403   200   200   404   403   403", slug=A),
    "dashboards:association_indicators":        get("login 403   403   403   403   200   200   404   403   403", slug=A),
    "dashboards:association_outcomes":          get("login 403   403   403   403   200   200   404   403   403", slug=A),

    # Each person's notifications; the signed one-click link of an email answers anyone.
    "notifications:list":                       get("login 200   200   200   200   200   200   200   200   200"),
    "notifications:preferences":                get("login 200   200   200   200   200   200   200   200   200"),
    "notifications:open":                       get("login 302   404   404   404   404   404   404   404   404", pk="notification"),
    "notifications:one_click":                  get("200   200   200   200   200   200   200   200   200   200", token="preference_token"),

    # The audit trail: an association's staff read its own, the ministry every one.
    "audit:trail":                              get("login 403   403   403   403   302   302   302   200   200"),
    "audit:association_trail":                  get("login 403   403   403   403   200   200   404   200   200", slug=A),

    # A person's own data: everyone signed in reads, downloads and erases their own.
    "privacy:export":                           get("login 200   200   200   200   200   200   200   200   200"),
    "privacy:export_json":                      get("login 200   200   200   200   200   200   200   200   200"),
    "privacy:erase":                            get("login 200   200   200   200   200   200   200   200   200"),
    "privacy:erased":                           get("200   200   200   200   200   200   200   200   200   200"),

    # Accounts (django-allauth). A signed-in person is sent on from the sign-in and sign-up
    # pages; the pages of a link (a key) answer everyone, the key deciding.
    "account_signup":                           get("200   302   302   302   302   302   302   302   302   302"),
    "account_login":                            get("200   302   302   302   302   302   302   302   302   302"),
    "account_logout":                          post("done  done  done  done  done  done  done  done  done  done"),
    "account_inactive":                         get("200   200   200   200   200   200   200   200   200   200"),
    "account_reauthenticate":                   get("login 200   200   200   200   200   200   200   200   200"),
    "account_request_reauthentication_code":    get("login 200   200   200   200   200   200   200   200   302"),
    "account_confirm_reauthentication_code":    get("login 302   302   302   302   302   302   302   302   302"),
    "account_email":                            get("login 200   200   200   200   200   200   200   200   200"),
    "account_email_verification_sent":          get("200   200   200   200   200   200   200   200   200   200"),
    "account_change_password":                  get("login 200   200   200   200   200   200   200   200   200"),
    "account_set_password":                     get("login 302   302   302   302   302   302   302   302   302"),
    "account_reset_password":                   get("200   200   200   200   200   200   200   200   200   200"),
    "account_confirm_login_code":               get("login 302   302   302   302   302   302   302   302   302"),
    "account_confirm_email":                    get("200   200   200   200   200   200   200   200   200   200", key="une-cle"),
    "account_reset_password_from_key_done":     get("200   200   200   200   200   200   200   200   200   200"),
    "account_reset_password_from_key":          get("200   200   200   200   200   200   200   200   200   200", uidb36="1", key="une-cle"),
    "account_reset_password_done":              get("200   200   200   200   200   200   200   200   200   200"),

    # Two factors (allauth's mfa): everyone signed in manages their own (404: nothing to manage
    # yet), after entering their password again (302: the requests here come from a session
    # without a recent sign-in); the sign-in's second step needs a sign-in under way. That
    # staff cannot remove theirs is tests/accounts/test_two_factor.py's.
    "mfa_index":                                get("login 200   200   200   200   200   200   200   200   200"),
    "mfa_authenticate":                         get("login 302   302   302   302   302   302   302   302   302"),
    "mfa_reauthenticate":                       get("login 302   302   302   302   200   200   200   200   200"),
    "mfa_activate_totp":                        get("login 302   302   302   302   302   302   302   302   302"),
    "mfa_deactivate_totp":                      get("login 404   404   404   404   302   302   302   302   302"),
    "mfa_view_recovery_codes":                  get("login 404   404   404   404   302   302   302   302   302"),
    "mfa_generate_recovery_codes":              get("login 302   302   302   302   302   302   302   302   302"),
    "mfa_download_recovery_codes":              get("login 404   404   404   404   302   302   302   302   302"),

    # The admin: every one of its URLs (each model's lists and forms) follows the last row.
    "admin:logout":                             get("login 302   302   302   302   302   302   302   302   405"),
    "admin:*":                                  get("login 403   403   403   403   403   403   403   403   open"),
}
# fmt: on


def rule_for(key: str) -> Rule | None:
    if key.startswith("admin:") and key not in RULES:
        return RULES["admin:*"]
    return RULES.get(key)
