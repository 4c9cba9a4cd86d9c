using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Formats.Tests;

/// <summary>Generators of text layouts for line-number properties: records with blank lines, comments and multi-line values between them.</summary>
internal static class LineLayouts
{
    /// <summary>What goes between records: nothing, blank lines, comments, blanks.</summary>
    public static readonly Gen<string[]> Filler = Gen.Elements<string[]>([], [""], ["", ""], ["# comment"], ["#"], ["  "]).ListOf()
        .Select(parts => parts.SelectMany(p => p).ToArray());

    /// <summary>Records: an address, the filler before it, and whether the record itself spans two lines.</summary>
    public static readonly Gen<(ulong Address, string[] Before, bool MultiLine)[]> Files =
        (from address in ArbMap.Default.GeneratorFor<ulong>()
         from before in Filler
         from multiLine in ArbMap.Default.GeneratorFor<bool>()
         select (address, before, multiLine)).ArrayOf();
}
