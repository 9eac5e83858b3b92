namespace Triage.Cli;

/// <summary>The command line was wrong; the message names the option.</summary>
internal sealed class UsageException(string message) : Exception(message);
