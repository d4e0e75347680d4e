"""The crash test's mail server: each accepted email is a file in INTEGRATION_MAIL_DIR.

- An address starting with "flaky" is refused three times (SMTP error), then accepted.
- The email numbered INTEGRATION_STALL_AT (counted across processes) stalls before it is
  accepted, after writing "stalled": the test kills the worker there, in the middle of a send.
"""

import os
import smtplib
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


def _count(folder: Path, name: str) -> int:
    """A counter shared by processes: one file created per call, O_EXCL never collides."""
    folder = folder / name
    folder.mkdir(exist_ok=True)
    (folder / uuid.uuid4().hex).touch()
    return len(list(folder.iterdir()))


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        folder = Path(os.environ["INTEGRATION_MAIL_DIR"])
        stall_at = int(os.environ.get("INTEGRATION_STALL_AT", "0"))
        for message in email_messages:
            if any(address.startswith("flaky") for address in message.to):
                if _count(folder, "flaky-attempts") <= 3:
                    raise smtplib.SMTPServerDisconnected("connexion perdue (test)")
            if stall_at and _count(folder, "attempts") == stall_at:
                (folder / "stalled").touch()
                time.sleep(60)  # killed here
            message_id = message.extra_headers["Message-ID"].strip("<>").split("@")[0]
            (folder / f"mail-{message_id}-{uuid.uuid4().hex[:8]}.eml").write_bytes(
                message.message().as_bytes()
            )
        return len(email_messages)
