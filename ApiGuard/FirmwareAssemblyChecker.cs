using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace PosSlot.ApiGuard;

/// <summary>
/// Opens a compiled firmware assembly and lists what the nanoFramework 1.x runtime could not run:
/// generic types or methods it defines, generic instantiations it uses, and types or members it
/// references that are denied or (where a listing is given) absent from nanoFramework's API.
/// It reads base types, interfaces, field, method and local signatures, and every token in IL.
/// Custom attributes are not checked: nanoFramework's metadata processor drops the compiler's.
/// </summary>
public sealed class FirmwareAssemblyChecker
{
    static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    readonly NanoApiListing? _listing;
    readonly string[] _mappedPrefixes;
    readonly string[] _skippedOwners;

    /// <param name="listing">nanoFramework's API, or null to check generics and the deny list only.</param>
    /// <param name="mappedPrefixes">Referenced types that the nanoFramework build maps to its own
    /// (MSTest's Assert becomes nanoFramework.TestFramework's): not checked.</param>
    /// <param name="skippedOwners">Source types not built for the board (host-only tests): not checked.</param>
    public FirmwareAssemblyChecker(NanoApiListing? listing, string[]? mappedPrefixes = null, string[]? skippedOwners = null)
    {
        _listing = listing;
        _mappedPrefixes = mappedPrefixes ?? Array.Empty<string>();
        _skippedOwners = skippedOwners ?? Array.Empty<string>();
    }

    public IReadOnlyList<Violation> Check(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        return Check(stream);
    }

    public IReadOnlyList<Violation> Check(Stream assembly)
    {
        using var pe = new PEReader(assembly);
        var run = new Run(pe, pe.GetMetadataReader(), _listing, _mappedPrefixes, _skippedOwners);
        run.CheckAll();
        return run.Violations;
    }

    sealed class Run : ISignatureTypeProvider<string, object?>
    {
        readonly PEReader _pe;
        readonly MetadataReader _md;
        readonly NanoApiListing? _listing;
        readonly string[] _mappedPrefixes;
        readonly string[] _skippedOwners;
        readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        string _usedBy = "";

        public List<Violation> Violations { get; } = new();

        public Run(PEReader pe, MetadataReader md, NanoApiListing? listing, string[] mappedPrefixes, string[] skippedOwners)
        {
            _pe = pe;
            _md = md;
            _listing = listing;
            _mappedPrefixes = mappedPrefixes;
            _skippedOwners = skippedOwners;
        }

        bool IsMapped(string typeName) => _mappedPrefixes.Any(p => typeName.StartsWith(p, StringComparison.Ordinal));

        public void CheckAll()
        {
            foreach (var handle in _md.TypeDefinitions)
            {
                var type = _md.GetTypeDefinition(handle);
                var owner = DefinitionName(handle);
                if (owner == "<Module>" || _skippedOwners.Any(p => owner.StartsWith(p, StringComparison.Ordinal)))
                {
                    continue;
                }
                _usedBy = owner;
                if (type.GetGenericParameters().Count > 0)
                {
                    Add(owner, "defines a generic type (generics are not in nanoFramework 1.x)");
                }
                if (!type.BaseType.IsNil)
                {
                    CheckEntity(type.BaseType);
                }
                foreach (var iface in type.GetInterfaceImplementations())
                {
                    CheckEntity(_md.GetInterfaceImplementation(iface).Interface);
                }
                foreach (var field in type.GetFields())
                {
                    _md.GetFieldDefinition(field).DecodeSignature(this, null);
                }
                foreach (var method in type.GetMethods())
                {
                    CheckMethod(owner, method);
                }
            }
        }

        void CheckMethod(string owner, MethodDefinitionHandle handle)
        {
            var method = _md.GetMethodDefinition(handle);
            _usedBy = owner + "." + _md.GetString(method.Name);
            if (method.GetGenericParameters().Count > 0)
            {
                Add(_usedBy, "defines a generic method (generics are not in nanoFramework 1.x)");
            }
            method.DecodeSignature(this, null);
            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }
            var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                _md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null);
            }
            ScanIl(body.GetILBytes() ?? Array.Empty<byte>());
        }

        void ScanIl(byte[] il)
        {
            int i = 0;
            while (i < il.Length)
            {
                short value = il[i++];
                if (value == 0xFE)
                {
                    value = unchecked((short)(0xFE00 | il[i++]));
                }
                if (!OperandTypes.TryGetValue(value, out var operand))
                {
                    throw new InvalidDataException($"unknown IL opcode 0x{value:X} in {_usedBy}");
                }
                switch (operand)
                {
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        i += 1;
                        break;
                    case OperandType.InlineVar:
                        i += 2;
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        i += 8;
                        break;
                    case OperandType.InlineSwitch:
                        int cases = BitConverter.ToInt32(il, i);
                        i += 4 + 4 * cases;
                        break;
                    case OperandType.InlineField:
                    case OperandType.InlineMethod:
                    case OperandType.InlineTok:
                    case OperandType.InlineType:
                        CheckEntity(MetadataTokens.EntityHandle(BitConverter.ToInt32(il, i)));
                        i += 4;
                        break;
                    default:
                        // InlineI, InlineBrTarget, ShortInlineR, InlineString, InlineSig: 4-byte operands.
                        i += 4;
                        break;
                }
            }
        }

        void CheckEntity(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeReference:
                    CheckExternalType(ReferenceName((TypeReferenceHandle)handle));
                    break;
                case HandleKind.TypeSpecification:
                    _md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
                case HandleKind.MemberReference:
                    CheckMemberReference((MemberReferenceHandle)handle);
                    break;
                case HandleKind.MethodSpecification:
                    var spec = _md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    if (IsMapped(MethodName(spec.Method)))
                    {
                        break;
                    }
                    Add(MethodName(spec.Method), "instantiates a generic method (generics are not in nanoFramework 1.x)");
                    CheckEntity(spec.Method);
                    spec.DecodeSignature(this, null);
                    break;
            }
        }

        void CheckMemberReference(MemberReferenceHandle handle)
        {
            var member = _md.GetMemberReference(handle);
            var name = _md.GetString(member.Name);
            if (member.Parent.Kind == HandleKind.TypeReference && IsMapped(ReferenceName((TypeReferenceHandle)member.Parent)))
            {
                return;
            }
            switch (member.Parent.Kind)
            {
                case HandleKind.TypeReference:
                    var typeName = ReferenceName((TypeReferenceHandle)member.Parent);
                    if (CheckExternalType(typeName) && _listing != null && !_listing.HasMember(typeName, name))
                    {
                        Add(typeName + "::" + name, "member not in nanoFramework's API listing");
                    }
                    break;
                case HandleKind.TypeSpecification:
                    CheckEntity(member.Parent);
                    break;
            }
            if (member.GetKind() == MemberReferenceKind.Method)
            {
                member.DecodeMethodSignature(this, null);
            }
            else
            {
                member.DecodeFieldSignature(this, null);
            }
        }

        /// <summary>Returns true when the type itself is acceptable.</summary>
        bool CheckExternalType(string fullName)
        {
            if (IsMapped(fullName))
            {
                return true;
            }
            var denied = DenyList.Reason(fullName);
            if (denied != null)
            {
                Add(fullName, denied);
                return false;
            }
            if (_listing != null && !_listing.HasType(fullName))
            {
                Add(fullName, "type not in nanoFramework's API listing");
                return false;
            }
            return true;
        }

        void Add(string used, string reason)
        {
            if (_seen.Add(used + "|" + _usedBy))
            {
                Violations.Add(new Violation(used, reason, _usedBy));
            }
        }

        string DefinitionName(TypeDefinitionHandle handle)
        {
            var type = _md.GetTypeDefinition(handle);
            var name = _md.GetString(type.Name);
            var declaring = type.GetDeclaringType();
            if (!declaring.IsNil)
            {
                return DefinitionName(declaring) + "/" + name;
            }
            var ns = _md.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        string ReferenceName(TypeReferenceHandle handle)
        {
            var type = _md.GetTypeReference(handle);
            var name = _md.GetString(type.Name);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return ReferenceName((TypeReferenceHandle)type.ResolutionScope) + "/" + name;
            }
            var ns = _md.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        string MethodName(EntityHandle method) => method.Kind switch
        {
            HandleKind.MethodDefinition => DefinitionName(_md.GetMethodDefinition((MethodDefinitionHandle)method).GetDeclaringType())
                + "::" + _md.GetString(_md.GetMethodDefinition((MethodDefinitionHandle)method).Name),
            HandleKind.MemberReference => ParentName(_md.GetMemberReference((MemberReferenceHandle)method).Parent)
                + "::" + _md.GetString(_md.GetMemberReference((MemberReferenceHandle)method).Name),
            _ => "method",
        };

        string ParentName(EntityHandle parent) => parent.Kind switch
        {
            HandleKind.TypeReference => ReferenceName((TypeReferenceHandle)parent),
            HandleKind.TypeDefinition => DefinitionName((TypeDefinitionHandle)parent),
            HandleKind.TypeSpecification => _md.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(this, null),
            _ => "?",
        };

        // ISignatureTypeProvider: names every type in a signature and checks each on the way.
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => DefinitionName(handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var name = ReferenceName(handle);
            CheckExternalType(name);
            return name;
        }

        public string GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind)
            => reader.GetTypeSpecification(handle).DecodeSignature(this, context);

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            var name = genericType + "<" + string.Join(",", typeArguments) + ">";
            Add(name, "generic instantiation (generics are not in nanoFramework 1.x)");
            return name;
        }

        public string GetGenericMethodParameter(object? context, int index) => "!!" + index;

        public string GetGenericTypeParameter(object? context, int index) => "!" + index;

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
    }
}
