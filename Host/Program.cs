using System;
using PosSlot.Host.Cli;

return PosSlotCli.Run(args, Console.Out, Console.Error);
