"""Import the repository's generator scripts (not a package) as modules, for drift tests."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["SCRIPTS", "load_script"]

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


@functools.cache
def load_script(name: str) -> ModuleType:
    """Import ``scripts/<name>.py`` as the module ``_smscheck_<name>``."""
    module_name = f"_smscheck_{name}"
    spec = importlib.util.spec_from_file_location(module_name, SCRIPTS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module
