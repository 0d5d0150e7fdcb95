"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other CI
dashboards.  Severities map to SARIF levels (error, warning, note); every
rule that ran is listed in the tool's driver with its documentation; related
places become ``relatedLocations``; fixes become ``fixes`` with their
replacements.  Columns are counted in characters, as SARIF's default
``columnKind`` (utf16CodeUnits) would miscount astral characters, so the
run says ``unicodeCodePoints``."""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

__all__ = ["render", "artifact_uri"]

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _region(start, end) -> dict:
    return {"startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column}


def artifact_uri(path: str) -> dict:
    """A SARIF artifactLocation: a percent-encoded URI reference (CJK, spaces
    and '#' in a file name are not valid in a URI as written), relative to
    the run's %SRCROOT% (the current folder) when the path is relative."""
    posix = path.replace(os.sep, "/") if os.sep != "/" else path
    uri = quote(posix, safe="/:")
    if PurePosixPath(posix).is_absolute():
        return {"uri": "file://" + uri}
    return {"uri": uri, "uriBaseId": "%SRCROOT%"}


def _location(path: str, start, end, message: str = "") -> dict:
    loc: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact_uri(path), "region": _region(start, end)}}
    if message:
        loc["message"] = {"text": message}
    return loc


def render(result, *, color: bool = False) -> str:
    from .. import DISTRIBUTION, __version__

    documents = {d.path: d for d in result.documents}
    rules = sorted({a.rule.id: a for a in result.rules}.values(), key=lambda a: a.rule.id)
    index = {a.rule.id: i for i, a in enumerate(rules)}
    descriptors = [
        {
            "id": a.rule.id,
            "shortDescription": {"text": a.rule.summary or a.rule.id},
            "fullDescription": {"text": a.rule.doc or a.rule.summary or a.rule.id},
            "defaultConfiguration": {"level": _LEVEL[str(a.severity)]},
            "properties": {"plugin": a.rule.plugin, "scope": a.rule.scope},
        }
        for a in rules
    ]
    results = []
    for f in result.findings:
        item = {
            "ruleId": f.rule,
            "level": _LEVEL[str(f.severity)],
            "message": {"text": f.message},
            "locations": [_location(f.path, f.start, f.end)],
        }
        if f.rule in index:
            item["ruleIndex"] = index[f.rule]
        if f.related:
            item["relatedLocations"] = [
                dict(_location(r.path, r.start, r.end, r.message), id=i) for i, r in enumerate(f.related)
            ]
        if f.fix is not None:
            item["fixes"] = [
                {
                    "description": {"text": f.fix.description or f"{f.fix.applicability} fix"},
                    "artifactChanges": [
                        {
                            "artifactLocation": artifact_uri(f.path),
                            "replacements": [
                                {"deletedRegion": _region(s, t), "insertedContent": {"text": e.replacement}}
                                for e, (s, t) in zip(f.fix.edits, f.edit_positions(documents))
                            ],
                        }
                    ],
                }
            ]
            item["properties"] = {"fixApplicability": str(f.fix.applicability)}
        results.append(item)
    notifications = [
        {
            "level": "error",
            "message": {"text": e.message},
            **({"locations": [{"physicalLocation": {"artifactLocation": artifact_uri(e.path)}}]} if e.path else {}),
        }
        for e in result.errors
    ]
    run = {
        "tool": {
            "driver": {
                "name": "lintkit",
                "version": __version__,
                "informationUri": f"https://pypi.org/project/{DISTRIBUTION}/",
                "rules": descriptors,
            }
        },
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {
            "%SRCROOT%": {"uri": "file://" + quote(Path.cwd().as_posix().rstrip("/"), safe="/:") + "/"}
        },
        "results": results,
        "invocations": [{"executionSuccessful": not result.errors, "toolExecutionNotifications": notifications}],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
