using Triage.Domain.Classification;
using Triage.Domain.Evaluation;
using Triage.Domain.Facts;

namespace Triage.Domain.Tests.Evaluation;

/// <summary>One spelling per value, and no default for a value outside an enum: for a triage service that is a safety fault.</summary>
public class LabelNamesTests
{
    [Fact]
    public void Of_EveryValue_ParsesBackToItself()
    {
        Assert.All(Enum.GetValues<Disposition>(), d => Assert.Equal(d, LabelNames.ParseDisposition(LabelNames.Of(d))));
        Assert.All(Enum.GetValues<Specialty>(), s => Assert.Equal(s, LabelNames.ParseSpecialty(LabelNames.Of(s))));
        Assert.All(Enum.GetValues<Sex>(), s => Assert.True(LabelNames.TryParseSex(LabelNames.Of(s), out var back) && back == s));
    }

    [Fact]
    public void Of_ValueOutsideTheEnum_FailsInsteadOfDefaulting()
    {
        Assert.Throws<InvalidDataException>(() => LabelNames.Of((Disposition)42));
        Assert.Throws<InvalidDataException>(() => LabelNames.Of((Specialty)42));
        Assert.Throws<InvalidDataException>(() => LabelNames.Of((Sex)42));
    }

    [Theory]
    [InlineData("Female")]
    [InlineData("f")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseSex_AnythingButTheNames_IsRefused(string? name) =>
        Assert.False(LabelNames.TryParseSex(name, out _));
}
