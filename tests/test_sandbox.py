"""PDF rendering reads only the kit's own print assets, and never opens a network connection."""

from __future__ import annotations

import os
import socket
import threading

import pytest

from generators.pdf.assets import AssetLookup, AssetRefused, KitAssetFetcher, asset_folders
from generators.pdf.rendering import render_pdf

from conftest import KIT_ROOT


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


@pytest.fixture(scope="module")
def lookup():
    return AssetLookup(asset_folders(KIT_ROOT))


def test_the_kit_s_own_assets_are_served(lookup):
    response = KitAssetFetcher(lookup).fetch("file:///toolkit-assets/print.css")
    assert b"@page" in response.read()
    font = KitAssetFetcher(lookup).fetch("file:///toolkit-assets/fonts/atkinson-hyperlegible-latin-400-normal.woff2")
    assert font.read()[:4] == b"wOF2"


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "file:///toolkit-assets/../../../../etc/passwd",
    "file:///toolkit-assets/%2e%2e/%2e%2e/etc/passwd",
    "file:///toolkit-assets/fonts/../../../../../../etc/passwd",
    "http://127.0.0.1:9/x.css",
    "https://example.org/x.png",
    "data:text/css,body{}",
    "file://otherhost/toolkit-assets/print.css",
])
def test_anything_else_is_refused(lookup, url):
    with pytest.raises(AssetRefused):
        KitAssetFetcher(lookup).fetch(url)


def test_a_symlink_that_leaves_the_kit_is_refused(tmp_path):
    folder = tmp_path / "assets"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read")
    os.symlink(secret, folder / "innocent.css")
    with pytest.raises(AssetRefused):
        KitAssetFetcher(AssetLookup([folder])).fetch("file:///toolkit-assets/innocent.css")


@pytest.mark.parametrize("markup", [
    '<img src="http://127.0.0.1:{port}/logo.png">',
    '<link rel="stylesheet" href="http://127.0.0.1:{port}/x.css">',
    '<style>@import url("http://127.0.0.1:{port}/x.css");</style>',
    '<p style="background: url(http://127.0.0.1:{port}/bg.png)">x</p>',
])
def test_a_document_asking_for_the_network_fails_without_connecting(lookup, listener, markup):
    html = f"<!DOCTYPE html><html><body>{markup.format(port=listener.port)}</body></html>"
    with pytest.raises(AssetRefused) as refused:
        render_pdf(html, lookup)
    assert f"127.0.0.1:{listener.port}" in str(refused.value)
    assert listener.connections == 0


def test_text_that_looks_like_a_url_is_only_text(lookup, listener):
    from markupsafe import escape

    text = escape(f'<img src="http://127.0.0.1:{listener.port}/x.png">')
    pdf = render_pdf(f"<!DOCTYPE html><html><body><p>{text}</p></body></html>", lookup)
    assert pdf.startswith(b"%PDF")
    assert listener.connections == 0
