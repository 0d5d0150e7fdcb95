"""``lintkit lsp``: an editor's LSP client opens an article and gets the
findings as diagnostics, with quick fixes — over a real stdio connection to
``python -m lintkit lsp``."""

from __future__ import annotations

import asyncio
import sys

import pytest

pytest.importorskip("pygls", reason="the language server's extra (pip install '.[lsp]'); the test extra has it")

from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

TEXT = "标题\n😀以赛为媒,以赛促产,以赛促产。\n"


async def _session(tmp_path):
    (tmp_path / "rules.yaml").write_text("select: [style.repeated-phrase]\n", encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    uri = path.as_uri()
    client = LanguageClient("test-client", "1")
    published: asyncio.Queue = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params):
        published.put_nowait(params)

    await client.start_io(sys.executable, "-m", "lintkit", "lsp")
    try:
        await client.initialize_async(
            types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=tmp_path.as_uri())
        )
        client.initialized(types.InitializedParams())
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=TEXT)
            )
        )
        opened = await asyncio.wait_for(published.get(), 60)
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=opened.diagnostics[0].range,
                context=types.CodeActionContext(diagnostics=opened.diagnostics),
            )
        )
        hovered = await client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri), position=opened.diagnostics[0].range.start
            )
        )
        clean = "标题\n😀以赛为媒,以赛促产。\n"
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=clean)],
            )
        )
        changed = await asyncio.wait_for(published.get(), 60)
        # a burst of keystrokes is linted once, in its last state
        for version, text in ((3, TEXT), (4, clean), (5, TEXT)):
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
                )
            )
        burst = [await asyncio.wait_for(published.get(), 60)]
        try:
            burst.append(await asyncio.wait_for(published.get(), 1.5))
        except asyncio.TimeoutError:
            pass
        await client.shutdown_async(None)
        client.exit(None)
    finally:
        await client.stop()
    return opened, actions, changed, hovered, burst


def test_an_opened_article_gets_its_findings_and_quick_fixes_and_an_edit_clears_them(tmp_path):
    opened, actions, changed, hovered, burst = asyncio.run(_session(tmp_path))
    assert len(burst) == 1 and len(burst[0].diagnostics) == 1  # debounced: one run, on the last text
    (d,) = opened.diagnostics
    assert d.code == "style.repeated-phrase" and d.source == "lintkit"
    assert d.severity == types.DiagnosticSeverity.Warning
    # line 2 (0-based 1): the repetition is the 12th character, after "😀以赛为媒,以赛促产,";
    # in UTF-16 (the editor's default units) the emoji counts two
    assert (d.range.start.line, d.range.start.character) == (1, 12)
    fix, silence = actions
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    (edit,) = next(iter(fix.edit.changes.values()))
    assert edit.new_text == "" and edit.range.start.line == 1
    (comment,) = next(iter(silence.edit.changes.values()))
    assert comment.new_text == "<!-- lintkit-disable-next-line style.repeated-phrase -->\n"
    assert "style.repeated-phrase" in hovered.contents.value and "What it catches" in hovered.contents.value
    assert list(changed.diagnostics) == []
