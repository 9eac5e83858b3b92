extern alias silo;

using Grpc.Core;
using silo::Triage.Silo.Api;
using ApiV1 = silo::Triage.Api.V1;

namespace Triage.Silo.Tests.Api;

/// <summary>Every field is checked before anything is written; the error names the field and never echoes the value.</summary>
public class RequestValidatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Fact]
    public void Validate_NegativeAgeInMonths_NamesTheFieldWithoutTheValue()
    {
        var request = new ApiV1.AssessRequest { Complaint = "宝宝湿疹两周", Patient = new ApiV1.Patient { AgeMonths = -3 } };

        var e = Assert.Throws<RpcException>(() => RequestValidator.Validate(request, Today));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.StartsWith("patient.age_months:", e.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("-3", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyComplaint_NamesComplaint()
    {
        var e = Assert.Throws<RpcException>(() => RequestValidator.Validate(new ApiV1.AssessRequest(), Today));

        Assert.StartsWith("complaint:", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ComplaintOverTheLimit_NamesTheLimitNotTheText()
    {
        var complaint = new string('痒', RequestValidator.MaxComplaintLength + 1);

        var e = Assert.Throws<RpcException>(() => RequestValidator.Validate(new ApiV1.AssessRequest { Complaint = complaint }, Today));

        Assert.StartsWith("complaint:", e.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("痒痒", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoWaysOfGivingTheAge_IsRefused()
    {
        var request = new ApiV1.AssessRequest { Complaint = "宝宝湿疹两周", Patient = new ApiV1.Patient { AgeMonths = 8, AgeDays = 240 } };

        var e = Assert.Throws<RpcException>(() => RequestValidator.Validate(request, Today));

        Assert.StartsWith("patient:", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AnswersWithNothingInThem_IsRefused()
    {
        var request = new ApiV1.AnswerQuestionsRequest { CaseId = Guid.NewGuid().ToString() };

        var e = Assert.Throws<RpcException>(() => RequestValidator.Validate(request, Today));

        Assert.StartsWith("answers:", e.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-uuid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void CaseId_NotAUuid_NamesCaseId(string value)
    {
        var e = Assert.Throws<RpcException>(() => RequestValidator.CaseId(value));

        Assert.Equal("case_id: must be a UUID", e.Status.Detail);
    }

    [Fact]
    public void Validate_WellFormedRequest_ReturnsThePatientDetails()
    {
        var request = new ApiV1.AssessRequest { Complaint = "宝宝8个月，脸上湿疹两周了", Patient = new ApiV1.Patient { AgeMonths = 8, Sex = ApiV1.Sex.Female }, GuardianPresent = true };

        var patient = RequestValidator.Validate(request, Today);

        Assert.Equal(8, patient.AgeMonths);
        Assert.True(patient.GuardianPresent);
    }
}
