"""Build the one-folder app with PyInstaller; on Windows also the per-user installer with Inno Setup.

Usage: python installers/build.py   (needs `pip install pyinstaller`; Inno Setup's ISCC on PATH for the installer)
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    """Run PyInstaller, then ISCC when available."""
    sys.path.insert(0, str(ROOT))
    from desktop import __version__

    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(ROOT / "dist"),
         "--workpath", str(ROOT / "build"), str(ROOT / "installers" / "dxnavi.spec")],
        check=True,
    )  # fmt: skip
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    if os.name == "nt" and iscc:
        env = dict(os.environ, DXNAVI_VERSION=__version__)
        subprocess.run([iscc, str(ROOT / "installers" / "dxnavi.iss")], check=True, env=env)
    print(f"built dxnavi {__version__} in {ROOT / 'dist'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
