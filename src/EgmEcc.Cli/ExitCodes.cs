namespace EgmEcc.Cli;

/// <summary>The exit codes <c>egmecc</c> documents (docs/design.md §5).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The command line itself is wrong: an unknown flag, a bad option value.</summary>
    public const int Usage = 1;

    /// <summary>An input file is wrong: <c>egmecc: error: FILE:LINE: message</c>.</summary>
    public const int Input = 2;

    /// <summary>A report gate failed.</summary>
    public const int GateFailed = 3;

    /// <summary>
    /// <c>diff</c> without <c>--fail-on</c>: the plans differ, as <c>diff(1)</c> and <c>git diff
    /// --exit-code</c> say it (their 1 is our usage error, 2 our input error, 3 a failed gate).
    /// </summary>
    public const int Changed = 4;

    /// <summary>A bug in egmecc; the message asks for a report.</summary>
    public const int Internal = 70;
}
