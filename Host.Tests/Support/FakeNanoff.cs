using System;
using System.IO;
using Mono.Unix.Native;

namespace PosSlot.Host.Tests.Support;

/// <summary>
/// A stand-in `nanoff` (a shell script first on PATH, HOME emptied so no real one is found): it prints
/// VERSION for --version, logs each run's arguments (and, for --filedeployment, the folder's mode and the
/// file's text), and exits with EXIT for every other run. PATH and HOME are restored on Dispose.
/// </summary>
public sealed class FakeNanoff : IDisposable
{
    readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("posslot-nanoff-");
    readonly string? _path = Environment.GetEnvironmentVariable("PATH");
    readonly string? _home = Environment.GetEnvironmentVariable("HOME");

    public string Log => Path.Combine(_dir.FullName, "runs.log");

    public FakeNanoff(string version = "2.5.120", int exit = 0)
    {
        var script = Path.Combine(_dir.FullName, "nanoff");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            if [ "$1" = "--version" ]; then echo "{{version}}"; exit 0; fi
            echo "run: $*" >> '{{Log}}'
            prev=""
            for a in "$@"; do
              if [ "$prev" = "--filedeployment" ]; then
                echo "mode: $(stat -c %a "$(dirname "$a")")" >> '{{Log}}'
                cat "$a" >> '{{Log}}'
              fi
              prev="$a"
            done
            exit {{exit}}

            """.Replace("\r\n", "\n"));
        Syscall.chmod(script, FilePermissions.S_IRWXU);
        Environment.SetEnvironmentVariable("PATH", _dir.FullName + ":/usr/bin:/bin");
        Environment.SetEnvironmentVariable("HOME", _dir.FullName);
    }

    public string Runs => File.Exists(Log) ? File.ReadAllText(Log) : "";

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PATH", _path);
        Environment.SetEnvironmentVariable("HOME", _home);
        _dir.Delete(true);
    }
}
