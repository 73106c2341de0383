"""The CLI contract: version, help with examples, exit codes, one-line errors."""

from __future__ import annotations

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
