"""Makes wheels of a few build backends from Debian's installed packages, for the stand-in
Python base image (see pythonStandInImage.mjs): no package index is reachable here, so a
generated Dockerfile's `pip install .` finds its build backend in this folder instead.
These wheels are repackaged Debian installs, not PyPI's wheels. Run with Debian's python3:
    /usr/bin/python3 standInWheelhouse.py OUTDIR
"""
import base64
import hashlib
import os
import re
import sys
import zipfile

DIST = "/usr/lib/python3/dist-packages"
# distribution -> (metadata folder prefix, top-level packages, requirements to drop)
WANTED = {
    "hatchling": ("hatchling-", ["hatchling"], ["editables"]),
    "packaging": ("packaging-", ["packaging"], []),
    "pathspec": ("pathspec-", ["pathspec"], []),
    "pluggy": ("pluggy-", ["pluggy"], []),
    "poetry_core": ("poetry_core-", ["poetry"], []),
    "wheel": ("wheel-", ["wheel"], []),
}


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def make(out, dist, prefix, packages, drop):
    meta_dir = next(d for d in os.listdir(DIST) if d.startswith(prefix) and d.endswith(("-info")))
    meta_path = os.path.join(DIST, meta_dir)
    metadata_file = "METADATA" if os.path.exists(os.path.join(meta_path, "METADATA")) else "PKG-INFO"
    metadata = open(os.path.join(meta_path, metadata_file), encoding="utf-8").read()
    version = re.search(r"^Version: (.+)$", metadata, re.M).group(1).strip()
    lines = [
        line
        for line in metadata.split("\n")
        if not any(line.startswith(f"Requires-Dist: {name}") for name in drop)
    ]
    metadata = "\n".join(lines)
    info = f"{dist}-{version}.dist-info"
    records = []
    path = os.path.join(out, f"{dist}-{version}-py3-none-any.whl")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as wheel:
        def add(name, data):
            wheel.writestr(name, data)
            records.append(record_line(name, data))

        for package in packages:
            for root, dirs, files in os.walk(os.path.join(DIST, package)):
                dirs[:] = [d for d in dirs if d != "__pycache__"]
                for file in files:
                    full = os.path.join(root, file)
                    add(os.path.relpath(full, DIST), open(full, "rb").read())
        add(f"{info}/METADATA", metadata.encode())
        add(
            f"{info}/WHEEL",
            b"Wheel-Version: 1.0\nGenerator: openpypi-stand-in\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        )
        entry_points = os.path.join(meta_path, "entry_points.txt")
        if os.path.exists(entry_points):
            add(f"{info}/entry_points.txt", open(entry_points, "rb").read())
        records.append(f"{info}/RECORD,,")
        wheel.writestr(f"{info}/RECORD", "\n".join(records) + "\n")
    return path


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for dist, (prefix, packages, drop) in WANTED.items():
        print(make(out, dist, prefix, packages, drop))


main()
