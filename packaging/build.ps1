<#
.SYNOPSIS
  Builds Tailan on Windows: the PyInstaller folder dist\tailan\, its self-test, and
  the installer dist\Tailan-VERSION-setup.exe (Inno Setup).

.DESCRIPTION
  Written and reviewed on Linux, NOT run there: check it on a Windows machine.
  Needs 64-bit Windows 10/11, Python 3.11 (python.org installer, "py" launcher),
  and Inno Setup 6.3 or later (iscc.exe on PATH or in its default folder).
  From the repository folder, in PowerShell:

    powershell -ExecutionPolicy Bypass -File packaging\build.ps1

  Steps: a virtual environment .venv-win (so it never mixes with a Linux .venv),
  pip install -e ".[package]", PyInstaller with packaging\tailan.spec (the same spec
  as on Linux), tailan.exe --self-test (the windowed exe has no console, so the
  result is read from --self-test-output and the exit code), tailan-cli.exe on the
  sample, then iscc with the version from pyproject.toml.

  The Mongolian installer texts: Inno Setup ships no official Mongolian translation.
  To use the unofficial one, copy Mongolian.isl (jrsoftware/issrc,
  Files\Languages\Unofficial\Mongolian.isl) into packaging\ or into Inno Setup's
  Languages\Unofficial folder before running this; otherwise tailan.iss uses its own
  Mongolian key texts.

.PARAMETER SkipInstaller
  Build and test the bundle only.
#>
param([switch]$SkipInstaller)

$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Checked([string]$exe, [string[]]$arguments) {
  & $exe @arguments
  if ($LASTEXITCODE -ne 0) { throw "$exe $($arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# 1. Python environment
if (-not (Test-Path .venv-win\Scripts\python.exe)) { Invoke-Checked py @("-3.11", "-m", "venv", ".venv-win") }
$python = (Resolve-Path .venv-win\Scripts\python.exe).Path
Invoke-Checked $python @("-m", "pip", "install", "-q", "--upgrade", "pip")
Invoke-Checked $python @("-m", "pip", "install", "-q", "-e", ".[package]")

# 2. The bundle (same spec as Linux; on Windows it adds the icon and version resource)
Invoke-Checked $python @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
  "--distpath", "dist", "--workpath", "build", "packaging\tailan.spec")

# 3. Its self-test, with throw-away data and settings folders
$tmp = Join-Path ([System.IO.Path]::GetTempPath()) ("tailan-build-" + [guid]::NewGuid())
New-Item -ItemType Directory $tmp | Out-Null
$env:TAILAN_DATA_DIR = Join-Path $tmp "data"
$report = Join-Path $tmp "self-test.txt"
$p = Start-Process -FilePath dist\tailan\tailan.exe -ArgumentList @("--self-test", "--self-test-output", "`"$report`"") -Wait -PassThru
Get-Content -Encoding UTF8 $report
if ($p.ExitCode -ne 0) { throw "tailan.exe --self-test failed (exit code $($p.ExitCode))" }

# 4. The command line on the sample
$db = Join-Path $tmp "x.tailan"
$sample = (Get-ChildItem resources\sample\*.txt | Select-Object -First 1).FullName
Invoke-Checked dist\tailan\tailan-cli.exe @("import", $sample, "--db", $db, "--aimag", "Өвөрхангай")
Invoke-Checked dist\tailan\tailan-cli.exe @("export-pdf", $db, "-o", (Join-Path $tmp "x.pdf"))
Remove-Item Env:TAILAN_DATA_DIR
Remove-Item -Recurse -Force $tmp

$size = (Get-ChildItem -Recurse dist\tailan | Measure-Object -Sum Length).Sum / 1MB
Write-Host ("bundle dist\tailan: {0:N1} MB unpacked" -f $size)
if ($SkipInstaller) { exit 0 }

# 5. The installer
$version = (& $python packaging\version_info.py).Trim()
$numeric = (& $python -c "import sys; sys.path.insert(0, 'packaging'); import version_info as v; print('.'.join(map(str, v.version_tuple(v.project_version()))))").Trim()
$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
  foreach ($dir in @("${env:ProgramFiles(x86)}\Inno Setup 6", "$env:ProgramFiles\Inno Setup 6", "$env:LOCALAPPDATA\Programs\Inno Setup 6")) {
    if (Test-Path "$dir\ISCC.exe") { $iscc = "$dir\ISCC.exe"; break }
  }
}
if (-not $iscc) { throw "Inno Setup 6 (ISCC.exe) not found: install it from https://jrsoftware.org/isinfo.php" }
Invoke-Checked $iscc @("/DAppVersion=$version", "/DAppVersionNumeric=$numeric", "/DBundleDir=..\dist\tailan", "packaging\tailan.iss")
Write-Host "installer: dist\Tailan-$version-setup.exe"
