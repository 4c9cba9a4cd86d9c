namespace EgmEcc.Formats.Wording;

/// <summary>
/// The user-facing text of the readers and writers that speak of settings, in one place, in
/// domain words: a setting's error reads as the library words it, never as a command line's flag.
/// </summary>
internal static class Messages
{
    public static string PlanOptions(SettingError error) => $"options: {error.Message}";
}
