"""Builds made once per test run, however many pytest-xdist workers ask for them.

Every worker used to build the site, the offline zip and the SCORM package for itself: on two cores two
whole-site builds at once, before the first browser test could start. Now the process that starts the
run (the xdist controller, or pytest itself without xdist) makes one shared folder and serves its site
from a thread that lives as long as the run; the first worker to need a build makes it there under a
file lock while the others wait (or make another build the run needs meanwhile), and every worker
then reads the recorded outcome (the pattern of pytest-xdist's "making session-scoped fixtures execute
only once", with the server held by the controller because the site must be built for the address it
is served at).
"""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .helpers import StaticServer

# The key under which the controller hands the shared folder and the site's address to each worker.
WORKER_INPUT_KEY = "kesutong_shared_session"
SITE = "site-build"


@dataclass(frozen=True)
class ServedSite:
    """Where the real site is built and the address it is built for and served at."""

    folder: Path
    url: str

    @property
    def port(self) -> int:
        return urlsplit(self.url).port


class SharedSession:
    """The run's shared folder and the address its site is served at."""

    def __init__(self, folder: Path, site_url: str):
        self.folder = folder
        self.site_url = site_url

    @property
    def site(self) -> ServedSite:
        return ServedSite(self.folder / SITE / "site", self.site_url)

    def to_worker_input(self) -> dict:
        return {"folder": str(self.folder), "site_url": self.site_url}

    @classmethod
    def from_worker_input(cls, given: dict) -> SharedSession:
        return cls(Path(given["folder"]), given["site_url"])


Make = Callable[[Path], "subprocess.CompletedProcess | None"]


class SharedBuilds:
    """The builds this run needs, by folder name, each made once in the shared folder by the first worker
    that asks for it. A worker that would wait for another's build makes another build the run needs
    meanwhile (the two workers usually ask for the site at the same moment, at the start)."""

    def __init__(self, folder: Path, builds: dict[str, Make]):
        self.folder = folder
        self.builds = builds

    def get(self, name: str) -> Path:
        """The folder `name`, built. A failed build fails every test that needs it, each with the build's
        own output (recorded, not rebuilt)."""
        work = self._work(name)
        with (work / "lock").open("w") as lock:
            if not _lock(lock, wait=False):
                for other in self.builds:
                    if other != name:
                        self._make_unless_taken(other)
                _lock(lock, wait=True)
            self._make_unless_made(name, work)
        recorded = json.loads((work / "outcome.json").read_text(encoding="utf-8"))
        assert recorded["returncode"] == 0, recorded["output"]
        return work

    def _work(self, name: str) -> Path:
        work = self.folder / name
        work.mkdir(parents=True, exist_ok=True)
        return work

    def _make_unless_taken(self, name: str) -> None:
        work = self._work(name)
        with (work / "lock").open("w") as lock:
            if _lock(lock, wait=False):
                self._make_unless_made(name, work)

    def _make_unless_made(self, name: str, work: Path) -> None:
        """Run the build of `name` in `work` and record its outcome, if no worker did yet (lock held)."""
        outcome = work / "outcome.json"
        if outcome.exists():
            return
        result = self.builds[name](work)
        recorded = {"returncode": 0, "output": ""} if result is None else {
            "returncode": result.returncode, "output": (result.stdout or "") + (result.stderr or "")}
        outcome.write_text(json.dumps(recorded), encoding="utf-8")


def _lock(file, wait: bool) -> bool:
    """Take the file's lock (released when the file closes, also if the worker dies); without `wait`,
    only if no other worker holds it."""
    try:
        fcntl.flock(file, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class SharedSessionHost:
    """Held by the process that starts the run: the shared folder and the server of its site."""

    def __init__(self):
        folder = Path(tempfile.mkdtemp(prefix="kesutong-tests-"))
        # The server may start before the site exists: it looks the folder up on every request.
        self.server = StaticServer(folder / SITE / "site")
        self.session = SharedSession(folder, self.server.url)

    def pytest_configure_node(self, node) -> None:
        """pytest-xdist's hook, called in the controller before each worker starts."""
        node.workerinput[WORKER_INPUT_KEY] = self.session.to_worker_input()

    def close(self) -> None:
        self.server.close()
        shutil.rmtree(self.session.folder, ignore_errors=True)

