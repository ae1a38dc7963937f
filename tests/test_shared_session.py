"""The builds shared by the test run's workers (tests/shared_session.py): made once, a failure reported to
every test that needs the build, and a worker that would wait makes another build meanwhile."""

from __future__ import annotations

import fcntl
import subprocess
import threading

from .shared_session import SharedBuilds


def test_a_build_is_made_once_and_its_failure_reaches_every_test_that_needs_it(tmp_path):
    calls = []

    def failing(work):
        calls.append(work)
        return subprocess.CompletedProcess(args=[], returncode=1, stdout="", stderr="docs/x.md: broken")

    builds = SharedBuilds(tmp_path, {"site": failing})
    for _ in range(2):
        try:
            builds.get("site")
        except AssertionError as error:
            assert "docs/x.md: broken" in str(error)
        else:
            raise AssertionError("a failed build must fail the test that needs it")
    assert calls == [tmp_path / "site"]


def test_a_worker_that_would_wait_makes_another_build_meanwhile(tmp_path):
    made, other_made = [], threading.Event()

    def make(name):
        def run(work):
            made.append(name)
            if name == "offline":
                other_made.set()
        return run

    builds = SharedBuilds(tmp_path, {"site": make("site"), "offline": make("offline")})
    (tmp_path / "site").mkdir()
    with (tmp_path / "site" / "lock").open("w") as held:  # another worker is building the site
        fcntl.flock(held, fcntl.LOCK_EX)
        waiting = threading.Thread(target=builds.get, args=("site",))
        waiting.start()
        assert other_made.wait(timeout=60), "the waiting worker did not build the offline zip"
        assert waiting.is_alive(), "the site's lock is held: the worker must still wait for it"
    waiting.join()
    # The holder released the lock without recording an outcome (as if it died): the waiter built the site.
    assert made == ["offline", "site"]
    assert builds.get("offline") == tmp_path / "offline" and made == ["offline", "site"]
