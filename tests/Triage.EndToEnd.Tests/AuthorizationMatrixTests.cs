using System.Net;
using Google.Api;
using Google.Protobuf.Reflection;
using Triage.Api.V1;

namespace Triage.EndToEnd.Tests;

/// <summary>
/// Every JSON route of the protos, called by every kind of caller, as a security reviewer would:
/// only the roles that own a route get past authorisation, no one reaches another's case, nothing
/// answers 5xx. The expected roles are written here, independently of the services' attributes.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private const string Eczema = "宝宝8个月，脸上湿疹两周了，不发烧，吃奶睡觉都好";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "triage-authz-" + Guid.NewGuid().ToString("N"));
    private TriageServiceHost _host = null!;

    private enum Caller
    {
        NoKey,
        WrongKey,
        OwningApp,
        OtherApp,
        OwningPhysician,
        OtherPhysician,
        Admin,
        Evaluator,
        Regulator,
    }

    // Wrong keys from one address are limited (tested in RateLimitTests); this test sends one per route.
    public async Task InitializeAsync() =>
        _host = await TriageServiceHost.StartAsync(_folder, new Dictionary<string, string?> { ["Api:RateLimit:FailedAuthenticationsPerMinute"] = "1000" });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Every route with an HTTP binding, read from the compiled protos themselves.</summary>
    private static IReadOnlyList<(string Method, string Template)> Routes() =>
    [
        .. new[] { TriageReflection.Descriptor, PhysicianReflection.Descriptor, EvaluationReflection.Descriptor, RecordsReflection.Descriptor }
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods)
            .Select(m => m.GetOptions()?.GetExtension(AnnotationsExtensions.Http))
            .Where(r => r is not null)
            .Select(r => r!.PatternCase switch
            {
                HttpRule.PatternOneofCase.Get => ("GET", r.Get),
                HttpRule.PatternOneofCase.Post => ("POST", r.Post),
                HttpRule.PatternOneofCase.Put => ("PUT", r.Put),
                HttpRule.PatternOneofCase.Delete => ("DELETE", r.Delete),
                HttpRule.PatternOneofCase.Patch => ("PATCH", r.Patch),
                _ => throw new InvalidOperationException("custom HTTP pattern"),
            }),
    ];

    // Who may act on a route; for a route on one case, the case's own app or physician only.
    private static Caller[] Allowed(string template) => template switch
    {
        "/v1/assessments" or "/v1/events" => [Caller.OwningApp, Caller.OtherApp],
        "/v1/cases/{case_id}/fhir" => [Caller.OwningPhysician, Caller.Admin],
        "/v1/physician/workspace" or "/v1/physician/events" => [Caller.OwningPhysician, Caller.OtherPhysician],
        _ when template.StartsWith("/v1/cases/", StringComparison.Ordinal) => [Caller.OwningApp],
        _ when template.StartsWith("/v1/admin/", StringComparison.Ordinal) => [Caller.Admin],
        _ when template.StartsWith("/v1/physician/queues/", StringComparison.Ordinal) => [Caller.OwningPhysician, Caller.OtherPhysician],
        _ when template.StartsWith("/v1/physician/cases/", StringComparison.Ordinal) => [Caller.OwningPhysician],
        _ when template.StartsWith("/v1/analytics/", StringComparison.Ordinal) => [Caller.Evaluator, Caller.Regulator],
        _ when template.StartsWith("/v1/audit", StringComparison.Ordinal) => [Caller.Regulator, Caller.Admin],
        _ => throw new InvalidOperationException($"no expected roles written for {template}: add them to this test"),
    };

    private static string? KeyOf(Caller caller) => caller switch
    {
        Caller.NoKey => null,
        Caller.WrongKey => "not-a-key-of-anyone",
        Caller.OwningApp => TriageServiceHost.KeyA,
        Caller.OtherApp => TriageServiceHost.KeyB,
        Caller.OwningPhysician => TriageServiceHost.KeyDoctor1,
        Caller.OtherPhysician => TriageServiceHost.KeyDoctor2,
        Caller.Admin => TriageServiceHost.KeyAdmin,
        Caller.Evaluator => TriageServiceHost.KeyEvaluator,
        Caller.Regulator => TriageServiceHost.KeyRegulator,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    /// <summary>
    /// A body that passes validation, so that a refusal can only come from who the caller is; signed
    /// and checked as the caller itself would (a physician's own prescription signature and real-name check).
    /// </summary>
    private string Body(string template, Caller caller, string caseId)
    {
        var physician = caller == Caller.OtherPhysician ? "doc-2" : "doc-1";
        Google.Protobuf.IMessage? body = template switch
        {
            "/v1/cases/{case_id}/answers" => new AnswerQuestionsRequest { AddedText = "有点痒" },
            "/v1/cases/{case_id}:book" => new BookVisitRequest { Hospital = "BCH" },
            "/v1/cases/{case_id}/messages" => new ParentMessageRequest { Text = "今天好一些" },
            "/v1/physician/cases/{case_id}:start" => new StartConsultationRequest { RealNameCheck = RealNameChecks.For(physician, _host.Clock.GetUtcNow()) },
            "/v1/physician/cases/{case_id}/messages" => new PhysicianMessageRequest { Text = "湿疹范围多大？" },
            "/v1/physician/cases/{case_id}:terminate" => new TerminateVisitRequest { Reason = "unsuitable_online", Note = "需面诊" },
            "/v1/physician/cases/{case_id}:continue" => new ContinueAfterAlertRequest { Reason = "已电话确认呼吸平稳" },
            "/v1/physician/cases/{case_id}:hand-back" => new HandBackVisitRequest { Reason = "临时有事" },
            "/v1/physician/cases/{case_id}:complete" => new CompleteVisitRequest { Diagnosis = "婴儿湿疹", FinalDisposition = Disposition.Online, FinalSpecialty = Specialty.Dermatology },
            "/v1/physician/cases/{case_id}/prescriptions" => Prescription(caseId, caller),
            _ => null,
        };
        return body is null ? "{}" : Google.Protobuf.JsonFormatter.Default.Format(body);
    }

    private static PrescribeRequest Prescription(string caseId, Caller caller)
    {
        var request = new PrescribeRequest { CaseId = caseId, GuardianPresent = true, PhysicianPresent = true };
        request.Items.Add(new PrescriptionItem { Drug = "丁酸氢化可的松乳膏", Dosage = "外用 每日1次" });
        return request.Signed(KeyOf(caller) ?? "none");
    }

    [Fact]
    public async Task EveryRouteByEveryCaller_OnlyItsRolesGetThrough_NoOneReachesAnothersCase_NothingIs5xx()
    {
        await _host.PhysicianAdmin().RegisterPhysicianAsync(PhysicianApiTests.Registration(_host.Clock, "doc-1"));
        await _host.PhysicianAdmin().RegisterPhysicianAsync(PhysicianApiTests.Registration(_host.Clock, "doc-2"));
        var reply = await _host.Grpc().AssessAsync(new AssessRequest { Complaint = Eczema, GuardianPresent = true, Patient = new Patient { AgeMonths = 8 } });
        await _host.Grpc().BookVisitAsync(new BookVisitRequest { CaseId = reply.CaseId, Hospital = "BCH" });
        var taken = await _host.Physician().TakeCaseAsync(new TakeCaseRequest { Hospital = "BCH", Specialty = Specialty.Dermatology });
        Assert.Equal(reply.CaseId, taken.Case.CaseId);
        await _host.Physician().StartConsultationAsync(new StartConsultationRequest { CaseId = reply.CaseId, RealNameCheck = RealNameChecks.For("doc-1", _host.Clock.GetUtcNow()) });

        var routes = Routes();
        var bypasses = new List<string>();
        var serverErrors = new List<string>();
        var refusedOwners = new List<string>();
        var calls = 0;
        // Refused callers first, so that every one of them meets the case in consultation.
        foreach (var allowedPass in new[] { false, true })
        {
            foreach (var (method, template) in routes)
            {
                var path = template
                    .Replace("{case_id}", reply.CaseId, StringComparison.Ordinal)
                    .Replace("{physician_id}", "doc-2", StringComparison.Ordinal)
                    .Replace("{hospital}", "BCH", StringComparison.Ordinal)
                    .Replace("{specialty}", "dermatology", StringComparison.Ordinal);
                foreach (var caller in Enum.GetValues<Caller>().Where(c => Allowed(template).Contains(c) == allowedPass))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (KeyOf(caller) is { } key)
                    {
                        request.Headers.Add("x-api-key", key);
                    }

                    if (method != "GET")
                    {
                        request.Content = new StringContent(Body(template, caller, reply.CaseId), System.Text.Encoding.UTF8, "application/json");
                    }

                    // Headers only: a streaming route answers its status at once and streams until the response is disposed.
                    using var response = await _host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    calls++;
                    var status = (int)response.StatusCode;
                    var what = $"{caller} {method} {template}: {status}";
                    if (status >= 500)
                    {
                        serverErrors.Add(what);
                    }
                    else if (!allowedPass && status is not (401 or 403 or 404))
                    {
                        bypasses.Add(what);
                    }
                    else if (allowedPass && status is 401 or 403 or 404 && !(status == 404 && caller == Caller.OtherApp))
                    {
                        refusedOwners.Add(what);
                    }
                }
            }
        }

        Assert.True(routes.Count >= 38, $"{routes.Count} routes");
        Assert.Equal(routes.Count * Enum.GetValues<Caller>().Length, calls);
        Assert.True(bypasses.Count == 0, string.Join("\n", bypasses));
        Assert.True(serverErrors.Count == 0, string.Join("\n", serverErrors));
        Assert.True(refusedOwners.Count == 0, string.Join("\n", refusedOwners));
    }
}
