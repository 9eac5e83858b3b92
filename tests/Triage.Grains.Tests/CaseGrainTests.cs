using Microsoft.Data.Sqlite;
using Triage.Domain.Classification;
using Triage.Domain.RedFlags;
using Triage.Grains.Cases;
using Triage.Grains.Journal;
using Triage.Grains.Patients;

namespace Triage.Grains.Tests;

[Collection(ClusterGroup.Name)]
public class CaseGrainTests(ClusterFixture fixture)
{
    private static CaseOpened Command(string complaint, string app = "app-a", string patientKey = "", PatientDetails? patient = null) =>
        new(app, patientKey, complaint, patient ?? new PatientDetails { GuardianPresent = true });

    [Fact]
    public async Task Open_StableChildEczema_RecordsOpenedAndAssessedEventsInAValidChain()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<ICaseGrain>(Guid.NewGuid());
        var view = await grain.OpenAsync(Command("宝宝8个月，脸上湿疹两周了"));

        Assert.Equal(Disposition.Online, view.Decision.Disposition);
        Assert.Equal(Specialty.Dermatology, view.Decision.Specialty);
        Assert.Empty(view.Events);
        var stored = (await grain.GetAsync("app-a"))!;
        Assert.Equal([CaseEventTypes.Opened, CaseEventTypes.Assessed], stored.Events.Select(e => e.Type));
        Assert.Equal(HashChain.Genesis, stored.Events[0].PreviousHash);
        Assert.Equal(stored.Events[0].Hash, stored.Events[1].PreviousHash);
        Assert.True(stored.ChainValid);
    }

    [Fact]
    public async Task GetCase_IsTheGrainOrleansWouldGive_FromTheFirstReferenceOn()
    {
        var factory = fixture.Cluster.GrainFactory;
        var ids = new[] { Guid.NewGuid(), Guid.CreateVersion7(), Guid.NewGuid() };

        foreach (var id in ids)
        {
            var ours = (GrainReference)factory.GetCase(id);
            var orleans = (GrainReference)factory.GetGrain<ICaseGrain>(id);
            Assert.Equal(orleans.GrainId, ours.GrainId);
            Assert.Equal(orleans.InterfaceType, ours.InterfaceType);
        }

        var view = await factory.GetCase(ids[2]).OpenAsync(Command("宝宝8个月，脸上湿疹两周了"));
        Assert.Equal(ids[2], view.CaseId);
        Assert.NotNull(await factory.GetGrain<ICaseGrain>(ids[2]).GetAsync("app-a"));
    }

    [Fact]
    public async Task Open_SameCaseTwice_IsRefused()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<ICaseGrain>(Guid.NewGuid());
        await grain.OpenAsync(Command("宝宝湿疹"));
        await Assert.ThrowsAsync<CaseAlreadyExistsException>(() => grain.OpenAsync(Command("宝宝湿疹")));
    }

    [Fact]
    public async Task Answer_AgeForAFeverishBaby_ReassessesTheSameCase()
    {
        var id = Guid.NewGuid();
        var grain = fixture.Cluster.GrainFactory.GetGrain<ICaseGrain>(id);
        var first = await grain.OpenAsync(Command("宝宝发烧了，38.6度", patient: new PatientDetails()));
        Assert.Equal(Disposition.NeedsInfo, first.Decision.Disposition);
        Assert.Contains(first.Decision.Questions, q => q.Code == "age");

        var second = await grain.AnswerAsync(new AnswerQuestionsCommand("app-a", new CaseAnswered([new QuestionAnswer("age", "2个月")], string.Empty, null)));

        Assert.NotNull(second);
        Assert.Equal(Disposition.Emergency, second.Decision.Disposition);
        Assert.Contains(second.Decision.RedFlags, f => f.Tag == RedFlagTag.InfantFever && f.Affirmed);
        Assert.Empty(second.Events);
        Assert.Equal(4, (await grain.GetAsync("app-a"))!.Events.Length);
        Assert.True(second.ChainValid);
    }

    [Fact]
    public async Task Get_ByAnotherApp_IsNotFound()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<ICaseGrain>(Guid.NewGuid());
        await grain.OpenAsync(Command("宝宝湿疹", app: "app-a"));
        Assert.Null(await grain.GetAsync("app-b"));
        Assert.Null(await grain.AnswerAsync(new AnswerQuestionsCommand("app-b", new CaseAnswered([], "more", null))));
        Assert.NotNull(await grain.GetAsync("app-a"));
    }

    [Fact]
    public async Task Open_WithPatientKey_LinksTheCaseToThePatient()
    {
        var key = new PatientPseudonyms(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).For("app-a", "ref-" + Guid.NewGuid());
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await fixture.Cluster.GrainFactory.GetGrain<ICaseGrain>(first).OpenAsync(Command("宝宝湿疹", patientKey: key));
        await fixture.Cluster.GrainFactory.GetGrain<ICaseGrain>(second).OpenAsync(Command("孩子挑食", patientKey: key));

        Assert.Equal([first, second], await fixture.Cluster.GrainFactory.GetGrain<IPatientGrain>(key).GetCasesAsync());
    }

    [Fact]
    public async Task Journal_RowEditedBehindTheGrainsBack_BreaksTheChain()
    {
        var id = Guid.NewGuid();
        await fixture.Cluster.GrainFactory.GetGrain<ICaseGrain>(id).OpenAsync(Command("宝宝8个月，脸上湿疹两周了"));

        await using (var connection = new SqliteConnection($"Data Source={fixture.DatabasePath}"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "UPDATE case_events SET payload = replace(payload, '\"online\"', '\"emergency\"') WHERE case_id = $id AND seq = 2";
            command.Parameters.AddWithValue("$id", id.ToString("N"));
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        using var database = new Grains.Storage.SqliteDatabase(fixture.DatabasePath);
        var events = await new Grains.Storage.SqliteJournal(database).ReadAsync(id);
        Assert.False(HashChain.Verify(events));

        // A fresh activation reads the edited journal and reports the broken chain.
        var grain = fixture.Cluster.GrainFactory.GetGrain<ICaseGrain>(id);
        await grain.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        var view = await grain.GetAsync("app-a");
        Assert.NotNull(view);
        Assert.False(view.ChainValid);

        // Nothing is chained onto a record that does not verify.
        var refused = await Assert.ThrowsAsync<BrokenJournalException>(() => grain.AnswerAsync(new AnswerQuestionsCommand("app-a", new CaseAnswered([new QuestionAnswer("age", "8个月")], string.Empty, null))));
        Assert.Contains("event 2", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<BrokenJournalException>(() => grain.BookAsync("app-a", "BCH"));
        Assert.Equal(2, (await grain.GetAsync("app-a"))!.Events.Length);
    }

    [Fact]
    public async Task Journal_PayloadReplacedByGarbage_IsReportedBrokenNotAnError()
    {
        var id = Guid.NewGuid();
        await fixture.Cluster.GrainFactory.GetGrain<ICaseGrain>(id).OpenAsync(Command("宝宝8个月，脸上湿疹两周了"));
        await using (var connection = new SqliteConnection($"Data Source={fixture.DatabasePath}"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "UPDATE case_events SET payload = 'not json at all' WHERE case_id = $id AND seq = 1";
            command.Parameters.AddWithValue("$id", id.ToString("N"));
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var grain = fixture.Cluster.GrainFactory.GetGrain<ICaseGrain>(id);
        await grain.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();

        var read = await Assert.ThrowsAsync<BrokenJournalException>(() => grain.GetAsync("app-a"));
        Assert.Contains("event 1", read.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not json", read.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<BrokenJournalException>(() => grain.AnswerAsync(new AnswerQuestionsCommand("app-a", new CaseAnswered([], "还有点痒", null))));
        await Assert.ThrowsAsync<CaseAlreadyExistsException>(() => grain.OpenAsync(Command("宝宝湿疹")));
    }
}
