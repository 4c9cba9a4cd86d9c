using System.Globalization;
using System.Text.Json;
using CsvHelper;
using EgmEcc.Forecasting;

namespace EgmEcc.Formats.Output.Documents;

/// <summary>The formats of <c>egmecc forecast</c>.</summary>
public static class ForecastWriters
{
    /// <summary>Every forecast format, the default first.</summary>
    public static Registry<IDocumentWriter<FleetForecast>> All { get; } = new([new ForecastTextWriter(), new ForecastCsvWriter(), new ForecastJsonWriter()]);

    /// <summary>The figures of a forecast row in column order: (name, estimate).</summary>
    internal static IEnumerable<(string Name, Estimate Value)> Figures(FleetForecast forecast, ForecastFigures row)
    {
        yield return ("usableBytes", row.Usable);
        for (var h = 0; h < forecast.Options.HugePages.Length; h++)
        {
            yield return ("hugePages" + FleetFormat.PageName(forecast.Options.HugePages[h]), row.HugePages[h]);
        }

        if (row.VmFit is { } vm)
        {
            yield return ("vmFit", vm);
        }
    }

    internal static string Describe(FleetForecast forecast)
    {
        var f = forecast.Forecast;
        return string.Create(CultureInfo.InvariantCulture, $"rate {f.RatePerTiBYear} pages/TiB/year, horizon {f.HorizonYears} year(s), {f.Spread.ToString().ToLowerInvariant()}, {f.Trials} trial(s), seed {f.Seed}");
    }
}

/// <summary>The forecast as a table: per host and for the fleet, each figure today, mean and [p5, p95] at the horizon.</summary>
public sealed class ForecastTextWriter : IDocumentWriter<FleetForecast>
{
    /// <inheritdoc/>
    public string Name => "text";

    /// <inheritdoc/>
    public void Write(FleetForecast document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        output.Write($"forecast: {ForecastWriters.Describe(document)}\n");
        output.Write("each figure: today -> mean [p5, p95] at the horizon\n\n");
        var names = ForecastWriters.Figures(document, document.Fleet).Select(f => Label(f.Name, document)).ToArray();
        var table = new TextTable(["host", .. names]);
        foreach (var host in document.Hosts)
        {
            table.Add([host.Name, .. ForecastWriters.Figures(document, host).Select(f => Cell(f.Name, f.Value))]);
        }

        table.Rule();
        table.Add([$"fleet ({document.Hosts.Length} hosts)", .. ForecastWriters.Figures(document, document.Fleet).Select(f => Cell(f.Name, f.Value))]);
        table.Write(output);
    }

    private static string Label(string name, FleetForecast document) => name switch
    {
        "usableBytes" => "usable",
        "vmFit" => $"vm {document.VmShape}",
        _ => name["hugePages".Length..],
    };

    private static string Cell(string name, Estimate e) => name == "usableBytes"
        ? $"{FleetFormat.Human(e.Today)} -> {FleetFormat.HumanMean(e.Mean)} [{FleetFormat.Human(e.P5)}, {FleetFormat.Human(e.P95)}]"
        : $"{FleetFormat.Number(e.Today)} -> {FleetFormat.Mean(e.Mean)} [{FleetFormat.Number(e.P5)}, {FleetFormat.Number(e.P95)}]";
}

/// <summary>The forecast as CSV: one row per host (<c>scope</c> = <c>host</c>) and one for the fleet; four columns per figure.</summary>
public sealed class ForecastCsvWriter : IDocumentWriter<FleetForecast>
{
    /// <inheritdoc/>
    public string Name => "csv";

    /// <inheritdoc/>
    public void Write(FleetForecast document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        var names = ForecastWriters.Figures(document, document.Fleet).Select(f => f.Name).ToArray();
        csv.WriteHeader(["scope", "host", "sizeBytes", .. names.SelectMany(n => new[] { n + "Today", n + "Mean", n + "P5", n + "P95" })]);
        foreach (var host in document.Hosts)
        {
            Row(csv, "host", document, host);
        }

        Row(csv, "fleet", document, document.Fleet);
    }

    private static void Row(CsvWriter csv, string scope, FleetForecast document, ForecastFigures row)
    {
        csv.WriteField(scope);
        csv.WriteField(row.Name);
        csv.WriteField(FleetFormat.Number(row.SizeBytes));
        foreach (var (_, e) in ForecastWriters.Figures(document, row))
        {
            csv.WriteField(FleetFormat.Number(e.Today));
            csv.WriteField(FleetFormat.Mean(e.Mean));
            csv.WriteField(FleetFormat.Number(e.P5));
            csv.WriteField(FleetFormat.Number(e.P95));
        }

        csv.EndRecord();
    }
}

/// <summary>
/// The forecast as JSON, schema <c>egmecc.forecast/1</c>: <c>{schema, options, forecast{rate,
/// horizonYears, spread, trials, seed, meanRunPages}, vmShape, hosts[{host, sizeBytes, usableBytes,
/// hugePageCapacity{"&lt;bytes&gt;": e}, vmFit}], fleet{...}}</c>, each figure <c>e</c> being
/// <c>{today, mean, p5, p95}</c>.
/// </summary>
public sealed class ForecastJsonWriter : IDocumentWriter<FleetForecast>
{
    /// <summary>The schema name.</summary>
    public const string Schema = "egmecc.forecast/1";

    /// <inheritdoc/>
    public string Name => "json";

    /// <inheritdoc/>
    public void Write(FleetForecast document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            PlanJsonWriter.WriteOptions(json, document.Options);
            var f = document.Forecast;
            json.WriteStartObject("forecast");
            json.WriteNumber("ratePerTiBYear", f.RatePerTiBYear);
            json.WriteNumber("horizonYears", f.HorizonYears);
            json.WriteString("spread", f.Spread.ToString().ToLowerInvariant());
            json.WriteNumber("trials", f.Trials);
            json.WriteNumber("seed", f.Seed);
            json.WriteNumber("meanRunPages", f.MeanRunPages);
            json.WriteEndObject();
            if (document.VmShape is { } shape)
            {
                json.WriteString("vmShape", shape.ToString());
            }
            else
            {
                json.WriteNull("vmShape");
            }

            json.WriteStartArray("hosts");
            foreach (var host in document.Hosts)
            {
                WriteFigures(json, document, host, "host");
            }

            json.WriteEndArray();
            json.WritePropertyName("fleet");
            WriteFigures(json, document, document.Fleet, null);
            json.WriteEndObject();
        });
    }

    private static void WriteFigures(Utf8JsonWriter json, FleetForecast document, ForecastFigures row, string? nameProperty)
    {
        json.WriteStartObject();
        if (nameProperty is not null)
        {
            json.WriteString(nameProperty, row.Name);
        }

        FleetFormat.WriteNumber(json, "sizeBytes", row.SizeBytes);
        json.WritePropertyName("usableBytes");
        WriteEstimate(json, row.Usable);
        json.WriteStartObject("hugePageCapacity");
        for (var h = 0; h < document.Options.HugePages.Length; h++)
        {
            json.WritePropertyName(document.Options.HugePages[h].ToString(CultureInfo.InvariantCulture));
            WriteEstimate(json, row.HugePages[h]);
        }

        json.WriteEndObject();
        if (row.VmFit is { } vm)
        {
            json.WritePropertyName("vmFit");
            WriteEstimate(json, vm);
        }

        json.WriteEndObject();
    }

    private static void WriteEstimate(Utf8JsonWriter json, Estimate e)
    {
        json.WriteStartObject();
        FleetFormat.WriteNumber(json, "today", e.Today);
        json.WritePropertyName("mean");
        json.WriteRawValue(Math.Round(e.Mean, 4).ToString(CultureInfo.InvariantCulture));
        FleetFormat.WriteNumber(json, "p5", e.P5);
        FleetFormat.WriteNumber(json, "p95", e.P95);
        json.WriteEndObject();
    }
}
