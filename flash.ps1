<#
.SYNOPSIS
  Flash PosSlot onto a reader board (for technicians on Windows).
.DESCRIPTION
  A thin wrapper over `posslot flash`: the nanoff command lines come from the board file in
  boards/ (target, deployment address), built by the same code the tests check.
  Needs the .NET 10 SDK and nanoff (`dotnet tool install -g nanoff`).
.EXAMPLE
  .\flash.ps1 -Board esp32-devkitc -Port COM3 -UpdateFirmware -NewBoard
.EXAMPLE
  .\flash.ps1 -Board posslot-reader-v1 -Port COM5 -KeyFile .\keys\shop-12.key -DryRun
#>
param(
    [Parameter(Mandatory = $true)][string]$Board,
    [Parameter(Mandatory = $true)][string]$Port,
    [switch]$UpdateFirmware,
    [string]$Image,
    [string]$KeyFile,
    [switch]$NewBoard,
    [switch]$DryRun
)

$arguments = @('run', '--project', (Join-Path $PSScriptRoot 'Host'), '--', 'flash',
    '--board', $Board, '--port', $Port, '--dir', (Join-Path $PSScriptRoot 'boards'))
if ($UpdateFirmware) { $arguments += '--update-firmware' }
if ($Image) { $arguments += @('--image', $Image) }
else { $arguments += @('--image', (Join-Path $PSScriptRoot 'Firmware/bin/Release/PosSlot.Firmware.bin')) }
if ($KeyFile) { $arguments += @('--key-file', $KeyFile) }
if ($NewBoard) { $arguments += '--new-board' }
if ($DryRun) { $arguments += '--dry-run' }

& dotnet @arguments
exit $LASTEXITCODE
