"""MkDocs hook: the offline variant (`OFFLINE=true`, opened from disk) asks no outside host for anything.

Material's offline plugin makes search work from file:// with a Web Worker shim, which it adds from a
public CDN unless a polyfill naming `iframe-worker` is listed already. The site is used on intranets
and offline, so the copy vendored from the npm registry is listed first. Online builds list nothing:
the shim only matters on file://.

Instant navigation is switched off there, as Material's offline guide asks: on file:// its page loader
ends `document$` before the page is ready, and no component of the site would ever mount.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def offline_enabled(config) -> bool:
    return any(name.endswith("offline") and plugin.config.enabled for name, plugin in config.plugins.items())


@event_priority(100)  # before the offline plugin's own on_config, which would add the CDN address
def on_config(config):
    if offline_enabled(config):
        polyfills = config.extra.get("polyfills") or []
        config.extra["polyfills"] = [SHIM, *(p for p in polyfills if "iframe-worker" not in p)]
        features = config.theme["features"]
        features[:] = [f for f in features if not f.startswith("navigation.instant")]
    return config
