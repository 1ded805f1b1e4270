#!/usr/bin/env python3
"""Makes a Python virtual environment holding sfctl 11.2.1, for emulator/tests/sfctl.rs.

    python3 scripts/sfctl_venv.py DIR

Reuses DIR when an earlier run completed it. Otherwise checks that the package index can be
reached and makes DIR afresh; a marker file written last tells a complete DIR from one an
interrupted run left behind.

Exit status: 0 when DIR holds a working sfctl; 75 (EX_TEMPFAIL) when the package index
cannot be reached, so a caller may skip what needs sfctl; 1 when anything else failed
(venv, pip, sfctl itself), which is a real failure.
"""

import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

SFCTL = "sfctl==11.2.1"
NO_NETWORK = 75
MARKER = ".fabric-rest-sfctl-11.2.1"


def index_url():
    return os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple/").rstrip("/") + "/sfctl/"


def index_unreachable():
    """Why the package index cannot be reached, or None when it can."""
    try:
        with urllib.request.urlopen(index_url(), timeout=20) as response:
            response.read(1)
        return None
    except urllib.error.HTTPError:
        # It answered: the network is there, whatever pip makes of it later.
        return None
    except (urllib.error.URLError, OSError) as error:
        return str(getattr(error, "reason", error))


def works(venv):
    sfctl = venv / "bin" / "sfctl"
    if not (venv / MARKER).exists() or not sfctl.exists():
        return False
    result = subprocess.run([str(sfctl), "--version"], capture_output=True, text=True)
    return result.returncode == 0 and "11.2.1" in result.stdout


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 1
    venv = Path(sys.argv[1]).resolve()
    if works(venv):
        print(f"sfctl_venv: reusing {venv}")
        return 0
    unreachable = index_unreachable()
    if unreachable is not None:
        print(f"sfctl_venv: the package index {index_url()} cannot be reached ({unreachable})", file=sys.stderr)
        return NO_NETWORK
    shutil.rmtree(venv, ignore_errors=True)
    venv.parent.mkdir(parents=True, exist_ok=True)
    steps = [
        [sys.executable, "-m", "venv", str(venv)],
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", SFCTL],
    ]
    for step in steps:
        result = subprocess.run(step, capture_output=True, text=True)
        if result.returncode != 0:
            print(f"sfctl_venv: {' '.join(step)} failed ({result.returncode}):", file=sys.stderr)
            print(result.stdout + result.stderr, file=sys.stderr)
            return 1
    (venv / MARKER).write_text(SFCTL + "\n")
    if not works(venv):
        print(f"sfctl_venv: {venv}/bin/sfctl does not run", file=sys.stderr)
        return 1
    print(f"sfctl_venv: made {venv}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
