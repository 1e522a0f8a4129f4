using System.Runtime.InteropServices;

namespace Scaffolder.Core.IO;

/// <summary>
/// The file type bits of <c>stat(2)</c> on Unix, which .NET does not expose (its <see cref="FileSystemInfo"/> reports a
/// FIFO, device or socket as a normal file). Calls the runtime's own native shim (<c>SystemNative_Stat</c>, shipped with
/// every .NET on Linux and macOS), whose status record starts with two 32-bit fields, flags and the raw <c>st_mode</c>;
/// the record is received in a buffer larger than any version of it.
/// </summary>
internal static partial class UnixFileStatus
{
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;

    /// <summary>What <paramref name="path"/> names, symbolic links followed; <see cref="FileKind.Missing"/> when stat fails.</summary>
    public static FileKind Kind(string path)
    {
        if (Stat(path, out var status) != 0)
        {
            return FileKind.Missing;
        }

        return (status.Mode & TypeMask) switch
        {
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            _ => FileKind.Special,
        };
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, out StatusBuffer status);

    /// <summary>The leading fields of the runtime's status record, in room for all of it.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct StatusBuffer
    {
        public int Flags;
        public int Mode;
    }
}
