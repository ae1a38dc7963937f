"""Command line: build the offline variant (opens from disk, file://) and zip it for a USB stick.

    python -m tools.offline_bundle [--site DIR] [--zip FILE]

The zip holds the built site and nothing else, under one folder (`kesutong/`), with fixed dates and a
fixed order, so the same sources give the same zip. Learners unzip it and open `kesutong/index.html`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP_FOLDER = "kesutong"
# Zip cannot store dates before 1980; one fixed date keeps rebuilds byte-identical.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def build_offline(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` with Material's offline plugin on (see hooks/offline_variant.py)."""
    env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    if site_dir.exists():
        shutil.rmtree(site_dir)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"),
         "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False,
    )


def site_files(site_dir: Path) -> list[Path]:
    """Every regular file of the built site, in a fixed order; links are refused, not followed."""
    files = []
    for path in sorted(site_dir.rglob("*")):
        if path.is_symlink():
            raise ValueError(f"{path}: the built site contains a link; the zip must hold only site files")
        if path.is_file():
            files.append(path)
    return files


def write_reproducible_zip(zip_path: Path, entries: list[tuple[str, bytes]]) -> int:
    """(name, content) pairs into a zip with fixed dates and modes, so the same sources give the same zip."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for name, content in entries:
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, content)
    return len(entries)


def write_zip(site_dir: Path, zip_path: Path) -> int:
    return write_reproducible_zip(zip_path, [(f"{TOP_FOLDER}/{path.relative_to(site_dir).as_posix()}", path.read_bytes())
                                             for path in site_files(site_dir)])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.offline_bundle", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site-offline", help="where to build (default site-offline/)")
    parser.add_argument("--zip", type=Path, default=ROOT / "dist" / "kesutong-offline.zip", help="the zip to write")
    args = parser.parse_args(argv)
    result = build_offline(ROOT, args.site)
    if result.returncode:
        sys.stderr.write(result.stdout + result.stderr)
        return result.returncode
    count = write_zip(args.site, args.zip)
    size = args.zip.stat().st_size / 1024 / 1024
    print(f"offline site: {args.site}  ({count} files)\nzip: {args.zip}  ({size:.1f} MiB) — unzip, then open "
          f"{TOP_FOLDER}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
