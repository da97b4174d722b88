using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PosSlot.ApiGuard.StandIns;

/// <summary>
/// Writes C# declarations for one listed assembly: every listed type and member with its modifiers,
/// parameters and defaults, bodies <c>throw null;</c>, constructors the listing does not show kept
/// internal, explicit interface implementations where no public member implements the interface.
/// Compiled with -nostdlib they are reference assemblies with nanoFramework's surface.
/// </summary>
public sealed class StubWriter
{
    static readonly Dictionary<string, string> Operators = new(StringComparer.Ordinal)
    {
        ["op_Equality"] = "==", ["op_Inequality"] = "!=", ["op_Addition"] = "+", ["op_Subtraction"] = "-",
        ["op_Multiply"] = "*", ["op_Division"] = "/", ["op_Modulus"] = "%", ["op_GreaterThan"] = ">",
        ["op_LessThan"] = "<", ["op_GreaterThanOrEqual"] = ">=", ["op_LessThanOrEqual"] = "<=",
        ["op_UnaryNegation"] = "-", ["op_UnaryPlus"] = "+", ["op_LogicalNot"] = "!", ["op_OnesComplement"] = "~",
        ["op_Increment"] = "++", ["op_Decrement"] = "--", ["op_BitwiseAnd"] = "&", ["op_BitwiseOr"] = "|",
        ["op_ExclusiveOr"] = "^", ["op_LeftShift"] = "<<", ["op_RightShift"] = ">>", ["op_True"] = "true", ["op_False"] = "false",
    };

    readonly IReadOnlyDictionary<string, ListedType> _all;
    readonly ListedAssembly _assembly;
    readonly StringBuilder _out = new();

    StubWriter(ListedAssembly assembly, IReadOnlyDictionary<string, ListedType> all)
    {
        _assembly = assembly;
        _all = all;
    }

    /// <param name="all">Every listed type of every assembly, by metadata name (bases and interfaces are looked up there).</param>
    public static string Write(ListedAssembly assembly, IReadOnlyDictionary<string, ListedType> all)
    {
        var writer = new StubWriter(assembly, all);
        writer.WriteAll();
        return writer._out.ToString();
    }

    void WriteAll()
    {
        _out.Append("[assembly: global::System.Reflection.AssemblyVersion(\"").Append(_assembly.Version).Append("\")]\n");
        foreach (var group in _assembly.Types.Where(t => t.Outer == null).GroupBy(t => t.Namespace).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            _out.Append("namespace ").Append(group.Key).Append("\n{\n");
            foreach (var type in group)
            {
                WriteType(type);
            }
            _out.Append("}\n");
        }
    }

    // ---- types ----

    void WriteType(ListedType type)
    {
        WriteTypeAttributes(type);
        var access = type.Tokens.Has("protected") ? "protected " : "public ";
        var generic = type.TypeParams.Length == 0 ? "" : "<" + string.Join(", ", type.TypeParams) + ">";
        switch (type.Kind)
        {
            case "enum":
                _out.Append(access).Append("enum ").Append(type.SimpleName).Append(" : ").Append(Cs(type.Tokens.Value("underlying") ?? "System.Int32", type)).Append("\n{\n");
                foreach (var f in type.Members.Where(m => m.Kind == 'F' && m.Name != "value__"))
                {
                    WriteObsolete(f.Tokens);
                    _out.Append("    @").Append(f.Name).Append(" = ").Append(Value(f.Tokens.Value("const")!, type.Tokens.Value("underlying") ?? "System.Int32", type)).Append(",\n");
                }
                _out.Append("}\n");
                return;
            case "delegate":
                var invoke = type.Members.Single(m => m.Kind == 'M' && m.Name == "Invoke");
                _out.Append(access).Append("delegate ").Append(Cs(invoke.Type, type)).Append(' ').Append(type.SimpleName).Append(generic)
                    .Append('(').Append(Parameters(invoke, type)).Append(");\n");
                return;
        }
        var modifiers = type.Kind switch
        {
            "class" => type.Tokens.Has("static") ? "static " : type.Tokens.Has("abstract") ? "abstract " : type.Tokens.Has("sealed") ? "sealed " : "",
            "struct" => (type.Tokens.Has("readonly") ? "readonly " : "") + (type.Tokens.Has("ref") ? "ref " : ""),
            _ => "",
        };
        var bases = new List<string>();
        if (type.Kind == "class" && type.BaseType != null && type.BaseType != "System.Object")
        {
            bases.Add(Cs(type.BaseType, type));
        }
        bases.AddRange(type.Implements.Select(i => Cs(i, type)));
        _out.Append(access).Append(modifiers).Append(type.Kind).Append(' ').Append(type.SimpleName).Append(generic);
        if (bases.Count > 0)
        {
            _out.Append(" : ").Append(string.Join(", ", bases));
        }
        _out.Append("\n{\n");
        WriteMembers(type);
        foreach (var nested in _assembly.Types.Where(t => t.Outer == type.FullName))
        {
            WriteType(nested);
        }
        _out.Append("}\n");
    }

    void WriteTypeAttributes(ListedType type)
    {
        if (type.Tokens.Has("flags"))
        {
            _out.Append("[global::System.Flags]\n");
        }
        WriteObsolete(type.Tokens);
        if (type.Tokens.Value("usage") is { } usage)
        {
            var targets = string.Join(" | ", usage.Split('|').Select(t => "global::System.AttributeTargets." + t));
            _out.Append("[global::System.AttributeUsage(").Append(targets);
            if (type.Tokens.Has("allowmultiple"))
            {
                _out.Append(", AllowMultiple = true");
            }
            if (type.Tokens.Value("inherited") == "false")
            {
                _out.Append(", Inherited = false");
            }
            _out.Append(")]\n");
        }
    }

    void WriteObsolete(ListingTokens tokens)
    {
        if (tokens.Has("obsolete"))
        {
            _out.Append("[global::System.Obsolete]\n");
        }
        else if (tokens.Value("obsolete") == "error")
        {
            _out.Append("[global::System.Obsolete(\"\", true)]\n");
        }
    }

    // ---- members ----

    void WriteMembers(ListedType type)
    {
        bool isInterface = type.Kind == "interface";
        var properties = type.Members.Where(m => m.Kind == 'P').ToList();
        var events = type.Members.Where(m => m.Kind == 'E').ToList();
        var accessors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in properties)
        {
            accessors.Add("get_" + p.Name);
            accessors.Add("set_" + p.Name);
        }
        foreach (var e in events)
        {
            accessors.Add("add_" + e.Name);
            accessors.Add("remove_" + e.Name);
        }
        if (type.Kind == "struct" && type.Tokens.Value("hidden-fields") is { } hidden)
        {
            // Not definitely assigned until set, as on the device; a reference makes it a managed struct.
            var readOnly = type.Tokens.Has("readonly") ? "readonly " : "";
            _out.Append("    private ").Append(readOnly).Append(hidden == "managed" ? "object" : "int").Append(" _hidden;\n");
        }
        foreach (var f in type.Members.Where(m => m.Kind == 'F'))
        {
            WriteField(f, type);
        }
        bool anyCtor = false;
        foreach (var m in type.Members.Where(m => m.Kind == 'M' && !accessors.Contains(m.Name)))
        {
            if (m.Name == ".ctor")
            {
                anyCtor = true;
                if (type.Kind == "struct" && m.Params.Count == 0)
                {
                    continue;   // the implicit one
                }
            }
            WriteMethod(m, type, isInterface);
        }
        if (!anyCtor && type.Kind == "class" && !type.Tokens.Has("static"))
        {
            // No public or protected constructor: code outside may not create or derive from it.
            _out.Append("    internal ").Append(type.SimpleName).Append("()").Append(BaseCall(type)).Append(" { }\n");
        }
        foreach (var p in properties)
        {
            WriteProperty(p, type, isInterface);
        }
        foreach (var e in events)
        {
            WriteEvent(e, type, isInterface);
        }
        if (type.Kind is "class" or "struct")
        {
            WriteExplicitImplementations(type);
        }
    }

    string Modifiers(ListedMember m, bool isInterface)
    {
        if (isInterface)
        {
            return "";
        }
        var s = new StringBuilder(m.IsProtected ? "protected " : "public ");
        if (m.IsStatic)
        {
            s.Append("static ");
        }
        foreach (var word in new[] { "abstract", "virtual", "sealed", "override" })
        {
            if (m.Tokens.Has(word))
            {
                s.Append(word).Append(' ');
            }
        }
        return s.ToString();
    }

    void WriteField(ListedMember f, ListedType type)
    {
        WriteObsolete(f.Tokens);
        var access = f.IsProtected ? "protected " : "public ";
        if (f.Tokens.Value("const") is { } value)
        {
            _out.Append("    ").Append(access).Append("const ").Append(Cs(f.Type, type)).Append(" @").Append(f.Name)
                .Append(" = ").Append(Value(value, f.Type, type)).Append(";\n");
            return;
        }
        _out.Append("    ").Append(access).Append(f.IsStatic ? "static " : "").Append(f.Tokens.Has("readonly") ? "readonly " : "")
            .Append(f.Tokens.Has("volatile") ? "volatile " : "").Append(Cs(f.Type, type)).Append(" @").Append(f.Name).Append(";\n");
    }

    void WriteMethod(ListedMember m, ListedType type, bool isInterface)
    {
        WriteObsolete(m.Tokens);
        if (m.Tokens.Value("conditional") is { } symbol)
        {
            _out.Append("    [global::System.Diagnostics.Conditional(\"").Append(symbol).Append("\")]\n");
        }
        var body = isInterface || m.Tokens.Has("abstract") ? ";" : " { throw null; }";
        if (m.Name == ".ctor")
        {
            _out.Append("    ").Append(m.IsProtected ? "protected " : "public ").Append(type.SimpleName).Append('(').Append(Parameters(m, type)).Append(')')
                .Append(type.Kind == "class" ? BaseCall(type) : "").Append(" { throw null; }\n");
            return;
        }
        if (m.Name == "Finalize" && m.Params.Count == 0)
        {
            _out.Append("    ~").Append(type.SimpleName).Append("() { }\n");
            return;
        }
        var returns = (m.Tokens.Value("return") switch { "ref" => "ref ", "ref-readonly" => "ref readonly ", _ => "" }) + Cs(m.Type, type);
        if (Operators.TryGetValue(m.Name, out var op))
        {
            _out.Append("    public static ").Append(returns).Append(" operator ").Append(op).Append('(').Append(Parameters(m, type)).Append(')').Append(body).Append('\n');
            return;
        }
        if (m.Name is "op_Implicit" or "op_Explicit")
        {
            _out.Append("    public static ").Append(m.Name == "op_Implicit" ? "implicit" : "explicit").Append(" operator ").Append(returns)
                .Append('(').Append(Parameters(m, type)).Append(')').Append(body).Append('\n');
            return;
        }
        _out.Append("    ").Append(Modifiers(m, isInterface)).Append(returns).Append(" @").Append(m.Name).Append('(').Append(Parameters(m, type)).Append(')').Append(body).Append('\n');
    }

    void WriteProperty(ListedMember p, ListedType type, bool isInterface)
    {
        WriteObsolete(p.Tokens);
        bool isIndexer = p.Tokens.Value("index") != null;
        if (isIndexer && p.Name != "Item")
        {
            _out.Append("    [global::System.Runtime.CompilerServices.IndexerName(\"").Append(p.Name).Append("\")]\n");
        }
        _out.Append("    ").Append(Modifiers(p, isInterface)).Append(Cs(p.Type, type)).Append(' ');
        if (isIndexer)
        {
            var getter = type.Members.FirstOrDefault(m => m.Kind == 'M' && m.Name == "get_" + p.Name && m.Params.Count == p.Params.Count);
            var names = getter?.Params.Select(q => q.Name).ToArray() ?? p.Params.Select((_, i) => "index" + i).ToArray();
            _out.Append("this[").Append(string.Join(", ", p.Params.Select((q, i) => Cs(q.Type, type) + " @" + names[i]))).Append(']');
        }
        else
        {
            _out.Append('@').Append(p.Name);
        }
        bool bodiless = isInterface || p.Tokens.Has("abstract");
        var body = bodiless ? ";" : " { throw null; }";
        _out.Append(" {");
        if (p.CanGet)
        {
            _out.Append(p.Tokens.Value("get") == "protected" ? " protected" : "").Append(" get").Append(body);
        }
        if (p.CanSet)
        {
            _out.Append(p.Tokens.Value("set") == "protected" ? " protected" : "").Append(" set").Append(body);
        }
        _out.Append(" }\n");
    }

    void WriteEvent(ListedMember e, ListedType type, bool isInterface)
    {
        WriteObsolete(e.Tokens);
        _out.Append("    ").Append(Modifiers(e, isInterface)).Append("event ").Append(Cs(e.Type, type)).Append(" @").Append(e.Name);
        _out.Append(isInterface || e.Tokens.Has("abstract") ? ";\n" : " { add { throw null; } remove { throw null; } }\n");
    }

    /// <summary>The listing shows no explicit (private) implementations: where no public member fits, one is written.</summary>
    void WriteExplicitImplementations(ListedType type)
    {
        foreach (var interfaceName in AllInterfaces(type))
        {
            if (!_all.TryGetValue(interfaceName, out var iface))
            {
                continue;
            }
            var accessors = iface.Members.Where(m => m.Kind is 'P' or 'E').SelectMany(m => new[] { "get_", "set_", "add_", "remove_" }.Select(a => a + m.Name)).ToHashSet();
            foreach (var member in iface.Members.Where(m => !(m.Kind == 'M' && accessors.Contains(m.Name))))
            {
                if (ImplementedPublicly(type, member))
                {
                    continue;
                }
                var owner = Cs(iface.FullName, type);
                switch (member.Kind)
                {
                    case 'M':
                        _out.Append("    ").Append(Cs(member.Type, type)).Append(' ').Append(owner).Append(".@").Append(member.Name)
                            .Append('(').Append(Parameters(member, type, forExplicit: true)).Append(") { throw null; }\n");
                        break;
                    case 'P':
                        var name = member.Tokens.Value("index") != null
                            ? "this[" + string.Join(", ", member.Params.Select((q, i) => Cs(q.Type, type) + " index" + i)) + "]"
                            : "@" + member.Name;
                        _out.Append("    ").Append(Cs(member.Type, type)).Append(' ').Append(owner).Append('.').Append(name).Append(" {")
                            .Append(member.CanGet ? " get { throw null; }" : "").Append(member.CanSet ? " set { throw null; }" : "").Append(" }\n");
                        break;
                    case 'E':
                        _out.Append("    event ").Append(Cs(member.Type, type)).Append(' ').Append(owner).Append(".@").Append(member.Name)
                            .Append(" { add { throw null; } remove { throw null; } }\n");
                        break;
                }
            }
        }
    }

    IEnumerable<string> AllInterfaces(ListedType type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(type.Implements);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (seen.Add(name) && _all.TryGetValue(name, out var iface))
            {
                foreach (var b in iface.Implements)
                {
                    pending.Push(b);
                }
            }
        }
        return seen.OrderBy(s => s, StringComparer.Ordinal);
    }

    bool ImplementedPublicly(ListedType type, ListedMember wanted)
    {
        for (var t = type; t != null; t = t.BaseType != null && _all.TryGetValue(t.BaseType, out var b) ? b : null)
        {
            foreach (var m in t.Members)
            {
                if (m.Kind == wanted.Kind && m.Name == wanted.Name && !m.IsStatic && !m.IsProtected
                    && m.Params.Select(p => p.Type).SequenceEqual(wanted.Params.Select(p => p.Type)) && m.Type == wanted.Type)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>A constructor's base call: implicit where the base has a parameterless one, else the first listed, with typed defaults.</summary>
    string BaseCall(ListedType type)
    {
        if (type.BaseType == null || !_all.TryGetValue(type.BaseType, out var b))
        {
            return "";
        }
        var ctors = b.Members.Where(m => m.Kind == 'M' && m.Name == ".ctor").ToList();
        if (ctors.Count == 0 || ctors.Any(c => c.Params.Count == 0))
        {
            return "";
        }
        var pick = ctors.Where(c => c.Params.All(p => !p.Type.EndsWith('&'))).OrderBy(c => c.Params.Count).First();
        return " : base(" + string.Join(", ", pick.Params.Select(p => "(" + Cs(p.Type, type) + ")default")) + ")";
    }

    // ---- parameters, types and values ----

    string Parameters(ListedMember m, ListedType context, bool forExplicit = false)
    {
        return string.Join(", ", m.Params.Select(p =>
        {
            var s = new StringBuilder();
            if (!forExplicit)
            {
                foreach (var mod in p.Modifiers)
                {
                    if (mod.StartsWith("callerexpr(", StringComparison.Ordinal))
                    {
                        s.Append("[global::System.Runtime.CompilerServices.CallerArgumentExpression(\"").Append(mod[11..^1]).Append("\")] ");
                    }
                    else if (mod == "callermember")
                    {
                        s.Append("[global::System.Runtime.CompilerServices.CallerMemberName] ");
                    }
                    else if (mod == "callerfile")
                    {
                        s.Append("[global::System.Runtime.CompilerServices.CallerFilePath] ");
                    }
                    else if (mod == "callerline")
                    {
                        s.Append("[global::System.Runtime.CompilerServices.CallerLineNumber] ");
                    }
                }
                if (p.Has("this"))
                {
                    s.Append("this ");
                }
                if (p.Has("params"))
                {
                    s.Append("params ");
                }
            }
            var type = p.Type;
            if (type.EndsWith('&'))
            {
                type = type[..^1];
                s.Append(p.Has("out") ? "out " : p.Has("in") ? "in " : p.Has("ref-readonly") ? "ref readonly " : "ref ");
            }
            s.Append(Cs(type, context)).Append(" @").Append(p.Name);
            if (!forExplicit && p.Default != null)
            {
                s.Append(" = ").Append(Value(p.Default, type, context));
            }
            return s.ToString();
        }));
    }

    /// <summary>A metadata type name as C# (fully qualified; generic parameters by name).</summary>
    string Cs(string name, ListedType context)
    {
        if (name == "System.Void")
        {
            return "void";
        }
        if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            return Cs(name[..^2], context) + "[]";
        }
        if (!name.Contains('.'))
        {
            return name;   // a generic parameter
        }
        var s = name.Replace('/', '.');
        int tick;
        while ((tick = s.IndexOf('`')) >= 0)
        {
            int end = tick + 1;
            while (end < s.Length && char.IsDigit(s[end]))
            {
                end++;
            }
            s = s.Remove(tick, end - tick);
        }
        return "global::" + s;
    }

    /// <summary>A listing value (const= or a default) as a C# constant of the given type.</summary>
    string Value(string value, string type, ListedType context)
    {
        int paren = value.IndexOf('(');
        if (paren > 0 && !value.StartsWith('"'))
        {
            value = value[..paren];   // an enum default: "0(None)"
        }
        switch (value)
        {
            case "null":
                return "null";
            case "default":
                return "default";
            case "true":
            case "false":
                return value;
        }
        if (value.StartsWith('"'))
        {
            return value;   // already a C# literal with \uXXXX escapes
        }
        var cs = Cs(type, context);
        switch (type)
        {
            case "System.Char":
                return "(char)" + value;
            case "System.Single":
            case "System.Double":
                var number = value switch
                {
                    "NaN" => "(0.0 / 0.0)",
                    "Infinity" => "(1.0 / 0.0)",
                    "-Infinity" => "(-1.0 / 0.0)",
                    _ => value.Contains('.') || value.Contains('E') ? value : value + ".0",
                };
                return type == "System.Single" ? "(float)" + number : number;
            case "System.Byte" or "System.SByte" or "System.Int16" or "System.UInt16" or "System.Int32" or "System.UInt32" or "System.Int64" or "System.UInt64":
                return "unchecked((" + cs + ")" + (value.StartsWith('-') ? "(" + value + ")" : value) + ")";
            case "System.Boolean":
            case "System.String":
            case "System.Object":
                return value;
        }
        if (_all.TryGetValue(type, out var t) && t.Kind == "enum")
        {
            return "unchecked((" + cs + ")(" + value + "))";
        }
        return value;
    }
}
