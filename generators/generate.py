"""`toolkit generate DIR`: the whole site as an ordinary MkDocs project on disk.

DIR gets a `docs/` folder (every page as Markdown, the PDFs, catalog.json, the guide and
the kit's hand-written pages), the theme overrides, and an `mkdocs.yml` that needs no
plugin of ours: `mkdocs build`, `properdocs build` or `zensical build` in DIR gives the kit.
`toolkit build` builds from such a folder too. A kit published in other languages gets one more
project per language (es/), whose site goes into the main site's folder of that name: build the
main project first, then each language's.
"""

from __future__ import annotations

import copy
import os
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import yaml

from .errors import KitInvalid, Problem
from .kit import Kit
from .languages import kit_in
from .pdf.workers import carried_into_thread, shared_workers
from .pdf.worksheets import build_pdfs
from .site_files import Site, site_files

OUR_PLUGIN = "toolkit"


def read_site_config(root: Path) -> dict:
    """The kit's mkdocs.yml as plain data."""
    path = root / "mkdocs.yml"
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise KitInvalid([Problem("mkdocs.yml", 0, 0, "", f"the site settings cannot be read ({error}). "
                                  "Undo the last change to mkdocs.yml.")]) from None
    if not isinstance(config, dict):
        raise KitInvalid([Problem("mkdocs.yml", 0, 0, "", "the file must hold 'setting: value' lines.")])
    return config


def write_projects(kit: Kit, folder: Path, *, directory_urls: bool = True, pdfs: bool = True) -> list[Path]:
    """The site's project in `folder`, and one per other language in a subfolder (es/) whose site goes
    into the main site's folder of that name (site/es/). Returns their mkdocs.yml files, to build in order."""
    with projects_written(kit, folder, directory_urls=directory_urls, pdfs=pdfs) as config_files:
        return list(config_files)


@contextmanager
def projects_written(kit: Kit, folder: Path, *, directory_urls: bool = True,
                     pdfs: bool = True) -> Iterator[Iterator[Path]]:
    """Like write_projects, but each mkdocs.yml is handed over as soon as its project is written, so the
    caller can build the first site while the other languages' PDFs are still rendering.

    The other languages are written in a thread beside the kit's own, and every language's PDFs go to
    the same worker processes: one language's Python work (pages, HTML for each PDF) runs while the
    other's PDFs render, instead of the cores waiting for it, and the kit's own language goes first.
    If anything fails or is stopped, the workers end at once and the thread with them."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="toolkit-languages") as beside:
        with shared_workers():
            others = beside.submit(carried_into_thread(_write_other_languages, behind=True), kit, folder, directory_urls,
                                   pdfs)

            def in_order() -> Iterator[Path]:
                yield write_project(kit, folder, directory_urls=directory_urls, pdfs=pdfs)
                yield from others.result()

            try:
                yield in_order()
            except BaseException:
                others.cancel()
                raise


def _write_other_languages(kit: Kit, folder: Path, directory_urls: bool, pdfs: bool) -> list[Path]:
    return [write_project(kit_in(kit, language), folder / language, site_dir=f"../site/{language}",
                          directory_urls=directory_urls, pdfs=pdfs)
            for language in kit.settings.other_languages]


def write_project(kit: Kit, folder: Path, *, site_dir: str = "site", directory_urls: bool = True,
                  pdfs: bool = True) -> Path:
    """Write the site's project into `folder` (which must be empty or new); returns its mkdocs.yml."""
    config = read_site_config(kit.root)
    docs_dir = kit.root / config.get("docs_dir", "docs")
    site = site_files(kit, docs_dir, directory_urls=directory_urls, pdfs=build_pdfs if pdfs else None)
    docs = folder / "docs"
    for file in site.files:
        target = docs / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if file.text is not None:
            target.write_text(file.text, encoding="utf-8")
        else:
            _link_or_copy(file.source, target)
    custom_dir = config.get("theme", {}).get("custom_dir")
    if custom_dir and (kit.root / custom_dir).is_dir():
        shutil.copytree(kit.root / custom_dir, folder / "overrides")
    config_file = folder / "mkdocs.yml"
    config_file.write_text(_header() + yaml.safe_dump(
        project_config(config, site, site_dir=site_dir, directory_urls=directory_urls),
        allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_file


def project_config(config: dict, site: Site, *, site_dir: str, directory_urls: bool) -> dict:
    """The kit's mkdocs.yml made self-contained: our pages listed, our plugin left out."""
    project = copy.deepcopy(config)
    project.update(site.settings)
    project["theme"] = {**config.get("theme", {}), **site.settings.get("theme", {})}
    if "custom_dir" in project["theme"]:
        project["theme"]["custom_dir"] = "overrides"
    project.update(docs_dir="docs", site_dir=site_dir, use_directory_urls=directory_urls, nav=site.nav)
    project["extra"] = {**config.get("extra", {}), **site.extra}
    project["plugins"] = [plugin for plugin in config.get("plugins", []) if _plugin_name(plugin) != OUR_PLUGIN]
    # Sections of more than a few dozen tools list only their index page on purpose.
    validation = project.setdefault("validation", {})
    validation.setdefault("nav", {})["omitted_files"] = "info"
    return project


def _plugin_name(plugin) -> str:
    return next(iter(plugin)) if isinstance(plugin, dict) else str(plugin)


def _header() -> str:
    return ("# Written by `toolkit generate` from the kit's YAML, kit.yml and mkdocs.yml.\n"
            "# Edit those instead: the next run replaces this folder.\n")


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link costs no space (PDFs come from the cache); a copy where links cannot be made."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
