var console = EgmEcc.Cli.CliConsole.System;
var exit = EgmEcc.Cli.EgmEccCli.Run(args, console);
try
{
    // Standard output is buffered (CliConsole.System): what a verb printed outside OutputTarget is passed on here.
    console.Out.Flush();
}
catch (IOException e)
{
    console.Error.WriteLine($"egmecc: error: cannot write standard output: {e.Message}");
    return exit == EgmEcc.Cli.ExitCodes.Success ? EgmEcc.Cli.ExitCodes.Input : exit;
}

return exit;
