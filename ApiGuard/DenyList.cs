using System;

namespace PosSlot.ApiGuard;

/// <summary>
/// What nanoFramework 1.x cannot run, checked even where the API listing is absent (a clone
/// without ../shared): generic collections, LINQ, tasks and async, spans, interpolation handlers.
/// </summary>
public static class DenyList
{
    static readonly string[] NamespacePrefixes =
    {
        "System.Linq",
        "System.Collections.Generic",
        "System.Collections.Concurrent",
        "System.Collections.Immutable",
        "System.Threading.Tasks",
        "System.Buffers",
    };

    static readonly string[] TypePrefixes =
    {
        "System.Span`", "System.ReadOnlySpan`", "System.Memory`", "System.ReadOnlyMemory`",
        "System.ValueTuple", "System.Tuple", "System.Nullable`", "System.Lazy`",
        "System.Func`", "System.Action`", "System.Predicate`", "System.Comparison`", "System.EventHandler`",
        "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler",
        "System.Runtime.CompilerServices.AsyncTaskMethodBuilder",
        "System.Runtime.CompilerServices.AsyncVoidMethodBuilder",
        "System.Runtime.CompilerServices.AsyncValueTaskMethodBuilder",
        "System.Runtime.CompilerServices.IAsyncStateMachine",
        "System.Runtime.CompilerServices.TaskAwaiter",
        "System.Runtime.CompilerServices.InlineArray",
        "System.Runtime.CompilerServices.Unsafe",
        "System.Runtime.InteropServices.MemoryMarshal",
        "System.Runtime.InteropServices.CollectionsMarshal",
    };

    /// <summary>The reason a type is denied, or null when it is not.</summary>
    public static string? Reason(string typeFullName)
    {
        foreach (var ns in NamespacePrefixes)
        {
            if (typeFullName.StartsWith(ns + ".", StringComparison.Ordinal))
            {
                return $"namespace {ns} does not exist on nanoFramework 1.x";
            }
        }
        foreach (var prefix in TypePrefixes)
        {
            if (typeFullName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return "not available on nanoFramework 1.x";
            }
        }
        return null;
    }
}
