"""Packaging: ``tailan --self-test`` from the source tree, the PyInstaller spec's
choices, the Inno Setup script's promises, the version resource.

The bundle itself is built and checked by ``make package`` (packaging/build.sh and
check_bundle.sh), not here: building takes half a minute and needs PyInstaller.
The spec is executed here with stand-ins for PyInstaller's build classes, so its
file filters are tested on real bundle paths (Linux and Windows names) without a build.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from helpers import REPO

PACKAGING = REPO / "packaging"
SPEC = PACKAGING / "tailan.spec"
ISS = PACKAGING / "tailan.iss"


def run_self_test(tmp_path: Path, *extra: str, env: dict | None = None, code: str | None = None):
    """``python -m gui.app --self-test`` as its own process, with private data and settings folders."""
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", "TAILAN_DATA_DIR": str(tmp_path / "data"),
                   "XDG_CONFIG_HOME": str(tmp_path / "config"), **(env or {})}
    environment.pop("QT_QPA_PLATFORM", None)  # the self-test must choose offscreen itself
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "gui.app"]
    return subprocess.run([*command, "--self-test", *extra], capture_output=True, text=True,
                          encoding="utf-8", cwd=REPO, env=environment, timeout=120)


# ------------------------------------------------------------------ --self-test
def test_self_test_from_the_source_tree_passes_and_says_what_it_checked(tmp_path):
    result = run_self_test(tmp_path, "--self-test-output", str(tmp_path / "report.txt"))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    checks = [line for line in lines if line.startswith(("✓", "✗"))]
    assert len(checks) == 15 and all(line.startswith("✓") for line in checks), result.stdout
    text = result.stdout
    assert "source tree" in lines[0]
    assert "started offscreen" in text
    assert "70 Mongolian letters and №" in text and "(reportlab)" in text
    assert "total 80,9" in text
    assert re.search(r"PDF written \(\d+ KB, [1-9]\d* pages\)", text)
    assert "main window shown offscreen: «Биелэлтийн нийт дүн: 80,9»" in text
    # What the user sends out, each through the dependency the bundle must carry for it.
    assert "page 1 of 4 printed through QPrinter to a PDF file" in text
    assert re.search(r"Word: \.docx written \(\d+ KB\) and read back: 14 measures, total 80,9", text)
    assert re.search(r"Excel: ranking \.xlsx written \(\d+ KB, 2 sheets\) and read back", text)
    assert "Ed25519 signature made and checked" in text
    assert "a jpeg photo recognised by its content and shown upright (240 x 320)" in text  # Qt's JPEG reader
    assert "consolidation window shown offscreen: «Аймгийн нэгтгэл — aimag.tailan — Тайлан»" in text
    assert lines[-1] == "self-test passed: 15 of 15 checks"
    # The windowed tailan.exe has no console: the same lines go to the file asked for.
    assert (tmp_path / "report.txt").read_text(encoding="utf-8").splitlines() == lines
    # Nothing was written to the (test's) user data folder: the sample copy was temporary.
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").rglob("*.tailan"))


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("fc-list") is None,
                    reason="needs fontconfig (Linux)")
def test_self_test_passes_on_a_machine_without_any_system_font(tmp_path):
    """Like a soum PC without Cyrillic fonts: only the bundled Liberation fonts exist."""
    config = tmp_path / "no-fonts.conf"
    config.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                      f"<fontconfig><cachedir>{tmp_path / 'fc'}</cachedir></fontconfig>\n")
    listed = subprocess.run(["fc-list"], capture_output=True, text=True, env={**os.environ, "FONTCONFIG_FILE": str(config)})
    assert listed.stdout.strip() == "", "the empty configuration still lists fonts"
    result = run_self_test(tmp_path, env={"FONTCONFIG_FILE": str(config)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "window font Liberation Sans" in result.stdout


@pytest.mark.slow
def test_a_failing_check_gives_exit_code_1_and_the_other_checks_still_run(tmp_path):
    code = ("import sys, gui.selftest as s; s.EXPECTED_TOTAL = '99,9'; "
            "from gui.app import main; sys.exit(main())")
    result = run_self_test(tmp_path, code=code)
    assert result.returncode == 1, result.stdout + result.stderr
    failed = [line for line in result.stdout.splitlines() if line.startswith("✗")]
    assert len(failed) == 2, result.stdout  # the sample's total, and the window's label
    assert "expected 99,9" in failed[0]
    assert "PDF written" in result.stdout  # the checks after the failure still ran
    assert result.stdout.splitlines()[-1] == "self-test FAILED: 13 of 15 checks"


# ------------------------------------------------------------------ the spec
class _Stub:
    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs


# Representative files an unfiltered analysis collects (bundle path, type).
LINUX_FILES = [
    ("PySide6/Qt/lib/libQt6Widgets.so.6", "BINARY"), ("PySide6/Qt/lib/libQt6Gui.so.6", "BINARY"),
    ("PySide6/Qt/lib/libQt6PrintSupport.so.6", "BINARY"), ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "BINARY"),
    ("PySide6/Qt/lib/libQt6Network.so.6", "BINARY"), ("PySide6/Qt/lib/libQt6Svg.so.6", "BINARY"),
    ("PySide6/Qt/lib/libQt6WaylandClient.so.6", "BINARY"), ("PySide6/Qt/lib/libQt6OpenGL.so.6", "BINARY"),
    ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", "BINARY"), ("PySide6/Qt/lib/libQt6Qml.so.6", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "BINARY"), ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqwayland-egl.so", "BINARY"), ("PySide6/Qt/plugins/platforms/libqeglfs.so", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", "BINARY"), ("PySide6/Qt/plugins/platforms/libqlinuxfb.so", "BINARY"),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "BINARY"), ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "BINARY"),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", "BINARY"),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "BINARY"),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", "BINARY"), ("PySide6/Qt/plugins/imageformats/libqico.so", "BINARY"),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "BINARY"), ("PySide6/Qt/plugins/imageformats/libqgif.so", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqminimal.so", "BINARY"),
    ("PySide6/Qt/translations/qtbase_de.qm", "DATA"),
    ("libgtk-3.so.0", "BINARY"),  # only the dropped GTK theme plugin needed it
    ("libcups.so.2", "BINARY"), ("libgnutls.so.30", "BINARY"),  # the CUPS plugin's: the PC's own
    ("PySide6/Qt/lib/libicudata.so.73", "BINARY"),  # replaced by the trimmed one
    ("docx/templates/default.docx", "DATA"), ("docx/templates/default-header.xml", "DATA"),
    ("docx/templates/default-docx-template/word/styles.xml", "DATA"),  # default.docx's source
    ("libQt6Network.so.6", "SYMLINK"), ("libQt6Widgets.so.6", "SYMLINK"),
    ("resources/fonts/LiberationSans-Regular.ttf", "DATA"), ("resources/translations/tailan_mn.qm", "DATA"),
]
WINDOWS_FILES = [
    ("PySide6/Qt6Widgets.dll", "BINARY"), ("PySide6/Qt6PrintSupport.dll", "BINARY"),
    ("PySide6/Qt6Network.dll", "BINARY"), ("PySide6/Qt6Svg.dll", "BINARY"), ("PySide6/Qt6Qml.dll", "BINARY"),
    ("PySide6/opengl32sw.dll", "BINARY"), ("PySide6/plugins/platforms/qwindows.dll", "BINARY"),
    ("PySide6/plugins/styles/qmodernwindowsstyle.dll", "BINARY"),
    ("PySide6/plugins/printsupport/windowsprintersupport.dll", "BINARY"),
    ("PySide6/plugins/platforms/qdirect2d.dll", "BINARY"), ("PySide6/plugins/imageformats/qjpeg.dll", "BINARY"),
    ("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll", "BINARY"),
    ("PySide6/plugins/tls/qschannelbackend.dll", "BINARY"), ("PySide6/translations/qtbase_ru.qm", "DATA"),
]
KEPT = {
    "PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libQt6PrintSupport.so.6",
    "PySide6/Qt/lib/libQt6XcbQpa.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/imageformats/libqico.so", "libQt6Widgets.so.6",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so", "PySide6/plugins/imageformats/qjpeg.dll",  # evidence photos
    "resources/fonts/LiberationSans-Regular.ttf", "resources/translations/tailan_mn.qm",
    "PySide6/Qt/lib/libicudata.so.73", "docx/templates/default.docx", "docx/templates/default-header.xml",
    "PySide6/Qt6Widgets.dll", "PySide6/Qt6PrintSupport.dll", "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll", "PySide6/plugins/printsupport/windowsprintersupport.dll",
}


@pytest.fixture
def spec(tmp_path, monkeypatch):
    """Runs packaging/tailan.spec with stand-ins for PyInstaller; returns its namespace."""
    files = LINUX_FILES + WINDOWS_FILES

    class Analysis(_Stub):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            # (path in the bundle, source path, or a link's target in the bundle, type)
            self.binaries = [(d, "PySide6/Qt/lib/" + d if t == "SYMLINK" else "/src/" + d, t)
                             for d, t in files if t != "DATA"]
            self.datas = [(d, d, t) for d, t in files if t == "DATA"]
            self.scripts = [("pyiboot01_bootstrap", "x", "PYSOURCE"), ("pyi_rth_pyside6", "x", "PYSOURCE"),
                            ("launch_tailan", "x", "PYSOURCE"), ("launch_tailan_cli", "x", "PYSOURCE")]
            self.pure = []

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [f"{package}.stand_in"]
    hooks.copy_metadata = lambda name: [("tailan.dist-info", "tailan-0.dist-info")]
    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    # Every kept extension or plugin needs these (ldd lists dependencies transitively).
    needs = ["libQt6Widgets.so.6", "libQt6Gui.so.6", "libQt6PrintSupport.so.6", "libQt6XcbQpa.so.6",
             "libicudata.so.73"]
    cups = ["libcups.so.2", "libgnutls.so.30"]  # only Qt's CUPS plugin needs them
    bindepend.get_imports = lambda path: [(name, "/src/" + name)
                                          for name in needs + (cups if "cupsprinter" in path else [])]
    # packaging/icu_data.py compiles the trimmed ICU library: here it only says where it would be.
    icu = types.ModuleType("icu_data")
    icu.compiler = lambda: "cc"
    icu.build_library = lambda source, target: target
    monkeypatch.setitem(sys.modules, "icu_data", icu)
    for name in ("PyInstaller", "PyInstaller.utils", "PyInstaller.depend"):
        monkeypatch.setitem(sys.modules, name, sys.modules.get(name) or types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setitem(sys.modules, "PyInstaller.depend.bindepend", bindepend)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec puts packaging/ on sys.path
    namespace = {"SPECPATH": str(PACKAGING), "workpath": str(tmp_path), "Analysis": Analysis, "PYZ": _Stub,
                 "EXE": _Stub, "COLLECT": _Stub, "__file__": str(SPEC)}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return namespace


def test_spec_builds_two_executables_in_one_folder(spec):
    gui, cli, coll = spec["exe_gui"], spec["exe_cli"], spec["coll"]
    assert gui.kwargs["name"] == "tailan" and gui.kwargs["console"] is False  # windowed
    assert cli.kwargs["name"] == "tailan-cli" and cli.kwargs["console"] is True
    assert [s[0] for s in gui.args[1]] == ["pyiboot01_bootstrap", "pyi_rth_pyside6", "launch_tailan"]
    assert [s[0] for s in cli.args[1]] == ["pyiboot01_bootstrap", "launch_tailan_cli"]  # no Qt hook
    assert coll.kwargs["name"] == "tailan" and coll.args[:2] == (gui, cli)
    for exe in (gui, cli):
        assert exe.kwargs["icon"].endswith("tailan.ico") and Path(exe.kwargs["icon"]).is_file()
        assert exe.kwargs["upx"] is False and exe.kwargs["exclude_binaries"] is True


def test_spec_bundles_the_resources_and_all_our_modules(spec):
    analysis = spec["a"]
    folders = {dest for src, dest in analysis.kwargs["datas"] if "*" in src}
    assert folders == {"resources/fonts", "resources/translations", "resources/icons", "resources/sample",
                       "docx/templates"}  # python-docx writes a new .docx from its template
    sources = [src for src, _ in analysis.kwargs["datas"]]
    assert any(s.endswith("*.ttf") for s in sources) and any(s.endswith("*.qm") for s in sources)
    assert not any(s.endswith(".ts") for s in sources)  # translation sources stay out
    for pattern in sources:
        if "*" in pattern:
            assert list(Path(pattern).parent.glob(Path(pattern).name)), f"{pattern} matches nothing"
    assert {"core.stand_in", "gui.stand_in"} <= set(analysis.kwargs["hiddenimports"])
    assert ("tailan.dist-info", "tailan-0.dist-info") in analysis.kwargs["datas"]


def test_spec_leaves_out_the_qt_modules_the_app_does_not_use(spec):
    excludes = set(spec["a"].kwargs["excludes"])
    for module in ("QtNetwork", "QtSvg", "QtQml", "QtQuick", "QtDBus", "QtOpenGL", "QtSql", "QtTest"):
        assert f"PySide6.{module}" in excludes
    for needed in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtPrintSupport",
                   "PIL", "PIL.Image", "pluggy", "sqlite_utils", "reportlab", "pypdfium2", "docx", "lxml",
                   "lxml.etree", "lxml._elementpath"):
        assert needed not in excludes  # Pillow: reportlab imports it; pluggy: sqlite-utils does
    used = set()
    for path in [*REPO.joinpath("gui").rglob("*.py"), *REPO.joinpath("core").rglob("*.py")]:
        used.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert not {f"PySide6.{m}" for m in used} & excludes, "the spec excludes a Qt module the code imports"


def test_spec_drops_unused_qt_files_and_keeps_what_the_app_needs(spec):
    kept = {d for d, _, _ in spec["a"].binaries + spec["a"].datas}
    all_files = {d for d, _ in LINUX_FILES + WINDOWS_FILES}
    assert kept == KEPT, (sorted(kept - KEPT), sorted(KEPT - kept & all_files))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle's libraries")
def test_spec_takes_cups_from_the_pc_and_the_trimmed_icu_data(spec, tmp_path):
    binaries = {d: source for d, source, _ in spec["a"].binaries}
    assert "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so" in binaries
    assert "libcups.so.2" not in binaries and "libgnutls.so.30" not in binaries
    assert binaries["PySide6/Qt/lib/libicudata.so.73"] == str(tmp_path / "icu" / "libicudata.so.73")
    assert {"PIL._imagingft", "charset_normalizer", "ssl", "_codecs_jp"} <= set(spec["a"].kwargs["excludes"])
    # python-docx finds its templates through docx/parts/: that folder must be in the bundle.
    assert spec["a"].kwargs["module_collection_mode"] == {"docx.parts": "pyc"}


def test_spec_keeps_the_full_icu_data_when_no_compiler_is_there(spec, monkeypatch, capsys):
    monkeypatch.setattr(sys.modules["icu_data"], "compiler", lambda: None)
    entry = ("PySide6/Qt/lib/libicudata.so.73", "/src/libicudata.so.73", "BINARY")
    assert spec["trim_icu_data"]([entry]) == [entry]
    assert "full ICU data (32 MB) stays" in capsys.readouterr().out


# ------------------------------------------------------------------ the installer script
def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in ISS.read_text(encoding="utf-8-sig").splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def test_installer_is_per_user_without_administrator_rights():
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, or Inno Setup reads the Mongolian text as ANSI"
    setup = iss_sections()["Setup"]
    assert "PrivilegesRequired=lowest" in setup
    assert not any(line.startswith("PrivilegesRequiredOverridesAllowed") for line in setup)
    assert "DefaultDirName={autopf}\\{#AppName}" in setup  # {localappdata}\Programs under lowest
    assert any(re.fullmatch(r"AppId=\{\{[0-9A-F-]{36}\}", line) for line in setup)
    assert "MinVersion=10.0.17763" in setup  # Qt 6: Windows 10 1809+ and 11
    assert "admin" not in ISS.read_text(encoding="utf-8-sig").lower().replace("administrator rights", "")


def test_installer_has_start_menu_shortcut_mongolian_texts_and_file_association():
    sections = iss_sections()
    assert any(line.startswith('Name: "{autoprograms}\\{#AppName}"') for line in sections["Icons"])
    languages = "\n".join(sections["Languages"])
    assert 'Name: "mn"' in languages and 'Name: "en"' in languages
    assert "Unofficial\\Mongolian.isl" in languages
    messages = "\n".join(sections["Messages"])
    for key in ("WelcomeLabel1", "ButtonNext", "ButtonInstall", "ButtonCancel", "FinishedLabel", "ConfirmUninstall"):
        assert re.search(rf"^mn\.{key}=.*[А-Яа-яӨөҮү]", messages, re.M), key
    registry = "\n".join(sections["Registry"])
    assert all(line.startswith("Root: HKCU;") for line in sections["Registry"])
    assert 'Subkey: "Software\\Classes\\.tailan"; ValueType: string; ValueName: ""; ValueData: "Tailan.Report"' in registry
    assert '"""{app}\\{#AppExe}"" ""%1"""' in registry  # opens the double-clicked file
    assert "ChangesAssociations=yes" in sections["Setup"]


def test_installer_never_deletes_the_users_data():
    sections = iss_sections()
    for section in ("UninstallDelete", "InstallDelete"):
        for line in sections.get(section, []):
            name = re.search(r'Name: "([^"]+)"', line).group(1)
            assert name.startswith("{app}"), f"[{section}] deletes outside the install folder: {line}"
    text = ISS.read_text(encoding="utf-8-sig")
    assert "DelTree" not in text and "DeleteFile" not in text and "RemoveDir" not in text
    for line in sections["Registry"]:  # the uninstaller removes only our association keys
        if "uninsdelete" in line:
            assert "Software\\Classes\\" in line


def test_user_data_is_outside_the_install_folder(monkeypatch, tmp_path):
    from core.paths import user_data_dir

    monkeypatch.delenv("TAILAN_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert user_data_dir() == tmp_path / "xdg" / "tailan"
    assert not user_data_dir().is_relative_to(REPO)


# ------------------------------------------------------------------ version
def test_version_comes_from_pyproject(monkeypatch):
    import tomllib

    monkeypatch.syspath_prepend(str(PACKAGING))
    import version_info

    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert version_info.project_version() == version
    assert version_info.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert version_info.version_tuple("2.10.3rc1") == (2, 10, 3, 0)
    text = version_info.windows_version_text("tailan")
    assert f"StringStruct('FileVersion', '{version}')" in text
    assert "StringStruct('OriginalFilename', 'tailan.exe')" in text
    assert f"filevers={version_info.version_tuple(version)}" in text
    printed = subprocess.run([sys.executable, str(PACKAGING / "version_info.py")], capture_output=True, text=True)
    assert printed.stdout.strip() == version
