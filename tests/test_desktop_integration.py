"""Desktop integration files agree with each other and with the program.

The validators (`desktop-file-validate`, `appstreamcli`) run when installed
(`.ci/run` installs them); the rest needs nothing but the repository.
"""

from __future__ import annotations

import ast
import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "fr.parcours_designer.ParcoursDesigner"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
MIME = PACKAGING / "linux" / f"{APP_ID}-mime.xml"
SPEC = PACKAGING / "pyinstaller" / "parcours-designer.spec"
INNO = PACKAGING / "windows" / "parcours-designer.iss"
MIME_TYPE = "application/x-parcours-designer"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils absent")
def test_desktop_file_is_valid():
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream absent")
def test_metainfo_is_valid():
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_file_opens_parcours_files_with_the_command():
    entry = desktop_entry()
    assert entry["Exec"].split()[0] == "parcours-designer"
    assert MIME_TYPE in entry["MimeType"].split(";")
    assert entry["Icon"] == APP_ID


def test_mime_type_claims_the_extension():
    namespace = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ElementTree.parse(MIME).getroot().find("m:mime-type", namespace)
    assert mime.get("type") == MIME_TYPE
    assert mime.find("m:glob", namespace).get("pattern") == "*.parcours"


def test_metainfo_names_the_desktop_file_and_describes_in_french():
    root = ElementTree.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.find("provides/mediatype").text == MIME_TYPE
    french = [p for p in root.iter("p") if p.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"]
    assert any("parcours d'accompagnement" in (p.text or "") for p in french)
    shots = [Path(image.text).name for image in root.iter("image")]
    assert shots and all((ROOT / "docs" / "screenshots" / name).is_file() for name in shots)


def test_icon_sizes_and_windows_icon():
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(ROOT / "resources" / "icons" / f"parcours-designer-{size}.png") as image:
            assert image.size == (size, size) and image.mode == "RGBA"
    with Image.open(ROOT / "resources" / "icons" / "parcours-designer.ico") as icon:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(icon.info["sizes"])


def test_icon_is_legible_at_16_pixels():
    """At 16 px the three bars still stand out from the background."""
    with Image.open(ROOT / "resources" / "icons" / "parcours-designer-16.png") as image:
        pixels = image.convert("RGB")
        light = sum(1 for x in range(16) for y in range(16) if sum(pixels.getpixel((x, y))) > 600)
        assert 12 <= light <= 90


def spec_excluded_modules() -> set[str]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "UNUSED":
            return set(ast.literal_eval(node.value))
    raise AssertionError("UNUSED not found in the spec")


def test_bundle_leaves_out_only_modules_the_program_does_not_import():
    imported = set()
    for source in (ROOT / "parcours_designer").rglob("*.py"):
        imported |= set(re.findall(r"(?:from|import)\s+(PySide6\.\w+|matplotlib\.backends\.\w+)",
                                   source.read_text(encoding="utf-8")))
    assert not imported & spec_excluded_modules()


def test_windows_installer_matches_the_bundle():
    script = INNO.read_text(encoding="utf-8")
    spec = SPEC.read_text(encoding="utf-8")
    exe = re.search(r'#define AppExe "(\w+)\.exe"', script).group(1)
    assert f'name="{exe}"' in spec and "console=False" in spec
    assert 'name="parcours-designer"' in spec and "dist\\parcours-designer" in script
    assert "Languages\\French.isl" in script
    assert 'Software\\Classes\\.parcours"' in script
    icon = re.search(r"SetupIconFile=(.+)", script).group(1).strip().replace("\\", "/")
    assert (INNO.parent / icon).resolve().is_file()


@pytest.mark.gui
def test_editor_window_carries_the_icon(qapp):
    from parcours_designer.ui.app import application_icon, make_application

    make_application()
    icon = application_icon()
    assert {16, 32, 48, 256} <= {size.width() for size in icon.availableSizes()}
    assert not qapp.windowIcon().isNull()
