using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using MethodBody = Mono.Cecil.Cil.MethodBody;

namespace PosSlot.Benchmarks;

/// <summary>
/// A host proxy for what nanoCLR pays per edge: a copy of PosSlot.Firmware.dll with a counter at the
/// entry of every method (managed calls) and at the head of every basic block (IL instructions
/// executed), loaded on its own and fed a recorded run. nanoCLR interprets IL one instruction at a
/// time and inlines nothing, so both counts are what it would execute; only the cost of each
/// instruction differs. Deterministic: same numbers on every machine.
/// </summary>
public static class InterpretedWork
{
    public sealed class Counts
    {
        public long Calls;
        public long Instructions;
        public long Edges;
        public readonly Dictionary<string, long> CallsByMethod = new();
        public readonly Dictionary<string, long> InstructionsByMethod = new();
    }

    const string CounterType = "PosSlot.InterpretedWorkCounter";

    /// <summary>Instruments the firmware assembly at firmwarePath and feeds it the run twice (warm, then counted).</summary>
    public static Counts Measure(string firmwarePath, RecordedEdges edges)
    {
        string dir = Path.Combine(Path.GetTempPath(), "posslot-interpreted-work-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        string instrumented = Path.Combine(dir, "PosSlot.Firmware.dll");
        Instrument(firmwarePath, instrumented);
        var context = new AssemblyLoadContext("interpreted-work", isCollectible: true);
        try
        {
            using var stream = File.OpenRead(instrumented);
            Assembly fw = context.LoadFromStream(stream);
            return Feed(fw, edges);
        }
        finally
        {
            context.Unload();
        }
    }

    static Counts Feed(Assembly fw, RecordedEdges edges)
    {
        Type T(string name) => fw.GetType(name, throwOnError: true)!;
        object config = Activator.CreateInstance(T("PosSlot.Firmware.SlotConfig"))!;
        object health = Activator.CreateInstance(T("PosSlot.Firmware.Health.HealthSettings"))!;
        health.GetType().GetField("RatedCycles")!.SetValue(health, long.MaxValue / 4);
        object output = Activator.CreateInstance(T("PosSlot.Firmware.Health.DisconnectedFallbackOutput"))!;
        Type firmwareType = T("PosSlot.Firmware.SlotFirmware");
        int logCapacity = (int)firmwareType.GetField("DefaultLogCapacity")!.GetValue(null)!;
        object firmware = Activator.CreateInstance(firmwareType, config, health, output, logCapacity)!;
        object core = firmwareType.GetProperty("Core")!.GetValue(firmware)!;
        Type coreType = core.GetType();
        var onEdge = coreType.GetMethod("OnEdge")!.CreateDelegate<Action<int, int, long>>(core);
        var advance = coreType.GetMethod("Advance")!.CreateDelegate<Func<long, long>>(core);
        var next = coreType.GetProperty("NextDeadlineUs")!.GetMethod!.CreateDelegate<Func<long>>(core);
        Type counter = T(CounterType);
        FieldInfo calls = counter.GetField("Calls")!, instructions = counter.GetField("Instructions")!;
        FieldInfo byMethod = counter.GetField("ByMethod")!, instructionsByMethod = counter.GetField("InstructionsByMethod")!;
        string[] names = (string[])counter.GetField("Names")!.GetValue(null)!;

        void Run(long offsetUs)
        {
            long[] t = edges.TimeUs;
            int[] line = edges.Line;
            int[] level = edges.Level;
            for (int i = 0; i < t.Length; i++)
            {
                long at = t[i] + offsetUs;
                // As CoreWorkCounts and the board: Advance at every deadline the core asks for.
                while (next() <= at)
                {
                    advance(next());
                }
                onEdge(line[i], level[i], at);
            }
            advance(offsetUs + edges.SpanUs);
        }

        Run(0); // warm: baseline learned, log wrapped
        long[] perMethod = (long[])byMethod.GetValue(null)!;
        long[] instructionsPerMethod = (long[])instructionsByMethod.GetValue(null)!;
        Array.Clear(perMethod);
        Array.Clear(instructionsPerMethod);
        calls.SetValue(null, 0L);
        instructions.SetValue(null, 0L);
        Run(edges.SpanUs);
        var counts = new Counts { Calls = (long)calls.GetValue(null)!, Instructions = (long)instructions.GetValue(null)!, Edges = edges.TimeUs.Length };
        for (int i = 0; i < names.Length; i++)
        {
            if (perMethod[i] > 0)
            {
                counts.CallsByMethod[names[i]] = perMethod[i];
                counts.InstructionsByMethod[names[i]] = instructionsPerMethod[i];
            }
        }
        return counts;
    }

    /// <summary>Writes a copy of the assembly with the counters in.</summary>
    static void Instrument(string sourcePath, string targetPath)
    {
        using var module = ModuleDefinition.ReadModule(sourcePath, new ReaderParameters { ReadSymbols = false });
        var longType = module.TypeSystem.Int64;
        var counter = new TypeDefinition("PosSlot", "InterpretedWorkCounter",
            Mono.Cecil.TypeAttributes.Public | Mono.Cecil.TypeAttributes.Abstract | Mono.Cecil.TypeAttributes.Sealed | Mono.Cecil.TypeAttributes.Class,
            module.TypeSystem.Object);
        var calls = new FieldDefinition("Calls", Mono.Cecil.FieldAttributes.Public | Mono.Cecil.FieldAttributes.Static, longType);
        var instructions = new FieldDefinition("Instructions", Mono.Cecil.FieldAttributes.Public | Mono.Cecil.FieldAttributes.Static, longType);
        var byMethod = new FieldDefinition("ByMethod", Mono.Cecil.FieldAttributes.Public | Mono.Cecil.FieldAttributes.Static, new ArrayType(longType));
        var instructionsByMethod = new FieldDefinition("InstructionsByMethod", Mono.Cecil.FieldAttributes.Public | Mono.Cecil.FieldAttributes.Static, new ArrayType(longType));
        var namesField = new FieldDefinition("Names", Mono.Cecil.FieldAttributes.Public | Mono.Cecil.FieldAttributes.Static, new ArrayType(module.TypeSystem.String));
        counter.Fields.Add(calls);
        counter.Fields.Add(instructions);
        counter.Fields.Add(byMethod);
        counter.Fields.Add(instructionsByMethod);
        counter.Fields.Add(namesField);

        var methods = new List<MethodDefinition>();
        foreach (var type in module.GetTypes())
        {
            foreach (var method in type.Methods)
            {
                if (method.HasBody)
                {
                    methods.Add(method);
                }
            }
        }
        for (int m = 0; m < methods.Count; m++)
        {
            InstrumentMethod(methods[m], m, calls, instructions, byMethod, instructionsByMethod);
        }

        // The static constructor sizes the per-method table and names its rows.
        var cctor = new MethodDefinition(".cctor",
            Mono.Cecil.MethodAttributes.Private | Mono.Cecil.MethodAttributes.Static | Mono.Cecil.MethodAttributes.SpecialName
            | Mono.Cecil.MethodAttributes.RTSpecialName | Mono.Cecil.MethodAttributes.HideBySig, module.TypeSystem.Void);
        var il = cctor.Body.GetILProcessor();
        il.Emit(OpCodes.Ldc_I4, methods.Count);
        il.Emit(OpCodes.Newarr, longType);
        il.Emit(OpCodes.Stsfld, byMethod);
        il.Emit(OpCodes.Ldc_I4, methods.Count);
        il.Emit(OpCodes.Newarr, longType);
        il.Emit(OpCodes.Stsfld, instructionsByMethod);
        il.Emit(OpCodes.Ldc_I4, methods.Count);
        il.Emit(OpCodes.Newarr, module.TypeSystem.String);
        for (int m = 0; m < methods.Count; m++)
        {
            il.Emit(OpCodes.Dup);
            il.Emit(OpCodes.Ldc_I4, m);
            il.Emit(OpCodes.Ldstr, methods[m].DeclaringType.Name + "." + methods[m].Name);
            il.Emit(OpCodes.Stelem_Ref);
        }
        il.Emit(OpCodes.Stsfld, namesField);
        il.Emit(OpCodes.Ret);
        counter.Methods.Add(cctor);
        module.Types.Add(counter);
        module.Write(targetPath);
    }

    static void InstrumentMethod(MethodDefinition method, int index, FieldDefinition calls, FieldDefinition instructions, FieldDefinition byMethod, FieldDefinition instructionsByMethod)
    {
        var body = method.Body;
        body.SimplifyMacros();
        var code = body.Instructions;
        var leaders = Leaders(body);
        var il = body.GetILProcessor();

        // Each block adds its own size on entry; jumps into a block are moved onto its counter.
        var original = new List<Instruction>(code);
        int blockStart = 0;
        for (int i = 1; i <= original.Count; i++)
        {
            if (i < original.Count && !leaders.Contains(original[i]))
            {
                continue;
            }
            var leader = original[blockStart];
            var add = AddTo(il, method, instructions, instructionsByMethod, index, i - blockStart);
            foreach (var ins in add)
            {
                il.InsertBefore(leader, ins);
            }
            Retarget(body, leader, add[0]);
            blockStart = i;
        }

        // Method entry: not a jump target, so a loop back to the first block is not a second call.
        var entry = AddTo(il, method, calls, byMethod, index, 1);
        var first = code[0];
        foreach (var ins in entry)
        {
            il.InsertBefore(first, ins);
        }
        body.MaxStackSize += 4;
        body.OptimizeMacros();
    }

    /// <summary>IL that adds `amount` to a total and to this method's slot of a per-method array.</summary>
    static Instruction[] AddTo(ILProcessor il, MethodDefinition method, FieldDefinition total, FieldDefinition perMethod, int index, long amount) =>
    [
        il.Create(OpCodes.Ldsfld, total),
        il.Create(OpCodes.Ldc_I8, amount),
        il.Create(OpCodes.Add),
        il.Create(OpCodes.Stsfld, total),
        il.Create(OpCodes.Ldsfld, perMethod),
        il.Create(OpCodes.Ldc_I4, index),
        il.Create(OpCodes.Ldelema, method.Module.TypeSystem.Int64),
        il.Create(OpCodes.Dup),
        il.Create(OpCodes.Ldind_I8),
        il.Create(OpCodes.Ldc_I8, amount),
        il.Create(OpCodes.Add),
        il.Create(OpCodes.Stind_I8),
    ];

    static HashSet<Instruction> Leaders(MethodBody body)
    {
        var leaders = new HashSet<Instruction>();
        var code = body.Instructions;
        if (code.Count > 0)
        {
            leaders.Add(code[0]);
        }
        for (int i = 0; i < code.Count; i++)
        {
            var ins = code[i];
            if (ins.Operand is Instruction target)
            {
                leaders.Add(target);
            }
            else if (ins.Operand is Instruction[] targets)
            {
                leaders.UnionWith(targets);
            }
            var flow = ins.OpCode.FlowControl;
            if ((flow == FlowControl.Branch || flow == FlowControl.Cond_Branch || flow == FlowControl.Return || flow == FlowControl.Throw)
                && i + 1 < code.Count)
            {
                leaders.Add(code[i + 1]);
            }
        }
        foreach (var handler in body.ExceptionHandlers)
        {
            leaders.Add(handler.TryStart);
            leaders.Add(handler.HandlerStart);
            if (handler.FilterStart != null)
            {
                leaders.Add(handler.FilterStart);
            }
            if (handler.TryEnd != null)
            {
                leaders.Add(handler.TryEnd);
            }
            if (handler.HandlerEnd != null)
            {
                leaders.Add(handler.HandlerEnd);
            }
        }
        return leaders;
    }

    /// <summary>Every branch and handler boundary that pointed at from now points at to.</summary>
    static void Retarget(MethodBody body, Instruction from, Instruction to)
    {
        foreach (var ins in body.Instructions)
        {
            if (ins.Operand == from && ins != to)
            {
                ins.Operand = to;
            }
            else if (ins.Operand is Instruction[] targets)
            {
                for (int i = 0; i < targets.Length; i++)
                {
                    if (targets[i] == from)
                    {
                        targets[i] = to;
                    }
                }
            }
        }
        foreach (var handler in body.ExceptionHandlers)
        {
            if (handler.TryStart == from) handler.TryStart = to;
            if (handler.TryEnd == from) handler.TryEnd = to;
            if (handler.HandlerStart == from) handler.HandlerStart = to;
            if (handler.HandlerEnd == from) handler.HandlerEnd = to;
            if (handler.FilterStart == from) handler.FilterStart = to;
        }
    }
}
