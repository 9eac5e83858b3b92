extern alias silo;

using silo::Triage.Silo.Api;
using ApiV1 = silo::Triage.Api.V1;

namespace Triage.Silo.Tests.Api;

/// <summary>The one mapping between the domain's enums and the API's: every value has its counterpart, and an unknown one fails.</summary>
public class ApiVocabularyTests
{
    [Fact]
    public void ToApi_EveryDomainValue_MapsToTheApiValueOfTheSameName()
    {
        foreach (var d in Enum.GetValues<Domain.Classification.Disposition>())
        {
            Assert.Equal(Domain.Evaluation.LabelNames.Of(d), Triage.Client.ApiNames.Of(ApiVocabulary.ToApi(d)));
        }

        foreach (var s in Enum.GetValues<Domain.Classification.Specialty>())
        {
            Assert.Equal(Domain.Evaluation.LabelNames.Of(s), Triage.Client.ApiNames.Of(ApiVocabulary.ToApi(s)));
        }

        foreach (var t in Domain.RedFlags.RedFlagTags.All)
        {
            Assert.Equal(Domain.RedFlags.RedFlagTags.Name(t), Triage.Client.ApiNames.Of(ApiVocabulary.ToApi(t)));
        }

        Assert.Equal(ApiV1.Sex.Unspecified, ApiVocabulary.ToApi(Domain.Facts.Sex.Unknown));
        Assert.Equal("immediate", Triage.Client.ApiNames.Of(ApiVocabulary.ToApi(Domain.Decision.Urgency.Immediate)));
        Assert.Equal("other_person", Triage.Client.ApiNames.Of(ApiVocabulary.ToApi(Domain.RedFlags.RedFlagStatus.OtherPerson)));
    }

    [Fact]
    public void ToApi_ValueOutsideTheEnum_FailsInsteadOfDefaulting()
    {
        Assert.Throws<InvalidDataException>(() => ApiVocabulary.ToApi((Domain.Classification.Disposition)42));
        Assert.Throws<InvalidDataException>(() => ApiVocabulary.ToApi((Domain.RedFlags.RedFlagTag)99));
        Assert.Throws<InvalidDataException>(() => Triage.Client.ApiNames.Of((ApiV1.Specialty)17));
    }

    [Fact]
    public void FromApi_UnspecifiedOrUnknownRequestValue_IsRefusedNamingTheField()
    {
        var e = Assert.Throws<Grpc.Core.RpcException>(() => ApiVocabulary.FromApi(ApiV1.Disposition.Unspecified, "final_disposition"));
        Assert.StartsWith("final_disposition:", e.Status.Detail, StringComparison.Ordinal);
        Assert.Throws<Grpc.Core.RpcException>(() => ApiVocabulary.FromApi((ApiV1.Sex)9, "patient.sex"));
        Assert.Equal(Domain.Facts.Sex.Unknown, ApiVocabulary.FromApi(ApiV1.Sex.Unspecified, "patient.sex"));
    }
}
