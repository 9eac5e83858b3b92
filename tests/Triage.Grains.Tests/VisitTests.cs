using System.Text.Json;
using Triage.Domain.Classification;
using Triage.Domain.RedFlags;
using Triage.Grains.Cases;
using Triage.Grains.Physicians;
using Triage.Grains.Visits;

namespace Triage.Grains.Tests;

/// <summary>The online first visit on the case grain: booking, taking, the consultation and its end.</summary>
[Collection(ClusterGroup.Name)]
public class VisitTests(ClusterFixture fixture)
{
    private const string App = "app-a";
    private const string Eczema = "宝宝8个月，脸上湿疹两周了，不发烧，吃奶睡觉都好";

    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    private async Task<(ICaseGrain Case, Guid Id)> OpenOnlineCaseAsync(string complaint = Eczema, PatientDetails? patient = null)
    {
        var id = Guid.NewGuid();
        var grain = Grains.GetGrain<ICaseGrain>(id);
        var view = await grain.OpenAsync(new CaseOpened(App, string.Empty, complaint, patient ?? new PatientDetails { GuardianPresent = true, AgeMonths = 8 }));
        Assert.Equal(Disposition.Online, view.Decision.Disposition);
        return (grain, id);
    }

    // Each test has its own hospital queue so that tests never take each other's cases.
    private async Task<(ICaseGrain Case, string Physician)> TakenCaseAsync(string complaint = Eczema, PatientDetails? patient = null)
    {
        var hospital = "BCH";
        var physicianId = "doc-" + Guid.NewGuid().ToString("N");
        await Grains.GetGrain<IPhysicianGrain>(physicianId).RegisterAsync(fixture.Qualified(hospital), "admin-app");
        var queue = Grains.GetGrain<IVisitQueueGrain>(VisitQueueGrain.KeyOf(hospital, Specialty.Dermatology));
        var (grain, id) = await OpenOnlineCaseAsync(complaint, patient);
        await grain.BookAsync(App, hospital);
        // Older cases from other tests may wait in the shared queue: take until ours comes out.
        for (var i = 0; i < 1000; i++)
        {
            var taken = await queue.TakeAsync(physicianId);
            Assert.NotNull(taken);
            if (taken == id)
            {
                return (grain, physicianId);
            }

            await Grains.GetGrain<ICaseGrain>(taken!.Value).TerminateAsync(new VisitTerminated(physicianId, "unsuitable_online", "test cleanup"));
        }

        throw new InvalidOperationException("case never came out of the queue");
    }

    [Fact]
    public async Task Book_OnlineCaseWithGuardian_QueuesIt()
    {
        var (grain, _) = await OpenOnlineCaseAsync();
        var view = await grain.BookAsync(App, "bch");

        Assert.Equal(VisitStage.Booked, view!.Visit.Stage);
        Assert.Equal("BCH", view.Visit.Booking!.Hospital);
        Assert.Equal(VisitEventTypes.Booked, view.Events[^1].Type);
    }

    [Fact]
    public async Task Book_WithoutGuardian_IsRefusedNamingTheField()
    {
        var (grain, _) = await OpenOnlineCaseAsync(patient: new PatientDetails { AgeMonths = 8 });
        var e = await Assert.ThrowsAsync<VisitRuleException>(() => grain.BookAsync(App, "BCH"));
        Assert.StartsWith("patient.guardian_present", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_EmergencyCase_IsRefused()
    {
        var grain = Grains.GetGrain<ICaseGrain>(Guid.NewGuid());
        await grain.OpenAsync(new CaseOpened(App, string.Empty, "宝宝抽搐了，叫不醒", new PatientDetails { GuardianPresent = true }));
        await Assert.ThrowsAsync<VisitRuleException>(() => grain.BookAsync(App, "BCH"));
    }

    [Fact]
    public async Task Book_AnotherAppsCase_IsNotFound()
    {
        var (grain, _) = await OpenOnlineCaseAsync();
        Assert.Null(await grain.BookAsync("app-b", "BCH"));
    }

    [Fact]
    public async Task Take_PhysicianNotWhitelisted_IsRefused()
    {
        var physicianId = "doc-" + Guid.NewGuid().ToString("N");
        await Grains.GetGrain<IPhysicianGrain>(physicianId).RegisterAsync(fixture.Qualified() with { Title = "resident" }, "admin-app");
        var queue = Grains.GetGrain<IVisitQueueGrain>(VisitQueueGrain.KeyOf("BCH", Specialty.Dermatology));
        await Assert.ThrowsAsync<VisitRuleException>(() => queue.TakeAsync(physicianId));
    }

    [Fact]
    public async Task Take_PhysicianOfAnotherHospital_IsRefused()
    {
        var physicianId = "doc-" + Guid.NewGuid().ToString("N");
        await Grains.GetGrain<IPhysicianGrain>(physicianId).RegisterAsync(fixture.Qualified("CCCH"), "admin-app");
        await Assert.ThrowsAsync<VisitRuleException>(() => Grains.GetGrain<IVisitQueueGrain>(VisitQueueGrain.KeyOf("BCH", Specialty.Dermatology)).TakeAsync(physicianId));
    }

    [Fact]
    public async Task FullVisit_StartMessageComplete_RecordsEachStepInTheChain()
    {
        var (grain, physician) = await TakenCaseAsync();

        var started = await grain.StartConsultationAsync(physician, fixture.RealNameCheckOf(physician));
        Assert.Equal(VisitStage.InConsultation, started!.Visit.Stage);
        await grain.AddMessageAsync(physician, new VisitMessage(VisitMessage.Physician, "湿疹范围多大？"));
        var answered = await grain.AddMessageAsync(App, new VisitMessage(VisitMessage.Parent, "两边脸颊都有，有点痒"));
        Assert.Empty(answered!.Visit.Alerts);

        var done = await grain.CompleteAsync(new VisitCompleted(physician, "婴儿湿疹", Disposition.Online, Specialty.Dermatology));
        Assert.Equal(VisitStage.Completed, done!.Visit.Stage);
        Assert.Equal("婴儿湿疹", done.Visit.Completion!.Diagnosis);
        Assert.True(done.ChainValid);
        Assert.Contains(done.Events, e => e.Type == VisitEventTypes.Started && e.Payload.Contains("face_recognition", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_ParentDescribesASeizure_RaisesAnAlertSuggestingEmergencyTermination()
    {
        var (grain, physician) = await TakenCaseAsync();
        await grain.StartConsultationAsync(physician, fixture.RealNameCheckOf(physician));

        var view = await grain.AddMessageAsync(App, new VisitMessage(VisitMessage.Parent, "刚才孩子突然抽搐了，两眼上翻"));

        var alert = Assert.Single(view!.Visit.Alerts);
        Assert.Contains(RedFlagTag.Seizure, alert.RedFlags);
        Assert.Equal("emergency", alert.SuggestedTermination);
        Assert.Equal(Disposition.Emergency, view.Decision.Disposition);

        var ended = await grain.TerminateAsync(new VisitTerminated(physician, "emergency", "请立即去急诊"));
        Assert.Equal(VisitStage.Terminated, ended!.Visit.Stage);
    }

    [Fact]
    public async Task Alert_BlocksPrescriptionAndCompletion_UntilThePhysicianContinuesWithAReason()
    {
        var (grain, physician) = await TakenCaseAsync(patient: new PatientDetails { GuardianPresent = true, AgeMonths = 96 });
        await grain.StartConsultationAsync(physician, fixture.RealNameCheckOf(physician));
        var alerted = await grain.AddMessageAsync(App, new VisitMessage(VisitMessage.Parent, "孩子刚才喘不上气，嘴唇发紫"));
        Assert.True(alerted!.Visit.AlertAwaitsDecision);

        var prescribe = await Assert.ThrowsAsync<VisitRuleException>(() => grain.PrescribeAsync(new PrescriptionSigned(physician, [new PrescriptionItem("氢化可的松乳膏", "ordinary", "外用")], "sig", true, true)));
        var complete = await Assert.ThrowsAsync<VisitRuleException>(() => grain.CompleteAsync(new VisitCompleted(physician, "湿疹", Disposition.Online, Specialty.Dermatology)));
        var noReason = await Assert.ThrowsAsync<VisitRuleException>(() => grain.ContinueAfterAlertAsync(physician, " "));
        Assert.StartsWith("visit: an emergency or offline alert awaits", prescribe.Message, StringComparison.Ordinal);
        Assert.StartsWith("visit: an emergency or offline alert awaits", complete.Message, StringComparison.Ordinal);
        Assert.StartsWith("reason:", noReason.Message, StringComparison.Ordinal);

        var continued = await grain.ContinueAfterAlertAsync(physician, "视频所见呼吸平稳，口唇红润，家长误述");
        Assert.False(continued!.Visit.AlertAwaitsDecision);
        Assert.Equal(VisitEventTypes.AlertAcknowledged, continued.Events[^1].Type);
        await grain.PrescribeAsync(new PrescriptionSigned(physician, [new PrescriptionItem("氢化可的松乳膏", "ordinary", "外用")], "sig", true, true));
        var done = await grain.CompleteAsync(new VisitCompleted(physician, "湿疹", Disposition.Online, Specialty.Dermatology));
        Assert.Equal(VisitStage.Completed, done!.Visit.Stage);
        await Assert.ThrowsAsync<VisitRuleException>(() => grain.ContinueAfterAlertAsync(physician, "again"));
    }

    [Fact]
    public async Task PhysicianSuspendedMidVisit_CanOnlyHandItBack_AndAColleagueTakesItFirst()
    {
        var (grain, physician) = await TakenCaseAsync();
        await grain.StartConsultationAsync(physician, fixture.RealNameCheckOf(physician));
        await Grains.GetGrain<IPhysicianGrain>(physician).SuspendAsync("under review", "admin-app");

        Assert.StartsWith("physician: not on the whitelist", (await Assert.ThrowsAsync<VisitRuleException>(() => grain.AddMessageAsync(physician, new VisitMessage(VisitMessage.Physician, "请拍照")))).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<VisitRuleException>(() => grain.PrescribeAsync(new PrescriptionSigned(physician, [new PrescriptionItem("炉甘石洗剂", "ordinary", "外用")], "sig", true, true)));
        await Assert.ThrowsAsync<VisitRuleException>(() => grain.CompleteAsync(new VisitCompleted(physician, "湿疹", Disposition.Online, Specialty.Dermatology)));
        await Assert.ThrowsAsync<VisitRuleException>(() => grain.TerminateAsync(new VisitTerminated(physician, "unsuitable_online", "线下")));
        await Assert.ThrowsAsync<VisitRuleException>(() => grain.GetForActingPhysicianAsync(physician));

        var handed = await grain.HandBackAsync(physician, "off_whitelist");
        Assert.Equal(VisitStage.Booked, handed!.Visit.Stage);
        Assert.Equal(VisitEventTypes.HandedBack, handed.Events[^1].Type);
        Assert.Null(await grain.GetForPhysicianAsync(physician));

        var colleague = "doc-" + Guid.NewGuid().ToString("N");
        await Grains.GetGrain<IPhysicianGrain>(colleague).RegisterAsync(fixture.Qualified("BCH"), "admin-app");
        var queue = Grains.GetGrain<IVisitQueueGrain>(VisitQueueGrain.KeyOf("BCH", Specialty.Dermatology));
        Assert.Equal(handed.CaseId, await queue.TakeAsync(colleague));
        Assert.DoesNotContain(handed.CaseId, (await queue.GetAsync(physician)).OpenVisits);
        var restarted = await grain.StartConsultationAsync(colleague, fixture.RealNameCheckOf(colleague));
        Assert.Equal(VisitStage.InConsultation, restarted!.Visit.Stage);
    }

    [Fact]
    public async Task Start_RealNameCheckThatDoesNotHold_IsRefusedNamingItsRule_AndAValidOneIsRecordedWhole()
    {
        var (grain, physician) = await TakenCaseAsync();
        var valid = fixture.RealNameCheckOf(physician);
        var now = fixture.Clock.GetUtcNow();
        (RealNameCheck Check, string Field)[] refused =
        [
            (valid with { PhysicianId = "doc-someone-else" }, "real_name_check.physician_id"),
            (valid with { Verifier = physician }, "real_name_check.verifier"),
            (valid with { Method = "said_so" }, "real_name_check.method"),
            (valid with { Reference = "" }, "real_name_check.reference"),
            (valid with { VerifiedAt = now.AddMinutes(-31) }, "real_name_check.verified_at"),
            (valid with { VerifiedAt = now.AddMinutes(10) }, "real_name_check.verified_at"),
        ];
        foreach (var (check, field) in refused)
        {
            var e = await Assert.ThrowsAsync<VisitRuleException>(() => grain.StartConsultationAsync(physician, check));
            Assert.StartsWith(field + ":", e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(VisitStage.Assigned, (await grain.GetForPhysicianAsync(physician))!.Visit.Stage);
        var started = (await grain.StartConsultationAsync(physician, valid with { VerifiedAt = now.AddMinutes(-29) }))!;
        Assert.Equal(VisitStage.InConsultation, started.Visit.Stage);
        var body = Cases.CaseJson.Deserialize<ConsultationStarted>(started.Events.Single(e => e.Type == VisitEventTypes.Started).Payload);
        Assert.Equal(valid with { VerifiedAt = now.AddMinutes(-29) }, body.Verification);
        Assert.Equal("face_recognition", body.RealNameCheck);
    }

    [Fact]
    public async Task Start_PhysicianSuspendedAfterTaking_IsRefused()
    {
        var (grain, physician) = await TakenCaseAsync();
        await Grains.GetGrain<IPhysicianGrain>(physician).SuspendAsync("under review", "admin-app");
        await Assert.ThrowsAsync<VisitRuleException>(() => grain.StartConsultationAsync(physician, fixture.RealNameCheckOf(physician)));
    }

    [Fact]
    public async Task IllegalTransitions_AreRefusedWithTheStageNamed()
    {
        var (grain, physician) = await TakenCaseAsync();
        var e = await Assert.ThrowsAsync<VisitRuleException>(() => grain.CompleteAsync(new VisitCompleted(physician, "湿疹", Disposition.Online, Specialty.Dermatology)));
        Assert.Contains("Assigned", e.Message, StringComparison.Ordinal);
        await grain.StartConsultationAsync(physician, fixture.RealNameCheckOf(physician));
        await Assert.ThrowsAsync<VisitRuleException>(() => grain.StartConsultationAsync(physician, fixture.RealNameCheckOf(physician)));
        await grain.TerminateAsync(new VisitTerminated(physician, "condition_changed", "线下就诊"));
        await Assert.ThrowsAsync<VisitRuleException>(() => grain.CompleteAsync(new VisitCompleted(physician, "湿疹", Disposition.Online, Specialty.Dermatology)));
        await Assert.ThrowsAsync<VisitRuleException>(() => grain.AddMessageAsync(App, new VisitMessage(VisitMessage.Parent, "还在吗")));
    }

    [Fact]
    public async Task Complete_WithoutDiagnosisOrWithUnknownDisposition_IsRefused()
    {
        var (grain, physician) = await TakenCaseAsync();
        await grain.StartConsultationAsync(physician, fixture.RealNameCheckOf(physician));
        await Assert.ThrowsAsync<VisitRuleException>(() => grain.CompleteAsync(new VisitCompleted(physician, "", Disposition.Online, Specialty.Dermatology)));
        await Assert.ThrowsAsync<VisitRuleException>(() => grain.CompleteAsync(new VisitCompleted(physician, "湿疹", (Disposition)99, Specialty.Dermatology)));
    }

    [Fact]
    public async Task Terminate_UnknownReason_IsRefused()
    {
        var (grain, physician) = await TakenCaseAsync();
        await Assert.ThrowsAsync<VisitRuleException>(() => grain.TerminateAsync(new VisitTerminated(physician, "bored", "")));
    }

    [Fact]
    public async Task AnotherPhysician_SeesAndDoesNothing()
    {
        var (grain, _) = await TakenCaseAsync();
        Assert.Null(await grain.GetForPhysicianAsync("doc-other"));
        Assert.Null(await grain.StartConsultationAsync("doc-other", fixture.RealNameCheckOf("doc-other")));
    }

    [Theory]
    [InlineData("吗啡", "ordinary")]
    [InlineData("地西泮片", "ordinary")]
    [InlineData("Methylphenidate", "ordinary")]
    [InlineData("某药", "psychotropic")]
    [InlineData("某药", "narcotic")]
    public async Task Prescribe_SpeciallyControlledDrug_IsRefused(string drug, string drugClass)
    {
        var (grain, physician) = await TakenCaseAsync();
        await grain.StartConsultationAsync(physician, fixture.RealNameCheckOf(physician));
        var e = await Assert.ThrowsAsync<VisitRuleException>(() => grain.PrescribeAsync(
            new PrescriptionSigned(physician, [new PrescriptionItem("丁酸氢化可的松乳膏", "ordinary", "外用 每日1次"), new PrescriptionItem(drug, drugClass, "1 片")], "sig-1", true, true)));
        Assert.StartsWith("items[1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prescribe_ChildUnderSixWithoutBothPresences_IsRefused()
    {
        var (grain, physician) = await TakenCaseAsync();
        await grain.StartConsultationAsync(physician, fixture.RealNameCheckOf(physician));
        PrescriptionSigned Rx(bool guardian, bool doctor) => new(physician, [new PrescriptionItem("丁酸氢化可的松乳膏", "ordinary", "外用 每日1次")], "sig-1", guardian, doctor);

        await Assert.ThrowsAsync<VisitRuleException>(() => grain.PrescribeAsync(Rx(true, false)));
        await Assert.ThrowsAsync<VisitRuleException>(() => grain.PrescribeAsync(Rx(false, true)));
        var view = await grain.PrescribeAsync(Rx(true, true));
        var rx = Assert.Single(view!.Visit.Prescriptions);
        Assert.Equal(physician, rx.PhysicianId);
        Assert.Equal(physician, view.Events[^1].Actor);
    }

    [Fact]
    public async Task Prescribe_Unsigned_IsRefused()
    {
        var (grain, physician) = await TakenCaseAsync();
        await grain.StartConsultationAsync(physician, fixture.RealNameCheckOf(physician));
        var e = await Assert.ThrowsAsync<VisitRuleException>(() => grain.PrescribeAsync(new PrescriptionSigned(physician, [new PrescriptionItem("炉甘石洗剂", "ordinary", "外用")], "", true, true)));
        Assert.StartsWith("signature", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullVisit_AfterReactivation_IsTheStateTheCallersWereGiven()
    {
        var (grain, physician) = await TakenCaseAsync();
        await grain.StartConsultationAsync(physician, fixture.RealNameCheckOf(physician));
        await grain.AddMessageAsync(App, new VisitMessage(VisitMessage.Parent, "刚才孩子突然抽搐了，两眼上翻"));
        await grain.ContinueAfterAlertAsync(physician, "视频中孩子清醒，家长描述的是寒战");
        await grain.PrescribeAsync(new PrescriptionSigned(physician, [new PrescriptionItem("丁酸氢化可的松乳膏", "ordinary", "外用 每日1次")], "sig-1", true, true));
        var given = await grain.TerminateAsync(new VisitTerminated(physician, "emergency", "请立即去急诊"));

        // Events are applied as they are when recorded, and parsed from the journal on activation: both must agree.
        await grain.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        var replayed = await grain.GetForPhysicianAsync(physician);

        Assert.Equal(JsonSerializer.Serialize(given), JsonSerializer.Serialize(replayed));
        Assert.True(replayed!.ChainValid);
        Assert.Single(replayed.Visit.Alerts);
        Assert.Single(replayed.Visit.Prescriptions);
        Assert.Equal(1, replayed.Visit.AlertsAcknowledged);
    }

    [Fact]
    public async Task Journal_OnDisk_HoldsNoneOfThePeoplesWords_YetTheCaseReadsBackAndItsChainVerifiesWithoutAKey()
    {
        var token = Guid.NewGuid().ToString("N")[..12];
        var (grain, physician) = await TakenCaseAsync($"{Eczema}，编号{token}");
        await grain.StartConsultationAsync(physician, fixture.RealNameCheckOf(physician));
        await grain.AddMessageAsync(App, new VisitMessage(VisitMessage.Parent, $"家长的话{token}"));
        await grain.AddMessageAsync(physician, new VisitMessage(VisitMessage.Physician, $"医生的话{token}"));
        await grain.CompleteAsync(new VisitCompleted(physician, $"诊断{token}", Disposition.Online, Specialty.Dermatology));

        // Every byte the database holds, the write-ahead log included.
        var folder = Path.GetDirectoryName(fixture.DatabasePath)!;
        var onDisk = string.Concat(Directory.GetFiles(folder, "triage.db*").Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
            return reader.ReadToEnd();
        }));
        Assert.DoesNotContain(token, onDisk, StringComparison.Ordinal);

        // The hash chain covers the ciphertext: it verifies from the stored rows alone, no key involved.
        var id = (await grain.GetForPhysicianAsync(physician))!.CaseId;
        using var database = new Grains.Storage.SqliteDatabase(fixture.DatabasePath);
        Assert.True(Triage.Grains.Journal.HashChain.Verify(await new Grains.Storage.SqliteJournal(database).ReadAsync(id)));

        // A fresh activation opens the words again.
        await grain.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        var replayed = (await grain.GetAsync(App))!;
        Assert.EndsWith(token, replayed.Complaint, StringComparison.Ordinal);
        Assert.Equal([$"家长的话{token}", $"医生的话{token}"], replayed.Visit.Messages.Select(m => m.Text));
        Assert.Equal($"诊断{token}", replayed.Visit.Completion!.Diagnosis);
        Assert.True(replayed.ChainValid);
    }
}
