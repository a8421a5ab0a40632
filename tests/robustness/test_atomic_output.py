"""Output files are written whole or not at all: an error or a crash while
writing leaves the previous file as it was, and no temporary file behind.
``lape check`` writes no file at all (see ``test_corpus.py``)."""

from __future__ import annotations

import errno
import io
import os
import pathlib
import signal
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import lape
from lape.cli import main
from lape.io import dump, dumps

SMALL = lape.loads("info: {title: Small}\nactors: [{id: a, name: A, kind: parish}]\n")


def _disk_full(*args: object, **kwargs: object) -> Any:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("fails", ["fsync", "replace", "fdopen", "chmod"])
@pytest.mark.parametrize("name", ["s.yaml", "s.json"])
def test_a_failing_dump_leaves_the_previous_file(
    fails: str, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / name
    path.write_text("previous\n", encoding="utf-8")
    monkeypatch.setattr(os, fails, _disk_full)
    with pytest.raises(OSError, match="No space left"):
        dump(SMALL, path)
    assert path.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_a_dump_interrupted_mid_write_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("previous\n", encoding="utf-8")
    real_fdopen = os.fdopen

    class Half(io.TextIOWrapper):
        def write(self, text: str) -> int:
            super().write(text[: len(text) // 2])
            self.flush()
            raise KeyboardInterrupt  # Ctrl-C halfway: not even an Exception

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        raw = real_fdopen(fd, "wb")
        return Half(raw, encoding="utf-8", newline="\n")

    monkeypatch.setattr(os, "fdopen", fdopen)
    with pytest.raises(KeyboardInterrupt):
        dump(SMALL, path)
    assert path.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]


def test_a_dump_writes_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("x" * 100_000, encoding="utf-8")
    dump(SMALL, path)
    assert path.read_text(encoding="utf-8") == dumps(SMALL)
    assert lape.load(path) == SMALL


def test_lape_example_writes_only_to_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    assert main(["example"], stdout=out) == 0
    assert lape.loads(out.getvalue()) == lape.example()
    assert list(tmp_path.iterdir()) == []


# -- lape network --export ------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
def test_a_failing_export_leaves_the_previous_file(
    suffix: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    nx = pytest.importorskip("networkx")
    path = tmp_path / f"graph{suffix}"
    path.write_text("previous\n", encoding="utf-8")
    injected: list[str] = []

    def half_then_disk_full(graph: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        # the writer got halfway into whatever file it was given, then the disk filled
        injected.append("writer")
        with open(target, "wb") as f:
            f.write(b"<?xml version=")
        _disk_full()

    def text_half_then_disk_full(self: Path, text: str, *args: Any, **kwargs: Any) -> int:
        injected.append("write_text")
        with open(self, "w", encoding="utf-8") as f:
            f.write(text[: len(text) // 2])
        return int(_disk_full())

    def fsync(fd: int) -> None:
        injected.append("fsync")
        _disk_full()

    monkeypatch.setattr(nx, "write_graphml", half_then_disk_full)
    monkeypatch.setattr(nx, "write_gexf", half_then_disk_full)
    monkeypatch.setattr(pathlib.Path, "write_text", text_half_then_disk_full)
    monkeypatch.setattr(os, "fsync", fsync)
    code = main(["network", "--example", "--export", str(path)])
    out, err = capsys.readouterr()
    if not injected:
        pytest.skip("the export no longer writes through the patched calls: update this test")
    assert code == 2
    assert out == ""
    assert err.startswith("lape: ")
    assert "Traceback" not in err
    assert path.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_an_export_with_bad_input_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("networkx")
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors: [a, b\n", encoding="utf-8")
    target = tmp_path / "graph.graphml"
    target.write_text("previous\n", encoding="utf-8")
    code = main(["network", str(bad), "--export", str(target)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    problem = "not valid YAML: did not find expected ',' or ']' (line 2, column 1)"
    assert err == f"lape: {bad}: {problem}\n"
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "graph.graphml"]


# -- targets lape will not write -------------------------------------------------------------


def _example_json(tmp_path: Path) -> Path:
    path = tmp_path / "in.json"
    path.write_text(dumps(lape.example(), format="json"), encoding="utf-8")
    return path


def _refused(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(args)
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    return err


def test_the_input_file_is_not_replaced_by_its_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _example_json(tmp_path)
    before = source.read_bytes()
    err = _refused(["network", str(source), "--export", str(source)], capsys)
    assert err == f"lape: {source}: is the input file; give another name for the output\n"
    alias = tmp_path / "alias.json"
    alias.symlink_to(source.name)
    err = _refused(["network", str(source), "--export", str(alias)], capsys)
    assert err == f"lape: {alias}: is the input file; give another name for the output\n"
    assert source.read_bytes() == before


def test_a_read_only_target_is_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "graph.json"
    target.write_text("previous\n", encoding="utf-8")
    target.chmod(0o444)
    err = _refused(["network", "--example", "--export", str(target)], capsys)
    assert err == f"lape: {target}: is read-only; lape does not replace it\n"
    assert target.read_text(encoding="utf-8") == "previous\n"
    with pytest.raises(lape.LapeError, match="is read-only"):
        dump(SMALL, _read_only(tmp_path / "s.yaml"))


def _read_only(path: Path) -> Path:
    path.write_text("previous\n", encoding="utf-8")
    path.chmod(0o444)
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_or_a_directory_is_not_replaced_by_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "graph.json"
    os.mkfifo(fifo)
    err = _refused(["network", "--example", "--export", str(fifo)], capsys)
    assert err == f"lape: {fifo}: is not a regular file; give the name of a file to write\n"
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    folder = tmp_path / "folder.json"
    folder.mkdir()
    err = _refused(["network", "--example", "--export", str(folder)], capsys)
    assert err == f"lape: {folder}: is a directory; give the name of a file to write\n"
    with pytest.raises(lape.LapeError, match="is not a regular file"):
        dump(SMALL, fifo)


def test_a_link_is_followed_and_no_mode_passes_between_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("previous\n", encoding="utf-8")
    secret.chmod(0o600)
    link = tmp_path / "link.yaml"
    link.symlink_to(secret.name)
    dump(SMALL, link)
    assert link.is_symlink()  # still a link, to the file it named
    assert lape.load(secret) == SMALL
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.yaml", "secret.yaml"]
    executable = tmp_path / "tool.yaml"
    executable.write_text("previous\n", encoding="utf-8")
    executable.chmod(0o4755)  # set-user-ID: never carried over to a written file
    dump(SMALL, executable)
    assert stat.S_IMODE(executable.stat().st_mode) == 0o755


def test_a_link_to_nothing_is_refused(tmp_path: Path) -> None:
    dangling = tmp_path / "s.yaml"
    dangling.symlink_to("nowhere.yaml")
    with pytest.raises(lape.LapeError, match="is a symbolic link to nothing"):
        dump(SMALL, dangling)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGTERM")
def test_sigterm_during_an_export_leaves_no_temporary_file(tmp_path: Path) -> None:
    # the export stops in fsync (as a slow disk would) until the signal comes
    script = (
        "import os, sys, time\n"
        "def slow(fd):\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "os.fsync = slow\n"
        "from lape.cli import main\n"
        "sys.exit(main(['network', '--example', '--export', sys.argv[1]]))\n"
    )
    target = tmp_path / "graph.graphml"
    target.write_text("previous\n", encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-c", script, str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None
        assert process.stdout.readline() == "writing\n"
        assert len(list(tmp_path.iterdir())) == 2  # the temporary file is there
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    assert err == ""
    assert process.returncode == -signal.SIGTERM  # died of the signal, as without lape
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.graphml"]
    assert target.read_text(encoding="utf-8") == "previous\n"
