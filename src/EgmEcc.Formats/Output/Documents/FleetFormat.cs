using System.Globalization;
using System.Text.Json;

namespace EgmEcc.Formats.Output.Documents;

/// <summary>Formatting shared by the fleet, forecast and diff writers, culture-invariant.</summary>
internal static class FleetFormat
{
    public static JsonWriterOptions Json => PlanJsonWriter.WriterOptions;

    /// <summary>Rounded down, so a host just short of 100% never reads as 100.00.</summary>
    public static string Percent(double value) => Percentages.TwoDecimals(value);

    /// <summary>Rounded down to four decimals, always written (<c>99.5500</c>): the JSON's precision, for CSV columns.</summary>
    public static string FourDecimals(double value) => RoundPercent(value).ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>Rounded down to four decimals, for JSON.</summary>
    public static double RoundPercent(double value) => Percentages.Down(value, 4);

    public static string Human(UInt128 bytes) => bytes <= ulong.MaxValue ? new ByteSize((ulong)bytes).ToHumanString() : $"{(double)bytes / (1UL << 40):0.00} TiB";

    public static string HumanMean(decimal bytes) => bytes <= ulong.MaxValue ? new ByteSize((ulong)Math.Floor(bytes)).ToHumanString() : Human((UInt128)Math.Floor(bytes));

    public static string Number(UInt128 value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Mean(decimal value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string PageName(ulong size) => new ByteSize(size).ToString();

    public static void WriteNumber(Utf8JsonWriter json, string name, UInt128 value)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
