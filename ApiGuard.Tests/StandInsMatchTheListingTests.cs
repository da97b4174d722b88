using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using PosSlot.ApiGuard.StandIns;

namespace PosSlot.ApiGuard.Tests;

/// <summary>
/// The generated stand-ins, read back, declare exactly the listing: every listed public or protected
/// type and member (name and parameter count), and nothing public or protected that is not listed.
/// </summary>
[TestClass]
public class StandInsMatchTheListingTests
{
    static IEnumerable<string> Listed(ListedAssembly assembly) => assembly.Types.SelectMany(t =>
        new[] { "T " + t.FullName }.Concat(t.Members.Select(m => $"{m.Kind} {t.FullName}::{m.Name}" + (m.Kind == 'M' ? "/" + m.Params.Count : ""))));

    static IEnumerable<string> Declared(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var md = pe.GetMetadataReader();
        var result = new List<string>();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var visibility = type.Attributes & TypeAttributes.VisibilityMask;
            if (visibility is not (TypeAttributes.Public or TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem))
            {
                continue;
            }
            var name = FullName(md, type);
            result.Add("T " + name);
            foreach (var m in type.GetMethods().Select(md.GetMethodDefinition))
            {
                if ((m.Attributes & MethodAttributes.MemberAccessMask) is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem)
                {
                    result.Add($"M {name}::{md.GetString(m.Name)}/{m.GetParameters().Select(md.GetParameter).Count(p => p.SequenceNumber > 0)}");
                }
            }
            foreach (var f in type.GetFields().Select(md.GetFieldDefinition))
            {
                if ((f.Attributes & FieldAttributes.FieldAccessMask) is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem)
                {
                    result.Add($"F {name}::{md.GetString(f.Name)}");
                }
            }
            // Properties and events: those with a public or protected accessor (explicit implementations have none).
            foreach (var p in type.GetProperties().Select(md.GetPropertyDefinition))
            {
                var a = p.GetAccessors();
                if (new[] { a.Getter, a.Setter }.Where(h => !h.IsNil).Any(h => IsVisible(md.GetMethodDefinition(h))))
                {
                    result.Add($"P {name}::{md.GetString(p.Name)}");
                }
            }
            foreach (var e in type.GetEvents().Select(md.GetEventDefinition))
            {
                if (IsVisible(md.GetMethodDefinition(e.GetAccessors().Adder)))
                {
                    result.Add($"E {name}::{md.GetString(e.Name)}");
                }
            }
        }
        return result;
    }

    static bool IsVisible(MethodDefinition m) => (m.Attributes & MethodAttributes.MemberAccessMask) is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;

    static string FullName(MetadataReader md, TypeDefinition type)
    {
        var name = md.GetString(type.Name);
        if (type.IsNested)
        {
            return FullName(md, md.GetTypeDefinition(type.GetDeclaringType())) + "/" + name;
        }
        var ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    [TestMethod]
    public void EveryStandInDeclaresExactlyItsListing()
    {
        var problems = new List<string>();
        foreach (var file in Directory.GetFiles(NanoFramework.ListingDirectory, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            var listed = ListedAssembly.Read(file);
            var expected = Listed(listed).ToHashSet(StringComparer.Ordinal);
            var actual = Declared(NanoFramework.StandIns.Image(listed.Name)).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(expected.Except(actual).Select(s => $"{listed.Name}: listed, not declared: {s}"));
            problems.AddRange(actual.Except(expected).Select(s => $"{listed.Name}: declared, not listed: {s}"));
        }
        Assert.AreEqual(0, problems.Count, "the stand-ins differ from the listing (a generator bug):\n  " + string.Join("\n  ", problems.Take(60)));
    }
}
