// nanoFramework build only (PosSlot.Firmware.Tests.nfproj): the host build gets MSTest's namespace from
// the .csproj instead. Both frameworks spell the attributes and Assert methods the tests use the same way.
global using nanoFramework.TestFramework;
