using System.Runtime.InteropServices;

namespace BennBot.Worker.Hosting;

/// <summary>The C library's heap. glibc keeps the pages that start-up's native allocations (the JIT's, the runtime's)
/// have freed; <c>malloc_trim</c> gives them back to the system: about 4–5 MB of an idle bot (README, "Memory over
/// time"; issue 17). Where the C library has no such function (musl), nothing happens.</summary>
internal static class NativeHeap
{
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux()) return;
        try { _ = MallocTrim(0); }
        catch (EntryPointNotFoundException) { }
        catch (DllNotFoundException) { }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
