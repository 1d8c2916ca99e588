"""What the repository itself may hold: no symbolic links anywhere.

The build refuses links under content/, but a pull request could also put one in theme/ or
elsewhere, where the site engine would follow it and publish what it points at. Git records a
link as mode 120000; the pull-request checks run this test.
"""

from __future__ import annotations

import subprocess

from tests.support import REPO


def test_the_repository_tracks_no_symbolic_link() -> None:
    listed = subprocess.run(
        ["git", "ls-files", "--stage"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert len(listed) > 100
    links = [line.split("\t", 1)[1] for line in listed if line.startswith("120000 ")]
    assert links == []
