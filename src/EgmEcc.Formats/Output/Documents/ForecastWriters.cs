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

    /// <summary>A measured rate as text and CSV show it: three decimals, enough for a per-TiB rate.</summary>
    internal static string Rate(double rate) => rate.ToString("0.###", CultureInfo.InvariantCulture);

    internal static string Describe(FleetForecast forecast)
    {
        var f = forecast.Forecast;
        var rate = forecast.MeasuredPrior is { } prior
            ? string.Create(CultureInfo.InvariantCulture, $"rates measured from history (fleet prior {Rate(prior.Rate.PerTiBYear)} pages/TiB/year)")
            : string.Create(CultureInfo.InvariantCulture, $"rate {f.RatePerTiBYear} pages/TiB/year");
        return string.Create(CultureInfo.InvariantCulture, $"{rate}, horizon {f.HorizonYears} year(s), {f.Spread.ToString().ToLowerInvariant()}, {f.Trials} trial(s), seed {f.Seed}");
    }
}

/// <summary>
/// The forecast as text: one table per figure (usable bytes, each hugepage size, the VM fit), a row
/// per host and one for the fleet, giving the figure today and its <em>change</em> by the horizon —
/// the mean and the p5 and p95 of the trials. The change is what a forecast is about: printed as
/// values at the horizon (<c>895.99 GiB -> 895.92 GiB</c>) it hid behind rounding, and a row of
/// every figure side by side ran to about 230 columns.
/// </summary>
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
        output.Write("each figure today, and its change by the horizon: mean, 5th and 95th percentile of the trials\n");
        var figures = ForecastWriters.Figures(document, document.Fleet).Select(f => f.Name).ToArray();
        if (document.MeasuredPrior is not null)
        {
            output.Write("\nmeasured rate (pages/TiB/year, the mean each trial draws around)\n");
            var rates = new TextTable("host", "rate");
            foreach (var host in document.Hosts)
            {
                rates.Add([host.Name, ForecastWriters.Rate(host.RatePerTiBYear ?? 0)]);
            }

            rates.Write(output);
        }

        for (var f = 0; f < figures.Length; f++)
        {
            var bytes = figures[f] == "usableBytes";
            output.Write($"\n{Title(figures[f], document)}\n");
            var table = new TextTable("host", "today", "change", "p5", "p95");
            foreach (var host in document.Hosts)
            {
                table.Add(Row(host.Name, ForecastWriters.Figures(document, host).ElementAt(f).Value, bytes));
            }

            table.Rule();
            table.Add(Row($"fleet ({document.Hosts.Length} hosts)", ForecastWriters.Figures(document, document.Fleet).ElementAt(f).Value, bytes));
            table.Write(output);
        }
    }

    private static string Title(string name, FleetForecast document) => name switch
    {
        "usableBytes" => "usable bytes",
        "vmFit" => $"VMs of {document.VmShape} that fit",
        _ => $"{name["hugePages".Length..]} hugepages",
    };

    private static string[] Row(string name, Estimate e, bool bytes) =>
        bytes
            ? [name, FleetFormat.Human(e.Today), Change(e.Mean - (decimal)e.Today, m => FleetFormat.HumanMean(m)), Change(e.P5, e.Today, FleetFormat.Human), Change(e.P95, e.Today, FleetFormat.Human)]
            : [name, FleetFormat.Number(e.Today), Change(e.Mean - (decimal)e.Today, FleetFormat.Mean), Change(e.P5, e.Today, FleetFormat.Number), Change(e.P95, e.Today, FleetFormat.Number)];

    /// <summary><c>-70.12 MiB</c>, <c>+3</c> or <c>0</c>: a signed difference, its size shown by <paramref name="show"/>.</summary>
    private static string Change(UInt128 value, UInt128 today, Func<UInt128, string> show) =>
        value == today ? "0" : value < today ? "-" + show(today - value) : "+" + show(value - today);

    private static string Change(decimal change, Func<decimal, string> show)
    {
        var text = show(Math.Abs(change));
        return text is "0" or "0 B" ? "0" : (change < 0 ? "-" : "+") + text;
    }
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
        var measured = document.MeasuredPrior is not null;
        csv.WriteHeader(["scope", "host", "sizeBytes", .. measured ? ["ratePerTiBYear"] : Array.Empty<string>(), .. names.SelectMany(n => new[] { n + "Today", n + "Mean", n + "P5", n + "P95" })]);
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
        if (document.MeasuredPrior is not null)
        {
            // The fleet row has no rate of its own: each host was drawn at its own.
            csv.WriteField(row.RatePerTiBYear is { } rate ? ForecastWriters.Rate(rate) : string.Empty);
        }

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
            if (document.MeasuredPrior is { } prior)
            {
                json.WriteNumber("ratePerTiBYear", prior.Rate.PerTiBYear);
                json.WriteString("rates", "measured");
            }
            else
            {
                json.WriteNumber("ratePerTiBYear", f.RatePerTiBYear);
            }

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

        if (row.RatePerTiBYear is { } rate)
        {
            json.WriteNumber("ratePerTiBYear", rate);
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
