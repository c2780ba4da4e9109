"""The project's set-up: environment.yml agrees with pyproject.toml, and the network is blocked."""

from __future__ import annotations

import re
import socket
import tomllib

import pytest
import yaml
from pytest_socket import SocketConnectBlockedError

from tests.conftest import REPO

# conda-forge spells some PyPI names differently.
CONDA_NAMES = {
    "vadersentiment": "vadersentiment",
    "dask[dataframe]": "dask",
    "build": "python-build",
}


def _name_and_bound(requirement: str) -> tuple[str, str]:
    match = re.match(r"^([A-Za-z0-9_.\-\[\]]+)\s*(.*)$", requirement.strip())
    name, bound = match.group(1).lower(), match.group(2).replace(" ", "")
    return CONDA_NAMES.get(name, name), bound


def test_environment_yml_lists_the_same_packages_as_pyproject():
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    project = pyproject["project"]
    # The conda environment is the development one: the core, every extra and the test tools
    # (dev names the extras by the package's own name, which conda does not need).
    requirements = project["dependencies"] + [
        requirement
        for extra in project["optional-dependencies"].values()
        for requirement in extra
        if not requirement.startswith(project["name"] + "[")
    ]
    wanted = dict(_name_and_bound(r) for r in requirements)
    environment = yaml.safe_load((REPO / "environment.yml").read_text())
    from_pip = [
        requirement
        for d in environment["dependencies"]
        if isinstance(d, dict)
        for requirement in d.get("pip", [])
        if not requirement.startswith("-e")
    ]
    listed = dict(
        _name_and_bound(d)
        for d in [*environment["dependencies"], *from_pip]
        if isinstance(d, str) and _name_and_bound(d)[0] not in ("python", "pip")
    )
    assert listed == wanted


def test_the_network_is_blocked_inside_the_tests():
    # Checked first so that, were the guard missing, no packet would leave the machine.
    assert socket.socket.connect.__name__ == "guarded_connect"
    with pytest.raises(SocketConnectBlockedError):
        socket.socket().connect(("192.0.2.1", 80))  # TEST-NET-1: reserved, never routed
