"""The built-in output formats, registered through the same hook a plugin uses."""

from ..hookspecs import hookimpl
from . import github, html_report, json_format, rdjson, sarif, text

__all__ = ["register_reporters"]


@hookimpl
def register_reporters(register):
    register("text", text.render)
    register("json", json_format.render)
    register("github", github.render)
    register("sarif", sarif.render)
    register("html", html_report.render)
    register("rdjson", rdjson.render)
