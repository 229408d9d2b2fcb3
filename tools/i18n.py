"""Keep the translations current: extract, report, fill, compile.

Each area of the code has its own catalogue ``resources/i18n/<area>_zh_CN.ts`` so that people
working on different workflows do not edit the same file:

* ``core``      — cli.py, cli_commands/, i18n.py, errors.py, domain/, store/
* ``exchange``  — exchange/
* ``documents`` — documents/
* ``ui``        — the modules directly in ui/ and forms/*.ui
* ``ui_<pkg>``  — ui/<pkg>/ and forms/<pkg>/*.ui, one per workflow package

Usage:
    python tools/i18n.py                 extract (lupdate) every area, then compile (.qm)
    python tools/i18n.py missing [AREA]  list source texts still without a translation
    python tools/i18n.py fill AREA FILE.json   set translations from {"source": "译文"}
                                         (a source may also be "Context|source")
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "roadshow_desk"
I18N = ROOT / "resources" / "i18n"
FORMS = ROOT / "forms"
LANGS = ("zh_CN",)
BIN = Path(sys.executable).parent


def areas() -> dict[str, list[Path]]:
    """Source files of every area."""
    result: dict[str, list[Path]] = {}
    core = [PKG / "cli.py", PKG / "i18n.py", PKG / "errors.py"]
    for sub in ("cli_commands", "domain", "store"):
        core += sorted((PKG / sub).rglob("*.py"))
    result["core"] = core
    for sub in ("exchange", "documents"):
        result[sub] = sorted((PKG / sub).rglob("*.py"))
    result["ui"] = sorted((PKG / "ui").glob("*.py")) + sorted(FORMS.glob("*.ui"))
    for package in sorted(p for p in (PKG / "ui").iterdir() if p.is_dir()):
        if package.name.startswith("__"):
            continue
        files = sorted(package.rglob("*.py")) + sorted((FORMS / package.name).glob("*.ui"))
        result[f"ui_{package.name}"] = files
    return {
        name: [f for f in files if "migrations" not in f.parts] for name, files in result.items()
    }


def ts_path(area: str, lang: str) -> Path:
    return I18N / f"{area}_{lang}.ts"


def extract(area: str, files: list[Path], lang: str, target: Path | None = None) -> Path:
    ts = target or ts_path(area, lang)
    sources = [str(f) for f in files if f.exists()]
    if not sources:
        return ts
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            lang,
            *sources,
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )
    return ts


def compile_ts(ts: Path, qm: Path | None = None) -> Path:
    qm = qm or ts.with_suffix(".qm")
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    return qm


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, message element) for every message of a catalogue."""
    tree = ET.parse(ts)
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message))
    return found


def untranslated(ts: Path) -> list[tuple[str, str]]:
    missing = []
    for context, source, message in messages(ts):
        translation = message.find("translation")
        if translation is None:
            missing.append((context, source))
            continue
        forms = translation.findall("numerusform")
        texts = [f.text for f in forms] if forms else [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts):
            missing.append((context, source))
    return missing


def fill(area: str, mapping_file: Path, lang: str = "zh_CN") -> int:
    mapping = json.loads(mapping_file.read_text(encoding="utf-8"))
    ts = ts_path(area, lang)
    tree = ET.parse(ts)
    count = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            value = mapping.get(f"{name}|{source}", mapping.get(source))
            if value is None:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                for child in list(translation):
                    translation.remove(child)
                form = ET.SubElement(translation, "numerusform")
                form.text = value
                translation.text = None
            else:
                translation.text = value
            count += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return count


def main(argv: list[str]) -> int:
    I18N.mkdir(parents=True, exist_ok=True)
    if argv[:1] == ["missing"]:
        wanted = argv[1:]
        total = 0
        for area in areas():
            if wanted and area not in wanted:
                continue
            for lang in LANGS:
                ts = ts_path(area, lang)
                if not ts.exists():
                    continue
                for context, source in untranslated(ts):
                    total += 1
                    print(f"{area}\t{context}\t{source}")
        print(f"{total} untranslated", file=sys.stderr)
        return 0
    if argv[:1] == ["fill"]:
        count = fill(argv[1], Path(argv[2]))
        print(f"filled {count} messages")
        argv = []
    for area, files in areas().items():
        for lang in LANGS:
            ts = extract(area, files, lang)
            if ts.exists():
                compile_ts(ts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
