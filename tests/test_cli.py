"""The CLI contract: version, help with examples, exit codes, one-line errors."""

from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from dckg import __version__
from dckg.cli import main


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip().endswith(__version__)


def test_help_shows_examples() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert "dckg query survivors --at 2021-10-18" in result.output


def test_input_error_is_exit_2_with_one_line_and_no_traceback(tmp_path) -> None:
    result = CliRunner().invoke(main, ["build", "--kg", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.output.count("\n") == 1
    assert "knowledge-graph directory not found" in result.output


def test_unknown_command_is_usage_error() -> None:
    assert CliRunner().invoke(main, ["frobnicate"]).exit_code == 2


@pytest.mark.parametrize(
    ("args", "module", "extra"),
    [
        (["plot", "timeline", "-o", "x.svg"], "matplotlib", "plot"),
        (["plot", "network", "--at", "2021", "-o", "x.svg"], "networkx", "plot"),
        (["docs", "-o", "site"], "pylode", "docs"),
    ],
)
def test_a_missing_extra_names_the_extra_to_install(
    args: list[str], module: str, extra: str, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import of it fails, as if not installed
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert f"pip install 'dckg[{extra}]'" in result.output
    assert len(result.output.strip().splitlines()) == 1
