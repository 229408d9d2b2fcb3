# Build the one-folder app on Windows: dist\roadshow-desk\ with roadshow-desk.exe (the window,
# no console) and roadshow-desk-cli.exe (the commands). The same steps as tools/build.sh, the
# same recipe (packaging\roadshow-desk.spec). Copy the folder, or the zip, to the desks.
# Usage (PowerShell, from anywhere):  tools\build.ps1 [-Zip]
param([switch]$Zip)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

$python = if ($env:PYTHON) { $env:PYTHON } else { "py" }
$venvPython = ".venv\Scripts\python.exe"
if (-not (Test-Path $venvPython)) {
    if ($python -eq "py") { & py -3.11 -m venv .venv } else { & $python -m venv .venv }
    if ($LASTEXITCODE -ne 0) { throw "Could not create .venv (Python 3.11 is needed)." }
}
# 1. The app and PyInstaller (the build extra), in the project's virtual environment.
& $venvPython -m pip install -q -e ".[build]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed." }
# 2. The frozen one-folder build.
$start = Get-Date
& $venvPython -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\roadshow-desk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed." }
$version = (& "dist\roadshow-desk\roadshow-desk-cli.exe" --version).Split(" ")[1]
$bytes = (Get-ChildItem -Recurse -File "dist\roadshow-desk" | Measure-Object -Sum Length).Sum
$seconds = [int]((Get-Date) - $start).TotalSeconds
Write-Output ("Built dist\roadshow-desk\ (version {0}, {1} MB) in {2} s." -f $version, [int]($bytes / 1MB), $seconds)
# 3. Optionally a zip named after the version and the platform.
if ($Zip) {
    $archive = "dist\roadshow-desk-$version-windows-x64.zip"
    Compress-Archive -Path "dist\roadshow-desk" -DestinationPath $archive -Force
    Write-Output "Wrote $archive"
}
