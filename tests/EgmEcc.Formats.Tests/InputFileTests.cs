using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Tests;

public class InputFileTests
{
    [Fact]
    public void FromPath_Dash_IsStandardInput()
    {
        var stdin = new MemoryStream([1, 2, 3]);

        var file = InputFile.FromPath("-", () => stdin);

        Assert.Equal("-", file.Name);
        Assert.Same(stdin, file.Open());
    }

    // The library never opens the process's standard input itself: the command line says how.
    [Fact]
    public void FromPath_DashWithoutStandardInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => InputFile.FromPath("-"));
    }

    [Fact]
    public void FromPath_KeepsThePathAsGivenForMessages()
    {
        var file = InputFile.FromPath("data/samples/GRACE.Retired.CSV");

        Assert.Equal(("data/samples/GRACE.Retired.CSV", "GRACE.Retired.CSV", ".csv"), (file.Name, file.FileName, file.Extension));
    }

    [Fact]
    public void Open_MissingFile_IsAnInputError()
    {
        var e = Assert.Throws<InputException>(() => InputFile.FromPath("no/such/file.csv").Open());

        Assert.Equal("no/such/file.csv: cannot open: no such file", e.ToString());
    }

    // Regression: a directory was reported as "permission denied".
    [Fact]
    public void Open_Directory_SaysItIsADirectory()
    {
        var dir = Path.GetTempPath();

        var e = Assert.Throws<InputException>(() => InputFile.FromPath(dir).Open());

        Assert.Equal($"{dir}: cannot open: it is a directory", e.ToString());
    }
}
