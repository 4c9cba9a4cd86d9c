using System.Text.RegularExpressions;
using EgmEcc.Forecasting;
using EgmEcc.Synthesis;
using EgmEcc.Wording;

namespace EgmEcc.Tests;

/// <summary>
/// A library user who gives a bad setting meets the setting in domain words ("the retirement
/// granule must be a power of two"), typed (<see cref="SettingException.Setting"/>), and never a
/// command line's flag; a front end renders the same error with its own names.
/// </summary>
public partial class SettingErrorTests
{
    private static readonly SourceLocation Here = SourceLocation.AtLine("test", 1);

    public static TheoryData<string, Setting> Refusals => new()
    {
        { "granule", Setting.Granule },
        { "guest page", Setting.GuestPage },
        { "min extent", Setting.MinExtent },
        { "huge pages", Setting.HugePages },
        { "map align", Setting.MapAlign },
        { "guest base", Setting.GuestBase },
        { "guest base too high", Setting.GuestBase },
        { "two hosts for one guest", Setting.OutputFormat },
        { "rate", Setting.Rate },
        { "horizon", Setting.Horizon },
        { "trials", Setting.Trials },
        { "rate over horizon", Setting.Rate },
        { "hosts", Setting.Hosts },
        { "sockets", Setting.Sockets },
        { "records", Setting.Records },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void InvalidSetting_ThrowsSettingExceptionInDomainWords(string refusal, Setting setting)
    {
        var e = Assert.Throws<SettingException>(() => Refuse(refusal));

        Assert.Equal(setting, e.Setting);
        Assert.DoesNotMatch(Flag(), e.Message);
        if (refusal != "guest base too high" && refusal != "two hosts for one guest")
        {
            // These two are about the plan as much as the setting; the rest are about the setting.
            Assert.StartsWith(Messages.SettingName(setting) + " ", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Granule_NotAPowerOfTwo_SaysSoInDomainWords()
    {
        var e = Assert.Throws<SettingException>(() => new PlanOptions(granule: 0x10400));

        Assert.Equal("the retirement granule must be a power of two, not 65K", e.Message);
        Assert.Equal(0x10400UL, e.Error.Value);
    }

    [Fact]
    public void Render_NamesEverySettingTheMessageMentionsByTheGivenNames()
    {
        var guestBase = GuestLayout.CheckBase(0x4000_1000, PlanOptions.Page64K)!;
        var tooMany = new ForecastOptions(1e300, 3, trials: 1).Check(PlanOptions.Default)!;

        Assert.Equal("the guest base 0x40001000 is not a multiple of the guest page 0x10000 (64K)", guestBase.Message);
        Assert.Equal("<GuestBase> 0x40001000 is not a multiple of the guest page 0x10000 (64K[GuestPage])", guestBase.Render(new Bracketed()));
        Assert.Equal("<Rate> 1E+300 over <Horizon> 3 year(s) retires 3E+300 pages per TiB, more than a TiB holds (16777216 granules of 64K)", tooMany.Render(new Bracketed()));
    }

    [Fact]
    public void InputException_WithMentions_RendersThemInDomainWordsOrByTheGivenNames()
    {
        FormattableString text = $"name its region {new SettingMention(Setting.Region, MentionStyle.Means)}";
        var e = new InputException(Here, text);

        Assert.Equal("name its region explicitly", e.Message);
        Assert.Equal("name its region via Region", e.Render(new Bracketed()));
        Assert.Equal("plain", new InputException(Here, "plain").Render(new Bracketed()));
    }

    [Fact]
    public void EverySetting_HasADomainName()
    {
        Assert.All(Enum.GetValues<Setting>(), setting => Assert.Matches("^(the|a) [a-z]", Messages.SettingName(setting)));
    }

    private static void Refuse(string refusal)
    {
        switch (refusal)
        {
            case "granule": _ = new PlanOptions(granule: 3); break;
            case "guest page": _ = new PlanOptions(guestPage: 0x18000); break;
            case "min extent": _ = new PlanOptions(minExtent: 0); break;
            case "huge pages": _ = new PlanOptions(hugePages: [3UL << 20]); break;
            case "map align": MapWindows.Create(PlanOf(Region("egm0", "")).Regions[0], 0x3_0000); break;
            case "guest base": GuestLayout.Create(PlanOf(Region("egm0", "")), 0x4000_1000); break;
            case "guest base too high": GuestLayout.Create(PlanOf(Region("egm0", "")), ulong.MaxValue - 0xffff); break;
            case "two hosts for one guest": GuestLayout.Create(PlanOf(Region("egm0", "a"), Region("egm0", "b"))); break;
            case "rate": _ = new ForecastOptions(-1, 1); break;
            case "horizon": _ = new ForecastOptions(1, double.NaN); break;
            case "trials": _ = new ForecastOptions(1, 1, trials: 0); break;
            case "rate over horizon": _ = new Forecaster(new ForecastOptions(1e300, 3, trials: 1), PlanOptions.Default, null); break;
            case "hosts": _ = new FleetSynthesizer(new SynthOptions { Hosts = 0 }); break;
            case "sockets": _ = new FleetSynthesizer(new SynthOptions { Sockets = 9 }); break;
            case "records": _ = new FleetSynthesizer(new SynthOptions { Records = -1 }); break;
            default: throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null);
        }
    }

    private static Region Region(string id, string host) => new(id, 0, 0x20_0000_0000, 0x10_0000, Here, host: host);

    private static Plan PlanOf(params Region[] regions) => Planner.Create(RegionSet.Create(regions), [], PlanOptions.Default);

    [GeneratedRegex("--[A-Za-z]")]
    private static partial Regex Flag();

    /// <summary>A front end's names: &lt;Setting&gt;, "via Setting", [Setting].</summary>
    private sealed class Bracketed : SettingNames
    {
        public override string Name(Setting setting, MentionStyle style) => style switch
        {
            MentionStyle.Means => $"via {setting}",
            MentionStyle.Aside => $"[{setting}]",
            _ => $"<{setting}>",
        };
    }
}
