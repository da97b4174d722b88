using System.Collections;
using PosSlot.Firmware.Events;
using PosSlot.Firmware.Slot;

namespace PosSlot.Firmware.Tests.Support
{
    /// <summary>Keeps copies of every event and of every finished insertion record.</summary>
    public sealed class EventRecorder : ISlotEventSink
    {
        public readonly ArrayList Events = new ArrayList();
        public readonly ArrayList Removed = new ArrayList();

        public void OnSlotEvent(SlotEvent e)
        {
            RecordedEvent copy = new RecordedEvent();
            copy.Code = e.Code;
            copy.TimeUs = e.TimeUs;
            copy.ReportUs = e.ReportUs;
            copy.InsertionIndex = e.InsertionIndex;
            copy.Detail1 = e.Detail1;
            copy.Detail2 = e.Detail2;
            Events.Add(copy);
            if (e.Code == EventCode.CardRemoved)
            {
                InsertionRecord r = new InsertionRecord();
                e.Record.CopyTo(r);
                Removed.Add(r);
            }
        }

        public RecordedEvent At(int i)
        {
            return (RecordedEvent)Events[i];
        }

        public InsertionRecord Record(int i)
        {
            return (InsertionRecord)Removed[i];
        }

        public int CountOf(int code)
        {
            int n = 0;
            for (int i = 0; i < Events.Count; i++)
            {
                if (At(i).Code == code)
                {
                    n++;
                }
            }
            return n;
        }

        public RecordedEvent First(int code)
        {
            for (int i = 0; i < Events.Count; i++)
            {
                if (At(i).Code == code)
                {
                    return At(i);
                }
            }
            return null;
        }

        /// <summary>"code@time" per event, the form the tables are checked in.</summary>
        public string Describe()
        {
            string text = "";
            for (int i = 0; i < Events.Count; i++)
            {
                RecordedEvent e = At(i);
                text += (i == 0 ? "" : " ") + EventCode.Name(e.Code) + "@" + e.TimeUs.ToString();
            }
            return text;
        }
    }
}
