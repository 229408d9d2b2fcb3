"""The one version number of the app: ``version`` in pyproject.toml, read from the installed
package's metadata (the frozen build carries that metadata too)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "roadshow-desk"


def app_version() -> str:
    """``0.1.0`` and so on; ``0+unknown`` when the package metadata is missing."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"
