using System.Text.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using Triage.Api.V1;
using Triage.Models.Classification;

namespace Triage.EndToEnd.Tests;

public class ModelReloadTests
{
    [Fact]
    public async Task ReloadModel_AfterPublishingANewVersion_NewDecisionsRecordIt()
    {
        var root = Directory.CreateTempSubdirectory("triage-models-").FullName;
        var data = Path.Combine(root, "data");
        var models = Path.Combine(root, "models");
        try
        {
            var shipped = await ShippedAndACopyAsync(models, "test-v2", _ => { });

            await using var host = await TriageServiceHost.StartAsync(data, new Dictionary<string, string?> { ["Models:Folder"] = models });
            var first = await host.Grpc().AssessAsync(new AssessRequest { Complaint = "宝宝8个月，脸上湿疹两周了" });
            Assert.Equal(shipped, first.Decision.ModelVersion);

            ModelFolder.Publish(models, "test-v2");
            var info = await host.Admin().ReloadModelAsync(new ReloadModelRequest());
            Assert.Equal("test-v2", info.ModelVersion);

            var second = await host.Grpc().AssessAsync(new AssessRequest { Complaint = "宝宝8个月，脸上湿疹两周了" });
            Assert.Equal("test-v2", second.Decision.ModelVersion);
            var history = await host.Grpc().GetCaseAsync(new GetCaseRequest { CaseId = first.CaseId });
            Assert.Equal(shipped, history.Decision.ModelVersion);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task ReloadModel_OfAModelTrainedWithAnotherLexicon_IsRefusedAndThePreviousModelServes()
    {
        var root = Directory.CreateTempSubdirectory("triage-models-").FullName;
        var models = Path.Combine(root, "models");
        try
        {
            var shipped = await ShippedAndACopyAsync(models, "other-words", card => card["lexicon"] = "0000000000");

            await using var host = await TriageServiceHost.StartAsync(Path.Combine(root, "data"), new Dictionary<string, string?> { ["Models:Folder"] = models });
            ModelFolder.Publish(models, "other-words");
            var e = await Assert.ThrowsAsync<RpcException>(async () => await host.Admin().ReloadModelAsync(new ReloadModelRequest()));

            Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
            Assert.Contains("specialty lexicon 0000000000", e.Status.Detail, StringComparison.Ordinal);
            var reply = await host.Grpc().AssessAsync(new AssessRequest { Complaint = "宝宝8个月，脸上湿疹两周了" });
            Assert.Equal(shipped, reply.Decision.ModelVersion);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task ReloadModel_ByABookingApp_IsForbidden()
    {
        var folder = Path.Combine(Path.GetTempPath(), "triage-admin-" + Guid.NewGuid().ToString("N"));
        await using var host = await TriageServiceHost.StartAsync(folder);
        var e = await Assert.ThrowsAsync<RpcException>(async () => await host.Admin(TriageServiceHost.KeyA).ReloadModelAsync(new ReloadModelRequest()));
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The shipped model published in a models folder, beside a copy of it under another version whose card is edited.
    private static async Task<string> ShippedAndACopyAsync(string models, string copy, Action<JsonNode> edit)
    {
        var shipped = TriageServiceHost.ShippedModelVersion;
        Copy(Path.Combine(AppContext.BaseDirectory, "models", shipped), Path.Combine(models, shipped));
        Copy(Path.Combine(AppContext.BaseDirectory, "models", shipped), Path.Combine(models, copy));
        var cardPath = Path.Combine(models, copy, ModelCard.FileName);
        var card = JsonNode.Parse(await File.ReadAllTextAsync(cardPath))!;
        card["version"] = copy;
        edit(card);
        await File.WriteAllTextAsync(cardPath, card.ToJsonString());
        ModelFolder.Publish(models, shipped);
        return shipped;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
