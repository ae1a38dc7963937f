"""Fixtures: the real site built once per session, served on 127.0.0.1, and a Chromium to look at it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from macros.library import load_library
from tools.offline_bundle import TOP_FOLDER, build_offline, write_zip

from .helpers import CHROMIUM, CHROMIUM_ARGS, PROJECT, PageWatch, StaticServer, build


def pytest_addoption(parser):
    parser.addoption("--update", action="store_true", default=False,
                     help="rewrite the expected.html of every golden case in tests/golden/ from the renderers")


@pytest.fixture(scope="session")
def library():
    return load_library(PROJECT)


@pytest.fixture(scope="session")
def _empty_server(tmp_path_factory):
    """Serves the site folder; started before the build because the build must know its address."""
    srv = StaticServer(tmp_path_factory.mktemp("site"))
    yield srv
    srv.close()


@pytest.fixture(scope="session")
def site_dir(_empty_server) -> Path:
    # Material's instant navigation follows only links listed in sitemap.xml, matched with the port
    # of site_url: build for the address the test server really has.
    result = build(PROJECT, _empty_server.folder, site_url=_empty_server.url)
    assert result.returncode == 0, result.stdout + result.stderr
    return _empty_server.folder


@pytest.fixture(scope="session")
def server(_empty_server, site_dir):
    """The real site, built and served on 127.0.0.1."""
    return _empty_server


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    """The offline variant as shipped: built with Material's offline plugin, zipped by `make offline`."""
    work = tmp_path_factory.mktemp("offline")
    result = build_offline(PROJECT, work / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    write_zip(work / "site", work / "kesutong-offline.zip")
    return work / "kesutong-offline.zip"


@pytest.fixture(scope="session")
def offline_dir(offline_zip, tmp_path_factory) -> Path:
    """The offline zip unpacked, as a learner would before opening index.html from disk."""
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as bundle:
        bundle.extractall(target)
    return target / TOP_FOLDER


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
