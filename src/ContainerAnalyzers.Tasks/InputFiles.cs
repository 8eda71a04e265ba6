using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace ContainerAnalyzers.Tasks;

/// <summary>What an input file is, as far as reading it goes.</summary>
internal enum InputFileState
{
    /// <summary>A regular file (or a link to one) that can be read, of at most the cap.</summary>
    Readable,

    /// <summary>Nothing at the path, or a link that does not resolve (dangling, or a loop).</summary>
    Missing,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A FIFO, a device, a socket: reading it may block forever or never end.</summary>
    NotRegular,

    /// <summary>It exists, and opening it failed (permissions).</summary>
    Unreadable,

    /// <summary>Larger than the cap for its kind.</summary>
    TooLarge,

    /// <summary>It holds NUL bytes: not text. The compiler fails the build on it (CS2015).</summary>
    Binary,
}

/// <summary>
/// Decides whether an input may reach the compiler, which reads every additional file whole and fails the build (or
/// hangs, on a FIFO) when it cannot. Never reads more than the cap, and never opens what is not a regular file.
/// </summary>
internal static class InputFiles
{
    /// <summary>Every kind of input the package hands to the compiler but the project file (which MSBuild itself has read).</summary>
    public static readonly string[] InspectedKinds = { "Dockerfile", "DockerIgnore", "Compose", "AppSettings", "DockerAction", "NuGetConfig" };

    /// <summary>Why a file in <paramref name="state"/> is not read, in words for a log ("is a folder").</summary>
    public static string Describe(InputFileState state, long cap) => state switch
    {
        InputFileState.Missing => "does not exist, or is a link that does not resolve",
        InputFileState.Directory => "is a folder",
        InputFileState.NotRegular => "is not a regular file (a FIFO, a device or a socket)",
        InputFileState.Unreadable => "cannot be read (permission denied)",
        InputFileState.Binary => "is not a text file (it contains NUL characters)",
        InputFileState.TooLarge => $"is larger than the {cap / 1024} KB the package reads",
        _ => "can be read",
    };

    /// <summary>What the file is, as <see cref="Read"/> finds it, without keeping its bytes.</summary>
    public static InputFileState Inspect(string path, long cap) => Read(path, cap, out _);

    /// <summary>
    /// What the file is, and when it is a readable text file its bytes, read once and never more than the cap. A file
    /// that is not a regular one is never opened. Text is judged after decoding, as the compiler reads it (a byte order
    /// mark selects UTF-16 or UTF-32, else UTF-8), so a UTF-16 file is text and a NUL character is not.
    /// </summary>
    public static InputFileState Read(string path, long cap, out byte[]? bytes)
    {
        bytes = null;
        try
        {
            if (System.IO.Directory.Exists(path))
            {
                return InputFileState.Directory;
            }

            // The file's type, following links: stat() where the runtime offers it; elsewhere (Windows, where a FIFO
            // or a device is never an ordinary path) FileInfo is enough.
            var type = UnixFileType(path);
            if (type == UnixType.Missing)
            {
                return InputFileState.Missing;
            }

            if (type == UnixType.Other)
            {
                return InputFileState.NotRegular;
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return InputFileState.Missing;
            }

            if (info.Length > cap || ReadAtMost(path, cap) is not { } content)
            {
                return InputFileState.TooLarge;
            }

            if (Decode(content).IndexOf('\0') >= 0)
            {
                return InputFileState.Binary;
            }

            bytes = content;
            return InputFileState.Readable;
        }
        catch (UnauthorizedAccessException)
        {
            return InputFileState.Unreadable;
        }
        catch (FileNotFoundException)
        {
            return InputFileState.Missing;
        }
        catch (DirectoryNotFoundException)
        {
            return InputFileState.Missing;
        }
        catch (IOException)
        {
            // A link loop (ELOOP) or a name too long: the compiler could not read it either.
            return InputFileState.Missing;
        }
    }

    /// <summary>The text of bytes <see cref="Read"/> returned, decoded as <c>File.ReadAllText</c> decodes a file.</summary>
    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    // The whole file, or null when it turns out longer than the cap (it grew after its length was read).
    private static byte[]? ReadAtMost(string path, long cap)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        using var content = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            content.Write(buffer, 0, read);
            if (content.Length > cap)
            {
                return null;
            }
        }

        return content.ToArray();
    }

    private enum UnixType
    {
        Unknown,
        Regular,
        Missing,
        Other,
    }

    // The runtime's own stat() wrapper (every .NET on Linux and macOS ships libSystem.Native; MSBuild there runs on
    // .NET). Its FileStatus begins { int Flags; int Mode; … } in every version, with the file type in Mode's S_IFMT
    // bits as the runtime defines them; the buffer is larger than any version's struct.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int SystemNativeStat(byte[] utf8Path, IntPtr status);

    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;

    private static UnixType UnixFileType(string path)
    {
        if (Environment.OSVersion.Platform != PlatformID.Unix && Environment.OSVersion.Platform != PlatformID.MacOSX)
        {
            return UnixType.Unknown;
        }

        var status = Marshal.AllocHGlobal(512);
        try
        {
            for (var i = 0; i < 512; i += 8)
            {
                Marshal.WriteInt64(status, i, 0);
            }

            if (SystemNativeStat(System.Text.Encoding.UTF8.GetBytes(path + "\0"), status) != 0)
            {
                return UnixType.Missing;
            }

            var type = Marshal.ReadInt32(status, 4) & TypeMask;
            return type == RegularType ? UnixType.Regular : UnixType.Other;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException or BadImageFormatException)
        {
            return UnixType.Unknown;
        }
        finally
        {
            Marshal.FreeHGlobal(status);
        }
    }
}
