"""Every built page passes the Nu Html Checker, apart from findings in Material's own markup.

Those are listed, with the reason each is harmless, in tests/content/vnu_known_findings.yml.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.helpers import KIT_ROOT

VNU_JAR = KIT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
KNOWN = yaml.safe_load((Path(__file__).parent / "vnu_known_findings.yml").read_text(encoding="utf-8"))


@pytest.mark.skipif(not (VNU_JAR.is_file() and shutil.which("java")),
                    reason="needs the vnu checker (npm ci) and Java; `make test` installs the checker")
def test_built_pages_pass_the_nu_html_checker(built_site):
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", str(built_site)],
                            capture_output=True, text=True, timeout=600)
    messages = [m for m in json.loads(result.stderr)["messages"] if m["type"] in ("error", "non-document-error")]
    assert messages or result.returncode == 0
    unexplained = [f"{m['url'].split('/site/')[-1]}: {m['message']}" for m in messages
                   if not any(m["message"].startswith(known["message"]) for known in KNOWN)]
    assert unexplained == []
    stale = [known["message"] for known in KNOWN if not any(m["message"].startswith(known["message"]) for m in messages)]
    assert stale == [], "a listed Material finding no longer occurs: remove it from vnu_known_findings.yml"
