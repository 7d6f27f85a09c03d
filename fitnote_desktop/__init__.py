"""fitnote-desktop: Belgian incapacity certificates and ICF fit-notes for physicians."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("fitnote-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
