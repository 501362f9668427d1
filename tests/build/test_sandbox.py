"""PDF rendering reads only the kit's own print assets, and never opens a network connection.
What the asset fetcher serves and refuses, without rendering: tests/unit/test_sandbox.py."""

from __future__ import annotations

import socket
import threading

import pytest

from generators.pdf.assets import AssetRefused
from generators.pdf.rendering import render_pdf


class ConnectionCounter:
    """A listener on 127.0.0.1 that counts every connection made to it."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.port = self.server.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            self.connections += 1
            client.close()


@pytest.fixture
def listener():
    counter = ConnectionCounter()
    yield counter
    counter.server.close()


@pytest.mark.parametrize("markup", [
    '<img src="http://127.0.0.1:{port}/logo.png">',
    '<link rel="stylesheet" href="http://127.0.0.1:{port}/x.css">',
    '<style>@import url("http://127.0.0.1:{port}/x.css");</style>',
    '<p style="background: url(http://127.0.0.1:{port}/bg.png)">x</p>',
])
def test_a_document_asking_for_the_network_fails_without_connecting(asset_lookup, listener, markup):
    html = f"<!DOCTYPE html><html><body>{markup.format(port=listener.port)}</body></html>"
    with pytest.raises(AssetRefused) as refused:
        render_pdf(html, asset_lookup)
    assert f"127.0.0.1:{listener.port}" in str(refused.value)
    assert listener.connections == 0


def test_text_that_looks_like_a_url_is_only_text(asset_lookup, listener):
    from markupsafe import escape

    text = escape(f'<img src="http://127.0.0.1:{listener.port}/x.png">')
    pdf = render_pdf(f"<!DOCTYPE html><html><body><p>{text}</p></body></html>", asset_lookup)
    assert pdf.startswith(b"%PDF")
    assert listener.connections == 0
