"""The smscheck command, through main(argv) and through a real `python -m smscheck`."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import smscheck
from smscheck._cli import main
from smscheck._frames import FLAT_COLUMNS

if TYPE_CHECKING:
    from collections.abc import Callable

VERDICT = [*FLAT_COLUMNS, "input_error"]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def scan(argv: list[str], capfdbinary: pytest.CaptureFixture[bytes]) -> tuple[int, str, str]:
    code = main(["scan", *argv])
    out, err = capfdbinary.readouterr()
    return code, out.decode(), err.decode()


def test_check_ok_number_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """A good number prints its reading and exits 0; plain text in a pipe (no escapes)."""
    code, out, _ = run(["check", "8 (916) 123-45-67", "--region", "RU"], capsys)
    assert code == 0
    assert "'8 (916) 123-45-67': likely (the code should arrive)" in out
    assert "+79161234567 (RU, mobile)" in out
    assert "\033[" not in out


def test_check_problem_exits_1_with_remedies(capsys: pytest.CaptureFixture[str]) -> None:
    """A landline exits 1 and prints each diagnostic with its remedies."""
    code, out, _ = run(["check", "+44 20 7946 0123"], capsys)
    assert code == 1
    assert "error [landline]" in out
    assert "fix: Ask for a mobile number" in out
    assert out.startswith("'+44 20 7946 0123': unlikely (the code will not arrive)\n")


def test_check_json_is_to_dict_one_object_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints Report.to_dict(), one object per line."""
    code, out, _ = run(["check", "+79123456789", "", "--json"], capsys)
    assert code == 1
    lines = out.splitlines()
    assert [json.loads(line) for line in lines] == [
        smscheck.check("+79123456789").to_dict(),
        smscheck.check("").to_dict(),
    ]


def test_check_sender_option(capsys: pytest.CaptureFixture[str]) -> None:
    """--sender takes KIND[:REGIONS]; an unknown kind is a usage error."""
    code, _, _ = run(["check", "+79123456789", "--sender", "alphanumeric:RU,KZ"], capsys)
    assert code in (0, 1)
    code, _, err = run(["check", "+79123456789", "--sender", "pigeon"], capsys)
    assert code == 2
    assert "unknown sender kind 'pigeon'" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Unknown region, missing arguments and unknown commands exit 2."""
    code, _, err = run(["check", "123", "--region", "XX"], capsys)
    assert (code, "unknown region 'XX'" in err) == (2, True)
    assert run(["check"], capsys)[0] == 2
    assert run(["frobnicate"], capsys)[0] == 2


@pytest.mark.parametrize(
    "argv", [[], ["check"], ["scan"], ["rules"], ["rules", "show"], ["rules", "lint"]]
)
def test_every_command_has_help_with_an_example(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--help on every command exits 0 and shows an example."""
    code, out, _ = run([*argv, "--help"], capsys)
    assert code == 0
    assert "example" in out
    assert "smscheck " in out


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def test_scan_writes_every_row_with_verdict(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """Every input row comes back, in order, with the verdict columns; a summary on stderr."""
    src = write(tmp_path / "in.csv", "name,phone\nA,+79123456789\nB,+442079460123\nC,\n")
    out = tmp_path / "out.csv"
    code, stdout, err = scan([str(src), "--out", str(out)], capfdbinary)
    assert code == 1
    assert stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["name"] for r in rows] == ["A", "B", "C"]
    assert list(rows[0]) == ["name", "phone", *VERDICT]
    assert rows[0]["e164"] == "+79123456789"
    assert rows[1]["ok"] == "false"
    assert rows[1]["codes"] == "landline fictional_number"
    assert rows[2]["codes"] == "empty_input"
    assert err.split()[:5] == ["delimiter", "','", "(sniffed", "from", "the"]
    assert err.split()[6:8] == ["rows", "3"]
    assert "landline" in err


def test_scan_region_option_and_jsonl_output(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """--region reads national numbers; --format jsonl writes one object a row to stdout."""
    src = write(tmp_path / "in.csv", "phone\n8 912 345-67-89\n")
    code, stdout, _ = scan([str(src), "--region", "ru", "--format", "jsonl"], capfdbinary)
    (obj,) = [json.loads(line) for line in stdout.splitlines()]
    assert obj["phone"] == "8 912 345-67-89"
    assert obj["e164"] == "+79123456789"
    assert obj["input_error"] is None
    assert code in (0, 1)


def test_scan_jsonl_input_with_region_column(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """JSON lines in, by file name; --region-column gives each row its own region."""
    lines = [{"tel": "8 912 345-67-89", "c": "RU"}, {"tel": 79123456789, "c": None}, {"tel": None}]
    src = write(tmp_path / "in.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    code, stdout, _ = scan([str(src), "--column", "tel", "--region-column", "c"], capfdbinary)
    objs = [json.loads(line) for line in stdout.splitlines()]
    assert [o["e164"] for o in objs] == ["+79123456789", None, None]
    assert objs[1]["codes"].startswith("missing_country_code")
    assert objs[2]["codes"] == "empty_input"
    assert code == 1


def test_scan_missing_column_exits_2(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A missing column is a clear message naming the columns found; exit 2, no output."""
    src = write(tmp_path / "in.csv", "name,tel\nA,1\n")
    code, stdout, err = scan([str(src)], capfdbinary)
    assert code == 2
    assert stdout == ""
    assert (
        "no column named 'phone' in the first row (read with delimiter ',') (found: name, tel)"
        in err
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"na\xffme,phone\n", "the header row: line 1: byte 0xff"),
    ],
)
def test_scan_bad_files_exit_2(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes], content: bytes, message: str
) -> None:
    """An empty file or a header that is not UTF-8 exits 2 with a message."""
    src = write(tmp_path / "in.csv", content)
    code, _, err = scan([str(src)], capfdbinary)
    assert code == 2
    assert message in err


def test_scan_missing_file_exits_2(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A file that cannot be read exits 2 with its name."""
    code, _, err = scan([str(tmp_path / "nope.csv")], capfdbinary)
    assert code == 2
    assert "cannot read" in err
    assert "nope.csv" in err


def test_scan_keeps_malformed_and_badly_encoded_rows(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """Short, long and non-UTF-8 rows are kept, flagged with their row number; exit 2."""
    src = write(
        tmp_path / "in.csv",
        b"name,phone\nA,+79123456789\nB,+79123456789,extra\nC\nD,+7912\xff3456789\nE,1\n",
    )
    out = tmp_path / "out.csv"
    code, _, err = scan([str(src), "--out", str(out)], capfdbinary)
    assert code == 2
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r[0] for r in rows] == ["name", "A", "B", "C", "D", "E"]
    width = 2 + len(VERDICT)
    assert rows[2][width - 1] == "3 fields where the header has 2"
    assert rows[2][width:] == ["extra"]  # kept after the verdict columns
    assert rows[3][1] == ""
    assert rows[3][width - 1] == "1 field where the header has 2"
    assert "is not utf-8" in rows[4][width - 1]
    assert "row 2 (line 3): 3 fields where the header has 2" in err
    assert "row 3 (line 4): 1 field where the header has 2" in err
    assert "row 4 (line 5): line 5: byte 0xff at column 8 is not utf-8" in err


def test_scan_bad_json_line_is_kept(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A line that is not a JSON object is kept as an empty row with its row number."""
    src = write(tmp_path / "in.jsonl", '{"phone": "+79123456789"}\n{oops\n[1]\n')
    code, stdout, err = scan([str(src)], capfdbinary)
    assert code == 2
    objs = [json.loads(line) for line in stdout.splitlines()]
    assert len(objs) == 3
    assert objs[1]["input_error"].startswith("not valid JSON")
    assert "row 3 (line 3): expected a JSON object, found list" in err


def test_scan_utf8_bom_and_region_column_errors(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A UTF-8 byte order mark is skipped; an unknown region value is flagged, not fatal."""
    src = write(tmp_path / "in.csv", "\ufeffphone,country\n89123456789,RU\n89123456789,Russia\n")
    code, stdout, err = scan([str(src), "--region-column", "country"], capfdbinary)
    rows = list(csv.DictReader(io.StringIO(stdout)))
    assert rows[0]["e164"] == "+79123456789"
    assert rows[1]["input_error"] == "unknown region 'Russia' in column 'country'"
    assert code == 2
    assert "row 2 (line 3)" in err


def test_scan_refuses_both_region_options(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """--region and --region-column together are a usage error."""
    src = write(tmp_path / "in.csv", "phone,c\n1,RU\n")
    code, _, err = scan([str(src), "--region", "RU", "--region-column", "c"], capfdbinary)
    assert code == 2
    assert "not both" in err


def test_scan_two_workers_same_output(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """--workers 2 writes the same bytes as one worker."""
    src = write(tmp_path / "in.csv", "phone\n" + "".join(f"+7912{i:07d}\n" for i in range(1500)))
    one, two = tmp_path / "1.csv", tmp_path / "2.csv"
    assert scan([str(src), "--out", str(one)], capfdbinary)[0] in (0, 1)
    assert scan([str(src), "--out", str(two), "--workers", "2"], capfdbinary)[0] in (0, 1)
    assert one.read_bytes() == two.read_bytes()


def test_rules_show_and_lint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """rules show lists a region's rules; lint prints file:line: key path: message, exit 1."""
    code, out, _ = run(["rules", "show", "ru"], capsys)
    assert code == 0
    assert out.startswith("RU: ")
    code, out, _ = run(["rules", "show", "RU", "--carrier", "nobody-at-all"], capsys)
    assert code == 0
    assert "[sender_registration_required]" in out
    assert run(["rules", "show", "XX"], capsys)[0] == 2
    bad = write(tmp_path / "bad.toml", 'schema_version = 2\n[[rules]]\nid = "x"\n')
    good = write(tmp_path / "good.toml", "schema_version = 2\n")
    code, out, _ = run(["rules", "lint", str(bad), str(good)], capsys)
    assert code == 1
    first, second = out.splitlines()
    assert first.startswith(f"{bad}:2: rules[0]")
    assert second.startswith(f"{good}: ok")


# ----------------------------------------------------------------- real subprocesses


def python_m(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]  # noqa: S603
        [sys.executable, "-m", "smscheck", *args],
        capture_output=True,
        text=True,
        check=False,
        **kwargs,
    )


def test_python_m_check() -> None:
    """`python -m smscheck check` runs and exits 1 on a landline."""
    done = python_m("check", "+44 20 7946 0123")
    assert done.returncode == 1
    assert "[landline]" in done.stdout
    assert "\033[" not in done.stdout


def test_python_m_scan_stdin_to_stdout() -> None:
    """`scan -` reads standard input and writes to standard output; summary on stderr."""
    done = python_m("scan", "-", "--out", "-", input="phone\n+79123456789\n")
    assert done.returncode in (0, 1)
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows[0]["e164"] == "+79123456789"
    assert "rows" in done.stderr


def test_python_m_scan_into_closed_pipe(tmp_path: Path) -> None:
    """A reader that goes away (`| head -1`) ends the scan quietly, without a traceback."""
    src = write(tmp_path / "in.csv", "phone\n" + "+79123456789\n" * 20000)
    proc = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "smscheck", "scan", str(src)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith(b"phone,ok,")
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err


def _big_input(tmp_path: Path, n: int = 200_000) -> Path:
    return write(
        tmp_path / "big.csv", "id,phone\n" + "".join(f"{i},+7912{i:07d}\n" for i in range(n))
    )


def _wait_for(path_of: Callable[[], Path | None], size: int = 50_000) -> Path:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        path = path_of()
        if path is not None and path.exists() and path.stat().st_size >= size:
            return path
        time.sleep(0.05)
    pytest.fail("the scan wrote nothing in 60 s")


def _partial(folder: Path, name: str) -> Path | None:
    return next(iter(folder.glob(f".{name}.*.partial")), None)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_interrupted_scan_streams_whole_rows(tmp_path: Path, fmt: str) -> None:
    """SIGINT mid-scan to standard output: exit 130, and what was written is complete rows,
    the input's first rows in order."""
    n = 200_000
    src = _big_input(tmp_path, n)
    out = tmp_path / f"out.{fmt}"
    with out.open("wb") as sink:
        proc = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "smscheck", "scan", str(src), "--format", fmt],
            stdout=sink,
            stderr=subprocess.PIPE,
        )
        _wait_for(lambda: out)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    text = out.read_text(encoding="utf-8")
    assert text.endswith("\n")
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == ["id", "phone", *VERDICT]
        body = rows[1:]
        assert all(len(r) == 2 + len(VERDICT) for r in body)
        ids = [int(r[0]) for r in body]
    else:
        ids = [int(json.loads(line)["id"]) for line in text.splitlines()]
    assert 0 < len(ids) < n
    assert ids == list(range(len(ids)))
    assert f"first {len(ids)} rows".encode() in err


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_scan_leaves_the_old_output(tmp_path: Path, stop: signal.Signals) -> None:
    """Interrupted (SIGINT) or killed (SIGKILL) mid-scan, a scan to --out leaves the file it
    would have replaced as it was: rows go to a temporary file beside it, renamed into place
    only when the scan completes. SIGINT also removes the temporary file."""
    src = _big_input(tmp_path)
    out = write(tmp_path / "out.csv", "an earlier scan's output\n")
    proc = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "smscheck", "scan", str(src), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_for(lambda: _partial(tmp_path, "out.csv"))
    proc.send_signal(stop)
    _, err = proc.communicate(timeout=60)
    assert out.read_text(encoding="utf-8") == "an earlier scan's output\n"
    if stop is signal.SIGINT:
        assert proc.returncode == 130, err
        assert b"was left as it was" in err
        assert _partial(tmp_path, "out.csv") is None
    else:
        assert proc.returncode == -signal.SIGKILL


def test_completed_scan_replaces_the_output_keeping_its_mode(tmp_path: Path) -> None:
    """A completed scan moves its rows into place: the old file's mode is kept, a new file
    gets the usual mode for new files, and no temporary file stays behind."""
    src = write(tmp_path / "in.csv", "phone\n+79123456789\n")
    out = write(tmp_path / "out.csv", "old\n")
    out.chmod(0o640)
    assert main(["scan", str(src), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("phone,")
    assert out.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.csv"
    assert main(["scan", str(src), "--out", str(fresh)]) == 0
    mask = os.umask(0)
    os.umask(mask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~mask
    assert not list(tmp_path.glob(".*.partial"))


def test_scan_refuses_to_write_over_its_input(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """--out naming the input (the same path, another path to the same file, or the file
    standard input reads) is a usage error, and the input is left whole."""
    text = "phone\n" + "+79123456789\n" * 40_000
    src = write(tmp_path / "in.csv", text)
    linked = tmp_path / "also.csv"
    os.link(src, linked)
    for argv in ([str(src), "--out", str(src)], [str(src), "--out", str(linked)]):
        code, _, err = scan(argv, capfdbinary)
        assert code == 2
        assert "is the file being scanned" in err
        assert src.read_text(encoding="utf-8") == text
    with src.open("rb") as stdin:
        done = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "smscheck", "scan", "-", "--out", str(src)],
            stdin=stdin,
            capture_output=True,
            check=False,
        )
    assert done.returncode == 2
    assert b"is the file being scanned" in done.stderr
    assert src.read_text(encoding="utf-8") == text


_OVERRIDE = """
[[rules]]
id = "zz-cli-override"
region = "RU"
code = "delivery_hours_restricted"
effect = "delayed"
checked = 2026-11-25
sources = ["bird-country-guide"]
message = { en = "An override rule from a test file.", ru = "Правило из тестового файла." }
service_remedy = { en = "Nothing.", ru = "Ничего." }
remedy = { en = "Nothing.", ru = "Ничего." }
"""


def test_check_rules_option_applies_override_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--rules FILE adds the file's rules over the packaged ones, with their ids."""
    path = tmp_path / "override.toml"
    path.write_text(_OVERRIDE, encoding="utf-8")
    argv = ["check", "+7 916 123 45 67", "--rules", str(path), "--json"]
    assert main([*argv, "--sender", "alphanumeric"]) == 1  # unregistered: blocked
    report = json.loads(capsys.readouterr().out)
    ids = [i for d in report["route"] for i in d["rule_ids"]]
    assert "zz-cli-override" in ids
    assert "ru-alpha-registration" in ids  # the packaged rules still apply
    assert report["diagnostics"] == []  # none of it is the person's business


def test_check_bad_rules_file_exits_2_with_file_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken --rules file is one message naming file and line, and exit status 2."""
    path = tmp_path / "broken.toml"
    path.write_text("[[rules]]\nid = 'x'\nregion = 'RU'\ncode = 'no_such_code'\n", "utf-8")
    assert main(["check", "+7 916 123 45 67", "--rules", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:")
    assert "rules[0]" in err


def test_scan_jsonl_to_csv_keeps_keys_of_the_first_object(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """JSON lines to CSV: columns come from the first object; later extra keys are reported."""
    src = write(
        tmp_path / "in.jsonl",
        '{"id": 1, "phone": "+7 916 123 45 67"}\n'
        "\n"
        '{"id": 2, "phone": "+44 20 7946 0123", "note": "extra"}\n',
    )
    code, out, err = scan([str(src), "--format", "csv"], capfdbinary)
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["id", "phone", *VERDICT]
    assert [r[0] for r in rows[1:]] == ["1", "2"]
    assert rows[1][2] == "true"  # ok
    assert rows[2][2] == "false"  # a landline
    assert "keys not in the first object" in rows[2][-1]
    assert code == 1
    assert "rows" in err


def test_scan_refuses_inputs_that_already_have_verdict_columns(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """A file that already has the verdict columns (a scan of a scan) is a usage error."""
    src = write(tmp_path / "in.csv", "phone,ok,e164\n+79123456789,true,+79123456789\n")
    code, _, err = scan([str(src)], capfdbinary)
    assert code == 2
    assert "already has columns named ok, e164" in err


def test_scan_unwritable_output_and_bad_region_exit_2(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """An output that cannot be written, or an unknown --region, is a usage error."""
    src = write(tmp_path / "in.csv", "phone\n+79123456789\n")
    code, _, err = scan([str(src), "--out", str(tmp_path / "no" / "such" / "dir.csv")], capfdbinary)
    assert code == 2
    assert "cannot write" in err
    code, _, err = scan([str(src), "--region", "XX"], capfdbinary)
    assert code == 2
    assert "unknown region 'XX'" in err


def test_scan_header_and_empty_json_errors(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """An unreadable CSV header, or a JSON lines file with no object, is a usage error."""
    bad_header = write(tmp_path / "bad.csv", '"phone\n')
    code, _, err = scan([str(bad_header)], capfdbinary)
    assert code == 2
    assert "header" in err
    empty = write(tmp_path / "empty.jsonl", "\n\n")
    code, _, err = scan([str(empty)], capfdbinary)
    assert code == 2
    assert "the file is empty" in err


class _FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_only_on_a_terminal_and_cleared_at_the_end() -> None:
    """The progress line is drawn on a terminal, with a bar when the size is known, then wiped."""
    from smscheck._cli.files import Lines  # noqa: PLC0415
    from smscheck._cli.scan import Progress  # noqa: PLC0415

    lines = Lines(io.BytesIO(b"phone\n+79123456789\n"), "utf-8")
    list(lines)
    terminal = _FakeTerminal()
    progress = Progress(terminal, 40, lines)
    progress.last = float("-inf")  # draw now, not 0.2 s after the start
    progress.update(1)
    progress.clear()
    drawn = terminal.getvalue()
    assert "\r[" in drawn
    assert "1 rows" in drawn
    assert drawn.endswith("\r\033[K")
    pipe = io.StringIO()
    quiet = Progress(pipe, 40, lines)
    quiet.last = float("-inf")
    quiet.update(1)
    quiet.clear()
    assert pipe.getvalue() == ""


def test_rules_show_with_a_broken_override_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """rules show --rules BROKEN reports file:line and exits 2."""
    broken = tmp_path / "broken.toml"
    broken.write_text("schema_version = 3\n", encoding="utf-8")
    code, _, err = run(["rules", "show", "RU", "--rules", str(broken)], capsys)
    assert code == 2
    assert err.startswith(f"{broken}:1: schema_version:")


def test_sender_flags_complete_and_check_the_sender(capsys: pytest.CaptureFixture[str]) -> None:
    """--local-in and --templates-in add to --sender; their regions are checked like the
    sender's, and without a --sender they are a usage error."""
    code, _, err = run(["check", "+79161234567", "--sender", "alphanumeric:RUS"], capsys)
    assert code == 2
    assert "unknown region 'RUS' in Sender.registered_in" in err
    assert "expected ISO 3166 alpha-2 codes such as 'RU' or 'IN'" in err
    code, _, err = run(["check", "+79161234567", "--local-in", "IN"], capsys)
    assert code == 2
    assert "--local-in and --templates-in describe a --sender" in err
    code, _, err = run(
        ["check", "+79161234567", "--sender", "alphanumeric", "--local-in", "INDIA"], capsys
    )
    assert code == 2
    assert "unknown region 'INDIA' in the list" in err
    india = ["check", "+91 81234 56796", "--json", "--sender", "alphanumeric"]
    _, out, _ = run(india, capsys)
    abroad = {i for d in json.loads(out)["route"] for i in d["rule_ids"]}
    _, out, _ = run([*india, "--local-in", "in", "--templates-in", "IN"], capsys)
    local = {i for d in json.loads(out)["route"] for i in d["rule_ids"]}
    assert "in-alpha-registration" in local - abroad  # a rule of local traffic only


def test_brief_is_one_line_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    """--brief: verdict, number, the person's codes, the top suggestion, the route's codes."""
    code, out, _ = run(["check", "+7 916 123 45 6O", "+86 139 2345 6789", "--brief"], capsys)
    assert code == 1
    first, second = out.splitlines()
    assert first.startswith(
        "'+7 916 123 45 6O': unlikely  -  lookalike_characters  did you mean +7"
    )
    assert second == (
        "'+86 139 2345 6789': at_risk  +8613923456789  route: sender_id_replaced"
        " template_registration_required"
    )


def test_rules_show_gives_effect_scope_and_disagreement(capsys: pytest.CaptureFixture[str]) -> None:
    """rules show names each rule's effect, its traffic and lift, the person's remedy and
    where the sources disagree."""
    code, out, _ = run(["rules", "show", "IN"], capsys)
    assert code == 0
    assert out.startswith("IN: restricted (reviewed by hand, checked ")
    assert "in-dlt-registration (blocked)" in out
    assert "local traffic only; lifted by template registration" in out
    assert "  person: " in out
    assert "  sources disagree: " in out


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_scan_writes_utf8_whatever_the_input(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes], fmt: str
) -> None:
    """A JSON input may carry an escaped unpaired surrogate, which no UTF-8 text can hold:
    the output shows it escaped, as valid UTF-8, in either format."""
    src = write(tmp_path / "in.jsonl", '{"phone": "+7 916 123 45 67\\ud800"}\n{"phone": "x"}\n')
    out = tmp_path / f"out.{fmt}"
    code, _, _ = scan([str(src), "--out", str(out), "--format", fmt], capfdbinary)
    assert code in (0, 1)
    text = out.read_bytes().decode("utf-8")  # strict: raises on anything that is not UTF-8
    assert "\\ud800" in text
    if fmt == "jsonl":
        assert json.loads(text.splitlines()[0])["phone"] == "+7 916 123 45 67\ud800"


def test_check_json_is_utf8_whatever_the_input(capsys: pytest.CaptureFixture[str]) -> None:
    """check --json prints UTF-8 JSON for an input with an unpaired surrogate."""
    code, out, _ = run(["check", "\ud800", "--json"], capsys)
    assert code == 1
    assert json.loads(out.encode("utf-8"))["input"] == "\\ud800"


@pytest.mark.parametrize(
    ("delimiter", "given"), [(";", None), ("\t", None), ("|", None), (";", ";"), ("\t", "tab")]
)
def test_scan_reads_and_writes_the_file_s_delimiter(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes], delimiter: str, given: str | None
) -> None:
    """Semicolon CSV (what Excel writes in much of Europe), tabs and pipes are sniffed from the
    header, or given with --delimiter; the output keeps the delimiter; the summary says it."""
    rows = [["name", "Phone", "note"], ["Anna", "8 916 123-45-67", "a, b"], ["Boris", "", ""]]
    src = write(tmp_path / "in.csv", "".join(delimiter.join(r) + "\n" for r in rows))
    out = tmp_path / "out.csv"
    argv = [str(src), "--region", "RU", "--column", "phone", "--out", str(out)]
    code, _, err = scan([*argv, *(["--delimiter", given] if given else [])], capfdbinary)
    assert code == 1
    written = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8")), delimiter=delimiter))
    assert written[0] == [*rows[0], *VERDICT]
    assert written[1][:3] == rows[1]
    assert written[1][5] == "+79161234567"
    how = "as given" if given else "sniffed from the header"
    assert f"delimiter {delimiter!r} ({how})" in err


def test_scan_column_names_ignore_case_unless_ambiguous(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """--column phone finds 'Phone'; an exact name wins; two names equal ignoring case are a
    usage error naming both."""
    src = write(tmp_path / "in.csv", "Phone,COUNTRY\n8 916 123-45-67,ru\n")
    code, out, _ = scan([str(src), "--region-column", "country"], capfdbinary)
    assert code == 0
    assert "+79161234567" in out
    both = write(tmp_path / "both.csv", "Phone,PHONE\n1,2\n")
    code, _, err = scan([str(both)], capfdbinary)
    assert code == 2
    assert "2 columns match 'phone' ignoring case ('Phone', 'PHONE'): give one exactly" in err
    code, out, _ = scan([str(both), "--column", "PHONE", "--region", "RU"], capfdbinary)
    assert code == 1
    assert out.splitlines()[1].startswith("1,2,")


def test_scan_refuses_a_delimiter_that_cannot_be_one(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """--delimiter takes one character (or a name: tab, comma, semicolon, pipe)."""
    src = write(tmp_path / "in.csv", "phone\n1\n")
    for bad in ("ab", "x", '"'):
        code, _, err = scan([str(src), "--delimiter", bad], capfdbinary)
        assert code == 2
        assert "cannot be a CSV delimiter" in err


def test_check_reads_numbers_from_standard_input() -> None:
    """check - reads one number a line from standard input."""
    done = subprocess.run(
        [sys.executable, "-m", "smscheck", "check", "-", "--region", "RU", "--brief"],
        input="8 916 123-45-67\n+44 20 7946 0123\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "'8 916 123-45-67': likely  +79161234567",
        "'+44 20 7946 0123': unlikely  +442079460123  landline fictional_number",
    ]


def test_scan_reads_and_writes_parquet(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """Parquet in and out (with pyarrow): the input's columns keep their types, the verdict
    columns are added (ok as a boolean), rows equal check()'s; Parquet to CSV works too."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    phones = ["8 916 123-45-67", "+44 20 7946 0123", None, "07700 900123"]
    regions = ["RU", "GB", "RU", "gb"]
    table = pa.table(
        {"id": pa.array([1, 2, 3, 4], pa.int64()), "Phone": phones, "country": regions}
    )
    src = tmp_path / "in.parquet"
    pq.write_table(table, src)
    out = tmp_path / "out.parquet"
    code, _, err = scan([str(src), "--region-column", "country", "--out", str(out)], capfdbinary)
    assert code == 1, err
    written = pq.read_table(out)
    assert written.schema.field("id").type == pa.int64()
    assert written.schema.field("ok").type == pa.bool_()
    assert written.column_names == ["id", "Phone", "country", *VERDICT]
    for row, text, region in zip(written.to_pylist(), phones, regions, strict=True):
        flat = smscheck.flatten(smscheck.check(text or "", region=region))
        assert {k: row[k] for k in flat} == flat
        assert row["input_error"] is None
    code, _, _ = scan([str(src), "--region-column", "country", "--format", "csv"], capfdbinary)
    assert code == 2  # Parquet is read from a file, but written to standard output: refused
    as_csv = tmp_path / "out.csv"
    code, _, _ = scan(
        [str(src), "--region-column", "country", "--format", "csv", "--out", str(as_csv)],
        capfdbinary,
    )
    assert code == 1
    assert (
        as_csv.read_text(encoding="utf-8")
        .splitlines()[1]
        .startswith("1,8 916 123-45-67,RU,true,likely,+79161234567")
    )
    bad = write(tmp_path / "bad.parquet", "not parquet\n")
    code, _, err = scan([str(bad), "--out", str(tmp_path / "x.parquet")], capfdbinary)
    assert code == 2
    assert "not a Parquet file" in err


def test_scan_to_a_device_writes_it_as_a_stream(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """--out /dev/null (or a named pipe) is written to, never replaced by a renamed file."""
    src = write(tmp_path / "in.csv", "phone\n+79123456789\n")
    before = Path(os.devnull).stat()
    code, _, _ = scan([str(src), "--out", os.devnull], capfdbinary)
    assert code == 0
    after = Path(os.devnull).stat()
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert not list(Path(os.devnull).parent.glob(".null.*.partial"))
