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
from typing import TYPE_CHECKING

import pytest

import smscheck
from smscheck._cli import main
from smscheck._frames import FLAT_COLUMNS

if TYPE_CHECKING:
    from pathlib import Path

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
    assert err.split()[:2] == ["rows", "3"]
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
    assert "no column named 'phone' in the first row (found: name, tel)" in err


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


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_interrupted_scan_leaves_well_formed_output(tmp_path: Path, fmt: str) -> None:
    """SIGINT mid-scan: exit 130 and an output of complete rows, the input's first rows."""
    n = 200_000
    src = write(
        tmp_path / "big.csv", "id,phone\n" + "".join(f"{i},+7912{i:07d}\n" for i in range(n))
    )
    out = tmp_path / f"out.{fmt}"
    proc = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "smscheck", "scan", str(src), "--out", str(out), "--format", fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 50_000):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"interrupted" in err
    text = out.read_text(encoding="utf-8")
    assert text.endswith("\n")
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == ["id", "phone", *VERDICT]
        body = rows[1:]
        assert all(len(r) == 2 + len(VERDICT) for r in body)
        ids = [int(r[0]) for r in body]
    else:
        ids = [json.loads(line)["id"] and int(json.loads(line)["id"]) for line in text.splitlines()]
    assert 0 < len(ids) < n
    assert ids == list(range(len(ids)))
    assert f"first {len(ids)} rows".encode() in err


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX only")
def test_killed_scan_leaves_whole_rows(tmp_path: Path) -> None:
    """Even SIGKILL leaves whole rows: output is written in complete-row batches."""
    n = 200_000
    src = write(tmp_path / "big.csv", "phone\n" + "".join(f"+7912{i:07d}\n" for i in range(n)))
    out = tmp_path / "out.csv"
    proc = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "smscheck", "scan", str(src), "--out", str(out)]
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 50_000):
        time.sleep(0.05)
    proc.kill()
    proc.wait(timeout=60)
    text = out.read_text(encoding="utf-8")
    assert text.endswith("\n")
    rows = list(csv.reader(io.StringIO(text)))
    assert all(len(r) == 1 + len(VERDICT) for r in rows)


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
    from smscheck._cli import _Lines, _Progress  # noqa: PLC0415

    lines = _Lines(io.BytesIO(b"phone\n+79123456789\n"), "utf-8")
    list(lines)
    terminal = _FakeTerminal()
    progress = _Progress(terminal, 40, lines)
    progress.last = float("-inf")  # draw now, not 0.2 s after the start
    progress.update(1)
    progress.clear()
    drawn = terminal.getvalue()
    assert "\r[" in drawn
    assert "1 rows" in drawn
    assert drawn.endswith("\r\033[K")
    pipe = io.StringIO()
    quiet = _Progress(pipe, 40, lines)
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
    assert "did you mean 'RU'?" in err
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
