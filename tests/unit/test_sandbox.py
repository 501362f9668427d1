"""The PDF renderer's asset fetcher serves only the kit's own print assets: anything else, a
path out of the kit, another host or a link that leaves the folder, is refused. That a
document asking for the network renders nothing: tests/build/test_sandbox.py."""

from __future__ import annotations

import os

import pytest

from generators.pdf.assets import AssetLookup, AssetRefused, KitAssetFetcher


def test_the_kit_s_own_assets_are_served(asset_lookup):
    response = KitAssetFetcher(asset_lookup).fetch("file:///toolkit-assets/print.css")
    assert b"@page" in response.read()
    font = KitAssetFetcher(asset_lookup).fetch(
        "file:///toolkit-assets/fonts/atkinson-hyperlegible-latin-400-normal.woff2")
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
def test_anything_else_is_refused(asset_lookup, url):
    with pytest.raises(AssetRefused):
        KitAssetFetcher(asset_lookup).fetch(url)


def test_a_symlink_that_leaves_the_kit_is_refused(tmp_path):
    folder = tmp_path / "assets"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read")
    os.symlink(secret, folder / "innocent.css")
    with pytest.raises(AssetRefused):
        KitAssetFetcher(AssetLookup([folder])).fetch("file:///toolkit-assets/innocent.css")
