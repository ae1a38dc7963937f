"""Command line: build the SCORM 1.2 package of the course for a learning-management system (Moodle …).

    python -m tools.scorm_package [--site DIR] [--zip FILE]

The package is one SCO for the whole course. Its launch page (`launch.html`) opens the LMS session once
and shows the site in a frame; the site is the offline variant (relative `page.html` links, nothing from
other hosts) with the adapter `assets/javascripts/scorm.js` on every page, which reports progress, score
and status and keeps the learner's progress in `cmi.suspend_data` (see docs/trainer/lms.md for why one
SCO and not one per module). `imsmanifest.xml` sits at the root of the zip, as SCORM requires, and lists
every file. Fixed dates and order: the same sources give the same zip.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from tools.offline_bundle import site_files, write_reproducible_zip

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = "imsmanifest.xml"
LAUNCH = "launch.html"
COURSE_TITLE = "客诉通 · 客户投诉处理培训"
ORGANIZATION_ID = "kesutong"
ITEM_ID = "kesutong-course"
RESOURCE_ID = "kesutong-sco"

# The frame page the LMS launches. Without JavaScript it offers the course as a link; with it, scorm.js
# opens the LMS session first and then sets the frame's address, so no course page runs before it.
LAUNCH_PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>客诉通</title>
<link rel="icon" href="assets/images/favicon.svg">
<style>
html, body { margin: 0; height: 100%; overflow: hidden; }
.mdx-scorm-frame { display: block; width: 100%; height: 100%; border: 0; }
</style>
</head>
<body>
<iframe class="mdx-scorm-frame" id="mdx-scorm-course" title="客诉通课程" data-scorm-start="index.html"></iframe>
<noscript><p><a href="index.html">打开课程</a>（学习记录需要浏览器开启 JavaScript 才能报送给学习平台）</p></noscript>
<script src="assets/javascripts/scorm.js"></script>
</body>
</html>
"""


def build_scorm_site(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the offline variant with the SCORM adapter (hooks/scorm_variant.py)."""
    env = {**os.environ, "OFFLINE": "true", "SCORM": "true", "NO_MKDOCS_2_WARNING": "1"}
    if site_dir.exists():
        shutil.rmtree(site_dir)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"),
         "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False,
    )


def manifest(files: list[str]) -> str:
    """imsmanifest.xml (IMS Content Packaging 1.1.2 with ADL's SCORM 1.2 extensions): one organization,
    one item, one SCO resource launched at launch.html that lists every file of the package.

    No adlcp:masteryscore: with one, an LMS may set passed/failed from cmi.core.score.raw, and before the
    final exam the score is the modules' average (scorm.js), not an exam result."""
    listed = "".join(f"      <file href={quoteattr(quote(name))}/>\n" for name in files)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="kesutong-scorm12" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="{ORGANIZATION_ID}">
    <organization identifier="{ORGANIZATION_ID}">
      <title>{escape(COURSE_TITLE)}</title>
      <item identifier="{ITEM_ID}" identifierref="{RESOURCE_ID}" isvisible="true">
        <title>{escape(COURSE_TITLE)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="{RESOURCE_ID}" type="webcontent" adlcp:scormtype="sco" href="{LAUNCH}">
{listed}    </resource>
  </resources>
</manifest>
"""


def package_entries(site_dir: Path) -> list[tuple[str, bytes]]:
    """(name in the zip, content): the manifest, the launch page and every site file, in a fixed order."""
    site = [(path.relative_to(site_dir).as_posix(), path.read_bytes()) for path in site_files(site_dir)]
    clashes = {MANIFEST, LAUNCH} & {name for name, _ in site}
    if clashes:
        raise ValueError(f"the built site already has {', '.join(sorted(clashes))}: rename the page in docs/")
    files = sorted([LAUNCH, *(name for name, _ in site)])
    return [(MANIFEST, manifest(files).encode()), (LAUNCH, LAUNCH_PAGE.encode()), *site]


def write_package(site_dir: Path, zip_path: Path) -> int:
    return write_reproducible_zip(zip_path, package_entries(site_dir))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.scorm_package", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site-scorm", help="where to build (default site-scorm/)")
    parser.add_argument("--zip", type=Path, default=ROOT / "dist" / "kesutong-scorm12.zip", help="the zip to write")
    args = parser.parse_args(argv)
    result = build_scorm_site(ROOT, args.site)
    if result.returncode:
        sys.stderr.write(result.stdout + result.stderr)
        return result.returncode
    count = write_package(args.site, args.zip)
    size = args.zip.stat().st_size / 1024 / 1024
    print(f"SCORM site: {args.site}\nSCORM 1.2 package: {args.zip}  ({count} files, {size:.1f} MiB) — upload it to the "
          "LMS as a SCORM package (Moodle: 添加活动 → SCORM 课件)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
