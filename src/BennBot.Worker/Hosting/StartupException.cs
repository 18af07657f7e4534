namespace BennBot.Worker;

/// <summary>A problem an operator must fix before BennBot can start; the message is shown as is, without a stack trace.</summary>
public sealed class StartupException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int NotConfigured = 2;
    public const int AlreadyRunning = 3;
    public const int StorageUnavailable = 4;
}
