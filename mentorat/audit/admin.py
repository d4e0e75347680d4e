# The trail's entries are shown in the admin by django-auditlog's own LogEntryAdmin, which
# registers whichever model AUDITLOG_LOGENTRY_MODEL names (this app's AuditEntry).
