"""Every command and option of the CLI is documented in the README (and vice versa for commands)."""

from __future__ import annotations

from revdiff.cli import main

from .conftest import ROOT


def test_every_command_and_option_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, cmd in main.commands.items():
        assert f"revdiff {name}" in readme
        for param in cmd.params:
            if param.param_type_name == "option":
                assert any(opt in readme for opt in param.opts), f"{name} {param.opts} missing from README"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = next(line for line in ci.splitlines() if line.startswith("apt-get "))
    assert command in readme.splitlines()
    assert "libreoffice-writer-nogui" in command  # the .docx tests convert to PDF with it


def test_every_package_is_installed() -> None:
    # an installed (not editable) revdiff holds only the packages setup.cfg lists: a new
    # subpackage left out works in a checkout and fails on every user's machine
    import configparser

    from .conftest import ROOT

    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    listed = {p.strip() for p in cfg["options"]["packages"].split() if p.strip()}
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "revdiff").rglob("__init__.py")}
    assert found - listed == set()
