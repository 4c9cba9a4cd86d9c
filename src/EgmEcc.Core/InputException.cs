namespace EgmEcc;

/// <summary>
/// A problem with the user's input: a malformed line, an impossible region, a record that names a
/// region nobody defined. The command line prints it as <c>egmecc: error: LOCATION: message</c>
/// and exits with code 2; it is never a bug in EgmEcc.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>Creates an input error at a location.</summary>
    public InputException(SourceLocation location, string message)
        : base(message)
    {
        Location = location;
    }

    /// <summary>Where the bad input is.</summary>
    public SourceLocation Location { get; }

    /// <summary>The one-line form printed after <c>egmecc: error: </c>.</summary>
    public override string ToString() => $"{Location}: {Message}";
}
