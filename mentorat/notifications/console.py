"""Emails on the console (the embedded default): who, what, and the text a person reads,
links included, rather than the raw MIME message with its HTML part."""

import sys
import threading

from django.core.mail.backends.base import BaseEmailBackend

RULE = "─" * 78


class EmailBackend(BaseEmailBackend):
    def __init__(self, *args, stream=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream = stream or sys.stdout
        self._lock = threading.RLock()

    def send_messages(self, email_messages):
        with self._lock:
            for message in email_messages:
                self.stream.write(
                    f"{RULE}\nCourriel à {', '.join(message.to)} : {message.subject}\n\n"
                    f"{message.body.strip()}\n{RULE}\n"
                )
            self.stream.flush()
        return len(email_messages)
