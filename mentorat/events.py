"""What any app tells the audit trail without importing it: reads of sensitive records.

Changes are recorded by themselves (django-auditlog follows the registered models, see
``mentorat.audit.tracked``); a read leaves no trace in the database, so the page or export
that reads says so by sending one of these signals. ``mentorat.audit`` receives them.
"""

from django.dispatch import Signal

# A person's file was opened: instance (a YouthProfile, say), by (the user who read it).
# The audit trail keeps the reads of a minor's file.
file_viewed = Signal()

# Rows left the platform in a file: by (the user), association (or None for national
# figures), what (a short French description), rows (how many).
data_exported = Signal()

# A person's account was erased at their request or by the retention rules: user (the
# anonymised User, still there so that the figures stay counted).
person_erased = Signal()
