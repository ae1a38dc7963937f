"""Fixtures: the real site built once per session, served on 127.0.0.1, and a Chromium to look at it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from macros.library import load_library
from tools.offline_bundle import TOP_FOLDER, build_offline, write_zip

from .helpers import CHROMIUM, CHROMIUM_ARGS, PROJECT, PageWatch, build
from .shared_session import SITE, WORKER_INPUT_KEY, ServedSite, SharedSession, SharedSessionHost

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


@pytest.fixture(scope="session")
def shared(request) -> SharedSession:
    """The run's shared folder: what is built there is built once, whichever worker asks first."""
    config = request.config
    if hasattr(config, "workerinput"):
        return SharedSession.from_worker_input(config.workerinput[WORKER_INPUT_KEY])
    return config.stash[_HOST].session


@pytest.fixture(scope="session")
def site_dir(shared) -> Path:
    # Material's instant navigation follows only links listed in sitemap.xml, matched with the port
    # of site_url: build for the address the test server really has.
    site = shared.site
    shared.once(SITE, lambda work: build(PROJECT, site.folder, site_url=site.url))
    return site.folder


@pytest.fixture(scope="session")
def server(shared, site_dir) -> ServedSite:
    """The real site, built and served on 127.0.0.1 (by the process that started the run)."""
    return shared.site


def _build_offline_zip(work: Path):
    result = build_offline(PROJECT, work / "site")
    if result.returncode == 0:
        write_zip(work / "site", work / "kesutong-offline.zip")
    return result


@pytest.fixture(scope="session")
def offline_zip(shared) -> Path:
    """The offline variant as shipped: built with Material's offline plugin, zipped by `make offline`."""
    return shared.once("offline", _build_offline_zip) / "kesutong-offline.zip"


@pytest.fixture(scope="session")
def offline_dir(offline_zip, shared) -> Path:
    """The offline zip unpacked, as a learner would before opening index.html from disk."""
    def unpack(work: Path) -> None:
        with zipfile.ZipFile(offline_zip) as bundle:
            bundle.extractall(work / "files")
    return shared.once("unzipped", unpack) / "files" / TOP_FOLDER


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
