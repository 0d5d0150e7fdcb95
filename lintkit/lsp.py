"""``lintkit lsp``: a language server, so that an editor shows lintkit's
findings as the editor types — as Vale does with vale-ls.

It speaks the Language Server Protocol over standard input and output
(pygls): on opening, changing and saving an article the server lints the
editor's text — not the file on disk — with the rules.yaml found from the
article's folder, and publishes the findings as diagnostics (severity, the
rule id as code, related places as related information).  A finding with a
fix is offered as a quick fix (code action), and so is a comment that
silences the finding's rule on its line; hovering a finding shows its
rule's documentation.  Positions are converted to the
units the editor negotiated (UTF-16 by default, where a Chinese character is
one unit and an emoji two).

Typing is debounced: a change is linted once the editor has been quiet for
``DEBOUNCE`` seconds, so a burst of keystrokes costs one run; a version
already linted (a save right after the change) is not linted again, and the
document of each version is kept with its analyses for the quick fixes.

Cross-file rules see only the open article; a project's run (``lintkit
check``) remains the place for those.  Install with ``pip install
'lintkit-zh[lsp]'`` and point the editor's LSP client at ``lintkit lsp``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .app import Application
from .config import find_config
from .model.document import Document
from .findings import Severity

if TYPE_CHECKING:  # pragma: no cover
    import asyncio

    from pygls.lsp.server import LanguageServer

__all__ = ["create_server", "main", "DEBOUNCE"]

# Seconds of quiet after a change before the text is linted.
DEBOUNCE = 0.3


def create_server() -> LanguageServer:
    """The language server (pygls), with its features registered."""
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer
    from pygls.uris import to_fs_path

    server = LanguageServer("lintkit", __version__)
    apps: dict[Path, Application] = {}  # one per rules.yaml, built once
    last: dict[str, list] = {}  # uri -> the findings published for it
    linted: dict[str, tuple[int | None, Document]] = {}  # uri -> (version, its document)
    pending: dict[str, asyncio.TimerHandle] = {}  # uri -> the timer of a debounced lint

    severities = {
        Severity.ERROR: types.DiagnosticSeverity.Error,
        Severity.WARNING: types.DiagnosticSeverity.Warning,
        Severity.INFO: types.DiagnosticSeverity.Information,
    }

    def app_for(path: str | None) -> Application:
        config = find_config(Path(path).parent if path else None)
        if config not in apps:
            apps[config] = Application.create(config, tolerate_broken_plugins=True)
        return apps[config]

    def to_range(text_doc, start, end) -> "types.Range":
        # lintkit counts characters (code points); the editor counts its own units
        raw = types.Range(
            start=types.Position(line=start.line - 1, character=start.column - 1),
            end=types.Position(line=end.line - 1, character=end.column - 1),
        )
        return text_doc.range_to_client_units(raw)

    def document(uri: str) -> Document:
        """The document of the editor's current version (one per version)."""
        text_doc = server.workspace.get_text_document(uri)
        version, doc = linted.get(uri, (None, None))
        if doc is None or version != text_doc.version or doc.text != text_doc.source:
            doc = Document(text_doc.source, to_fs_path(uri) or uri)
        return doc

    def lint_later(uri: str) -> None:
        import asyncio

        timer = pending.pop(uri, None)
        if timer is not None:
            timer.cancel()

        def fire():
            pending.pop(uri, None)
            lint(uri)

        pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE, fire)

    def lint(uri: str) -> None:
        text_doc = server.workspace.get_text_document(uri)
        path = to_fs_path(uri)
        known = linted.get(uri)
        if known is not None and known[0] == text_doc.version and known[1].text == text_doc.source:
            return  # this version's findings are published already
        doc = document(uri)
        linted[uri] = (text_doc.version, doc)
        try:
            result = app_for(path).run([doc])
        except Exception as exc:  # noqa: BLE001 - a broken configuration must not kill the editor's server
            server.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"lintkit: {exc}"))
            return
        findings = [f for f in result.findings if f.path == doc.path]
        last[uri] = findings
        diagnostics = []
        for f in findings:
            related = [
                types.DiagnosticRelatedInformation(
                    location=types.Location(uri=uri, range=to_range(text_doc, r.start, r.end)), message=r.message
                )
                for r in f.related
                if r.path == doc.path
            ]
            diagnostics.append(
                types.Diagnostic(
                    range=to_range(text_doc, f.start, f.end),
                    message=f.message,
                    severity=severities.get(f.severity),
                    code=f.rule,
                    source="lintkit",
                    related_information=related or None,
                )
            )
        for e in result.errors:
            diagnostics.append(
                types.Diagnostic(
                    range=types.Range(
                        start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)
                    ),
                    message=e.message,
                    severity=types.DiagnosticSeverity.Error,
                    source="lintkit",
                )
            )
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls, params: types.DidOpenTextDocumentParams):
        lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls, params: types.DidChangeTextDocumentParams):
        lint_later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls, params: types.DidSaveTextDocumentParams):
        lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls, params: types.DidCloseTextDocumentParams):
        last.pop(params.text_document.uri, None)
        linted.pop(params.text_document.uri, None)
        timer = pending.pop(params.text_document.uri, None)
        if timer is not None:
            timer.cancel()
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
    )
    def code_actions(ls, params: types.CodeActionParams):
        uri = params.text_document.uri
        text_doc = server.workspace.get_text_document(uri)
        doc = document(uri)
        actions = []
        for f in last.get(uri, []):
            if f.fix is None:
                continue
            where = to_range(text_doc, f.start, f.end)
            if (where.end.line, where.end.character) < (params.range.start.line, params.range.start.character) or (
                where.start.line,
                where.start.character,
            ) > (params.range.end.line, params.range.end.character):
                continue
            edits = [
                types.TextEdit(
                    range=to_range(text_doc, doc.position(e.start), doc.position(e.end)), new_text=e.replacement
                )
                for e in f.fix.edits
            ]
            actions.append(
                types.CodeAction(
                    title=f"{f.fix.description or 'apply the fix'} ({f.rule})",
                    kind=types.CodeActionKind.QuickFix,
                    edit=types.WorkspaceEdit(changes={uri: edits}),
                    is_preferred=str(f.fix.applicability) == "safe",
                )
            )
        for f in last.get(uri, []):
            where = to_range(text_doc, f.start, f.end)
            if not (params.range.start.line <= where.start.line <= params.range.end.line):
                continue
            # silence this finding's rule on its line: a comment on the line above
            line_start = types.Position(line=f.start.line - 1, character=0)
            actions.append(
                types.CodeAction(
                    title=f"silence {f.rule} on this line",
                    kind=types.CodeActionKind.QuickFix,
                    edit=types.WorkspaceEdit(
                        changes={
                            uri: [
                                types.TextEdit(
                                    range=types.Range(start=line_start, end=line_start),
                                    new_text=f"<!-- lintkit-disable-next-line {f.rule} -->\n",
                                )
                            ]
                        }
                    ),
                )
            )
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls, params: types.HoverParams):
        """The documentation of the rules whose findings are under the cursor."""
        text_doc = server.workspace.get_text_document(params.text_document.uri)
        pos = (params.position.line, params.position.character)
        docs: dict[str, str] = {}
        for f in last.get(params.text_document.uri, []):
            where = to_range(text_doc, f.start, f.end)
            if (where.start.line, where.start.character) <= pos <= (where.end.line, where.end.character):
                rule = app_for(to_fs_path(params.text_document.uri)).registry.rules.get(f.rule)
                docs.setdefault(f.rule, (rule.doc if rule else "") or "")
        if not docs:
            return None
        value = "\n\n".join(f"**{rid}**\n\n```text\n{doc}\n```" for rid, doc in docs.items())
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=value))

    return server


def main() -> int:
    try:
        server = create_server()
    except ImportError:
        import sys

        print("lintkit: the language server needs pygls: pip install 'lintkit-zh[lsp]'", file=sys.stderr)
        return 2
    server.start_io()
    return 0
