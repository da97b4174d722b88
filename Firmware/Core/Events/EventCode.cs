namespace PosSlot.Firmware.Events
{
    /// <summary>
    /// The fixed table of slot events. Codes are stable (they are stored in the log and sent on the
    /// console); names come from the table because nanoFramework's Enum.ToString() gives a number.
    /// </summary>
    public static class EventCode
    {
        public const int CardInserted = 1;
        public const int CardSeated = 2;
        public const int TransactionInterrupted = 3;
        public const int ContactRestored = 4;
        public const int CardRemoved = 5;
        public const int LineNoise = 6;
        public const int LineChatter = 7;
        public const int ContactWithoutDetect = 8;
        public const int WrongRemovalOrder = 9;
        public const int DetectStuck = 10;
        public const int ReaderFaultAsserted = 11;
        public const int ReaderFaultCleared = 12;
        public const int ReadFailed = 13;
        public const int ReadSucceeded = 14;
        public const int FallbackForTransaction = 15;
        public const int FlagRaised = 16;
        public const int FlagCleared = 17;
        public const int HealthChanged = 18;
        public const int FallbackEngaged = 19;
        public const int FallbackReleased = 20;
        public const int SlotCleaned = 21;
        public const int SlotReplaced = 22;
        public const int BaselineLearned = 23;
        public const int EdgeOutOfOrder = 24;
        public const int LogCleared = 25;
        public const int DetectRecovered = 26;

        /// <summary>Detect opened under a card and closed again before the presence rule took the card as gone (a detect-switch wear signal).</summary>
        public const int DetectDropout = 27;

        /// <summary>Boot found the stored state: detail 1 the snapshot's sequence, detail 2 the journal entries replayed.</summary>
        public const int StoreRecovered = 28;

        /// <summary>Boot found a provisioned, empty store: a new board, counts start at 0.</summary>
        public const int StoreNew = 29;

        /// <summary>Boot found no usable state on a board that had one (reformatted or corrupt drive): counts unknown, restarted at 0.</summary>
        public const int StoreLost = 30;

        /// <summary>A stored record was not used: detail 1 the file (StoreFiles), detail 2 why (StoreDiscard).</summary>
        public const int StoreDiscarded = 31;

        /// <summary>A write to the store failed (full or failing drive); the firmware runs on and retries.</summary>
        public const int StoreWriteFailed = 32;

        /// <summary>The store took writes again after failing.</summary>
        public const int StoreWriteRestored = 33;

        /// <summary>A console session was opened (detail 1: the console's login count).</summary>
        public const int AuthSucceeded = 34;

        /// <summary>A wrong response to a console challenge (detail 1: failures in a row, detail 2: 1 when it locked auth out).</summary>
        public const int AuthFailed = 35;

        /// <summary>Console authentication is locked out (detail 1: seconds; detail 2: 1 when auth.bin was unreadable at boot).</summary>
        public const int AuthLockedOut = 36;

        /// <summary>A destructive console command, run or refused (detail 1: ConsoleAction, detail 2: 0 or the console ErrorCode).</summary>
        public const int ConsoleAction = 37;

        /// <summary>A part of the board's firmware threw and was skipped for this pass (detail 1: the part, see the device layer's Program).</summary>
        public const int PartFailed = 38;
        public const int Count = 39;

        static readonly string[] s_names = new string[]
        {
            "none",
            "card_inserted",
            "card_seated",
            "transaction_interrupted",
            "contact_restored",
            "card_removed",
            "line_noise",
            "line_chatter",
            "contact_without_detect",
            "wrong_removal_order",
            "detect_stuck",
            "reader_fault_asserted",
            "reader_fault_cleared",
            "read_failed",
            "read_succeeded",
            "fallback_for_transaction",
            "flag_raised",
            "flag_cleared",
            "health_changed",
            "fallback_engaged",
            "fallback_released",
            "slot_cleaned",
            "slot_replaced",
            "baseline_learned",
            "edge_out_of_order",
            "log_cleared",
            "detect_recovered",
            "detect_dropout",
            "store_recovered",
            "store_new",
            "store_lost",
            "store_discarded",
            "store_write_failed",
            "store_write_restored",
            "auth_succeeded",
            "auth_failed",
            "auth_locked_out",
            "console_action",
            "part_failed",
        };

        public static string Name(int code)
        {
            return code > 0 && code < Count ? s_names[code] : "unknown";
        }

        /// <summary>
        /// Routine lifecycle events are counted, not logged, so the log keeps the faults.
        /// TransactionInterrupted goes to the terminal live but every withdrawal raises it; the
        /// log keeps the real interruptions as ContactRestored, with their duration.
        /// </summary>
        public static bool IsRoutine(int code)
        {
            return code == CardInserted || code == CardSeated || code == CardRemoved
                || code == TransactionInterrupted || code == ReadSucceeded;
        }
    }
}
