using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Triage.Api.V1;
using Triage.Grains.Hosting;
using Triage.Grains.Journal;
using Triage.Grains.Storage;
using Triage.Silo.Auth;

namespace Triage.Silo.Api;

/// <summary>The audit for regulators and administrators: verification, the signed checkpoints, a case's full trail.</summary>
[Authorize(Policy = TriageRoles.Audit)]
public sealed class AuditApiService(
    LedgerAudit audit,
    IJournal journal,
    IOptions<AuditOptions> options,
    IOptions<StorageOptions> storage,
    [FromKeyedServices(TriageSiloBuilderExtensions.ClockKey)] TimeProvider clock) : AuditService.AuditServiceBase
{
    private const string JsonLines = "application/x-ndjson";

    /// <inheritdoc />
    public override async Task<AuditReport> VerifyAudit(VerifyAuditRequest request, ServerCallContext context)
    {
        var sent = new List<LedgerCheckpoint>();
        for (var i = 0; i < request.Checkpoints.Count; i++)
        {
            var c = request.Checkpoints[i];
            if (!DateTimeOffset.TryParse(c.MadeAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var madeAt))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"checkpoints[{i}].made_at: must be an RFC 3339 time"));
            }

            sent.Add(new LedgerCheckpoint(c.Position, c.LedgerHash, madeAt, c.Signature));
        }

        var exported = await CheckpointExport.ReadAsync(ExportFile, context.CancellationToken);
        var result = await audit.VerifyAsync([.. exported, .. sent], context.CancellationToken);
        return new AuditReport
        {
            Intact = result.Intact,
            LedgerEntries = result.LedgerEntries,
            Journals = result.Journals,
            FirstBrokenLink = result.FirstBrokenLink ?? string.Empty,
            CheckpointsChecked = result.Checkpoints,
            VerifiedAt = HashChain.FormatTime(clock.GetUtcNow()),
        };
    }

    /// <inheritdoc />
    public override async Task<HttpBody> ExportCheckpoints(ExportCheckpointsRequest request, ServerCallContext context)
    {
        var lines = new StringBuilder();
        foreach (var checkpoint in await audit.CheckpointsAsync(context.CancellationToken))
        {
            lines.Append(CheckpointExport.ToLine(checkpoint)).Append('\n');
        }

        return new HttpBody { ContentType = JsonLines, Data = ByteString.CopyFromUtf8(lines.ToString()) };
    }

    /// <inheritdoc />
    public override async Task<HttpBody> ExportCaseTrail(ExportCaseTrailRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.CaseId, out var caseId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "case_id: must be a case id (32 hex digits or a GUID)"));
        }

        var entries = await journal.ReadAsync(caseId, context.CancellationToken);
        if (entries.Count == 0)
        {
            throw CallerIdentity.CaseNotFound();
        }

        using var buffer = new MemoryStream();
        foreach (var e in entries)
        {
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("caseId", caseId.ToString("N"));
                json.WriteNumber("sequence", e.Sequence);
                json.WriteString("type", e.Type);
                json.WriteString("occurredAt", HashChain.FormatTime(e.OccurredAt));
                json.WriteString("actor", e.Actor);
                // The body exactly as hashed, so the platform can recompute the chain.
                json.WriteString("payload", e.Payload);
                json.WriteString("previousHash", e.PreviousHash);
                json.WriteString("hash", e.Hash);
                json.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        return new HttpBody { ContentType = JsonLines, Data = ByteString.CopyFrom(buffer.ToArray()) };
    }

    private string ExportFile => options.Value.ResolvedExportFile(storage.Value.SqlitePath);
}
