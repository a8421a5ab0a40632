"""The command line when its output fails: one line on stderr, never a traceback.

A full disk, a closed standard output, a pipe closed early and Ctrl-C each give
one line and exit code 2 (130 for Ctrl-C); a terminal whose encoding cannot show
a character gets an escape for it instead of a crash. Run in real processes,
where Python's own handling of the streams is what the user sees.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import lape
from lape.cli import main

LAPE = [sys.executable, "-m", "lape"]


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*LAPE, *args], capture_output=True, text=True, check=False, timeout=120, env=env
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["check", "--example"], ["example"], ["rules"]])
def test_a_full_disk_is_one_line_and_exit_2(command: list[str]) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = subprocess.run(
            [*LAPE, *command], stdout=full, stderr=subprocess.PIPE, text=True, check=False
        )
    assert done.returncode == 2
    assert done.stderr == "lape: cannot write the output: No space left on device\n"


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell closes the descriptor")
def test_a_closed_stdout_is_one_line_and_exit_2() -> None:
    done = subprocess.run(
        ["sh", "-c", f"'{sys.executable}' -m lape check --example >&-"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == "lape: cannot write the output: standard output is closed\n"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pipe")
def test_a_pipe_closed_early_is_one_line_and_exit_2() -> None:
    reader, writer = os.pipe()
    os.close(reader)  # nobody will read: the first write fails with EPIPE
    try:
        done = subprocess.run(
            [*LAPE, "rules"], stdout=writer, stderr=subprocess.PIPE, text=True, check=False
        )
    finally:
        os.close(writer)
    assert done.returncode == 2
    assert done.stderr == "lape: cannot write the output: Broken pipe\n"


def test_an_ascii_terminal_gets_escapes_not_a_traceback() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = _run(["check", "--example"], env=env)
    assert done.returncode == 1  # the example's findings, as on any terminal
    assert done.stderr == ""
    assert done.stdout.splitlines()[0] == (
        "Pohjois-Savo 2017 (illustrative) \\u2014 as of 2017-10-01"
    )
    done = _run(["check", "--example", "--format", "json", "--lang", "fi"], env=env)
    assert done.stderr == ""
    report = lape.check(lape.example(), lang="fi")
    assert done.stdout.isascii()  # ä and ö as \u escapes: still the same JSON
    assert json.loads(done.stdout) == json.loads(report.to_json())


def test_ctrl_c_is_one_line_and_exit_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("lape.cli.load", interrupted)
    assert main(["check", "some.yaml"]) == 130
    out, err = capsys.readouterr()
    assert (out, err) == ("", "lape: interrupted\n")


def test_ctrl_c_in_a_real_process_is_one_line_and_exit_130(tmp_path: Path) -> None:
    script = (
        "import lape.cli, sys\n"
        "def interrupted(*a, **k): raise KeyboardInterrupt\n"
        "lape.cli.load = interrupted\n"
        "sys.exit(lape.cli.main(['check', 'x.yaml']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 130
    assert (done.stdout, done.stderr) == ("", "lape: interrupted\n")


def test_an_output_that_fails_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    class Full(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

    assert main(["rules"], stdout=Full()) == 2
    assert capsys.readouterr().err == "lape: cannot write the output: No space left on device\n"


def test_max_bytes_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("info: {title: Small}\n", encoding="utf-8")
    assert main(["check", "--max-bytes", "10", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"lape: {path}: file is 21 bytes, larger than the limit of 10 bytes\n"
    )
    assert main(["network", "--max-bytes", "10", str(path)]) == 2
    capsys.readouterr()
    assert main(["check", "--max-bytes", "0", str(path)]) == 2
    assert "expected a whole number of bytes, not '0'" in capsys.readouterr().err
    assert main(["check", "--max-bytes", "21", str(path)]) == 0


def test_error_messages_escape_text_from_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.yaml"
    path.write_text('info: {"ti\\e[2Jtle": x}\n', encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert err.startswith(f"lape: {path}: info: unknown key 'ti\\x1b[2Jtle'")
