"""Fixtures: the real site built once per session, served on 127.0.0.1, and a Chromium to look at it."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from macros.library import load_library
from tools.offline_bundle import TOP_FOLDER, build_offline, write_zip
from tools.scorm_package import build_scorm_site, write_package

from .helpers import CHROMIUM, CHROMIUM_ARGS, PROJECT, PageWatch, build
from .shared_session import SITE, WORKER_INPUT_KEY, ServedSite, SharedBuilds, SharedSession, SharedSessionHost

OFFLINE_ZIP = "kesutong-offline.zip"
SCORM_ZIP = "kesutong-scorm12.zip"
_HOST = pytest.StashKey[SharedSessionHost]()


def pytest_configure(config):
    """The process that starts the run (not an xdist worker) holds the shared folder and serves its site."""
    if hasattr(config, "workerinput"):
        return
    host = SharedSessionHost()
    config.stash[_HOST] = host
    config.add_cleanup(host.close)
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(host, "kesutong-shared-session")


def pytest_addoption(parser):
    parser.addoption("--update", action="store_true", default=False,
                     help="rewrite the expected.html of every golden case in tests/golden/ from the renderers")


@pytest.fixture(scope="session")
def library():
    return load_library(PROJECT)


def _session(config) -> SharedSession:
    if hasattr(config, "workerinput"):
        return SharedSession.from_worker_input(config.workerinput[WORKER_INPUT_KEY])
    return config.stash[_HOST].session


@pytest.fixture(scope="session")
def shared(request) -> SharedBuilds:
    """The run's builds, each made once in the shared folder by whichever worker asks first; only those
    a collected test needs (a worker waiting for one makes another meanwhile)."""
    session = _session(request.config)
    builds = SharedBuilds(session.folder, {})

    def unpack_offline(work: Path) -> None:
        with zipfile.ZipFile(builds.get("offline") / OFFLINE_ZIP) as bundle:
            bundle.extractall(work / "files")

    # Material's instant navigation follows only links listed in sitemap.xml, matched with the port
    # of site_url: the site is built for the address the test server really has.
    every = {"site_dir": (SITE, lambda work: build(PROJECT, work / "site", site_url=session.site_url)),
             "offline_zip": ("offline", _build_offline_zip),
             "offline_dir": ("unzipped", unpack_offline),
             "scorm_zip": ("scorm", _build_scorm_zip)}
    used = set().union(*(item.fixturenames for item in request.session.items))
    builds.builds.update(every[fixture] for fixture in every if fixture in used)
    return builds


@pytest.fixture(scope="session")
def site_dir(shared) -> Path:
    return shared.get(SITE) / "site"


@pytest.fixture(scope="session")
def server(request, site_dir) -> ServedSite:
    """The real site, built and served on 127.0.0.1 (by the process that started the run)."""
    return _session(request.config).site


def _build_offline_zip(work: Path) -> subprocess.CompletedProcess:
    result = build_offline(PROJECT, work / "site")
    if result.returncode == 0:
        write_zip(work / "site", work / OFFLINE_ZIP)
    return result


def _build_scorm_zip(work: Path) -> subprocess.CompletedProcess:
    result = build_scorm_site(PROJECT, work / "site")
    if result.returncode == 0:
        write_package(work / "site", work / SCORM_ZIP)
    return result


@pytest.fixture(scope="session")
def offline_zip(shared) -> Path:
    """The offline variant as shipped: built with Material's offline plugin, zipped by `make offline`."""
    return shared.get("offline") / OFFLINE_ZIP


@pytest.fixture(scope="session")
def offline_dir(shared, offline_zip) -> Path:
    """The offline zip unpacked, as a learner would before opening index.html from disk."""
    return shared.get("unzipped") / "files" / TOP_FOLDER


@pytest.fixture(scope="session")
def scorm_zip(shared) -> Path:
    """The SCORM package as `make scorm` writes it."""
    return shared.get("scorm") / SCORM_ZIP


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs Debian's chromium")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP intranet.test 127.0.0.1"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    pg = context.new_page()
    pg.watch = PageWatch(pg)
    yield pg
    pg.close()
