"""The wheel: what it ships, what it must not leak, and that the installed package works."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hatchling.builders.wheel import WheelBuilder

pytestmark = pytest.mark.packaging

_ROOT = Path(__file__).resolve().parent.parent
_SRC = _ROOT / "src" / "smscheck"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel once, in-process with hatchling (no network, no build isolation)."""
    out = tmp_path_factory.mktemp("dist")
    (built,) = WheelBuilder(str(_ROOT)).build(directory=str(out), versions=["standard"])
    return Path(built)


@pytest.fixture(scope="module")
def names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def test_wheel_ships_the_data_files_and_py_typed(names: list[str]) -> None:
    """The data files and the PEP 561 marker are inside the package."""
    assert "smscheck/data/carrier_rules.toml" in names
    assert "smscheck/data/delivery_errors.toml" in names
    assert "smscheck/data/prebuilt/rules.pickle" in names  # the first check reads it
    assert "smscheck/py.typed" in names


def test_wheel_ships_every_module(names: list[str]) -> None:
    """Every .py file under src/smscheck is in the wheel, at the same place."""
    expected = {
        "smscheck/" + path.relative_to(_SRC).as_posix()
        for path in _SRC.rglob("*.py")
        if "__pycache__" not in path.parts and "data" not in path.relative_to(_SRC).parts
    }
    assert expected <= set(names)


def test_wheel_ships_every_data_file(names: list[str]) -> None:
    """Every file of the top-level data/ is in smscheck/data/, as a real file."""
    expected = {f"smscheck/data/{p.name}" for p in (_ROOT / "data").iterdir() if p.is_file()}
    assert expected <= set(names)


def test_wheel_leaks_no_paths_symlinks_or_caches(wheel: Path, names: list[str]) -> None:
    """No src/ prefix, no symlink entry, no bytecode, nothing outside the package."""
    with zipfile.ZipFile(wheel) as archive:
        for info in archive.infolist():
            name = info.filename
            assert not name.startswith(("src/", "/", "data/", "tests/")), name
            assert ".." not in name.split("/"), name
            assert "__pycache__" not in name, name
            assert not name.endswith(".pyc"), name
            assert not stat.S_ISLNK(info.external_attr >> 16), name
            assert name.startswith(("smscheck/", "smscheck-")), name
    assert "smscheck/py.typed" in names


def test_installed_wheel_finds_its_data(wheel: Path, tmp_path: Path) -> None:
    """Unpacked like an install, the package imports from there, reads its data, and checks."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    script = (
        "import importlib.resources, smscheck\n"
        f"assert smscheck.__file__.startswith({str(site)!r}), smscheck.__file__\n"
        "data = importlib.resources.files('smscheck') / 'data' / 'carrier_rules.toml'\n"
        "assert data.is_file()\n"
        "assert (importlib.resources.files('smscheck') / 'py.typed').is_file()\n"
        "report = smscheck.check('8 (916) 123-45-67', region='RU')\n"
        "assert report.ok and report.number.e164 == '+79161234567', report\n"
        "print('ok')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(  # noqa: S603 - our own interpreter, our own script
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
