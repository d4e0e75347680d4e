"""The README's links lead somewhere in a clone of the repository."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_readme_links_only_to_files_of_the_repository():
    readme = (ROOT / "README.md").read_text()
    links = re.findall(r"\]\(([^)#]+)\)", readme) + re.findall(r"`(\.\./[^`]+)`", readme)

    assert "docs/architecture.md" in links
    for link in links:
        if not link.startswith(("http://", "https://")):
            assert (ROOT / link).resolve().is_relative_to(ROOT), link
            assert (ROOT / link).exists(), link
