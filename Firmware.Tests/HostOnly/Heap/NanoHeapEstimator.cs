using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text;

namespace PosSlot.Firmware.Tests.HostOnly.Heap
{
    /// <summary>
    /// Sizes an object graph as nanoCLR lays it out on a 32-bit board (ESP32), by reflection on the
    /// host. The rules (nf-interpreter: CLR_RT_HeapBlock, CLR_RT_HeapBlock_Array, CLR_RT_HeapBlock_String,
    /// CLR_RT_ExecutionEngine::ExtractHeapBlocksForArray), with a heap block of 12 bytes:
    /// - an object: one header block plus one block per instance field, inherited and private ones
    ///   included, whatever the field's type (a long, a reference, a bool each take a whole block);
    /// - a field or array element of a struct type (not a primitive, enum, DateTime or TimeSpan): nanoCLR
    ///   boxes it in its own object (header plus its fields), reached from the 12-byte slot;
    /// - an array: a 20-byte array header (a block plus element count, type, size and flags) plus
    ///   the elements, rounded up to whole blocks; elements take their primitive size (bool and byte 1,
    ///   char and short 2, int and float 4, long, double, DateTime and TimeSpan 8, an enum its underlying
    ///   type's) and a reference or struct element a whole 12-byte block (CLR_RT_DataTypeLookup);
    /// - a string: a header block plus its UTF-8 bytes and a terminating zero, rounded up to blocks (every
    ///   string is counted as heap text: a literal on the board points into the assembly instead, so this
    ///   over-counts literals by their text);
    /// - a delegate: three blocks (CLR_RT_HeapBlock_Delegate) plus its target;
    /// - types and reflection objects are metadata on the board, not heap: 0.
    /// Each object is counted once (reference identity). Host library types (ArrayList, Hashtable,
    /// StringBuilder) are sized from their .NET fields, which is close to but not exactly nanoFramework's
    /// own implementation of them; the firmware keeps arrays, not collections, on its hot paths.
    /// </summary>
    public sealed class NanoHeapEstimator
    {
        public const int Block = 12;
        public const int ArrayHeader = 20;

        readonly HashSet<object> _seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        readonly HashSet<object> _boundary = new HashSet<object>(ReferenceEqualityComparer.Instance);
        object _root;
        readonly Dictionary<Type, FieldInfo[]> _fields = new Dictionary<Type, FieldInfo[]>();
        readonly Dictionary<string, long> _byType = new Dictionary<string, long>();

        /// <summary>Bytes of everything added so far, each object once.</summary>
        public long Bytes { get; private set; }

        /// <summary>Heap objects counted (boxed struct fields included).</summary>
        public long Objects { get; private set; }

        /// <summary>Bytes per type name, for finding what a graph keeps.</summary>
        public IReadOnlyDictionary<string, long> ByType => _byType;

        /// <summary>The nanoFramework estimate of everything reachable from the roots.</summary>
        public static long Of(params object[] roots)
        {
            var e = new NanoHeapEstimator();
            foreach (var root in roots)
            {
                e.Add(root);
            }
            return e.Bytes;
        }

        /// <summary>Marks objects as not part of the graph (drivers, a simulated drive): the walk stops at them.</summary>
        public void Exclude(params object[] objects)
        {
            foreach (var o in objects)
            {
                if (o != null)
                {
                    _seen.Add(o);
                }
            }
        }

        /// <summary>
        /// Objects a walk does not enter unless it starts there: the roots of a graph split into
        /// components, so each Add counts one component and the sum of the Adds is the whole graph.
        /// </summary>
        public void Boundary(params object[] objects)
        {
            foreach (var o in objects)
            {
                _boundary.Add(o);
            }
        }

        /// <summary>Adds what the root reaches that was not counted yet; returns those bytes.</summary>
        public long Add(object root)
        {
            long before = Bytes;
            _root = root;
            var pending = new Stack<object>();
            Visit(root, pending);
            while (pending.Count > 0)
            {
                Expand(pending.Pop(), pending);
            }
            return Bytes - before;
        }

        public static long RoundToBlocks(long bytes) => (bytes + Block - 1) / Block * Block;

        void Visit(object o, Stack<object> pending)
        {
            if (o == null || o is Type || o is MemberInfo || o is Pointer || (o != _root && _boundary.Contains(o)) || !_seen.Add(o))
            {
                return;
            }
            pending.Push(o);
        }

        void Expand(object o, Stack<object> pending)
        {
            var type = o.GetType();
            long size;
            if (o is string s)
            {
                size = RoundToBlocks(Block + Encoding.UTF8.GetByteCount(s) + 1);
            }
            else if (o is Array a)
            {
                size = ExpandArray(a, pending);
            }
            else if (o is Delegate d)
            {
                size = 3 * Block;
                foreach (var each in d.GetInvocationList())
                {
                    Visit(each.Target, pending);
                }
            }
            else
            {
                size = ExpandFields(o, type, pending);
            }
            Count(type, size);
        }

        long ExpandArray(Array a, Stack<object> pending)
        {
            var element = a.GetType().GetElementType()!;
            int primitive = PrimitiveSize(element);
            long size = RoundToBlocks(ArrayHeader + (long)a.Length * (primitive > 0 ? primitive : Block));
            if (primitive == 0)
            {
                bool boxedStructs = element.IsValueType;
                foreach (var item in a)
                {
                    if (boxedStructs)
                    {
                        Count(element, BoxedStruct(item!, pending));
                    }
                    else
                    {
                        Visit(item, pending);
                    }
                }
            }
            return size;
        }

        long ExpandFields(object o, Type type, Stack<object> pending)
        {
            var fields = FieldsOf(type);
            long size = Block + (long)fields.Length * Block;
            foreach (var f in fields)
            {
                if (PrimitiveSize(f.FieldType) > 0)
                {
                    continue;
                }
                object value = f.GetValue(o);
                if (f.FieldType.IsValueType && value != null)
                {
                    Count(f.FieldType, BoxedStruct(value, pending));
                }
                else
                {
                    Visit(value, pending);
                }
            }
            return size;
        }

        /// <summary>A struct held in a field or array slot: nanoCLR keeps it as its own object (no identity to share).</summary>
        long BoxedStruct(object value, Stack<object> pending)
        {
            var type = value.GetType();
            if (PrimitiveSize(type) > 0)
            {
                return 0;
            }
            return ExpandFields(value, type, pending);
        }

        void Count(Type type, long size)
        {
            Bytes += size;
            Objects++;
            string name = type.Name;
            _byType[name] = (_byType.TryGetValue(name, out long had) ? had : 0) + size;
        }

        FieldInfo[] FieldsOf(Type type)
        {
            if (_fields.TryGetValue(type, out var known))
            {
                return known;
            }
            var list = new List<FieldInfo>();
            for (var t = type; t != null; t = t.BaseType)
            {
                list.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
            }
            var fields = list.ToArray();
            _fields[type] = fields;
            return fields;
        }

        /// <summary>Bytes of a primitive as nanoCLR stores it in an array (CLR_RT_DataTypeLookup), 0 for anything else.</summary>
        public static int PrimitiveSize(Type t)
        {
            if (t.IsEnum)
            {
                t = Enum.GetUnderlyingType(t);
            }
            if (t == typeof(bool) || t == typeof(byte) || t == typeof(sbyte))
            {
                return 1;
            }
            if (t == typeof(char) || t == typeof(short) || t == typeof(ushort))
            {
                return 2;
            }
            if (t == typeof(int) || t == typeof(uint) || t == typeof(float) || t == typeof(IntPtr) || t == typeof(UIntPtr))
            {
                return 4;
            }
            if (t == typeof(long) || t == typeof(ulong) || t == typeof(double) || t == typeof(DateTime) || t == typeof(TimeSpan))
            {
                return 8;
            }
            return 0;
        }
    }
}
