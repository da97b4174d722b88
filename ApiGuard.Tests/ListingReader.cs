using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PosSlot.ApiGuard.Tests;

/// <summary>
/// Reads a compiled assembly back into the listing's v1 lines (shared/nanoframework-api/README.md):
/// its public and protected types, methods, fields, properties and events with their signatures.
/// </summary>
static class ListingReader
{
    /// <param name="withParams">Methods with parameters add " ; params=" as the listing writes it (names, modifiers, defaults).</param>
    public static IEnumerable<string> V1Lines(byte[] image, bool withParams = false)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var md = pe.GetMetadataReader();
        var lines = new List<string>();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var visibility = type.Attributes & TypeAttributes.VisibilityMask;
            if (visibility is not (TypeAttributes.Public or TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem))
            {
                continue;
            }
            var names = new Names(md, handle);
            var name = Names.Of(md, handle);
            var baseName = type.BaseType.IsNil ? null : names.Of(type.BaseType);
            var kind = (type.Attributes & TypeAttributes.Interface) != 0 ? "interface"
                : baseName == "System.Enum" ? "enum"
                : baseName == "System.MulticastDelegate" ? "delegate"
                : baseName == "System.ValueType" && (type.Attributes & TypeAttributes.Abstract) == 0 ? "struct"
                : "class";
            lines.Add($"T {kind} {name}" + (kind == "class" && baseName != null ? " : " + baseName : ""));
            foreach (var m in type.GetMethods().Select(md.GetMethodDefinition).Where(m => Visible(m.Attributes)))
            {
                var sig = m.DecodeSignature(names, null);
                var line = $"M {name}::{md.GetString(m.Name)}({string.Join(",", sig.ParameterTypes)}) : {sig.ReturnType}"
                    + ((m.Attributes & MethodAttributes.Static) != 0 ? " static" : "");
                lines.Add(withParams && sig.ParameterTypes.Length > 0 ? line + " ; params=" + Params(md, m, sig) : line);
            }
            foreach (var f in type.GetFields().Select(md.GetFieldDefinition))
            {
                var access = f.Attributes & FieldAttributes.FieldAccessMask;
                if (access is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem)
                {
                    lines.Add($"F {name}::{md.GetString(f.Name)} : {f.DecodeSignature(names, null)}" + ((f.Attributes & FieldAttributes.Static) != 0 ? " static" : ""));
                }
            }
            foreach (var p in type.GetProperties().Select(md.GetPropertyDefinition))
            {
                var a = p.GetAccessors();
                bool get = !a.Getter.IsNil && Visible(md.GetMethodDefinition(a.Getter).Attributes);
                bool set = !a.Setter.IsNil && Visible(md.GetMethodDefinition(a.Setter).Attributes);
                if (get || set)
                {
                    lines.Add($"P {name}::{md.GetString(p.Name)} : {p.DecodeSignature(names, null).ReturnType}" + (get ? " get" : "") + (set ? " set" : ""));
                }
            }
            foreach (var e in type.GetEvents().Select(md.GetEventDefinition))
            {
                if (Visible(md.GetMethodDefinition(e.GetAccessors().Adder).Attributes))
                {
                    lines.Add($"E {name}::{md.GetString(e.Name)} : {names.Of(e.Type)}");
                }
            }
        }
        return lines;
    }

    /// <summary>The listing's params= value: [modifier:...]name[=default] per parameter.</summary>
    static string Params(MetadataReader md, MethodDefinition m, MethodSignature<string> sig)
    {
        bool extension = m.GetCustomAttributes().Any(h => AttributeName(md, h) == "System.Runtime.CompilerServices.ExtensionAttribute");
        var entries = new string[sig.ParameterTypes.Length];
        foreach (var p in m.GetParameters().Select(md.GetParameter).Where(p => p.SequenceNumber > 0))
        {
            int i = p.SequenceNumber - 1;
            var mods = new List<string>();
            var attributes = p.GetCustomAttributes().Select(h => (Name: AttributeName(md, h), Handle: h)).ToList();
            if (sig.ParameterTypes[i].EndsWith('&'))
            {
                mods.Add((p.Attributes & ParameterAttributes.Out) != 0 ? "out" : (p.Attributes & ParameterAttributes.In) != 0 ? "in" : "ref");
            }
            if (attributes.Any(a => a.Name == "System.ParamArrayAttribute"))
            {
                mods.Add("params");
            }
            if (extension && i == 0)
            {
                mods.Add("this");
            }
            foreach (var a in attributes.Where(a => a.Name == "System.Runtime.CompilerServices.CallerArgumentExpressionAttribute"))
            {
                var blob = md.GetBlobReader(md.GetCustomAttribute(a.Handle).Value);
                blob.ReadUInt16();
                mods.Add("callerexpr(" + blob.ReadSerializedString() + ")");
            }
            if ((p.Attributes & ParameterAttributes.Optional) != 0)
            {
                mods.Add("opt");
            }
            var entry = string.Join("", mods.Select(x => x + ":")) + md.GetString(p.Name);
            if ((p.Attributes & ParameterAttributes.Optional) != 0)
            {
                entry += "=" + Default(md, p);
            }
            entries[i] = entry;
        }
        return string.Join(",", entries);
    }

    /// <summary>A default value in the listing's spelling (enum member names, which it adds in parentheses, are left out).</summary>
    static string Default(MetadataReader md, Parameter p)
    {
        if (p.GetDefaultValue().IsNil)
        {
            return "default";
        }
        var constant = md.GetConstant(p.GetDefaultValue());
        var blob = md.GetBlobReader(constant.Value);
        return constant.TypeCode switch
        {
            ConstantTypeCode.NullReference => "null",
            ConstantTypeCode.Boolean => blob.ReadBoolean() ? "true" : "false",
            ConstantTypeCode.Char => ((int)blob.ReadChar()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.String => "\"" + string.Concat(blob.ReadUTF16(blob.Length).Select(Escape)) + "\"",
            ConstantTypeCode.Single => blob.ReadSingle().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.Double => blob.ReadDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            _ => Convert.ToString(blob.ReadConstant(constant.TypeCode), System.Globalization.CultureInfo.InvariantCulture)!,
        };
    }

    static string Escape(char c) => c > 126 || " ,;:=()\"\\|".Contains(c) ? "\\u" + ((int)c).ToString("X4") : c.ToString();

    static string AttributeName(MetadataReader md, CustomAttributeHandle handle)
    {
        var ctor = md.GetCustomAttribute(handle).Constructor;
        var type = ctor.Kind == HandleKind.MemberReference ? md.GetMemberReference((MemberReferenceHandle)ctor).Parent : md.GetMethodDefinition((MethodDefinitionHandle)ctor).GetDeclaringType();
        return type.Kind switch
        {
            HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)type).Namespace) + "." + md.GetString(md.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => Names.Of(md, (TypeDefinitionHandle)type),
            _ => "",
        };
    }

    static bool Visible(MethodAttributes a) => (a & MethodAttributes.MemberAccessMask) is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;

    /// <summary>Type names as the listing spells them: System.Int32, System.Byte[], System.Int32&amp;, Outer/Inner, generic parameters by name.</summary>
    sealed class Names : ISignatureTypeProvider<string, object?>
    {
        readonly MetadataReader _md;
        readonly TypeDefinitionHandle _context;

        public Names(MetadataReader md, TypeDefinitionHandle context)
        {
            _md = md;
            _context = context;
        }

        public static string Of(MetadataReader md, TypeDefinitionHandle handle)
        {
            var t = md.GetTypeDefinition(handle);
            if (t.IsNested)
            {
                return Of(md, t.GetDeclaringType()) + "/" + md.GetString(t.Name);
            }
            var ns = md.GetString(t.Namespace);
            return ns.Length == 0 ? md.GetString(t.Name) : ns + "." + md.GetString(t.Name);
        }

        public string Of(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => Of(_md, (TypeDefinitionHandle)handle),
            HandleKind.TypeReference => GetTypeFromReference(_md, (TypeReferenceHandle)handle, 0),
            _ => handle.Kind.ToString(),
        };

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode switch
        {
            PrimitiveTypeCode.IntPtr => "IntPtr",
            PrimitiveTypeCode.UIntPtr => "UIntPtr",
            _ => typeCode.ToString(),
        };

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => Of(reader, handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var r = reader.GetTypeReference(handle);
            if (r.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return GetTypeFromReference(reader, (TypeReferenceHandle)r.ResolutionScope, 0) + "/" + reader.GetString(r.Name);
            }
            var ns = reader.GetString(r.Namespace);
            return ns.Length == 0 ? reader.GetString(r.Name) : ns + "." + reader.GetString(r.Name);
        }

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetGenericTypeParameter(object? genericContext, int index) =>
            _md.GetString(_md.GetGenericParameter(_md.GetTypeDefinition(_context).GetGenericParameters()[index]).Name);
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
    }
}
