// The shapes below exist only to be sized: their fields are never read or written.
#pragma warning disable CS0169, CS0414, CS0649
using System;
using System.Collections;

namespace PosSlot.Firmware.Tests.HostOnly.Heap
{
    /// <summary>The estimator on shapes whose nanoCLR size is known by hand (12-byte blocks, 20-byte array header).</summary>
    [TestClass]
    public class NanoHeapEstimatorTests
    {
        sealed class Empty
        {
        }

        sealed class ThreeFields
        {
            public long A;
            public bool B;
            public object C;
        }

        class Base
        {
            readonly int _hidden = 1;
        }

        sealed class Derived : Base
        {
            public int Own;
        }

        struct Pair
        {
            public int X;
            public long Y;
        }

        sealed class HoldsPair
        {
            public Pair P;
        }

        sealed class Node
        {
            public Node Next;
        }

        [TestMethod]
        public void AnObjectIsAHeaderBlockPlusABlockPerField()
        {
            Assert.AreEqual(12L, NanoHeapEstimator.Of(new Empty()));
            Assert.AreEqual(12L + 3 * 12, NanoHeapEstimator.Of(new ThreeFields()));
            Assert.AreEqual(12L + 2 * 12, NanoHeapEstimator.Of(new Derived()), "inherited private fields count");
        }

        [TestMethod]
        public void ReferencedObjectsAreCountedOnceByIdentity()
        {
            var shared = new Empty();
            var a = new ThreeFields { C = shared };
            var b = new ThreeFields { C = shared };
            Assert.AreEqual(48L + 48 + 12, NanoHeapEstimator.Of(a, b, shared));
            var loop = new Node();
            loop.Next = new Node { Next = loop };
            Assert.AreEqual(2L * 24, NanoHeapEstimator.Of(loop), "a cycle ends");
        }

        [TestMethod]
        public void PrimitiveArraysPackTheirElementsAfterATwentyByteHeader()
        {
            Assert.AreEqual(24L, NanoHeapEstimator.Of(new byte[0]), "20 rounds up to two blocks");
            Assert.AreEqual(24L, NanoHeapEstimator.Of(new byte[4]));
            Assert.AreEqual(36L, NanoHeapEstimator.Of(new byte[5]));
            Assert.AreEqual(RoundUp(20 + 100 * 4), NanoHeapEstimator.Of(new int[100]));
            Assert.AreEqual(RoundUp(20 + 128 * 8), NanoHeapEstimator.Of(new long[128]));
            Assert.AreEqual(RoundUp(20 + 10 * 2), NanoHeapEstimator.Of(new char[10]));
            Assert.AreEqual(RoundUp(20 + 7 * 1), NanoHeapEstimator.Of(new bool[7]));
            Assert.AreEqual(RoundUp(20 + 3 * 4), NanoHeapEstimator.Of(new DayOfWeek[3]), "an enum is its underlying type");
        }

        [TestMethod]
        public void ReferenceArraysTakeABlockPerSlotPlusWhatTheSlotsHold()
        {
            var items = new object[10];
            Assert.AreEqual(RoundUp(20 + 10 * 12), NanoHeapEstimator.Of((object)items));
            items[0] = new Empty();
            items[1] = items[0];
            Assert.AreEqual(RoundUp(20 + 10 * 12) + 12, NanoHeapEstimator.Of((object)items));
        }

        [TestMethod]
        public void StructsAreBoxedInTheirOwnObject()
        {
            Assert.AreEqual(24L + (12 + 2 * 12), NanoHeapEstimator.Of(new HoldsPair()), "a struct field");
            Assert.AreEqual(RoundUp(20 + 3 * 12) + 3 * (12 + 2 * 12), NanoHeapEstimator.Of(new Pair[3]), "struct elements");
            Assert.AreEqual(24L, NanoHeapEstimator.Of((object)42L), "a boxed long: header plus its value");
        }

        [TestMethod]
        public void StringsAreTheirUtf8BytesAndAZeroAfterAHeader()
        {
            Assert.AreEqual(24L, NanoHeapEstimator.Of(""));
            Assert.AreEqual(24L, NanoHeapEstimator.Of("0123456789a"), "11 bytes + zero fill the second block");
            Assert.AreEqual(36L, NanoHeapEstimator.Of("0123456789ab"));
            Assert.AreEqual(RoundUp(12 + 6 + 1), NanoHeapEstimator.Of("中文"), "two CJK characters are six UTF-8 bytes");
        }

        [TestMethod]
        public void ExcludedObjectsStopTheWalk()
        {
            var driver = new ThreeFields { C = new byte[1000] };
            var holder = new ThreeFields { C = driver };
            var e = new NanoHeapEstimator();
            e.Exclude(driver);
            Assert.AreEqual(48L, e.Add(holder));
            Assert.AreEqual(0L, e.Add(holder), "already counted");
            Assert.AreEqual(1L, e.Objects, "one object counted");
        }

        [TestMethod]
        public void ComponentsSplitAGraphAndAddUpToIt()
        {
            var shared = new byte[100];
            var a = new ThreeFields { C = shared };
            var b = new ThreeFields { C = a };
            long whole = NanoHeapEstimator.Of(b);
            var e = new NanoHeapEstimator();
            e.Boundary(a, b);
            long ofB = e.Add(b);
            long ofA = e.Add(a);
            Assert.AreEqual(48L, ofB, "b stops at a, another component's root");
            Assert.AreEqual(48L + RoundUp(20 + 100), ofA);
            Assert.AreEqual(whole, ofA + ofB);
        }

        [TestMethod]
        public void AGrowingListIsSeenGrowing()
        {
            var list = new ArrayList();
            long empty = NanoHeapEstimator.Of(list);
            for (int i = 0; i < 100; i++)
            {
                list.Add(new Empty());
            }
            long full = NanoHeapEstimator.Of(list);
            Assert.IsTrue(full - empty >= 100 * (12 + 12), "each entry's object and slot: " + (full - empty));
        }

        static long RoundUp(long bytes) => NanoHeapEstimator.RoundToBlocks(bytes);
    }
}
