<#
.SYNOPSIS
  Flash PosSlot onto a reader board (for technicians on Windows; runs under PowerShell 7 anywhere).
.DESCRIPTION
  A thin wrapper over `posslot flash`: each parameter becomes the option of the same meaning
  (-Board --board, -Port --port, -UpdateFirmware --update-firmware, -Image --image,
  -KeyFile --key-file, -NewBoard --new-board, -Dir --dir, -DryRun --dry-run), and posslot's
  output and exit code come back unchanged. The nanoff command lines come from the board file
  in boards/ (target, deployment address), built by the same code the tests check.
  Runs posslot with `dotnet run --project <this folder>/Host --`, or the program named by
  $env:POSSLOT (a posslot executable, or posslot.dll run with dotnet) when that is set.
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
    [string]$Dir,
    [switch]$DryRun
)

$arguments = @('flash', '--board', $Board, '--port', $Port)
if ($UpdateFirmware) { $arguments += '--update-firmware' }
if ($PSBoundParameters.ContainsKey('Image')) { $arguments += @('--image', $Image) }
if ($PSBoundParameters.ContainsKey('KeyFile')) { $arguments += @('--key-file', $KeyFile) }
if ($NewBoard) { $arguments += '--new-board' }
if ($PSBoundParameters.ContainsKey('Dir')) { $arguments += @('--dir', $Dir) }
if ($DryRun) { $arguments += '--dry-run' }

if ($env:POSSLOT) {
    if ($env:POSSLOT.EndsWith('.dll')) { & dotnet $env:POSSLOT @arguments }
    else { & $env:POSSLOT @arguments }
}
else {
    & dotnet run --project (Join-Path $PSScriptRoot 'Host') -- @arguments
}
exit $LASTEXITCODE
