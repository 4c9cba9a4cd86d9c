using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Policies;

namespace EgmEcc.Formats.Tests.Policies;

/// <summary>
/// The bad policy files of <c>data/bad/</c> (<c>policy-*</c>, see its README): each read as a
/// policy file must stop at the exact line its <c>.expected</c> file holds. The command line prints
/// a policy file's input error as is, so the line is the one <c>egmecc</c> prints.
/// </summary>
public class PolicyCorpusTests
{
    private const string Folder = "data/bad";

    public static TheoryData<string> Cases() =>
    [
        .. Directory.EnumerateFiles(Repo.PathOf(Folder), "policy-*")
            .Select(path => Path.GetFileName(path))
            .Where(name => !name.EndsWith(".expected", StringComparison.Ordinal) && !name.EndsWith(".args", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadPolicyFile_GivesTheExpectedLine(string name)
    {
        var path = $"{Folder}/{name}";
        var file = new InputFile(path, () => File.OpenRead(Repo.PathOf(path)));

        var e = Assert.Throws<InputException>(() => PolicyReader.Read(file));

        Assert.Equal(File.ReadAllText(Repo.PathOf(path + ".expected")).TrimEnd('\n', '\r'), $"egmecc: error: {e}");
    }

    [Fact]
    public void Corpus_HasBadPolicyFiles()
    {
        Assert.True(Cases().Count >= 5, $"only {Cases().Count} policy-* cases in {Folder}");
    }
}
