"""The README documents every CLI command, and its two set-up commands match .ci/run."""

import re
from pathlib import Path

from registry.cli import COMMANDS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented():
    for name in COMMANDS:
        assert f"python -m registry {name}" in README, name


def test_ci_runs_the_readme_test_command():
    commands = re.findall(r"```sh\n(.+?)\n```", README)
    test_command = next(c for c in commands if "pytest" in c)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    head = README[:1500]
    assert "streamlit run app.py" in head and "pytest" in head


def test_every_column_of_every_table_is_documented():
    from registry.schema import DATA_TABLES

    section = README[README.index("## CSV formats"):README.index("### Wikidata twin towns")]
    for t in DATA_TABLES:
        for c in t.columns:
            if c.name in ("version", "updated_at", "updated_by"):
                continue
            assert f"`{c.name}`" in section, (t.name, c.name)
