"""Where the CLI finds its gateway and key: flags, then environment, then the config file.

The file is ``$XDG_CONFIG_HOME/fmugw/config`` (default ``~/.config/fmugw/config``) with
``key = value`` lines: ``api_key`` and ``url``; ``#`` starts a comment.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Dict, Mapping, Optional, Tuple

from .client import DEFAULT_URL

__all__ = ["config_path", "read_config", "write_config_value", "resolve"]


def config_path(env: Optional[Mapping[str, str]] = None) -> Path:
    env = os.environ if env is None else env
    base = env.get("XDG_CONFIG_HOME") or ""
    root = Path(base) if os.path.isabs(base) else Path.home() / ".config"
    return root / "fmugw" / "config"


def read_config(path: Path) -> Dict[str, str]:
    """The file's ``key = value`` pairs; an absent file is an empty config."""
    values: Dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return values
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        name, _, value = line.partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[name.strip().lower().replace("-", "_")] = value
    return values


def write_config_value(path: Path, name: str, value: str) -> None:
    """Sets one ``name = value`` line, keeping the others; the file is private (0600)."""
    lines = []
    replaced = False
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            key = line.partition("=")[0].strip().lower()
            if "=" in line and not line.lstrip().startswith("#") and key == name:
                if not replaced:
                    lines.append(f"{name} = {value}")
                    replaced = True
                continue
            lines.append(line)
    if not replaced:
        lines.append(f"{name} = {value}")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.chmod(path, 0o600)


def resolve(
    flag_url: Optional[str],
    flag_key: Optional[str],
    env: Optional[Mapping[str, str]] = None,
) -> Tuple[str, Optional[str]]:
    """``(url, api_key)``: a flag wins over the environment, which wins over the file."""
    env = os.environ if env is None else env
    file = read_config(config_path(env))
    url = flag_url or env.get("FMUGW_URL") or file.get("url") or DEFAULT_URL
    key = flag_key or env.get("FMUGW_API_KEY") or file.get("api_key") or file.get("key")
    return url, key or None
