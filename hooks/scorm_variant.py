"""MkDocs hook: the SCORM 1.2 variant (`SCORM=true` with `OFFLINE=true`, packaged by `make scorm`).

It is the offline variant (relative `page.html` links, no instant navigation, nothing from other hosts:
an LMS serves the package as plain files) plus the adapter `assets/javascripts/scorm.js` on every page,
after learn.js, whose progress it reports. Each page also carries what the adapter must know of the
course: the modules in course order (their ids, as learn.js records them) and where the page is inside
the package, as the `#__mdx_scorm` JSON block. Other builds load no SCORM code at all.
"""

from __future__ import annotations

import json

from mkdocs.exceptions import PluginError

ADAPTER = "assets/javascripts/scorm.js"
MODULES_FOLDER = "modules/"


def offline_enabled(config) -> bool:
    # As in hooks/offline_variant.py (MkDocs loads each hook file on its own: they cannot import each other).
    return any(name.endswith("offline") and plugin.config.enabled for name, plugin in config.plugins.items())


def scorm_enabled(config) -> bool:
    return str(config.extra.get("scorm", "")).lower() in ("true", "1", "yes")


def course_modules(nav) -> list[str]:
    """Module ids (page slugs under modules/) in the order of the nav, as the progress panel lists them."""
    found: list[str] = []

    def walk(items) -> None:
        for item in items or []:
            if isinstance(item, dict):
                for target in item.values():
                    if isinstance(target, str) and target.startswith(MODULES_FOLDER) and target.endswith(".md"):
                        found.append(target[len(MODULES_FOLDER):-len(".md")])
                    elif isinstance(target, list):
                        walk(target)

    walk(nav)
    return found


def on_config(config):
    if not scorm_enabled(config):
        return config
    if not offline_enabled(config):
        raise PluginError("SCORM=true builds the SCORM package, which is the offline variant: set OFFLINE=true too "
                          "(or run `make scorm`)")
    config.extra_javascript.append(ADAPTER)
    return config


def on_post_page(output: str, page, config) -> str:
    if not scorm_enabled(config):
        return output
    course = {"modules": course_modules(config.nav), "page": page.file.dest_uri}
    # "</" cannot end the block early: ids are [a-z0-9-] and paths come from file names, escaped anyway.
    block = ('<script type="application/json" id="__mdx_scorm">'
             + json.dumps(course, ensure_ascii=False).replace("</", "<\\/") + "</script>")
    head, found, tail = output.rpartition("</body>")
    return head + block + found + tail if found else output + block
